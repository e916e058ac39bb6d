"""Checks a browser can make on a built page, each returning a list of problems (empty = fine).

Every check is a function that reports problems as sentences instead of asserting, so that one
function serves two tests: the real test asserts that a built page gives no problem, and the
mutation test (test_browser_mutations.py) spoils a copy of the page the way a regression would
and asserts that the same function now reports one. A check that cannot report a problem on a
broken page is caught there.

Most checks come in two halves: a *reader* that asks the page (through Playwright) for a plain
snapshot of what the browser sees — the DOM after parsing, the ``checked`` state the browser
computed, the label a screen reader would read — and a *judge*, a pure function from that
snapshot and the expectations to problems. What the expectations are comes from the description
and from ``consent.json``, the record of the texts shown, never from the page itself.

To add an assertion: add a line to a judge (or a new judge over an existing snapshot), then add
a mutation to test_browser_mutations.py that shows it fires.
"""

from __future__ import annotations

import re
import unicodedata
import urllib.parse
from dataclasses import dataclass, field

from playwright.sync_api import Page, Request, Route

LOCAL_HOSTS = {"127.0.0.1"}
SEVERE_IMPACTS = ("serious", "critical")
RECEIVED_PAGE = "<!DOCTYPE html><html lang=en><title>received</title><p>received</p></html>"


