"""Rendering: a valid description → Markdown, HTML, PDF and JSON documents.

Entry point: :func:`policygen.render.build.build` (see docs/build.md). The engine (environments,
Markdown → HTML, sanitising, PDF, consent records, site layout, atomic output) renders the shared
templates (docs/templates.md) with the words of the language packs (:mod:`policygen.render.words`)
and the view of the description (:mod:`policygen.render.context`, over :mod:`policygen.model.facts`).
"""
