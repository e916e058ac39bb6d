"""Inline suppressions: disabled ranges, next-line, unused-suppression warnings, --no-inline-config."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager

from hypothesis import given, settings
from hypothesis import strategies as st

from policygen.check.suppress import CODE, MAX_NAMED, apply_suppressions, rule_keys, scan_directives
from policygen.output import Finding

NAMES = {"PL203": "vague.qualifier", "PL204": "wordy.word", "PL111": "sentence.too_long"}


def at(code: str, line: int, column: int = 1, width: int = 3) -> Finding:
    return Finding(line=line, column=column, end_line=line, end_column=column + width, code=code,
                   name=NAMES[code], category="vague", severity="warning", message=f"{code} here")


def places(findings: list[Finding]) -> list[tuple[str, int, int]]:
    return [(f.code, f.line, f.column) for f in findings]


RANGE = """\
Vi kan komma att dela.
<!-- policygen: disable=PL203 -->
Vi kan komma att dela.
Vi erhåller data.
<!-- policygen: enable=PL203 -->
Vi kan komma att dela.
"""


def test_a_disabled_range_drops_only_its_codes_between_the_comments() -> None:
    findings = [at("PL203", 1, 4), at("PL203", 3, 4), at("PL204", 4, 4), at("PL203", 6, 4)]
    assert places(apply_suppressions(RANGE, findings)) == [("PL203", 1, 4), ("PL204", 4, 4), ("PL203", 6, 4)]


def test_position_on_the_comment_line_decides() -> None:
    source = "kan <!-- policygen: disable=PL203 --> kan\n"
    kept = apply_suppressions(source, [at("PL203", 1, 1), at("PL203", 1, 39)])
    assert places(kept) == [("PL203", 1, 1)]


def test_disable_without_codes_means_every_rule_until_enable() -> None:
    source = "a\n<!-- policygen: disable -->\nb\n<!-- policygen: enable -->\nc\n"
    kept = apply_suppressions(source, [at("PL203", 3), at("PL204", 3), at("PL204", 5)])
    assert places(kept) == [("PL204", 5, 1)]


def test_enable_one_code_inside_a_disable_all() -> None:
    source = "<!-- policygen: disable -->\na\n<!-- policygen: enable=PL203 -->\nb\n"
    kept = apply_suppressions(source, [at("PL203", 2), at("PL204", 2), at("PL203", 4), at("PL204", 4)])
    assert places(kept) == [("PL203", 4, 1)]


def test_an_unclosed_disable_runs_to_the_end() -> None:
    source = "a\n<!-- policygen: disable=PL204 -->\nb\n\n\nc\n"
    assert places(apply_suppressions(source, [at("PL204", 1), at("PL204", 6)])) == [("PL204", 1, 1)]


def test_codes_as_dotted_names_and_in_any_case() -> None:
    source = "<!--policygen:disable=vague.qualifier, pl204-->\nx\n"
    assert apply_suppressions(source, [at("PL203", 2), at("PL204", 2)]) == []


def test_disable_next_line() -> None:
    source = "a\n<!-- policygen: disable-next-line=PL111 -->\nlong sentence\nnext line\n"
    findings = [at("PL111", 2, 1), at("PL111", 3, 1, 40), at("PL203", 3, 6), at("PL111", 4, 1)]
    kept = apply_suppressions(source, findings)
    assert places(kept) == [("PL111", 2, 1), ("PL203", 3, 6), ("PL111", 4, 1)]


def test_disable_next_line_without_codes_and_after_a_multi_line_comment() -> None:
    source = "<!-- policygen:\n  disable-next-line -->\nx\n"
    assert apply_suppressions(source, [at("PL203", 3), at("PL204", 3, 5)]) == []


def test_a_suppression_that_suppresses_nothing_is_a_warning_at_the_comment() -> None:
    source = "Vi delar.\n\n  <!-- policygen: disable-next-line=PL203 -->\nVi delar.\n"
    [warning] = apply_suppressions(source, [])
    assert (warning.code, warning.name, warning.severity) == (CODE, "suppression.unused", "warning")
    assert (warning.line, warning.column, warning.end_line, warning.end_column) == (3, 3, 3, 46)
    assert warning.message == "<!-- policygen: disable-next-line=PL203 --> suppresses nothing."


def test_each_unused_code_of_a_suppression_is_named() -> None:
    source = "<!-- policygen: disable=PL203,PL999 -->\nx\n"
    kept = apply_suppressions(source, [at("PL203", 2)])
    assert [f.message for f in kept] == ["<!-- policygen: disable=PL203,PL999 --> suppresses nothing for PL999."]
    assert kept[0].line == 1


def test_a_used_suppression_is_silent() -> None:
    assert apply_suppressions(RANGE, [at("PL203", 3, 4)]) == []


def test_unknown_directives_and_idle_enables_are_reported() -> None:
    source = "<!-- policygen: disabel=PL203 -->\n<!-- policygen: enable=PL204 -->\nx\n"
    kept = apply_suppressions(source, [at("PL203", 3)])
    assert places(kept) == [(CODE, 1, 1), (CODE, 2, 1), ("PL203", 3, 1)]
    assert kept[0].message.startswith("Unknown policygen directive 'disabel'")
    assert kept[1].message == "<!-- policygen: enable=PL204 --> ends no disabled range."


def test_no_inline_config_ignores_every_directive() -> None:
    findings = [at("PL203", 3, 4), at("PL204", 4, 4)]
    assert apply_suppressions(RANGE, findings, inline_config=False) == findings
    assert apply_suppressions("<!-- policygen: disable -->\n", [], inline_config=False) == []


def test_comments_in_markdown_code_fences_are_examples() -> None:
    source = "```html\n<!-- policygen: disable -->\n```\nx\n"
    assert scan_directives(source, "md") == []
    assert places(apply_suppressions(source, [at("PL203", 4)], "md")) == [("PL203", 4, 1)]
    assert apply_suppressions(source, [at("PL203", 4)], "html") == []


def test_other_comments_are_left_alone() -> None:
    source = "<!-- vale off -->\n<!-- a note about policygen -->\nx\n"
    assert scan_directives(source) == []


def test_pl001_severity_can_be_changed_or_switched_off() -> None:
    source = "<!-- policygen: disable=PL203 -->\nx\n"
    [warning] = apply_suppressions(source, [], unused_severity="error")
    assert warning.severity == "error"
    assert apply_suppressions(source, [at("PL204", 2)], unused_severity=None) == [at("PL204", 2)]


def test_codes_of_rules_that_did_not_run_are_not_judged() -> None:
    source = "<!-- policygen: disable=PL203,PL204 -->\n<!-- policygen: disable-next-line=PL111 -->\nx\n"
    ran = rule_keys([at("PL204", 1)])  # only PL204 checked this file, and found nothing
    [warning] = apply_suppressions(source, [], ran=ran)
    assert warning.message == "<!-- policygen: disable=PL203,PL204 --> suppresses nothing for PL204."
    assert "wordy.word" in ran and "PL204" in ran


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["<!--", "-->", " policygen:", "disable", "enable", "disable-next-line", "=",
                                  "PL203", "wordy.word", ",", "\n", "```", "~~~", "a", " "]), max_size=60).map("".join))
def test_any_text_scans_without_error_and_keeps_or_drops_whole_findings(source: str) -> None:
    findings = [at("PL203", line, 1) for line in range(1, source.count("\n") + 3)]
    result = apply_suppressions(source, findings)
    assert all(f in findings or f.code == CODE for f in result)
    assert apply_suppressions(source, findings, inline_config=False) == findings


@contextmanager
def hang_guard(seconds: int = 60) -> Iterator[None]:
    """Fail instead of hanging when the block runs longer than ``seconds``."""

    def expired(signum: int, frame: object) -> None:
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_unclosed_comments_are_read_once() -> None:
    """1 MB of ``<!-- policygen: `` with no ``-->``: no directive, and one pass over the text (each
    opening used to search the rest of the text again: 190 s for 320 KB)."""
    source = "<!-- policygen: " * 65_000 + "\nVi kan komma att dela.\n"
    findings = [at("PL203", 2, 4)]
    with hang_guard():
        assert scan_directives(source) == []
        assert apply_suppressions(source, findings) == findings


def test_a_flood_of_directives_and_findings_stays_bounded() -> None:
    """20,000 open ranges and 10,000 findings: each finding is matched in a few steps, and the
    directives past the limit are reported once and ignored."""
    source = "<!-- policygen: disable=PL203 -->\n" * 20_000 + "Vi kan komma att dela.\n" * 10_000
    findings = [at("PL203", line, 4) for line in range(20_001, 30_001)]
    with hang_guard():
        result = apply_suppressions(source, findings)
    [warning] = result
    assert (warning.code, warning.line, warning.column) == (CODE, MAX_NAMED + 1, 1)
    assert warning.message == (f"The policygen comments of this file name more than {MAX_NAMED:,} rules: "
                               f"this comment and the {20_000 - MAX_NAMED - 1:,} after it are ignored.")


def test_directives_past_the_limit_suppress_nothing() -> None:
    source = "<!-- policygen: disable-next-line=PL203 -->\nx\n" * (MAX_NAMED + 1)
    findings = [at("PL203", line) for line in range(2, 2 * MAX_NAMED + 3, 2)]
    result = apply_suppressions(source, findings)
    assert places(result) == [(CODE, 2 * MAX_NAMED + 1, 1), ("PL203", 2 * MAX_NAMED + 2, 1)]