def squash(text: str) -> str:
    """Text as a reader sees it: NFC, runs of white space as one space, trimmed."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def same_url(a: str, b: str) -> bool:
    """URLs equal after the normalisation a browser applies (scheme and host case, default path)."""
    pa, pb = urllib.parse.urlsplit(a), urllib.parse.urlsplit(b)
    return ((pa.scheme.lower(), pa.netloc.lower(), pa.path or "/", pa.query)
            == (pb.scheme.lower(), pb.netloc.lower(), pb.path or "/", pb.query))


# ---------------------------------------------------------------------------------------------
# Requests: nothing leaves 127.0.0.1; the consent form's POST is captured, never sent.

@dataclass
class Submission:
    """A form submission as the browser sent it (method, URL, encoding, body)."""

    method: str
    url: str
    content_type: str
    body: bytes

    @classmethod
    def from_request(cls, request: Request) -> Submission:
        return cls(request.method, request.url, request.headers.get("content-type", ""),
                   request.post_data_buffer or b"")

    def fields(self) -> dict[str, list[str]]:
        """The submitted name/value pairs, decoded as the form's UTF-8 encoding demands.

        A body that is not ASCII percent-encoding or does not decode as UTF-8 raises: a server
        would not be able to read it either.
        """
        return urllib.parse.parse_qs(self.body.decode("ascii"), keep_blank_values=True,
                                     encoding="utf-8", errors="strict")


@dataclass
class RequestGuard:
    """Keeps one page on 127.0.0.1: every other request is aborted and recorded.

    The one exception is a POST to the consent form's ``forms.action`` (an https URL on the
    organisation's own site): the browser's request is answered here with a stub page, so the
    test sees exactly what would have been sent, and nothing is.
    """

    form_action: str | None = None
    offsite: list[str] = field(default_factory=list)
    captured: list[Submission] = field(default_factory=list)

    def attach(self, page: Page) -> None:
        page.route("**/*", self._handle)

    def _handle(self, route: Route) -> None:
        request = route.request
        parts = urllib.parse.urlsplit(request.url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.hostname in LOCAL_HOSTS:
            route.continue_()
        elif (self.form_action and request.method == "POST"
              and same_url(request.url, self.form_action)):
            self.captured.append(Submission.from_request(request))
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=RECEIVED_PAGE)
        else:
            self.offsite.append(f"{request.method} {request.url} ({request.resource_type})")
            route.abort("blockedbyclient")


def load_everything(page: Page) -> None:
    """Make the page ask for all it ever would: "load" has waited for what the parser found;
    scrolling to the end brings in what loads lazily as a reader scrolls, and the print media
    what the print stylesheet asks for. Then wait until the network has been quiet for 500 ms."""
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    page.emulate_media(media="print")
    page.wait_for_load_state("networkidle")


def offsite_problems(guard: RequestGuard) -> list[str]:
    return [f"the page asked for something outside 127.0.0.1: {what}" for what in guard.offsite]


# ---------------------------------------------------------------------------------------------
# In-page links: every href="#x" has an element with id="x", and following it shows that element.

_READ_ANCHORS = """() => {
  const links = [...document.querySelectorAll('a[href^="#"]')].map(a => {
    const raw = a.getAttribute('href').slice(1);
    let id = raw;
    try { id = decodeURIComponent(raw); } catch (e) {}
    return {href: a.getAttribute('href'), id, text: a.textContent.trim().slice(0, 80),
            found: id !== '' && document.getElementById(id) !== null};
  });
  const seen = {}, duplicates = [];
  for (const el of document.querySelectorAll('[id]')) {
    if (seen[el.id]) duplicates.push(el.id); seen[el.id] = true;
  }
  return {links, duplicates: [...new Set(duplicates)]};
}"""


def read_anchors(page: Page) -> dict:
    return page.evaluate(_READ_ANCHORS)


def anchor_problems(anchors: dict) -> list[str]:
    problems = [f'link {link["href"]} ("{link["text"]}") points at no element with id="{link["id"]}"'
                for link in anchors["links"] if not link["found"]]
    problems += [f'id="{dup}" is used more than once: a link to it has two targets'
                 for dup in anchors["duplicates"]]
    return problems


_TARGET_STATE = """(id) => {
  const el = document.getElementById(id);
  const r = el.getBoundingClientRect();
  let hash = location.hash.slice(1);
  try { hash = decodeURIComponent(hash); } catch (e) {}
  return {hash, isTarget: document.querySelector(':target') === el, top: r.top,
          height: r.height, window: window.innerHeight};
}"""

# Scroll the page back to the top, then the link into view (as a reader scrolls to it), and
# give its centre; a link kept off screen until focused (the skip link) is not on screen.
_LINK_BOX = """(href) => {
  window.scrollTo(0, 0);
  const a = [...document.querySelectorAll('a[href^="#"]')].find(x => x.getAttribute('href') === href);
  a.scrollIntoView({block: 'center'});
  // A link that wraps has one box per line; the centre of their union can be other text.
  const r = a.getClientRects()[0] || a.getBoundingClientRect();
  const onScreen = r.width > 0 && r.height > 0 && r.left >= 0 && r.top >= 0
                   && r.right <= window.innerWidth && r.bottom <= window.innerHeight;
  return {onScreen, x: r.left + r.width / 2, y: r.top + r.height / 2};
}"""


def follow_problems(page: Page) -> list[str]:
    """Follow every distinct in-page link the way a person would, and see where it lands.

    A link on screen is clicked; one kept off screen until it has focus (the skip link) is
    reached with the keyboard and followed with Enter. Afterwards the URL's fragment must name
    the target, the target must be the document's ``:target``, and its top edge must be inside
    the window.
    """
    problems = []
    anchors = read_anchors(page)
    seen = set()
    for link in anchors["links"]:
        if not link["found"] or link["href"] in seen:
            continue
        seen.add(link["href"])
        # Playwright's locator.click() waits for the link to be stable over animation frames;
        # a static page needs none of that, so the link is brought into view and clicked with
        # the mouse at its centre: the same real click, at a fraction of the cost.
        box = page.evaluate(_LINK_BOX, link["href"])
        if box["onScreen"]:
            page.mouse.click(box["x"], box["y"])
        else:
            page.locator(f'a[href="{link["href"]}"]').first.focus()
            page.keyboard.press("Enter")
        state = page.evaluate(_TARGET_STATE, link["id"])
        if state["hash"] != link["id"] or not state["isTarget"]:
            problems.append(f'following {link["href"]} made #{state["hash"]} the target, '
                            f'not #{link["id"]}')
        elif state["height"] == 0:
            problems.append(f'following {link["href"]} reached #{link["id"]}, which is not displayed')
        elif not -1 <= state["top"] < state["window"]:
            problems.append(f'following {link["href"]} left #{link["id"]} at {state["top"]:.0f} px, '
                            f'outside the window (0–{state["window"]} px)')
    return problems


# ---------------------------------------------------------------------------------------------
# Accessibility: axe-core, from the local npm copy, injected into the page.

def axe_violations(page: Page, axe_source: str) -> list[dict]:
    """axe-core's violations on the page as loaded (all rules axe runs by default)."""
    page.add_script_tag(content=axe_source)
    return page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']}))"
                         ".violations")


