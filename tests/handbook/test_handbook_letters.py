"""The reply letters: filled from the description, ready to send, and complete.

The access letter carries every Art. 15(1) item that applies: the purposes (a), the categories of
data (b), the recipients (c), the retention (d), the rights to rectification, erasure, restriction
and objection that apply (e), the complaint to the supervisory authority (f), the source of data
not collected from the person (g), automated decisions (h), and for transfers the safeguards
(15(2)). Every item is searched for in the letter's text.
"""

from __future__ import annotations

import pytest

from hb_helpers import DESCRIPTIONS, LANGUAGES, LETTERS, ROUTINES, plain_text, read, say
from policygen.data.authorities import known_authority
from policygen.lang import cldr
from policygen.model.facts import HandbookFacts, Right, all_rights_for_purpose, needs_consent
from policygen.render.handbook.words import retention_text
from policygen.render.words import pack_for


def letter(handbooks, name: str, lang: str, kind: str) -> str:
    return plain_text(read(handbooks[name], f"{LETTERS[lang]}/{kind}.md"))


def languages_of(described, name):
    return [lang for lang in LANGUAGES if lang in described[name].languages]


CASES = [(name, lang) for name in sorted(DESCRIPTIONS) for lang in LANGUAGES]


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_access_letter_has_every_article_15_item(handbooks, described, name, lang):
    description = described[name]
    if lang not in description.languages:
        pytest.skip(f"{name} is not written in {lang}")
    text = letter(handbooks, name, lang, "access")
    facts = HandbookFacts(description)
    pack = pack_for(lang)
    wanted = []
    for purpose in description.purposes:
        wanted.append(purpose.title[lang])  # 15(1)(a)
        wanted += [item.label[lang][:1].upper() + item.label[lang][1:]
                   for item in facts.data_of(purpose)]  # (b)
        wanted += [facts.recipients_by_id[r].name for r in purpose.recipients]  # (c)
        wanted.append(retention_text(lang, _retention(purpose.retention, lang))[1:])  # (d)
        if purpose.legitimate_interest:
            wanted.append(purpose.legitimate_interest[lang].strip())
        if purpose.legal_obligation:
            wanted.append(purpose.legal_obligation[lang].strip())
    rights = {right for p in description.purposes for right in all_rights_for_purpose(p)}
    for right in (Right.rectification, Right.erasure, Right.restriction, Right.portability,
                  Right.withdraw_consent):  # (e)
        sentence = say(lang, f"hb.letter.rights.{right.value}")
        assert (sentence in text) == (right in rights), right
    if any(p.direct_marketing for p in description.purposes):
        assert say(lang, "hb.letter.rights.marketing") in text
    authority = known_authority(description.authority) if isinstance(description.authority, str) \
        else None
    if authority is not None:  # (f)
        wanted.append(authority.name[lang])
        wanted.append(authority.website.removeprefix("https://").rstrip("/"))
    else:
        wanted.append(description.authority.name[lang])
    for item in description.data:  # (g)
        if item.source_detail is not None and facts.purposes_of(item):
            wanted.append(item.source_detail[lang].strip())
    for transfer in description.transfers:  # 15(2)
        wanted.append(cldr.country_name(pack, transfer.country))
        if transfer.copy_ is not None:
            wanted.append(" ".join(transfer.copy_[lang].split()))
    if not description.transfers:
        wanted.append(say(lang, "hb.letter.access.no_transfers"))
    if description.automated_decisions:  # (h)
        wanted += [d.description[lang].strip() for d in description.automated_decisions]
    else:
        wanted.append(say(lang, "hb.letter.access.no_automated"))
    missing = [item for item in wanted if " ".join(item.split()) not in text]
    assert missing == []


