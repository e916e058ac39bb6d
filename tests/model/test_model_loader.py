"""The loader: a valid description loads completely, every kind of format error is located."""

from __future__ import annotations

import datetime as dt

import pytest

from policygen.errors import UserError
from policygen.model import Duration, load_description, load_description_text

from .conftest import VALID, mutate, valid_text


def problems_of(text: str) -> list:
    with pytest.raises(UserError) as caught:
        load_description_text(text, "desc.yaml")
    return caught.value.problems


def test_valid_description_loads_with_normalised_texts_and_durations() -> None:
    loaded = load_description(str(VALID))
    description = loaded.description
    assert loaded.path == str(VALID)
    assert description.effective == dt.date(2026, 12, 1)
    assert description.purposes[0].retention.period == Duration(amount=24, unit="months")
    assert str(description.purposes[0].retention.period) == "24 months"
    assert description.purposes[1].title == {"sv": "Skicka nyhetsbrev", "en": "Send you our newsletter"}
    assert description.authority == "IMY"


def test_locations_give_key_positions_and_fall_back_to_the_parent() -> None:
    locations = load_description(str(VALID)).locations
    assert locations.find("controller.email") == (8, 3)
    assert locations.find("purposes[1].retention") == (43, 5)
    assert locations.find("purposes[1].data[0]") == (41, 12)
    assert locations.find("purposes[1].legitimate_interest") == (39, 5)  # missing: at its mapping
    assert locations.find("dpo.name") == (11, 1)
    assert locations.find_value("controller.email") == (8, 10)


def test_norway_is_a_country_not_false() -> None:
    loaded = load_description_text(mutate("  name: Lime CRM\n  country: SE", "  name: Lime CRM\n  country: NO"))
    assert loaded.description.record_system.country == "NO"


def test_yaml_1_2_scalars_on_and_yes_stay_text() -> None:
    loaded = load_description_text(mutate("name: Lime CRM", "name: on"))
    assert loaded.description.record_system.name == "on"


def test_one_language_accepts_plain_strings_for_prose() -> None:
    text = (
        "format: 1\nlanguages: [en]\neffective: 2026-01-31\n"
        "controller: {name: A, address: B, email: a@b.se}\n"
        "record_system: {name: CRM, country: SE}\n"
        "data:\n  - {id: name, label: name, holder: contact}\n"
        "purposes:\n  - id: support\n    title: Help you\n    data: [name]\n    legal_basis: contract\n"
    )
    description = load_description_text(text).description
    assert description.purposes[0].title == {"en": "Help you"}
    assert description.data[0].label == {"en": "name"}


def test_single_duration_unit_is_accepted() -> None:
    loaded = load_description_text(mutate("period: 24 months", "period: 1 month"))
    assert loaded.description.purposes[0].retention.period == Duration(amount=1, unit="months")


def test_fields_required_only_by_gdpr_are_optional_in_the_format() -> None:
    text = mutate("    retention:\n      period: 24 months\n      after: {sv: att ärendet har stängts, en: the case is closed}\n", "")
    text = text.replace("    consent:\n", "    unused_consent:\n").replace("    unused_consent:\n", "    consent:\n")
    text = text.replace("requests:\n  contact: dataskydd@exempel.se\n", "")
    loaded = load_description_text(text)
    assert loaded.description.purposes[0].retention is None
    assert loaded.description.requests is None


