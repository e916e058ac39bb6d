"""The description format: typed, located models of one support organisation's processing.

Public API (other packages import only these names):
- :func:`load_description` (path → :class:`LoadedDescription`, raises ``UserError``)
- the model classes in :mod:`policygen.model.description`
"""
