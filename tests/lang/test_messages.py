"""The interface language: choosing it, translating with it, and catalogues that are complete."""

from __future__ import annotations

import pytest

from policygen.errors import UserError
from policygen.lang import catalogues
from policygen.lang.datafile import read_bytes
from policygen.lang.messages import INTERFACE_LANGUAGES
from policygen.lang.messages import (
    _,
    choose_language,
    interface_language,
    language_from_environment,
    number,
    paragraph_keys,
    paragraphs,
    speaking,
)


@pytest.mark.parametrize(("environ", "expected"), [
    ({"LANG": "sv_SE.UTF-8"}, "sv"),
    ({"LANG": "sv"}, "sv"),
    ({"LANG": "sv_FI.UTF-8@euro"}, "sv"),
    ({"LANG": "en_GB.UTF-8"}, "en"),
    ({"LANG": "C.UTF-8"}, "en"),
    ({"LANG": "POSIX"}, "en"),
    ({}, "en"),
    ({"LANG": "de_DE.UTF-8"}, "en"),
    ({"LC_MESSAGES": "sv_SE.UTF-8", "LANG": "en_US.UTF-8"}, "sv"),
    ({"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "sv_SE.UTF-8"}, "en"),
    ({"LC_ALL": "", "LANG": "sv_SE.UTF-8"}, "sv"),  # set but empty: the next one decides
    ({"LC_ALL": "de_DE.UTF-8", "LANG": "sv_SE.UTF-8"}, "en"),  # POSIX: LC_ALL wins even unspoken
])
def test_the_locale_chooses_the_interface_language(environ, expected):
    assert language_from_environment(environ) == expected


def test_the_command_line_wins_over_the_locale():
    assert choose_language("en", {"LANG": "sv_SE.UTF-8"}) == "en"
    assert choose_language("sv", {"LANG": "C"}) == "sv"
    assert choose_language(None, {"LANG": "sv_SE.UTF-8"}) == "sv"
    with pytest.raises(ValueError, match="unknown interface language 'de'"):
        choose_language("de", {})


def test_speaking_is_scoped():
    assert interface_language() == "en"
    with speaking("sv"):
        assert interface_language() == "sv"
    assert interface_language() == "en"


def test_english_is_the_text_itself():
    with speaking("en"):
        assert _("A text nobody translated.") == "A text nobody translated."


@pytest.mark.parametrize(("language", "value", "decimals", "expected"), [
    ("en", 1_048_576, 0, "1,048,576"),
    ("sv", 1_048_576, 0, "1\u00a0048\u00a0576"),  # CLDR's Swedish group separator: a no-break space
    ("en", 52.345, 1, "52.3"),
    ("sv", 52.345, 1, "52,3"),
    ("sv", 45.5, None, "45,5"),
    ("sv", 50.0, None, "50"),
    ("en", 999, 0, "999"),
])
def test_numbers_are_written_as_the_interface_language_writes_them(language, value, decimals, expected):
    with speaking(language):
        assert number(value, decimals) == expected


def test_every_interface_language_has_a_number_locale():
    for language in INTERFACE_LANGUAGES:
        with speaking(language):
            assert number(1234.5, 1)  # a language without a CLDR locale would raise KeyError


def test_a_swedish_message_writes_its_numbers_the_swedish_way(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_bytes(b"a" * 2000)
    with speaking("sv"), pytest.raises(UserError) as raised:
        read_bytes(big, limit=1500)
    assert raised.value.problems[0].message == "filen är för stor (2\u00a0000 byte, gränsen är 1\u00a0500)"


def test_paragraph_keys_join_lines_and_keep_paragraphs_apart():
    text = "First line\n    goes on.\n\n  Second\n  paragraph.\n"
    assert paragraph_keys(text) == ["First line goes on.", "Second paragraph."]
    with speaking("en"):
        assert paragraphs(text) == "First line\n    goes on.\n\n  Second\n  paragraph."


def test_every_marked_text_of_the_code_has_its_swedish_translation():
    """A message, hint, label or help text marked with ``_``/``N_``/``ngettext`` and missing from
    ``policygen/locale/sv/LC_MESSAGES/*.po`` (or with other placeholders there) fails here, with
    where it is: ``python -m policygen.lang.catalogues add PART`` adds it for translation."""
    found = catalogues.code_messages()
    untranslated = [f"{found[m]}: {m!r}" for m in catalogues.missing(found, "sv")]
    assert not untranslated, "\n".join(untranslated)


def test_every_glossary_advice_has_its_swedish_translation():
    """An instruction a glossary gives the writer (``advice:``) is shown in the interface language;
    one missing from the ``.po`` files (or with other placeholders there) fails here."""
    found = catalogues.glossary_advice()
    assert found["say when"].startswith("glossary/")
    assert "say whether you do it: '{example}'" in found
    untranslated = [f"{found[m]}: {m!r}" for m in catalogues.missing(found, "sv")]
    assert not untranslated, "\n".join(untranslated)


def test_a_missing_advice_translation_is_reported(tmp_path):
    """The check above can fail: a glossary whose advice nobody translated is listed by ``missing``."""
    folder = tmp_path / "sv"
    folder.mkdir()
    (folder / "house.yaml").write_text(
        "lang: sv\nrule: {code: PL950, name: house.advice, category: wordy, type: existence}\n"
        "entries:\n  - phrase: härmed\n    advice: say what the word points to\n"
        "  - phrase: därmed\n    advice: a text no translator has seen\n", encoding="utf-8")
    found = catalogues.glossary_advice(tmp_path)
    assert found == {"say what the word points to": "glossary/sv/house.yaml: entries[0].advice",
                     "a text no translator has seen": "glossary/sv/house.yaml: entries[1].advice"}
    assert catalogues.missing(found, "sv") == ["a text no translator has seen"]


def test_the_compiled_catalogues_are_up_to_date():
    """``make messages`` compiles each ``.po`` into its ``.mo``; a stale ``.mo`` would speak old text."""
    files = catalogues.po_files("sv")
    for path in files:
        mo = path.with_suffix(".mo")
        assert mo.is_file(), f"{mo} is missing: run make messages"
        assert mo.read_bytes() == catalogues.compiled(path), f"{mo} is stale: run make messages"


def test_the_change_rules_documentation_has_its_swedish_translation():
    """The G9xx rules ``build`` reports (policygen/history/rules.py) are documented in their
    docstrings like the rules of ``validate``: summary, Why and Fix are catalogue keys that
    extraction does not see, so they are checked here."""
    from policygen.history.rules import all_rules

    keys = [key for rule in all_rules() for key in rule.doc_keys()]
    assert len(keys) == 3 * len(all_rules())
    assert catalogues.missing(keys, "sv") == []
