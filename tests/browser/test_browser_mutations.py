"""The browser checks fail on broken pages: each test spoils a copy of a built page the way a
regression would, and shows that the very function the real test uses now reports a problem.

Every test also runs the check on the unspoilt copy first and expects no problem, so it is the
mutation, not the harness, that the check reacts to. The page is the consent page (or policy)
of the first bundled example that asks for consent on the web, in its first language.

The mutations issue 10 names: a box ticked before the reader ticks it, the identifier or a label
removed, a version field dropped; and besides them a withdrawal that cannot be told from a
consent, and a page that tells the reader they have consented.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest

from .browser_checks import (
    IdentifierSpec,
    anchor_problems,
    axe_problems,
    axe_violations,
    claim_problems,
    consent_form_problems,
    find_identifier,
    follow_problems,
    form_accepts_submission,
    identifier_problems,
    load_everything,
    offsite_problems,
    read_anchors,
    read_forms,
    submission_problems,
    tick_and_submit,
    voluntary_problems,
    withdrawal_problems,
)
from .browser_sites import CONSENT, POLICY, SITES, asks_consent, load_description
from .site_server import serve

SITE = next(name for name, (path, draft) in SITES.items()
            if not draft and asks_consent(load_description(path)))
LANG = load_description(SITES[SITE][0])["languages"][0]
CONSENT_PAGE = f"{LANG}/{CONSENT[LANG]}"
POLICY_PAGE = f"{LANG}/{POLICY[LANG]}.html"


def spoil(html: str, pattern: str, replacement: str) -> str:
    """``html`` with the first match of ``pattern`` replaced; the pattern must match."""
    spoilt, count = re.subn(pattern, replacement, html, count=1, flags=re.S)
    assert count == 1 and spoilt != html, f"the mutation {pattern!r} found nothing to change"
    return spoilt


@pytest.fixture
def page_of(sites, open_page, tmp_path) -> Iterator[Callable]:
    """``page_of(relative path, *mutations) -> (page, guard)``: a copy of the built page, each
    ``(pattern, replacement)`` applied, served from its own folder and opened guarded."""
    site = sites[SITE]
    with serve(tmp_path) as server:
        copies = iter(range(1_000))

        def open_copy(path: str, *mutations: tuple[str, str]):
            html = (site.folder / path).read_text(encoding="utf-8")
            for pattern, replacement in mutations:
                html = spoil(html, pattern, replacement)
            copy = tmp_path / str(next(copies)) / path
            copy.parent.mkdir(parents=True)
            copy.write_text(html, encoding="utf-8")
            return open_page(server.url(copy.relative_to(tmp_path).as_posix()),
                             form_action=site.form_action)

        yield open_copy


@pytest.fixture
def site(sites):
    return sites[SITE]


def form_problems(page, site) -> list[str]:
    return consent_form_problems(read_forms(page), site.consent_items(LANG), site.form_action)


def who(site) -> tuple[str, str]:
    """(field name, sample value) of the description's identifier."""
    spec = site.identifier(LANG)
    return spec.data_id, spec.sample


# The box's own label: the one right after a checkbox (the identifier's label comes first).
BOX_LABEL = r'(<input type="checkbox"[^>]*>\s*)<label for="[^"]*">(.*?)</label>'

# --- A box ticked before the reader ticks it ---------------------------------------------------

PRE_TICKS = {
    "checked attribute": (r'(<input type="checkbox"[^>]*?)>', r"\1 checked>"),
    "ticked by a script": (r"</form>", "</form><script>document.querySelector("
                                       "'input[type=checkbox]').checked = true;</script>"),
}


@pytest.mark.parametrize("mutation", PRE_TICKS.values(), ids=PRE_TICKS.keys())
def test_a_pre_ticked_box_is_caught(page_of, site, mutation):
    items = site.consent_items(LANG)
    page, _ = page_of(CONSENT_PAGE)
    assert form_problems(page, site) == []
    page, _ = page_of(CONSENT_PAGE, mutation)
    assert any("ticked before" in p for p in form_problems(page, site)), form_problems(page, site)
    sent = tick_and_submit(page, items, set(), who(site))
    assert any("was not ticked but the browser sent ['yes']" in p
               for p in submission_problems(sent, items, set(), site.form_action, who(site)))


# --- A label removed, detached or changed ------------------------------------------------------

def test_a_removed_label_is_caught_by_the_form_check_and_by_axe(page_of, site, axe_source):
    page, _ = page_of(CONSENT_PAGE)
    assert form_problems(page, site) == []
    assert axe_problems(axe_violations(page, axe_source)) == []
    page, _ = page_of(CONSENT_PAGE, (BOX_LABEL, r"\1"))
    assert any("has no label" in p for p in form_problems(page, site))
    assert any(p.startswith("label (critical)") for p in axe_problems(axe_violations(page, axe_source)))


