"""The consent form in a real browser: fill it, send it, and read what the browser sent.

The POST goes to ``forms.action``, an https URL on the organisation's site; the request guard
answers it inside the browser, so the test reads the very bytes the browser would have sent and
nothing leaves the machine. Expectations come from ``consent.json`` (the record of each text
shown and its version) and the description, never from the page.

Consent that proves something (issue 10): the form asks who consents (``forms.identifier``),
and the same form withdraws (``intent=withdraw``), so the page's "as easy as saying yes" is true.
Every case runs on every consent page: each bundled example and the two end-to-end descriptions,
in each of their languages.
"""

from __future__ import annotations

import pytest

from .browser_checks import (
    claim_problems,
    consent_form_problems,
    find_identifier,
    form_accepts_submission,
    identifier_problems,
    read_forms,
    submission_problems,
    tick_and_submit,
    voluntary_problems,
    withdrawal_problems,
)
from .browser_sites import CONSENT, SITES, consent_cases, load_description

CASES = consent_cases()


def case_id(case: tuple[str, str]) -> str:
    return f"{case[0]}/{case[1]}"


@pytest.fixture(params=CASES, ids=case_id)
def consent(request, sites, server, open_page):
    """(site, lang, a function that opens the consent page anew with its guard)."""
    name, lang = request.param
    site = sites[name]

    def open_form():
        return open_page(server.url(f"{name}/{lang}/{CONSENT[lang]}"), form_action=site.form_action)

    return site, lang, open_form


def _identifier(page, site, lang) -> tuple[str, str]:
    """(field name, a sample value) of the identifier field, or the problems as a failure."""
    snapshot = read_forms(page)
    spec = site.identifier(lang)
    problems = identifier_problems(snapshot, spec)
    assert not problems, "\n".join(problems)
    return find_identifier(snapshot, spec)["name"], spec.sample


def _choices(items) -> list[set[str]]:
    """Every box ticked, then (with several purposes) each box alone."""
    choices = [{item.purpose for item in items}]
    if len(items) > 1:
        choices += [{item.purpose} for item in items]
    return choices


def test_the_form_as_loaded(consent):
    """One labelled, unticked box per purpose asked on the web, its version beside it, posting
    to forms.action, with a button that gives consent; nothing ticked anywhere on the page."""
    site, lang, open_form = consent
    items = site.consent_items(lang)
    assert items, "consent.json records no web consent for this language"
    page, _ = open_form()
    snapshot = read_forms(page)
    problems = consent_form_problems(snapshot, items, site.form_action) + voluntary_problems(snapshot, items)
    assert not problems, "\n".join(problems)


def test_the_form_asks_who_consents(consent):
    """A labelled, required field for the data forms.identifier names (e.g. the e-mail address),
    of the input type and autocomplete token that data asks for, sent under the data's id."""
    site, lang, open_form = consent
    page, _ = open_form()
    problems = identifier_problems(read_forms(page), site.identifier(lang))
    assert not problems, "\n".join(problems)


def test_what_the_page_says_about_consent_is_true(consent):
    """The page says withdrawing is as easy as saying yes exactly when its form can withdraw,
    and nothing on it tells the reader that they have consented."""
    _, _, open_form = consent
    page, _ = open_form()
    problems = claim_problems(read_forms(page))
    assert not problems, "\n".join(problems)


def test_the_form_cannot_be_sent_without_saying_who(consent):
    """The browser's own validation refuses the form until the identifier is filled in."""
    site, lang, open_form = consent
    page, _ = open_form()
    name, value = _identifier(page, site, lang)
    assert not form_accepts_submission(page), "the form can be sent with no identifier"
    page.locator(f'form input[name="{name}"]').fill(value)
    assert form_accepts_submission(page), f"the form refuses a valid identifier {value!r}"


def test_sending_the_form_untouched_says_yes_to_nothing(consent, server):
    """Who, and no box ticked: no "yes" is sent. The POST to forms.action (on the organisation's
    site) was answered inside the browser, so the local server received nothing."""
    site, lang, open_form = consent
    items = site.consent_items(lang)
    page, guard = open_form()
    identifier = _identifier(page, site, lang)
    sent = tick_and_submit(page, items, set(), identifier)
    problems = submission_problems(sent, items, set(), site.form_action, identifier)
    assert not problems, "\n".join(problems)
    assert len(guard.captured) == 1 and server.take_posts() == []


def test_giving_consent_carries_who_what_and_which_text(consent):
    """Fill in who, tick boxes, press "give": the request carries the identifier, each ticked
    purpose's id and version, and no answer for the boxes left unticked."""
    site, lang, open_form = consent
    items = site.consent_items(lang)
    problems = []
    for ticked in _choices(items):
        page, _ = open_form()
        identifier = _identifier(page, site, lang)
        sent = tick_and_submit(page, items, ticked, identifier)
        problems += [f"ticking {sorted(ticked)}: {problem}" for problem in
                     submission_problems(sent, items, ticked, site.form_action, identifier)]
    assert not problems, "\n".join(problems)


def test_withdrawing_on_the_same_page(consent):
    """Withdrawal as easy as consent, on the same page, the same way: fill in who, tick what to
    take back, press "withdraw"; the request says who, intent=withdraw, and which purpose and
    which text each withdrawal answers, and nothing for the boxes left unticked."""
    site, lang, open_form = consent
    items = site.consent_items(lang)
    problems = []
    for ticked in _choices(items):
        page, _ = open_form()
        identifier = _identifier(page, site, lang)
        sent = tick_and_submit(page, items, ticked, identifier, intent="withdraw")
        problems += [f"withdrawing {sorted(ticked)}: {problem}" for problem in
                     withdrawal_problems(sent, items, ticked, identifier, site.form_action)]
    assert not problems, "\n".join(problems)


OTHER_CHANNELS = [(name, lang) for name, lang in CASES
                  if any((p.get("consent") or {}).get("channel", "web") != "web"
                         for p in load_description(SITES[name][0])["purposes"])]


def test_a_site_asks_for_consent_on_another_channel():
    """The bundled examples include consent asked on the phone (kundnara-saas), so the next
    test has something to check."""
    assert OTHER_CHANNELS


@pytest.mark.parametrize("case", OTHER_CHANNELS, ids=case_id)
def test_only_consents_asked_on_the_web_are_boxes(case, sites, server, open_page):
    """A consent asked on the phone, by e-mail or in person is in consent.json (with its proof,
    and no form) but has no box and no field on the consent page."""
    name, lang = case
    site = sites[name]
    others = [c for c in site.records(lang) if c["channel"] != "web"]
    assert others, "consent.json records none of the description's consents on other channels"
    page, _ = open_page(server.url(f"{name}/{lang}/{CONSENT[lang]}"), form_action=site.form_action)
    names = {c["name"] for form in read_forms(page)["forms"] for c in form["controls"]}
    for record in others:
        assert record["proof"] and record["form"] is None
        assert record["purpose"] not in names and f'{record["purpose"]}__version' not in names