def describe_violation(violation: dict) -> str:
    nodes = "; ".join(f'{", ".join(map(str, node["target"]))} {node["html"][:160]}'
                      for node in violation["nodes"])
    return f'{violation["id"]} ({violation["impact"]}): {violation["help"]} — {nodes}'


def axe_problems(violations: list[dict]) -> list[str]:
    return [describe_violation(v) for v in violations if v["impact"] in SEVERE_IMPACTS]


# ---------------------------------------------------------------------------------------------
# The consent form.

INTENT = "intent"
"""The name of the form's buttons (consent.json: ``form.intent_field``): ``give`` or ``withdraw``."""

# docs/build.md, "The consent form": the page may say that withdrawing is as easy as saying yes
# only when the same form can withdraw; and nothing may tell a reader they have consented.
EASY_CLAIM = {"sv": "lika enkelt som att säga ja", "en": "as easy as saying yes"}
CONSENTED = {"sv": re.compile(r"\bdu har (sagt ja|samtyckt|gett ditt samtycke|godkänt)\b", re.I),
             "en": re.compile(r"\byou (have|'ve) (said yes|consented|given your consent|agreed)\b"
                              r"|\byou agreed\b", re.I)}


@dataclass(frozen=True)
class ConsentItem:
    """One purpose the form asks consent for, as ``consent.json`` records the text shown."""

    purpose: str
    statement: str
    version: str

    @property
    def field(self) -> str:
        """The checkbox's name: the purpose id (DESIGN.md, ``forms``)."""
        return self.purpose

    @property
    def version_field(self) -> str:
        return f"{self.purpose}__version"


# docs/description-format.md, `forms.identifier`: the field's type follows the data. The words are
# written out here again on purpose: the test holds the tool to the documented rule.
_EMAIL_PARTS = {"email", "mail", "epost", "mejl"}
_PHONE_PARTS = {"phone", "telephone", "tel", "telefon", "mobile", "mobil"}
_EMAIL_WORDS = ("e-mail", "email", "e-post", "epost", "mejl")
_PHONE_WORDS = ("phone", "telefon", "mobil")


def _kind(email: bool, phone: bool) -> str | None:
    if email != phone:
        return "email" if email else "tel"
    return "text" if email else None


@dataclass(frozen=True)
class IdentifierSpec:
    """Who consents, as the description names it: ``forms.identifier``, that data's label in
    the page's language (without "din"/"your") and its labels in every language."""

    data_id: str
    label: str
    labels: tuple[str, ...] = ()

    @property
    def input_type(self) -> str:
        """The id's parts decide first (``newsletter_email``), then the labels in every language;
        a label naming both an e-mail address and a phone number decides nothing: text."""
        parts = set(self.data_id.replace("-", "_").split("_"))
        by_id = _kind(bool(parts & _EMAIL_PARTS), bool(parts & _PHONE_PARTS))
        if by_id is not None:
            return by_id
        words = " ".join((self.label, *self.labels)).casefold()
        return _kind(any(w in words for w in _EMAIL_WORDS),
                     any(w in words for w in _PHONE_WORDS)) or "text"

    @property
    def autocomplete(self) -> str | None:
        return {"email": "email", "tel": "tel"}.get(self.input_type)

    @property
    def sample(self) -> str:
        return {"email": "anna.berg@example.org", "tel": "+46 70 123 45 67"}.get(
            self.input_type, "Anna Berg")


