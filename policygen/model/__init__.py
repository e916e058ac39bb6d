"""The description format: typed, located models of one support organisation's processing.

Public API (other packages import only these names):
- :func:`load_description` (path → :class:`LoadedDescription`, raises ``UserError``)
- :func:`load_description_text` (the same from a string, for tests and tools)
- :func:`read_description_text` (a description file's text, read with the loader's checks)
- :func:`reader_texts`, :func:`shown_names`, :func:`with_values` (the values people read:
  :mod:`policygen.model.reader_texts`)
- :class:`Locations` (``find("purposes[1].retention") → (line, column)``)
- the model classes in :mod:`policygen.model.description`
"""

from policygen.model.description import Description, Duration
from policygen.model.loader import LoadedDescription, load_description, load_description_text
from policygen.lang.locations import Locations
from policygen.model.reader_texts import ReaderText, reader_texts, shown_names, with_values
from policygen.model.source import read_description_text

__all__ = [
    "Description",
    "Duration",
    "LoadedDescription",
    "Locations",
    "ReaderText",
    "load_description",
    "load_description_text",
    "read_description_text",
    "reader_texts",
    "shown_names",
    "with_values",
]
