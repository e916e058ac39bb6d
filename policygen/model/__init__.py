"""The description format: typed, located models of one support organisation's processing.

Public API (other packages import only these names):
- :func:`load_description` (path → :class:`LoadedDescription`, raises ``UserError``)
- :func:`load_description_text` (the same from a string, for tests and tools)
- :class:`Locations` (``find("purposes[1].retention") → (line, column)``)
- the model classes in :mod:`policygen.model.description`
"""

from policygen.model.description import Description, Duration
from policygen.model.loader import LoadedDescription, load_description, load_description_text
from policygen.model.locations import Locations

__all__ = [
    "Description",
    "Duration",
    "LoadedDescription",
    "Locations",
    "load_description",
    "load_description_text",
]
