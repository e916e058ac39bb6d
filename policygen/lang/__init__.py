"""Languages: the one list of languages policygen writes and speaks, and what each one needs.

Everything that depends on the language lives under this package, as data read by small modules:
the language packs (every word the documents need), CLDR names, dates, lists and numbers through
Babel, and the glossaries (word lists and terms of art) that the checker and the renderer share.
The files a user writes (the description, glossaries, config) are read here too, by one YAML
loader (:mod:`.yaml_tree`) whose located, translated errors are the one user-error type
(:mod:`.errors`). It imports nothing from the rest of policygen, so every part may use it.
"""

LANGUAGES: tuple[str, ...] = ("sv", "en")
"""The languages of the documents, the checker and the interface, in presentation order."""


def capfirst(text: str) -> str:
    """Upper-case the first letter only ("ditt namn" → "Ditt namn"; "IP-adress" stays as it is):
    unlike ``str.capitalize`` it leaves the rest of the text as written."""
    text = str(text)
    return text[:1].upper() + text[1:]
