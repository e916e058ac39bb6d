"""Built-in reference data that several parts of policygen need: countries and authorities.

Plain Python, no third-party imports, so render, validate and the CLI can all use it cheaply.
Each module says where its facts come from and when they were last checked.
"""