def test_a_detached_label_is_caught(page_of, site):
    page, _ = page_of(CONSENT_PAGE, (BOX_LABEL, r'\1<label for="elsewhere">\2</label>'))
    assert any("has no label" in p for p in form_problems(page, site))
    with pytest.raises(AssertionError, match="has no label to click"):
        tick_and_submit(page, site.consent_items(LANG), {site.consent_items(LANG)[0].purpose},
                        who(site))


def test_a_label_that_is_not_the_recorded_statement_is_caught(page_of, site):
    page, _ = page_of(CONSENT_PAGE, (r'(<input type="checkbox"[^>]*>\s*<label for="[^"]*">)(.*?)</label>',
                                     r"\1\2 Och lite till.</label>"))
    assert any("not the recorded statement" in p for p in form_problems(page, site))


def test_a_box_without_its_voluntary_note_is_caught(page_of, site):
    page, _ = page_of(CONSENT_PAGE)
    assert voluntary_problems(read_forms(page), site.consent_items(LANG)) == []
    page, _ = page_of(CONSENT_PAGE, (r' aria-describedby="[^"]*"', ""))
    assert voluntary_problems(read_forms(page), site.consent_items(LANG))
    page, _ = page_of(CONSENT_PAGE, (r'<p class="consent-voluntary" id="[^"]*">', "<p>"))
    assert any("does not exist" in p for p in form_problems(page, site))


# --- A version field dropped or changed --------------------------------------------------------

VERSION_MUTATIONS = {
    "dropped": (r'<input type="hidden" name="[^"]*__version"[^>]*>', ""),
    "another version": (r'(name="[^"]*__version" value="sha256:)[0-9a-f]{8}', r"\g<1>00000000"),
}


@pytest.mark.parametrize("mutation", VERSION_MUTATIONS.values(), ids=VERSION_MUTATIONS.keys())
def test_a_wrong_version_field_is_caught(page_of, site, mutation):
    items = site.consent_items(LANG)
    ticked = {item.purpose for item in items}
    page, _ = page_of(CONSENT_PAGE)
    assert submission_problems(tick_and_submit(page, items, ticked, who(site)), items, ticked,
                               site.form_action, who(site)) == []
    page, _ = page_of(CONSENT_PAGE, mutation)
    assert any("__version" in p for p in form_problems(page, site))
    sent = tick_and_submit(page, items, ticked, who(site))
    assert any("__version" in p for p in submission_problems(sent, items, ticked, site.form_action,
                                                            who(site)))


@pytest.mark.parametrize("mutation", VERSION_MUTATIONS.values(), ids=VERSION_MUTATIONS.keys())
def test_a_withdrawal_without_the_right_version_is_caught(page_of, site, mutation):
    items = site.consent_items(LANG)
    ticked = {item.purpose for item in items}
    page, _ = page_of(CONSENT_PAGE, mutation)
    sent = tick_and_submit(page, items, ticked, who(site), intent="withdraw")
    assert any("__version" in p for p in withdrawal_problems(sent, items, ticked, who(site)))


# --- The identifier ----------------------------------------------------------------------------

IDENTIFIER_FIELD = r'<input type="email" id="[^"]*" name="[^"]*"[^>]*>'
IDENTIFIER_MUTATIONS = {
    "field removed": (IDENTIFIER_FIELD, ""),
    "label removed": (r'<label for="[^"]*">[^<]*</label>\s*(<input type="email")', r"\1"),
    "not required": (r'(<input type="email"[^>]*?) required>', r"\1>"),
    "plain text field": (r'<input type="email"', '<input type="text"'),
    "no autocomplete": (r'(<input type="email"[^>]*?) autocomplete="email"', r"\1"),
    "sent under another name": (r'(<input type="email" id="[^"]*" name=")[^"]*"', r'\1who"'),
}


def test_the_built_form_passes_the_identifier_checks(page_of, site):
    """The unspoilt page: the identifier is there, typed, required, and the form waits for it."""
    spec = site.identifier(LANG)
    assert spec is not None and spec.input_type == "email"  # the mutations below assume it
    page, _ = page_of(CONSENT_PAGE)
    assert identifier_problems(read_forms(page), spec) == []
    assert not form_accepts_submission(page)
    page.locator(f'input[name="{spec.data_id}"]').fill(spec.sample)
    assert form_accepts_submission(page)


@pytest.mark.parametrize("mutation", IDENTIFIER_MUTATIONS.values(), ids=IDENTIFIER_MUTATIONS.keys())
def test_a_spoilt_identifier_is_caught(page_of, site, mutation):
    page, _ = page_of(CONSENT_PAGE, mutation)
    assert identifier_problems(read_forms(page), site.identifier(LANG))


def test_a_form_without_an_identifier_sends_a_consent_nobody_can_trace(page_of, site):
    """With the field removed the form can be sent, and the request says nothing about who."""
    items = site.consent_items(LANG)
    ticked = {item.purpose for item in items}
    page, _ = page_of(CONSENT_PAGE, IDENTIFIER_MUTATIONS["field removed"])
    assert find_identifier(read_forms(page), site.identifier(LANG)) is None
    assert form_accepts_submission(page)
    sent = tick_and_submit(page, items, ticked)
    assert any("identifier" in p for p in submission_problems(sent, items, ticked,
                                                             site.form_action, who(site)))
    assert withdrawal_problems(sent, items, ticked, None)


