"""The internal support handbook (``policygen handbook``): routines, reply letters, phone scripts,
training with a quiz, the Art. 30(1) register and the CRM field catalogue, from the description.

Everything here reads the same facts as the policy (:mod:`policygen.model.facts`) and renders
through the same pipeline (:mod:`policygen.render`), so the routines and the policy never disagree.
:func:`policygen.render.handbook.writer.write_handbook` is the entry point; docs/handbook.md
describes the output.
"""