_READ_FORMS = """() => {
  const text = el => el.innerText.replace(/\\s+/g, ' ').trim();
  const forms = [...document.forms].map(f => ({
    action: f.getAttribute('action'),
    resolvedAction: f.action,
    method: f.method,
    controls: [...f.elements].map(e => ({
      tag: e.tagName.toLowerCase(), type: e.type || '', name: e.name || '', value: e.value || '',
      checked: !!e.checked, defaultChecked: !!e.defaultChecked, required: !!e.required,
      autocomplete: e.getAttribute('autocomplete'), id: e.id,
      labels: e.labels ? [...e.labels].map(text) : [],
      text: e.tagName === 'BUTTON' ? text(e) : '',
      describedBy: (e.getAttribute('aria-describedby') || '').split(/\\s+/).filter(Boolean)
        .map(id => { const d = document.getElementById(id); return d ? text(d) : null; }),
      visible: !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length),
    })),
  }));
  const strayChecked = [...document.querySelectorAll('input[type=checkbox], input[type=radio]')]
    .filter(e => !e.form && e.checked).map(e => e.name || e.id);
  const main = document.querySelector('main') || document.body;
  return {forms, strayChecked, lang: document.documentElement.lang, text: text(main)};
}"""


def read_forms(page: Page) -> dict:
    """Every form and its controls as the browser holds them after loading the page, the page's
    language and the text of its ``<main>`` as a reader sees it."""
    return page.evaluate(_READ_FORMS)


def consent_form(snapshot: dict) -> dict | None:
    """The form that holds the consent checkboxes (the first one, if several do)."""
    for form in snapshot["forms"]:
        if any(c["type"] == "checkbox" for c in form["controls"]):
            return form
    return None


def buttons(form: dict, intent: str) -> list[dict]:
    """The form's submit buttons that send ``intent=<intent>``."""
    return [c for c in form["controls"] if c["type"] == "submit" and c["name"] == INTENT
            and c["value"] == intent]


def consent_form_problems(snapshot: dict, items: list[ConsentItem], action: str | None) -> list[str]:
    """The form as a person meets it: one labelled, unticked box per purpose, each carrying the
    version of the very text ``consent.json`` records, posting to ``forms.action``, and a visible
    button that gives consent."""
    problems = [f"a box outside any form is ticked: {name}" for name in snapshot["strayChecked"]]
    form = consent_form(snapshot)
    if form is None:
        return problems + ["the page has no form with a consent box"]
    if action is None:
        problems.append("the description has no forms.action: the form posts to its own page")
    elif not same_url(form["resolvedAction"], action):
        problems.append(f'the form posts to {form["resolvedAction"]}, not to forms.action {action}')
    if form["method"] != "post":
        problems.append(f'the form is sent with {form["method"].upper()}, not POST')
    controls = form["controls"]
    for item in items:
        boxes = [c for c in controls if c["type"] == "checkbox" and c["name"] == item.field]
        if len(boxes) != 1:
            problems.append(f"{len(boxes)} boxes named {item.field!r}, not one")
        for box in boxes:
            if box["checked"] or box["defaultChecked"]:
                problems.append(f"the box for {item.purpose!r} is ticked before anyone ticks it")
            if box["value"] != "yes":
                problems.append(f'the box for {item.purpose!r} sends {box["value"]!r}, not "yes"')
            if not box["visible"]:
                problems.append(f"the box for {item.purpose!r} is not visible")
            if not box["labels"]:
                problems.append(f"the box for {item.purpose!r} has no label")
            elif squash(" ".join(box["labels"])) != squash(item.statement):
                problems.append(f"the label of {item.purpose!r} is not the recorded statement: "
                                f'{" ".join(box["labels"])!r} ≠ {item.statement!r}')
            if None in box["describedBy"]:
                problems.append(f"the box for {item.purpose!r} is described by an element that "
                                f"does not exist")
        versions = [c for c in controls if c["name"] == item.version_field]
        if len(versions) != 1:
            problems.append(f"{len(versions)} fields named {item.version_field!r}, not one")
        for version in versions:
            if version["type"] != "hidden":
                problems.append(f'{item.version_field!r} is a {version["type"]} field, not hidden')
            if version["value"] != item.version:
                problems.append(f'{item.version_field!r} carries {version["value"]!r}, '
                                f"not the recorded version {item.version!r}")
    known = {item.field for item in items}
    for control in controls:
        if control["type"] == "checkbox" and control["name"] not in known:
            problems.append(f'a box named {control["name"]!r} that consent.json does not record '
                            f"as asked on the web")
    give = buttons(form, "give")
    if len(give) != 1 or not give[0]["visible"] or not give[0]["text"]:
        problems.append(f'the form has {len(give)} visible, named buttons sending {INTENT}=give, not one')
    return problems