# --- Withdrawal on the same page ---------------------------------------------------------------

def test_a_withdrawal_that_reads_as_a_consent_is_caught(page_of, site):
    """The withdraw button sending intent=give would turn a withdrawal into a consent."""
    items = site.consent_items(LANG)
    ticked = {item.purpose for item in items}
    page, _ = page_of(CONSENT_PAGE)
    sent = tick_and_submit(page, items, ticked, who(site), intent="withdraw")
    assert withdrawal_problems(sent, items, ticked, who(site), site.form_action) == []
    page, _ = page_of(CONSENT_PAGE, (r'value="withdraw"', 'value="give"'))
    with pytest.raises(AssertionError, match="buttons that send intent=withdraw"):
        tick_and_submit(page, items, ticked, who(site), intent="withdraw")
    page, _ = page_of(CONSENT_PAGE, (r'(<button type="submit" name=")intent(" value="withdraw")',
                                     r"\1intention\2"))
    with pytest.raises(AssertionError, match="buttons that send intent=withdraw"):
        tick_and_submit(page, items, ticked, who(site), intent="withdraw")


def test_a_claim_of_easy_withdrawal_without_a_way_to_withdraw_is_caught(page_of, site):
    page, _ = page_of(CONSENT_PAGE)
    assert claim_problems(read_forms(page)) == []
    page, _ = page_of(CONSENT_PAGE, (r'<button type="submit" name="intent" value="withdraw"[^>]*>.*?</button>', ""))
    assert any("cannot withdraw" in p for p in claim_problems(read_forms(page)))


def test_a_page_that_says_the_reader_has_consented_is_caught(page_of, site):
    sentence = {"sv": "Du har sagt ja till det här.", "en": "You have said yes to this."}[LANG]
    page, _ = page_of(CONSENT_PAGE, (r'(<p class="consent-voluntary"[^>]*>)', rf"<p>{sentence}</p>\1"))
    assert any("tells the reader they have consented" in p for p in claim_problems(read_forms(page)))


# --- In-page links -----------------------------------------------------------------------------

def first_contents_target(site) -> str:
    """The id of the first in-page link target other than the skip link's."""
    html = (site.folder / POLICY_PAGE).read_text(encoding="utf-8")
    return next(t for t in re.findall(r'href="#([^"]+)"', html) if t != "content")


def test_a_missing_link_target_is_caught(page_of, site):
    target = first_contents_target(site)
    page, _ = page_of(POLICY_PAGE)
    assert anchor_problems(read_anchors(page)) == []
    page, _ = page_of(POLICY_PAGE, (rf' id="{target}"', ""))
    assert any(f'id="{target}"' in p for p in anchor_problems(read_anchors(page)))


def test_a_duplicate_id_is_caught(page_of, site):
    target = first_contents_target(site)
    page, _ = page_of(POLICY_PAGE, (r"</main>", f'<p id="{target}">again</p></main>'))
    assert any("more than once" in p for p in anchor_problems(read_anchors(page)))


def test_a_hidden_link_target_is_caught_only_by_following_the_link(page_of, site):
    target = first_contents_target(site)
    page, _ = page_of(POLICY_PAGE)
    assert follow_problems(page) == []
    page, _ = page_of(POLICY_PAGE, (rf' id="{target}"', rf' id="{target}" style="display: none"'))
    assert anchor_problems(read_anchors(page)) == []
    assert any("not displayed" in p for p in follow_problems(page))


# --- Requests off 127.0.0.1 --------------------------------------------------------------------

OFFSITE = {
    "image": (r"</main>", '<img src="https://tracker.example/pixel.gif" alt=""></main>'),
    "lazy image at the end": (r"</footer>", '<img loading="lazy" src="https://tracker.example/'
                                            'lazy.gif" alt="" width="1" height="1"></footer>'),
    "print stylesheet": (r"</head>", "<style>@media print { body { background: "
                                     "url(https://cdn.example/print.png) } }</style></head>"),
    "font": (r"</head>", "<style>@font-face { font-family: F; src: url(https://fonts.example/f.woff2) }"
                         " body { font-family: F }</style></head>"),
}


@pytest.mark.parametrize("mutation", OFFSITE.values(), ids=OFFSITE.keys())
def test_a_request_off_localhost_is_caught(page_of, mutation):
    page, guard = page_of(POLICY_PAGE)
    load_everything(page)
    assert offsite_problems(guard) == []
    page, guard = page_of(POLICY_PAGE, mutation)
    load_everything(page)
    assert offsite_problems(guard), "the page's request off 127.0.0.1 went unseen"
    guard.offsite.clear()  # seen and checked: not a failure of this test