# (case, old, new, "line:col", key, message fragment, hint fragment)
BAD = [
    ("unknown key", "    retention:\n      period", "    retension:\n      period",
     "32:5", "purposes[0].retension", "unknown key `retension`", "did you mean `retention`?"),
    ("key at the wrong level", "    holder: case\n", "    holder: case\n    legal_basis: contract\n",
     "27:5", "data[2].legal_basis", "unknown key `legal_basis`",
     "`legal_basis` belongs in `purposes[]`; check the indentation"),
    ("key at the wrong level, two homes", "      period: 24 months\n",
     "      period: 24 months\n      recipients: [crm]\n", "34:7", "purposes[0].retention.recipients",
     "unknown key", "belongs in the top level or `purposes[]`"),
    ("wrong type: list for mapping", "dpo:\n  email: dso@exempel.se", "dpo:\n  - email: dso@exempel.se",
     "11:1", "dpo", "expected a mapping", "not a list"),
    ("wrong type: number for text", "name: Lime CRM", "name: 12",
     "15:9", "record_system.name", "expected text, found the number `12`", 'put it in quotes: "12"'),
    ("wrong type: text for list", "data: [email]", "data: email",
     "41:11", "purposes[1].data", "expected a list", "- "),
    ("bad date", "effective: 2026-12-01", "effective: 2026-13-01",
     "3:12", "effective", "not a real date", "YYYY-MM-DD"),
    ("not a date", "effective: 2026-12-01", "effective: next year",
     "3:12", "effective", "expected a date", "YYYY-MM-DD"),
    ("misspelt duration unit", "period: 24 months", "period: 24 monts",
     "33:15", "purposes[0].retention.period", "unknown unit `monts`", "did you mean `24 months`?"),
    ("zero duration", "period: 24 months", "period: 0 months",
     "33:15", "purposes[0].retention.period", "at least 1 month", "criteria"),
    ("negative duration", "period: 24 months", "period: -2 years",
     "33:15", "purposes[0].retention.period", "at least 1 year", "criteria"),
    ("swedish duration unit", "period: 24 months", "period: 24 månader",
     "33:15", "purposes[0].retention.period", "unknown unit", "`24 months`"),
    ("bad e-mail", "email: dataskydd@exempel.se\n  phone", "email: dataskydd.exempel.se\n  phone",
     "8:10", "controller.email", "not a valid e-mail address", "dataskydd@exempel.se"),
    ("mailto e-mail", "email: dso@exempel.se", "email: mailto:dso@exempel.se",
     "12:10", "dpo.email", "not a valid e-mail address", "without `mailto:`"),
    ("javascript url", "website: https://exempel.se", "website: javascript:alert(1)",
     "10:12", "controller.website", "not an https:// web address", "`javascript:` addresses are not allowed"),
    ("http url", "action: https://exempel.se/samtycke", "action: http://exempel.se/samtycke",
     "59:11", "forms.action", "not an https:// web address", "use https://"),
    ("unknown country", "  name: Lime CRM\n  country: SE", "  name: Lime CRM\n  country: XX",
     "16:12", "record_system.country", "not an ISO 3166-1 country code", "two-letter"),
    ("lower-case country", "  name: Lime CRM\n  country: SE", "  name: Lime CRM\n  country: se",
     "16:12", "record_system.country", "not an ISO 3166-1 country code", "write `SE`"),
    ("UK is not ISO", "    country: SE\ntransfers", "    country: UK\ntransfers",
     "53:14", "recipients[0].country", "not an ISO 3166-1", "`GB`"),
    ("unsupported language", "languages: [sv, en]", "languages: [sv, de]",
     "2:17", "languages[1]", "unsupported language `de`", "sv, en"),
    ("duplicate language", "languages: [sv, en]", "languages: [sv, sv]",
     "2:1", "languages", "`sv` is listed twice", "once"),
    ("missing translation", "title: {sv: Skicka nyhetsbrev, en: Send you our newsletter}",
     "title: {sv: Skicka nyhetsbrev}",
     "40:5", "purposes[1].title", "missing translation: en", "add `en: …`"),
    ("extra language", "title: {sv: Skicka nyhetsbrev, en: Send you our newsletter}",
     "title: {sv: Skicka nyhetsbrev, en: Send you our newsletter, de: Newsletter}",
     "40:5", "purposes[1].title", "not in `languages`: de", "remove de"),
    ("plain prose with two languages", "title: {sv: Skicka nyhetsbrev, en: Send you our newsletter}",
     "title: Skicka nyhetsbrev", "40:12", "purposes[1].title", "one translation per language", "sv: …"),
    ("empty translation", "label: {sv: namn, en: name}", "label: {sv: namn, en: ''}",
     "19:5", "data[0].label", "the en text is empty", "write the text"),
    ("dangling data id", "data: [email]", "data: [emial]",
     "41:12", "purposes[1].data[0]", "`emial` is not an id in `data`", "did you mean `email`?"),
    ("dangling recipient id", "recipients: [crm]", "recipients: [cmr]",
     "35:18", "purposes[0].recipients[0]", "`cmr` is not an id in `recipients`", "did you mean `crm`?"),
    ("dangling transfer recipient", "transfers: []",
     "transfers:\n  - {recipient: mailer, country: US, safeguard: standard_contractual_clauses}",
     "55:17", "transfers[0].recipient", "`mailer` is not an id in `recipients`", "`crm`"),
    ("duplicate id", "  - id: case_text", "  - id: email",
     "24:9", "data[2].id", "id `email` is already used in `data` (line 21)", "its own id"),
    ("bad id", "  - id: case_text", "  - id: Case Text",
     "24:9", "data[2].id", "`Case Text` is not a valid id", "`case_text`"),
    ("format version", "format: 1", "format: 2", "1:9", "format", "`format` must be 1", "format: 1"),
    ("unknown enum value", "legal_basis: contract", "legal_basis: contrakt",
     "31:18", "purposes[0].legal_basis", "`contrakt` is not one of", "did you mean `contract`?"),
    ("yes is not a boolean", "    holder: case\n", "    holder: case\n    special: yes\n",
     "27:14", "data[2].special", "expected true or false", "`true` or `false`"),
    ("text of the wrong type", "title: {sv: Skicka nyhetsbrev, en: Send you our newsletter}",
     "title: [Skicka nyhetsbrev]", "40:5", "purposes[1].title", "expected a text, found a list",
     "`{sv: …, en: …}`"),
    ("empty text", "title: {sv: Skicka nyhetsbrev, en: Send you our newsletter}", "title:",
     "40:5", "purposes[1].title", "the text is empty", "`{sv: …, en: …}`"),
    ("number for a period", "period: 24 months", "period: 24",
     "33:15", "purposes[0].retention.period", "found the number `24`", "`24 months`"),
    ("missing required key", "  email: dataskydd@exempel.se\n  phone", "  phone",
     "4:1", "controller.email", "missing required key `email`", "add `email:` to `controller`"),
    ("retention period without after", "      after: {sv: att ärendet har stängts, en: the case is closed}\n", "",
     "32:5", "purposes[0].retention", "`period` needs `after`", "after:"),
    ("retention with both shapes", "      after: {sv: att ärendet har stängts, en: the case is closed}",
     "      after: {sv: a, en: b}\n      criteria: {sv: c, en: d}",
     "32:5", "purposes[0].retention", "not both", "criteria"),
    ("unknown authority", "authority: IMY", "authority: Datainspektionen",
     "13:12", "authority", "unknown supervisory authority", "IMY"),
    ("duplicate key", "  name: Lime CRM\n", "  name: Lime CRM\n  name: Lime\n",
     "16:3", "record_system.name", "duplicate key `name` (first written on line 15)", "merge"),
    ("comma in a flow text", "title: {sv: Skicka nyhetsbrev, en: Send you our newsletter}",
     "title: {sv: Skicka, varje vecka, en: Send you our newsletter}",
     "40:5", "purposes[1].title", "not in `languages`", "put a text that holds commas in quotes"),
]


