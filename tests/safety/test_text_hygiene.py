"""Text hygiene: what a description may hold, and that every address that validates renders (issue 9).

Before: ``name: "Exempel\\0Support\\eAB"`` passed validate and broke the PDF's XMP metadata; a
right-to-left override was published unchanged; ``o'brien@exempel.se`` and web addresses with
``(``, ``'`` or ``\\`` validated but failed inside a built-in template; ``a?cc=evil%40x.example&x=@
exempel.se`` validated and became a ``mailto:`` that added a cc recipient; ``secur-ity`` and
``secur_ity`` gave one anchor, reported without file, line or key; ``SOURCE_DATE_EPOCH=abc`` was a
traceback.
"""

from __future__ import annotations

import html
import os
import re
import subprocess
from pathlib import Path

import pytest

from safety_helpers import EXAMPLE, command

from policygen.errors import UserError
from policygen.model.loader import load_description_text
from policygen.render.sanitize import UnsafeLink, md_link

SOURCE = EXAMPLE.read_text(encoding="utf-8")


def _replace(old: str, new: str, text: str = SOURCE) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def _problems(text: str) -> list:
    with pytest.raises(UserError) as caught:
        load_description_text(text, "desc.yaml")
    return caught.value.problems


def _run(*args: str, epoch: str | None = "1767225600", cwd: Path | None = None):
    env = dict(os.environ)
    env.pop("SOURCE_DATE_EPOCH", None)
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = epoch
    return subprocess.run(command(*args), capture_output=True, text=True, env=env, check=False,
                          timeout=120, cwd=cwd)


# --- control characters and bidi overrides ---------------------------------------------------

@pytest.mark.parametrize(("old", "new", "key", "character"), [
    ("  name: Exempel Support AB", '  name: "Exempel\\0Support\\eAB"', "controller.name", "U+0000"),
    ("  name: Exempel Support AB", '  name: "Exempel Support\\bAB"', "controller.name", "U+0008"),
    ("  name: Exempel Support AB", '  name: "Exempel \\u202eBA troppuS"', "controller.name", "U+202E"),
    ("  name: Karin Lund", '  name: "Karin \\u2066Lund\\u2069"', "dpo.name", "U+2066"),
    ("  email: dataskydd@exempel.se", '  email: "data\\u202eskydd@exempel.se"', "controller.email",
     "U+202E"),
    ("  website: https://exempel.se", '  website: "https://exempel.se/\\x85"', "controller.website",
     "U+0085"),
    ("  - id: crm", '  - id: "c\\u202drm"', "recipients[0].id", "U+202D"),
])
def test_control_and_bidi_characters_are_a_located_format_error(old, new, key, character) -> None:
    text = _replace(old, new)
    problems = [problem for problem in _problems(text) if problem.key == key]
    assert len(problems) == 1, problems
    [problem] = problems
    assert problem.file == "desc.yaml"
    assert problem.line == _line_of(text, new.strip()) and problem.column > 1
    assert character in problem.message and problem.hint
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", problem.render())


def test_a_control_character_in_a_translated_text_is_located_at_its_language(tmp_path) -> None:
    text = _replace("sv: Skicka vårt nyhetsbrev till dig", 'sv: "Skicka vårt\\u202a nyhetsbrev"')
    [problem] = _problems(text)
    assert problem.key == "purposes[3].title.sv" and "U+202A" in problem.message
    description = tmp_path / "desc.yaml"
    description.write_text(text, encoding="utf-8")
    run = _run("validate", str(description))
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert f"desc.yaml:{_line_of(text, 'Skicka vårt')}:" in run.stderr


def test_tab_and_newline_stay_allowed() -> None:
    text = _replace("  name: Exempel Support AB", '  name: "Exempel\\tSupport AB"')
    load_description_text(text, "desc.yaml")


# --- every address that validates renders --------------------------------------------------

