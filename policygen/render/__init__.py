"""Rendering: a valid description → Markdown, HTML, PDF and JSON documents.

Entry point: :func:`policygen.render.build.build` (see docs/build.md). The engine (environments,
Markdown → HTML, sanitising, PDF, consent records, site layout, atomic output) and the content
(templates, view-model, rights, locale) meet in the contract written down in docs/build.md.
"""