@pytest.mark.parametrize(("old", "new", "where", "key", "message", "hint"),
                         [case[1:] for case in BAD], ids=[case[0] for case in BAD])
def test_format_error_is_located_with_key_and_hint(old, new, where, key, message, hint) -> None:
    problems = problems_of(mutate(old, new))
    match = [p for p in problems if p.key == key]
    assert match, f"no problem at {key}: {[p.render() for p in problems]}"
    problem = match[0]
    assert f"{problem.line}:{problem.column}" == where
    assert message in problem.message
    assert hint in problem.hint
    assert problem.render().startswith(f"desc.yaml:{where}: {key}: ")


def test_several_errors_are_reported_together_in_file_order() -> None:
    text = mutate("data: [email]", "data: [emial]")
    text = text.replace("    retention:\n      period", "    retension:\n      period")
    text = text.replace("en: Help you with your support case}", "}")
    problems = problems_of(text)
    assert [(p.line, p.key) for p in problems] == [
        (29, "purposes[0].title"),
        (32, "purposes[0].retension"),
        (41, "purposes[1].data[0]"),
    ]


def test_a_wrong_languages_list_is_reported_once_not_per_text() -> None:
    problems = problems_of(mutate("languages: [sv, en]", "languages: [sv, fi]"))
    assert [p.key for p in problems] == ["languages[1]"]


@pytest.mark.parametrize(("text", "where", "message", "hint"), [
    ("", "1:1", "the file is empty", "policygen init"),
    ("# only a comment\n", "1:1", "the file is empty", "policygen init"),
    ("- format: 1\n- languages: [sv]\n", "1:1", "top level must be a mapping", "without `- `"),
    ("just text\n", "1:1", "top level must be a mapping", "format: 1"),
    ("name: CI\non:\n  push: {}\n", "1:1", "this is not a policygen description", "policygen init"),
    ("format: 1\nlanguages: [sv\n", "3:1", "YAML syntax error", "`[` opened on line 2 is not closed"),
    # the parser names the flow node it was reading, not the bracket left open: that one is found
    ("format: 1\nlanguages: [\n", "3:1", "YAML syntax error", "the `[` opened on line 2 is not closed with `]`"),
    ("format: 1\nx: {a: 1,\n  b: [1, 2\ny: 3\n", "4:2", "YAML syntax error",
     "the `[` opened on line 3 is not closed with `]`"),
    ('format: 1\nlanguages: ["s]v", en\n', "3:1", "YAML syntax error", "the `[` opened on line 2 is not closed"),
    ("format: 1\ncontroller:\n\tname: A\n", "3:1", "a tab is used for indentation", "spaces"),
    ("format: 1\nlanguages: &l [sv]\n", "2:12", "anchors (&l) are not allowed", "in full"),
    ("format: 1\nb: *l\n", "2:4", "aliases (*l) are not allowed", "in full"),
    ("format: !!python/object:os.system 1\n", "1:9", "tags such as `!!python/object:os.system`", "remove the tag"),
    ("format: 1\n---\nformat: 1\n", "2:1", "only one YAML document", "---"),
    ("? [a, b]\n: 1\n", "1:3", "a key must be plain text", "key: value"),
    ("a: b: c\n", "1:5", "mapping values are not allowed", "quote"),
    ("format:\t1\n", "1:8", "a tab is used where YAML expects a space", "replace the tab"),
    ('a: "\\ud800"\n', "1:4", "lone surrogate", "write the character itself"),
], ids=["empty", "comment only", "top-level list", "top-level text", "another YAML file", "syntax",
        "unclosed at the end", "unclosed inside another", "bracket in quotes", "tab", "anchor",
        "alias", "tag", "two documents", "complex key", "colon in value",
        "tab as separator", "lone surrogate"])