def _retention(retention, lang):
    from policygen.render.context import RetentionView

    return RetentionView(period=retention.period,
                         after=retention.after[lang] if retention.after else None,
                         criteria=retention.criteria[lang] if retention.criteria else None)


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_every_letter_is_addressed_and_signed(handbooks, described, name, lang):
    description = described[name]
    if lang not in description.languages:
        pytest.skip(f"{name} is not written in {lang}")
    folder = handbooks[name] / LETTERS[lang]
    for path in sorted(folder.iterdir()):
        text = path.read_text(encoding="utf-8")
        assert text.startswith("# "), path.name
        assert f"[{say(lang, 'hb.blanks.name')}]" in text, path.name
        assert text.rstrip().endswith(description.controller.name), path.name
        assert "{" not in text and "None" not in text, path.name


@pytest.mark.parametrize("lang", LANGUAGES)
def test_erasure_letter_says_what_stays_why_and_until_when(handbooks, lang):
    text = letter(handbooks, "exempel-support", lang, "erasure")
    law = {"sv": "Bokföringslagen (1999:1078)", "en": "The Swedish Bookkeeping Act (1999:1078)"}[lang]
    until = {"sv": "Vi sparar dem i sju år efter utgången av det år då räkenskapsåret slutade.",
             "en": "We will keep them for seven years after the end of the calendar year in which the "
                   "financial year ended."}[lang]
    kept = {"sv": "För ”Fakturor och bokföring” sparar vi ditt namn, ditt företags namn och "
                  "organisationsnummer, och fakturaadress och betalningar.",
            "en": "For “Invoices and bookkeeping”, we keep your name, your company's name and company "
                  "registration number, and billing address and payments."}[lang]
    assert law in text and until in text and kept in text
    assert say(lang, "hb.letter.erasure.kept_time", retention="")[:8] not in text  # a sentence, not a label
    assert "Lime Technologies AB" in text and "Sendwise Inc." in text  # Art. 19 recipients


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_letters_for_rights_that_apply_only(handbooks, described, name, lang):
    description = described[name]
    if lang not in description.languages:
        pytest.skip(f"{name} is not written in {lang}")
    kinds = {path.stem for path in (handbooks[name] / LETTERS[lang]).iterdir()}
    rights = {right for p in description.purposes for right in all_rights_for_purpose(p)}
    assert {"access", "rectification", "verify-identity", "extension"} <= kinds
    assert ("erasure" in kinds) == (Right.erasure in rights)
    assert ("objection" in kinds) == (Right.objection in rights)
    assert ("withdrawal" in kinds) == any(needs_consent(p) for p in description.purposes)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_verify_identity_asks_only_for_what_we_hold(handbooks, described, lang):
    text = letter(handbooks, "hyrcykel-sv-en", lang, "verify-identity")
    contact = [item.label[lang] for item in described["hyrcykel-sv-en"].data
               if item.holder.value == "contact"]
    for label in contact:
        assert label[:1].upper() + label[1:] in text
    assert say(lang, "hb.letter.verify_identity.only_that") in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_extension_letter_names_the_two_months_and_article_12_3(handbooks, lang):
    text = letter(handbooks, "exempel-support", lang, "extension")
    assert {"sv": "två månader", "en": "two more months"}[lang] in text
    assert {"sv": "artikel 12.3", "en": "Article 12(3)"}[lang] in text
    assert f"[{say(lang, 'hb.blanks.reason')}]" in text


OVERCLAIMS = {
    # A DPO monitors compliance and advises (Art. 38-39); the controller, not the DPO, makes sure
    # the rules are followed. An external DPO is not "hos oss".
    "sv": ["ser till att vi följer", "en person hos oss", "den person hos oss"],
    "en": ["make sure we follow", "makes sure we follow", "at our company"],
}


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_no_handbook_text_overclaims_the_data_protection_officer(handbooks, name, lang):
    folder = handbooks[name] / ROUTINES[lang].split("/")[0]
    texts = {path.name: plain_text(path.read_text(encoding="utf-8"))
             for path in sorted(folder.rglob("*.md"))}
    assert texts, folder
    for file, text in texts.items():
        for phrase in OVERCLAIMS[lang]:
            assert phrase not in text, (file, phrase)
    dpo = [text for text in texts.values() if "dataskyddsombud" in text or "data protection officer" in text]
    assert any("övervakar hur vi följer" in text or "monitor how we follow" in text
               or "monitors how we follow" in text for text in dpo) == bool(dpo), name
