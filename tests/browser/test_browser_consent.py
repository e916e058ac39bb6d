"""The consent form in a real browser: fill it, send it, and read what the browser sent.

The POST goes to ``forms.action``, an https URL on the organisation's site; the request guard
answers it inside the browser, so the test reads the very bytes the browser would have sent and
nothing leaves the machine. Expectations come from ``consent.json`` (the record of each text
shown and its version) and the description, never from the page.

Issue 10 asks for more than today's form does: a field that says who consents (``forms.
identifier``) and withdrawal on the same page. The tests of that behaviour are written as it
must work and marked ``xfail(strict=True)``: they fail today, and the day the form is fixed they
pass, which strict mode turns into a failure until the marker is removed.
"""

from __future__ import annotations

import pytest

from .browser_checks import (
    consent_form_problems,
    find_identifier,
    form_accepts_submission,
    identifier_problems,
    read_forms,
    submission_problems,
    tick_and_submit,
    withdrawal_problems,
)
from .browser_sites import CONSENT, consent_cases

CASES = consent_cases()
NO_IDENTIFIER_YET = pytest.mark.xfail(strict=True, raises=AssertionError,
                                      reason="issue 10: consent form has no identifier yet")


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


def test_the_form_as_loaded(consent):
    """One labelled, unticked box per recorded purpose, its version beside it, posting to
    forms.action; nothing ticked anywhere on the page before the reader ticks it."""
    site, lang, open_form = consent
    items = site.consent_items(lang)
    assert items, "consent.json records no web consent for this language"
    page, _ = open_form()
    problems = consent_form_problems(read_forms(page), items, site.form_action)
    assert not problems, "\n".join(problems)


def test_sending_the_form_untouched_says_yes_to_nothing(consent, server):
    """No box ticked: no "yes" is sent. The POST to forms.action (on the organisation's site) was
    answered inside the browser, so the local server received nothing and nothing left."""
    site, lang, open_form = consent
    items = site.consent_items(lang)
    page, guard = open_form()
    sent = tick_and_submit(page, items, ticked=set())
    problems = submission_problems(sent, items, set(), site.form_action)
    assert not problems, "\n".join(problems)
    assert len(guard.captured) == 1 and server.take_posts() == []


def test_sending_ticked_boxes(consent):
    """Every box ticked, then (with several purposes) each box alone: each ticked box sends its
    "yes" and the version of its text, and a yes for one carries no yes for another."""
    site, lang, open_form = consent
    items = site.consent_items(lang)
    choices = [{item.purpose for item in items}]
    if len(items) > 1:
        choices += [{item.purpose} for item in items]
    problems = []
    for ticked in choices:
        page, _ = open_form()
        sent = tick_and_submit(page, items, ticked)
        problems += [f"ticking {sorted(ticked)}: {problem}"
                     for problem in submission_problems(sent, items, ticked, site.form_action)]
    assert not problems, "\n".join(problems)


# --- What issue 10 demands and today's form lacks ---------------------------------------------

@NO_IDENTIFIER_YET
def test_the_form_asks_who_consents(consent):
    """A labelled, required field for the data forms.identifier names (e.g. the e-mail address),
    of the input type that data asks for."""
    site, lang, open_form = consent
    page, _ = open_form()
    problems = identifier_problems(read_forms(page), site.identifier(lang))
    assert not problems, "\n".join(problems)


def _identifier(page, site, lang) -> tuple[str, str]:
    """(field name, a sample value) of the identifier field, or the problems as a failure."""
    snapshot = read_forms(page)
    spec = site.identifier(lang)
    problems = identifier_problems(snapshot, spec)
    assert not problems, "\n".join(problems)
    return find_identifier(snapshot, spec)["name"], spec.sample


@NO_IDENTIFIER_YET
def test_the_form_cannot_be_sent_without_saying_who(consent):
    """The browser's own validation refuses the form until the identifier is filled in."""
    site, lang, open_form = consent
    page, _ = open_form()
    name, value = _identifier(page, site, lang)
    assert not form_accepts_submission(page), "the form can be sent with no identifier"
    page.locator(f'form input[name="{name}"]').fill(value)
    assert form_accepts_submission(page), f"the form refuses a valid identifier {value!r}"


@NO_IDENTIFIER_YET
def test_sending_carries_the_identifier(consent):
    """Fill in who consents, tick every box, send: the request says who said yes to what."""
    site, lang, open_form = consent
    items = site.consent_items(lang)
    ticked = {item.purpose for item in items}
    page, _ = open_form()
    identifier = _identifier(page, site, lang)
    sent = tick_and_submit(page, items, ticked, identifier)
    problems = submission_problems(sent, items, ticked, site.form_action, identifier)
    assert not problems, "\n".join(problems)


@NO_IDENTIFIER_YET
def test_withdrawing_on_the_same_page(consent):
    """Withdrawal as easy as consent, on the same page: fill in who you are, leave the boxes
    unticked, send; the request says who and which text each "no" answers."""
    site, lang, open_form = consent
    items = site.consent_items(lang)
    page, _ = open_form()
    identifier = _identifier(page, site, lang)
    sent = tick_and_submit(page, items, set(), identifier)
    problems = withdrawal_problems(sent, items, identifier)
    assert not problems, "\n".join(problems)