def test_bad_yaml_is_located(text, where, message, hint) -> None:
    problems = problems_of(text)
    assert len(problems) == 1
    problem = problems[0]
    assert f"{problem.line}:{problem.column}" == where
    assert message in problem.message
    assert hint in problem.hint


def test_deep_nesting_is_refused_without_recursion_error() -> None:
    problems = problems_of("a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert "nesting is deeper than" in problems[0].message


def test_huge_integer_does_not_crash() -> None:
    problems = problems_of(mutate("format: 1", "format: " + "9" * 5000))
    assert problems[0].key == "format"


def test_control_characters_in_quoted_values_cannot_reach_the_terminal() -> None:
    problems = problems_of(mutate("email: dso@exempel.se", 'email: "\\e[2Jdso\\u202e@x"'))
    (problem,) = [p for p in problems if p.key == "dpo.email"]
    assert "\x1b" not in problem.message and "\u202e" not in problem.message
    assert "`\\u{001b}[2Jdso\\u{202e}@x`" in problem.message


def test_long_values_are_cut_in_messages() -> None:
    problems = problems_of(mutate("email: dso@exempel.se", "email: " + "x" * 5000))
    assert all(len(p.message) <= 300 for p in problems)


def test_every_located_key_points_at_its_name_in_the_file() -> None:
    lines = valid_text().split("\n")
    locations = load_description(str(VALID)).locations
    assert len(locations.keys) > 80
    for path, (line, column) in locations.keys.items():
        last = path.rsplit(".", 1)[-1]
        if not path or last.endswith("]"):
            continue  # list items are located at their value
        assert lines[line - 1][column - 1:].startswith(last), (path, line, column)


def test_a_misspelt_required_key_is_one_problem_not_two() -> None:
    text = valid_text().replace('  address: "Storgatan', '  adress: "Storgatan', 1)
    problems = problems_of(text)
    assert [(p.line, p.column, p.key, p.message, p.hint) for p in problems] == [
        (7, 3, "controller.adress", "unknown key `adress`", "did you mean `address`?")]


def test_a_missing_key_beside_an_unrelated_unknown_key_is_still_reported() -> None:
    text = valid_text().replace('  address: "Storgatan 1, 111 22 Stockholm"', '  color: blue', 1)
    assert sorted(p.key for p in problems_of(text)) == ["controller.address", "controller.color"]


@pytest.mark.parametrize(("value", "english", "swedish"), [
    ("-1", "expected at least 0, found the number `-1`", "här ska stå minst 0, men här finns talet `-1`"),
    ("400", "expected at most 365, found the number `400`", "här ska stå högst 365, men här finns talet `400`"),
    ("1.5", "expected a whole number, found the number `1.5`", "här ska stå ett heltal, men här finns talet `1.5`"),
    ("thirty", "expected a whole number, found the text `thirty`", "här ska stå ett heltal, men här finns texten `thirty`"),
])
def test_a_bound_or_a_number_is_worded_in_the_interface_language(value: str, english: str, swedish: str) -> None:
    """Pydantic's own checks (``ge``, ``le``, strict ``int``) are worded like every other mistake, never
    in pydantic's English."""
    from policygen.lang.messages import speaking

    text = valid_text() + f"changes:\n  notice_days: {value}\n"
    line = text.count("\n")  # the last line
    for language, message in (("en", english), ("sv", swedish)):
        with speaking(language):
            (problem,) = problems_of(text)
        assert (problem.line, problem.column, problem.key, problem.message) == (line, 16, "changes.notice_days", message)