def _built_page(tmp_path: Path, text: str, page: str = "sv/integritetspolicy.html") -> str:
    description = tmp_path / "desc.yaml"
    description.write_text(text, encoding="utf-8")
    run = _run("build", str(description), "--out", str(tmp_path / "site"), "--lang", "sv")
    assert run.returncode == 0, run.stderr
    return (tmp_path / "site" / page).read_text(encoding="utf-8")


def test_an_apostrophe_in_an_email_address_renders_as_a_working_link(tmp_path) -> None:
    text = _replace("  email: dataskydd@exempel.se", "  email: \"o'brien@exempel.se\"")
    page = _built_page(tmp_path, text)
    assert 'href="mailto:o%27brien@exempel.se"' in page
    assert "o'brien@exempel.se" in html.unescape(re.sub(r"<[^>]+>", "", page))


@pytest.mark.parametrize(("website", "href"), [
    ("https://exempel.se/om(oss)", "https://exempel.se/om%28oss%29"),
    ("https://exempel.se/o'brien", "https://exempel.se/o%27brien"),
    ("https://exempel.se/a\\\\b", "https://exempel.se/a%5Cb"),
])
def test_unusual_web_addresses_render_as_working_links(tmp_path, website, href) -> None:
    text = _replace("  website: https://exempel.se", f'  website: "{website}"')
    page = _built_page(tmp_path, text)
    assert f'href="{href}"' in page


def test_an_unusual_form_action_posts_to_the_encoded_address(tmp_path) -> None:
    text = _replace("  action: https://exempel.se/samtycke",
                    "  action: \"https://exempel.se/samtycke(o'brien)\"")
    page = _built_page(tmp_path, text, "sv/samtycke.html")
    assert 'action="https://exempel.se/samtycke%28o%27brien%29"' in page


@pytest.mark.parametrize("address", ["a?cc=evil%40x.example&x=@exempel.se",
                                     "a%40evil.example@exempel.se", "a&b@exempel.se",
                                     "a#b@exempel.se", "a/b@exempel.se"])
def test_an_email_address_that_would_smuggle_headers_is_refused(address: str) -> None:
    text = _replace("  email: dataskydd@exempel.se", f'  email: "{address}"')
    [problem] = [p for p in _problems(text) if p.key == "controller.email"]
    assert "mailto:" in problem.message and problem.line == _line_of(text, address)


def test_mailto_links_carry_only_the_address() -> None:
    with pytest.raises(UnsafeLink):
        md_link("x", "mailto:a?cc=evil%40x.example&x=@exempel.se")
    assert md_link("x", "mailto:åsa+news@exempel.se") == "[x](mailto:%C3%A5sa+news@exempel.se)"


# --- anchors ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("first", "second"), [("secur-ity", "secur_ity"), ("a--b", "a_b"),
                                               ("qual-ity", "qual__ity")])
def test_ids_that_give_the_same_anchor_are_a_located_format_error(first, second) -> None:
    text = _replace("  - id: quality", f"  - id: {first}")
    text = _replace("  - id: security", f"  - id: {second}", text)
    text = text.replace("[quality", f"[{first}").replace("[security", f"[{second}")
    problems = [p for p in _problems(text) if "same anchor" in p.message]
    assert len(problems) == 1, _problems(text)
    [problem] = problems
    assert problem.key == "purposes[2].id" and problem.line == _line_of(text, f"- id: {second}")
    assert f"`{first}`" in problem.message and "line" in problem.message


# --- SOURCE_DATE_EPOCH ---------------------------------------------------------------------------

@pytest.mark.parametrize("epoch", ["abc", "-1", "1e9", "99999999999999999999", "١٢٣", "12.5"])
def test_a_bad_source_date_epoch_is_exit_2_with_a_message(tmp_path, epoch: str) -> None:
    run = _run("build", str(EXAMPLE), "--out", str(tmp_path / "site"), "--lang", "sv", epoch=epoch)
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr and "SOURCE_DATE_EPOCH" in run.stderr
    assert "whole number of seconds" in run.stderr
    assert not (tmp_path / "site").exists()