def voluntary_problems(snapshot: dict, items: list[ConsentItem]) -> list[str]:
    """Art. 7(4): beside each box, and tied to it (``aria-describedby``), a sentence that says
    the choice is free. Only that something describes the box is checked here; the words are
    the golden files' business."""
    form = consent_form(snapshot)
    if form is None:
        return ["the page has no form with a consent box"]
    problems = []
    for item in items:
        for box in (c for c in form["controls"] if c["type"] == "checkbox" and c["name"] == item.field):
            described = [d for d in box["describedBy"] if d]
            if len(described) < 2:
                problems.append(f"the box for {item.purpose!r} is not described by its voluntary "
                                f"note and its details (aria-describedby: {box['describedBy']})")
    return problems


def claim_problems(snapshot: dict) -> list[str]:
    """What the page says about the reader's consent must be true of it: it may say that
    withdrawing is as easy as saying yes only when the same form withdraws (a visible button
    and a field saying whose consent), and nothing on it may say the reader has consented."""
    lang = snapshot["lang"]
    text = snapshot["text"]
    problems = []
    form = consent_form(snapshot)
    can_withdraw = (form is not None and any(b["visible"] for b in buttons(form, "withdraw"))
                    and any(c["required"] for c in identifier_fields(snapshot)))
    if EASY_CLAIM[lang] in text and not can_withdraw:
        problems.append(f'the page says "{EASY_CLAIM[lang]}" but its form cannot withdraw a consent')
    if can_withdraw and EASY_CLAIM[lang] not in text:
        problems.append("the form can withdraw, but the page does not say so")
    said = CONSENTED[lang].search(text)
    if said:
        problems.append(f"the page tells the reader they have consented: {said.group(0)!r}")
    return problems


def identifier_fields(snapshot: dict) -> list[dict]:
    """The consent form's fields a person types into (not boxes, hidden fields or buttons)."""
    form = consent_form(snapshot)
    if form is None:
        return []
    return [c for c in form["controls"] if c["tag"] == "input"
            and c["type"] in ("email", "tel", "text")]


def find_identifier(snapshot: dict, spec: IdentifierSpec | None) -> dict | None:
    """The field whose label names the identifier's data (e.g. "E-postadress")."""
    if spec is None:
        return None
    for control in identifier_fields(snapshot):
        if any(spec.label.casefold() in squash(label).casefold() for label in control["labels"]):
            return control
    return None


def identifier_problems(snapshot: dict, spec: IdentifierSpec | None) -> list[str]:
    """Consent that proves something says who gave it (issue 10, Art. 7(1)): the form asks for
    the data ``forms.identifier`` names, in a labelled, required field of the right type, sent
    under the data's id."""
    if spec is None:
        return ["the description names no forms.identifier: nothing on the form says who consents"]
    control = find_identifier(snapshot, spec)
    if control is None:
        found = [f'{c["name"]!r} labelled {c["labels"]}' for c in identifier_fields(snapshot)]
        return [f"the form has no field labelled with {spec.label!r} "
                f"(fields a person can type into: {found or 'none'})"]
    problems = []
    if control["name"] != spec.data_id:
        problems.append(f'the identifier field is sent as {control["name"]!r}, not as the data id '
                        f"{spec.data_id!r}")
    if control["type"] != spec.input_type:
        problems.append(f'the identifier field is type={control["type"]}, not {spec.input_type}')
    if control["autocomplete"] != spec.autocomplete:
        problems.append(f'the identifier field has autocomplete={control["autocomplete"]!r}, '
                        f"not {spec.autocomplete!r}")
    if not control["required"]:
        problems.append("the identifier field is not required: the form can be sent anonymously")
    if not control["visible"]:
        problems.append("the identifier field is not visible")
    return problems


