"""Change over time: the published history of a description, what changed, and whom to tell.

- :mod:`.store` reads and checks the history beside a description (``policy.history.json``);
  :mod:`.record` appends a published version atomically; :mod:`.lock` keeps writers apart.
- :mod:`.differ` compares two descriptions into :class:`.changes.Change` objects, each
  substantive or editorial with a reason (:mod:`.changes`, :mod:`.textdiff`); :mod:`.consents`
  says whose consent must be asked again and since when a consent is valid.
- :mod:`.rules` holds the findings of a build's comparison (G901–G903).
- :mod:`.speaker` and :mod:`.sentences` word each change in Swedish or English from
  ``templates/<lang>/changes.yaml``; :mod:`.report` prints ``policygen diff`` (human, JSON) and
  the build's summary; :mod:`.notice` writes the notice to customers (Markdown).
- :mod:`.publication` works out what a build shows of the history (render's
  :class:`~policygen.render.published.Published`).

Import contract (tests/test_architecture.py): this package may use ``model``, ``lang``, ``data``,
``output`` and ``render`` (the consent version ids, the Markdown escaping and the term explainer
are render's facts, and the notice is written with them); it never imports ``validate``,
``check`` or ``cli``, and ``render`` never imports it.
"""
