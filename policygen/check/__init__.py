"""The plain-language checker: which sentences are unclear, and why? Works on any text.

Never imports ``policygen.model``, ``policygen.render`` or ``policygen.cli``.
"""