def submission_problems(sent: Submission, items: list[ConsentItem], ticked: set[str],
                        action: str | None, identifier: tuple[str, str] | None = None,
                        intent: str = "give") -> list[str]:
    """What the browser sent: which button (``intent``), who (the identifier as typed), for each
    ticked box its ``yes`` and the version of the text shown, for an unticked box no answer at
    all (its hidden version field comes along: it records which text was shown, not a consent),
    and nothing else."""
    problems = []
    if action is not None and not same_url(sent.url, action):
        problems.append(f"the form was sent to {sent.url}, not to forms.action {action}")
    if sent.method != "POST":
        problems.append(f"the form was sent with {sent.method}, not POST")
    if not sent.content_type.startswith("application/x-www-form-urlencoded"):
        problems.append(f"the form was sent as {sent.content_type!r}")
        return problems
    try:
        fields = sent.fields()
    except (UnicodeDecodeError, ValueError) as error:
        return problems + [f"the body cannot be read as UTF-8 form data: {error}"]
    if fields.get(INTENT) != [intent]:
        problems.append(f"{INTENT!r} was sent as {fields.get(INTENT)!r}, not [{intent!r}]")
    for item in items:
        answer = fields.get(item.field)
        version = fields.get(item.version_field)
        if item.purpose in ticked:
            if answer != ["yes"]:
                problems.append(f"{item.field!r} was ticked but the browser sent {answer!r}, not ['yes']")
            if version != [item.version]:
                problems.append(f"{item.version_field!r} was sent as {version!r}, "
                                f"not the recorded version {item.version!r}")
        else:
            if answer is not None:
                problems.append(f"{item.field!r} was not ticked but the browser sent {answer!r}")
            if version is not None and version != [item.version]:
                problems.append(f"{item.version_field!r} was sent as {version!r}, "
                                f"not the recorded version {item.version!r}")
    if identifier is not None:
        name, value = identifier
        if fields.get(name) != [value]:
            problems.append(f"the identifier {name!r} was sent as {fields.get(name)!r}, "
                            f"not as typed: {value!r}")
    expected = {INTENT, *(identifier[:1] if identifier else ())}
    expected |= {name for item in items for name in (item.field, item.version_field)}
    problems += [f"the browser sent a field nobody expects: {name!r}={fields[name]!r}"
                 for name in sorted(set(fields) - expected)]
    return problems


def withdrawal_problems(sent: Submission, items: list[ConsentItem], ticked: set[str],
                        identifier: tuple[str, str] | None, action: str | None = None) -> list[str]:
    """Withdrawing on the same page, the same way as consenting (issue 10, Art. 7(3)): who
    (the identifier), ``intent=withdraw``, and for each ticked purpose its id and the version of
    the text it takes back; nothing for the purposes left unticked."""
    if identifier is None:
        return ["the form has no identifier field: a withdrawal sent from it cannot say whose"]
    return submission_problems(sent, items, ticked, action, identifier, intent="withdraw")


def tick_and_submit(page: Page, items: list[ConsentItem], ticked: set[str],
                    identifier: tuple[str, str] | None = None, intent: str = "give") -> Submission:
    """Fill the consent form as a person would and send it; return the request the browser made.

    Boxes are ticked by clicking their labels (so a box whose label is not tied to it cannot be
    ticked); the identifier, when given as (field name, value), is typed into its field; the
    form is sent with the button that sends ``intent``.
    """
    form = page.locator("form", has=page.locator("input[type=checkbox]")).first
    if identifier is not None:
        form.locator(f'input[name="{identifier[0]}"]').fill(identifier[1])
    for item in items:
        if item.purpose in ticked:
            box = form.locator(f'input[type=checkbox][name="{item.field}"]')
            label = box.evaluate_handle("box => box.labels[0] || null").as_element()
            if label is None:
                raise AssertionError(f"the box for {item.purpose!r} has no label to click")
            label.click(timeout=10_000)
            if not box.is_checked():
                raise AssertionError(f"clicking the label of {item.purpose!r} did not tick its box")
    button = form.locator(f'button[type=submit][name="{INTENT}"][value="{intent}"]')
    if button.count() != 1:
        raise AssertionError(f"the form has {button.count()} buttons that send {INTENT}={intent}")
    with page.expect_request(lambda r: r.method == "POST", timeout=30_000) as request:
        button.click(timeout=10_000)
    page.wait_for_load_state()
    return Submission.from_request(request.value)


def form_accepts_submission(page: Page) -> bool:
    """Whether the browser's own constraint validation would let the consent form be sent."""
    return page.evaluate("""() => {
      const box = document.querySelector('form input[type=checkbox]');
      return box ? box.form.checkValidity() : false; }""")
