"""The notice to send to customers before a new version takes effect (``diff --format md``).

WP260 rev.01 (paras. 29–31) asks that substantive changes are brought to people's attention
actively — an e-mail, a letter — in time for them to react, and that the notice says what the
change means for them; Art. 13(3) asks the same before a new purpose starts. So the notice
names the date the new version takes effect, lists each substantive change in one plain
sentence (the same sentence the policy's "Changes to this policy" shows), then the other
changes people can see in the policy, then — when consents must be renewed — asks again and says
what happens to those who do not answer, and ends with where to write.

It is Markdown in the policy's own style: every value from the description is escaped, each
term of art is explained the first time, and the whole passes ``policygen check`` at its default
thresholds (tests/history/test_notice.py).
"""

from __future__ import annotations

from policygen.history.compare import Comparison
from policygen.history.report import purpose_title
from policygen.history.sentences import Describer
from policygen.history.speaker import Speaker
from policygen.render.context import contact_url, requests_contact, site_label
from policygen.render.documents import tidy_blank_lines
from policygen.render.sanitize import md_link
from policygen.render.terms import TermExplainer, load_terms

HIDDEN = frozenset({"data_holder", "consent_form", "consent_proof", "security",
                    "record_system_name", "change_notice", "order"})
"""Editorial changes people cannot see in the policy: left out of the notice."""
SMALL = frozenset({"text_spelling", "text_form", "retention_same"})
"""Corrections summed up in one sentence instead of listed."""


def notice(comparison: Comparison, lang: str) -> str:
    """The notice in ``lang`` (one of the new description's languages), as Markdown."""
    say = Speaker(lang, TermExplainer(load_terms(lang)))
    new = comparison.new.description
    describe = Describer(comparison.old.description, new, say)
    date = say.date(new.effective)
    blocks = [f"# {say('notice.title', organisation=new.controller.name)}",
              say("notice.intro", date=date)]
    substantive = describe.lines(comparison.substantive)
    others = [change for change in comparison.editorial if change.reason not in HIDDEN]
    listed = describe.lines([change for change in others if change.reason not in SMALL])
    small = any(change.reason in SMALL for change in others)
    if substantive:
        blocks += [f"## {say('notice.changes_heading')}", _items(substantive)]
    if listed or small:
        heading = "notice.other_heading" if substantive else "notice.changes_heading"
        blocks.append(f"## {say(heading)}")
        if listed:
            blocks.append(_items(listed))
        if small:
            blocks.append(say("notice.small_fixes"))
    if not substantive and not listed and not small:
        blocks.append(say("notice.nothing"))
    blocks += _consents(comparison, say, date)
    contact = requests_contact(new)
    link = md_link(contact.removeprefix("mailto:"), contact_url(contact))
    blocks += [f"## {say('notice.questions_heading')}", say("notice.questions", contact=link)]
    if new.controller.website:
        website = new.controller.website
        blocks.append(say("notice.full_policy", website=md_link(site_label(website), website)))
    blocks.append(f"{say('notice.regards')}\\\n{say.text(new.controller.name)}")
    return tidy_blank_lines("\n\n".join(blocks))


def _items(sentences: list[str]) -> str:
    return "\n".join(f"- {sentence}" for sentence in sentences)


def _consents(comparison: Comparison, say: Speaker, date: str) -> list[str]:
    renew = comparison.renewals
    new = [change for change in comparison.consents if change.status == "new"]
    if not renew and not new:
        return []

    def titles(changes: list) -> str:
        return say.join([say.quoted(purpose_title(comparison, change.purpose, say.lang))
                         for change in changes])

    blocks = [f"## {say('notice.consent_heading')}"]
    if renew:
        blocks += [say("notice.consent_renew", items=titles(renew)),
                   say("notice.consent_ask", date=date)]
    if new:
        blocks.append(say("notice.consent_new", items=titles(new)))
    return blocks
