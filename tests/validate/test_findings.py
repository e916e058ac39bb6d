"""Each GDPR finding: its exact code, article, severity, key path and line, on the real loader."""

from __future__ import annotations

import datetime as dt

from policygen.model import load_description_text
from policygen.validate import run

from .helpers import DATA, PURPOSES, describe, findings_of, line_of, with_code

EMPLOYER_DATA = """\
  - id: work_email
    label: work e-mail address
    holder: contact
    source: employer
    source_detail: Your employer gives it to us when they name you as a contact.
"""

DATA_FROM_BOTH = """\
  - id: email
    label: e-mail address
    holder: contact
""" + EMPLOYER_DATA

HEALTH_DATA = """\
  - id: email
    label: e-mail address
    holder: contact
  - id: health
    label: health information you write in your case
    holder: case
    special: true
"""


def expect(findings, code, *, article, key, line, severity="error"):
    """Exactly one finding with ``code``, and its fields as given."""
    matching = with_code(findings, code)
    assert len(matching) == 1, f"expected one {code}, got {findings}"
    finding = matching[0]
    assert (finding.article, finding.key, finding.line, finding.severity) == (article, key, line, severity)
    assert finding.kind == "gdpr" and finding.message
    return finding


def purpose(body: str, pid: str = "p") -> str:
    """One purpose entry; ``body`` lines are indented under it."""
    lines = [f"  - id: {pid}", "    title: A purpose"] + [f"    {line}" for line in body.strip().splitlines()]
    return "\n".join(lines) + "\n"


RETAIN = "retention: {period: 12 months, after: the case is closed}"


# G1xx legal basis ---------------------------------------------------------------------------

def test_g101_legitimate_interest_missing_located_at_the_purpose():
    text = describe(purposes=purpose(f"data: [email]\nlegal_basis: legitimate_interests\n{RETAIN}"))
    expect(findings_of(text), "G101", article="13(1)(d)", key="purposes[0].legitimate_interest",
           line=line_of(text, "- id: p"))


def test_g101_null_interest_is_located_at_its_key():
    text = describe(purposes=purpose(
        f"data: [email]\nlegal_basis: legitimate_interests\nlegitimate_interest: null\n{RETAIN}"))
    finding = expect(findings_of(text), "G101", article="13(1)(d)",
                     key="purposes[0].legitimate_interest", line=line_of(text, "legitimate_interest: null"))
    assert finding.column == 5


def test_g101_uses_art_14_number_for_data_from_elsewhere():
    text = describe(data=EMPLOYER_DATA, purposes=purpose(
        f"data: [work_email]\nlegal_basis: legitimate_interests\n{RETAIN}"))
    expect(findings_of(text), "G101", article="14(2)(b)", key="purposes[0].legitimate_interest",
           line=line_of(text, "- id: p"))


def test_g101_silent_when_the_interest_is_stated():
    text = describe(purposes=purpose(
        f"data: [email]\nlegal_basis: legitimate_interests\nlegitimate_interest: We want to know our support works.\n{RETAIN}"))
    assert findings_of(text) == []


def test_g102_legal_obligation_without_the_law():
    text = describe(purposes=purpose(
        f"data: [email]\nlegal_basis: legal_obligation\n{RETAIN}\nrequirement: The law requires it."))
    expect(findings_of(text), "G102", article="6(1)(c)", key="purposes[0].legal_obligation",
           line=line_of(text, "- id: p"))
    assert with_code(findings_of(text), "G103") == []


def test_g103_legal_obligation_text_names_no_law():
    text = describe(purposes=purpose(
        f"data: [email]\nlegal_basis: legal_obligation\nlegal_obligation: We must keep it.\n"
        f"{RETAIN}\nrequirement: You must give it."))
    expect(findings_of(text), "G103", article="6(1)(c)", key="purposes[0].legal_obligation",
           line=line_of(text, "legal_obligation: We must"), severity="warning")


def test_g103_accepts_a_named_swedish_law():
    text = describe(purposes=purpose(
        f"data: [email]\nlegal_basis: legal_obligation\n"
        f"legal_obligation: Bokföringslagen (1999:1078) kräver att vi sparar fakturor.\n"
        f"{RETAIN}\nrequirement: You must give it."))
    assert findings_of(text) == []


def test_g104_consent_for_something_required():
    text = describe(purposes=purpose(
        "data: [email]\nlegal_basis: consent\nretention: {criteria: until you withdraw your consent}\n"
        "requirement: We need your e-mail address to deliver the service.\n"
        "consent: {statement: \"Yes, use my e-mail address.\", withdraw: Write to us.}"))
    expect(findings_of(text), "G104", article="7(4)", key="purposes[0].requirement",
           line=line_of(text, "requirement:"), severity="warning")


def test_g104_silent_when_consent_is_voluntary():
    text = describe(purposes=PURPOSES_WITH_NEWSLETTER)
    assert with_code(findings_of(text), "G104") == []


def test_g105_public_task_without_law():
    text = describe(purposes=purpose(f"data: [email]\nlegal_basis: public_task\n{RETAIN}"))
    expect(findings_of(text), "G105", article="6(3)", key="purposes[0].legal_obligation",
           line=line_of(text, "- id: p"), severity="warning")


def test_g106_contract_with_data_from_an_employer():
    text = describe(data=EMPLOYER_DATA, purposes=purpose(
        f"data: [work_email]\nlegal_basis: contract\n{RETAIN}"))
    findings = findings_of(text)
    expect(findings, "G106", article="6(1)(b)", key="purposes[0].legal_basis",
           line=line_of(text, "legal_basis: contract"), severity="warning")
    # Art. 13(2)(e) has no Art. 14 counterpart: data only from elsewhere needs no requirement text
    assert with_code(findings, "G802") == []


# G2xx consent -------------------------------------------------------------------------------

PURPOSES_WITH_NEWSLETTER = """\
  - id: newsletter
    title: Send you our newsletter
    data: [email]
    legal_basis: consent
    retention: {criteria: until you withdraw your consent}
    requirement: It is your choice. We help you just as much if you say no.
    consent:
      statement: Yes, send me the newsletter once a month.
      withdraw: Click the link at the bottom of every newsletter.
"""


FORMS = "forms:\n  action: https://test.se/consent\n  identifier: email\n"


def test_clean_consent_purpose_has_no_findings():
    assert findings_of(describe(purposes=PURPOSES_WITH_NEWSLETTER, extra=FORMS)) == []


def test_g201_and_g202_consent_purpose_without_consent_block():
    text = describe(purposes=purpose(
        "data: [email]\nlegal_basis: consent\nretention: {criteria: until you withdraw your consent}"))
    findings = findings_of(text)
    expect(findings, "G201", article="7(2)", key="purposes[0].consent", line=line_of(text, "- id: p"))
    expect(findings, "G202", article="7(3)", key="purposes[0].consent", line=line_of(text, "- id: p"))


def test_g201_statement_missing_is_located_at_the_consent_block():
    text = PURPOSES_WITH_NEWSLETTER.replace("      statement: Yes, send me the newsletter once a month.\n", "")
    text = describe(purposes=text)
    findings = findings_of(text)
    expect(findings, "G201", article="7(2)", key="purposes[0].consent.statement",
           line=line_of(text, "consent:"))
    assert with_code(findings, "G202") == []


def test_g202_withdraw_missing():
    text = describe(purposes=PURPOSES_WITH_NEWSLETTER.replace(
        "      withdraw: Click the link at the bottom of every newsletter.\n", ""))
    findings = findings_of(text)
    expect(findings, "G202", article="7(3)", key="purposes[0].consent.withdraw",
           line=line_of(text, "consent:"))
    assert with_code(findings, "G201") == []


def test_g203_explicit_consent_without_consent_block():
    text = describe(data=HEALTH_DATA, purposes=purpose(
        f"data: [email, health]\nlegal_basis: contract\nspecial_condition: explicit_consent\n{RETAIN}\n"
        "requirement: We need your e-mail address."))
    findings = findings_of(text)
    expect(findings, "G203", article="9(2)(a)", key="purposes[0].consent", line=line_of(text, "- id: p"))
    assert with_code(findings, "G301") == [] and with_code(findings, "G205") == []


def test_g204_consent_with_special_data_needs_explicit_consent():
    text = describe(data=HEALTH_DATA, purposes=purpose(
        "data: [email, health]\nlegal_basis: consent\nretention: {criteria: until you withdraw your consent}\n"
        "consent: {statement: \"Yes, save my health information.\", withdraw: Tell support.}"))
    findings = findings_of(text)
    expect(findings, "G204", article="9(2)(a)", key="purposes[0].special_condition",
           line=line_of(text, "- id: p"))
    assert with_code(findings, "G301") == []


def test_g204_other_condition_with_consent_is_a_warning():
    text = describe(data=HEALTH_DATA, purposes=purpose(
        "data: [email, health]\nlegal_basis: consent\nspecial_condition: legal_claims\n"
        "retention: {criteria: until you withdraw your consent}\n"
        "consent: {statement: \"Yes, save my health information.\", withdraw: Tell support.}"))
    expect(findings_of(text), "G204", article="9(2)(a)", key="purposes[0].special_condition",
           line=line_of(text, "special_condition: legal_claims"), severity="warning")


def test_g205_consent_request_on_another_basis():
    text = describe(purposes=purpose(
        f"data: [email]\nlegal_basis: contract\n{RETAIN}\nrequirement: We need it.\n"
        "consent: {statement: Yes., withdraw: Write to us.}"))
    expect(findings_of(text), "G205", article="6(1)", key="purposes[0].consent",
           line=line_of(text, "consent:"), severity="warning")


# G206–G212 the consent form and the channels ---------------------------------------------------

def test_g206_and_g207_web_consent_without_forms_point_at_the_purpose():
    text = describe(purposes=PURPOSES_WITH_NEWSLETTER)
    findings = findings_of(text)
    expect(findings, "G206", article="7(1)", key="purposes[0].consent", line=line_of(text, "consent:"))
    expect(findings, "G207", article="7(1)", key="purposes[0].consent", line=line_of(text, "consent:"))


def test_g206_action_missing_is_located_at_forms():
    text = describe(purposes=PURPOSES_WITH_NEWSLETTER, extra="forms:\n  identifier: email\n")
    findings = findings_of(text)
    finding = expect(findings, "G206", article="7(1)", key="forms.action", line=line_of(text, "forms:"))
    assert "`newsletter`" in finding.message
    assert [f.code for f in findings] == ["G206"]


def test_g207_identifier_missing_is_located_at_forms():
    text = describe(purposes=PURPOSES_WITH_NEWSLETTER,
                    extra="forms:\n  action: https://test.se/consent\n")
    findings = findings_of(text)
    expect(findings, "G207", article="7(1)", key="forms.identifier", line=line_of(text, "forms:"))
    assert [f.code for f in findings] == ["G207"]


def test_g207_names_every_purpose_on_the_form():
    second = PURPOSES_WITH_NEWSLETTER.replace("id: newsletter", "id: survey")
    text = describe(purposes=PURPOSES_WITH_NEWSLETTER + second,
                    extra="forms:\n  action: https://test.se/consent\n")
    finding = expect(findings_of(text), "G207", article="7(1)", key="forms.identifier",
                     line=line_of(text, "forms:"))
    assert finding.message.startswith("purposes `newsletter` and `survey` ask for consent on the web")


def test_g206_and_g207_silent_without_web_consent():
    """A consent asked only on the phone needs no form; a description without consent neither."""
    assert with_code(findings_of(describe()), "G206") == []
    phone = describe(purposes=PURPOSES_WITH_NEWSLETTER.replace(
        "    consent:\n", "    consent:\n      channel: phone\n      script: May I send it?\n"
                        "      proof: The agent notes your yes in the case.\n"))
    assert findings_of(phone) == []


def test_g208_identifier_that_no_form_purpose_uses():
    data = DATA + "  - id: phone\n    label: phone number\n    holder: contact\n"
    purposes = PURPOSES.replace("data: [email]", "data: [email, phone]") + PURPOSES_WITH_NEWSLETTER
    text = describe(data=data, purposes=purposes,
                    extra="forms:\n  action: https://test.se/consent\n  identifier: phone\n")
    findings = findings_of(text)
    finding = expect(findings, "G208", article="13(1)(c)", key="forms.identifier",
                     line=line_of(text, "identifier: phone"), severity="warning")
    assert "`phone`" in finding.message and "`newsletter`" in finding.message
    assert [f.code for f in findings] == ["G208"]


PHONE_CONSENT = """\
  - id: recording
    title: Record the call
    data: [email]
    legal_basis: consent
    retention: {criteria: until you withdraw your consent}
    consent:
      channel: phone
      statement: I agree that you record this call.
      withdraw: Tell us during the call, or write to us.
"""


def test_g209_and_g210_phone_consent_without_script_and_proof():
    text = describe(purposes=PHONE_CONSENT)
    findings = findings_of(text)
    script = expect(findings, "G209", article="7(1)", key="purposes[0].consent.script",
                    line=line_of(text, "consent:"))
    proof = expect(findings, "G210", article="7(1)", key="purposes[0].consent.proof",
                   line=line_of(text, "consent:"))
    assert "on the phone" in script.message and "on the phone" in proof.message
    assert [f.code for f in findings] == ["G209", "G210"]  # no form needed for the phone


def test_g209_in_person_needs_a_script_and_email_does_not():
    in_person = describe(purposes=PHONE_CONSENT.replace("channel: phone", "channel: in_person")
                         + "      proof: The agent notes your yes in the case.\n")
    expect(findings_of(in_person), "G209", article="7(1)", key="purposes[0].consent.script",
           line=line_of(in_person, "consent:"))
    email = describe(purposes=PHONE_CONSENT.replace("channel: phone", "channel: email")
                     + "      proof: We keep your reply e-mail.\n")
    assert findings_of(email) == []


def test_g210_email_consent_without_proof():
    text = describe(purposes=PHONE_CONSENT.replace("channel: phone", "channel: email"))
    findings = findings_of(text)
    finding = expect(findings, "G210", article="7(1)", key="purposes[0].consent.proof",
                     line=line_of(text, "consent:"))
    assert "by e-mail" in finding.message
    assert with_code(findings, "G209") == []


def test_g209_and_g210_silent_with_script_and_proof():
    text = describe(purposes=PHONE_CONSENT + "      script: May I record this call? You can say no.\n"
                    "      proof: Your yes is at the start of the recording.\n")
    assert findings_of(text) == []


def test_g210_explicit_consent_on_another_basis_needs_proof_too():
    text = describe(data=HEALTH_DATA, purposes=purpose(
        f"data: [email, health]\nlegal_basis: contract\nspecial_condition: explicit_consent\n{RETAIN}\n"
        "requirement: We need your e-mail address.\n"
        "consent: {statement: I agree., withdraw: Tell us., channel: in_person, script: May we note it?}"))
    findings = findings_of(text)
    expect(findings, "G210", article="7(1)", key="purposes[0].consent.proof", line=line_of(text, "consent:"))
    assert [f.code for f in findings] == ["G210"]


def test_g211_script_on_a_web_consent_is_never_shown():
    text = describe(purposes=PURPOSES_WITH_NEWSLETTER + "      script: Would you like our newsletter?\n",
                    extra=FORMS)
    findings = findings_of(text)
    expect(findings, "G211", article="7(2)", key="purposes[0].consent.script",
           line=line_of(text, "script: Would"), severity="info")
    assert [f.code for f in findings] == ["G211"]


def test_g212_identifier_named_like_a_purpose():
    data = "  - id: newsletter\n    label: e-mail address for the newsletter\n    holder: contact\n"
    purposes = PURPOSES_WITH_NEWSLETTER.replace("data: [email]", "data: [newsletter]")
    text = describe(data=data, purposes=purposes.replace("  - id: newsletter", "  - id: newsletter", 1),
                    extra="forms:\n  action: https://test.se/consent\n  identifier: newsletter\n")
    findings = findings_of(text)
    finding = expect(findings, "G212", article="7(1)", key="purposes[0].id",
                     line=line_of(text, "- id: newsletter", occurrence=2))
    assert "`newsletter`" in finding.message and "identifier" in finding.message


def test_g212_purpose_named_like_the_buttons():
    text = describe(purposes=PURPOSES_WITH_NEWSLETTER.replace("id: newsletter", "id: intent"), extra=FORMS)
    findings = findings_of(text)
    expect(findings, "G212", article="7(1)", key="purposes[0].id", line=line_of(text, "- id: intent"))
    assert [f.code for f in findings] == ["G212"]


# G3xx special categories --------------------------------------------------------------------

def test_g301_special_data_without_condition():
    text = describe(data=HEALTH_DATA, purposes=purpose(
        f"data: [email, health]\nlegal_basis: contract\n{RETAIN}\nrequirement: We need it."))
    finding = expect(findings_of(text), "G301", article="9", key="purposes[0].special_condition",
                     line=line_of(text, "- id: p"))
    assert "`health`" in finding.message


def test_g302_special_data_on_legitimate_interests():
    text = describe(data=HEALTH_DATA, purposes=purpose(
        f"data: [email, health]\nlegal_basis: legitimate_interests\nlegitimate_interest: Quality.\n{RETAIN}"))
    findings = findings_of(text)
    expect(findings, "G302", article="9", key="purposes[0].special_condition", line=line_of(text, "- id: p"))
    assert with_code(findings, "G301") == []


def test_g302_silent_with_legal_claims():
    text = describe(data=HEALTH_DATA, purposes=purpose(
        f"data: [email, health]\nlegal_basis: legitimate_interests\nlegitimate_interest: Defend claims.\n"
        f"special_condition: legal_claims\n{RETAIN}"))
    assert findings_of(text) == []


def test_g303_condition_without_special_data():
    text = describe(purposes=purpose(
        f"data: [email]\nlegal_basis: contract\nspecial_condition: legal_claims\n{RETAIN}\nrequirement: We need it."))
    expect(findings_of(text), "G303", article="9", key="purposes[0].special_condition",
           line=line_of(text, "special_condition:"), severity="warning")


def test_g304_automated_decisions_with_special_data():
    text = describe(
        data=HEALTH_DATA,
        purposes=purpose(f"data: [email, health]\nlegal_basis: contract\nspecial_condition: legal_claims\n"
                         f"{RETAIN}\nrequirement: We need it."),
        extra="automated_decisions:\n  - description: We sort cases.\n    logic: Keywords.\n"
              "    consequences: Your case goes to a queue.\n")
    expect(findings_of(text), "G304", article="22(4)", key="automated_decisions[0]",
           line=line_of(text, "- description: We sort cases."), severity="warning")


# G4xx retention -----------------------------------------------------------------------------

def test_g401_retention_missing():
    text = describe(purposes=purpose("data: [email]\nlegal_basis: contract\nrequirement: We need it."))
    expect(findings_of(text), "G401", article="13(2)(a)", key="purposes[0].retention",
           line=line_of(text, "- id: p"))


def test_g401_null_retention_is_located_at_its_key():
    text = describe(purposes=purpose("data: [email]\nlegal_basis: contract\nretention: null\nrequirement: We need it."))
    expect(findings_of(text), "G401", article="13(2)(a)", key="purposes[0].retention",
           line=line_of(text, "retention: null"))


def test_g401_empty_retention_is_a_gdpr_finding_not_a_format_error():
    text = describe(purposes=purpose("data: [email]\nlegal_basis: contract\nretention: {}\nrequirement: We need it."))
    expect(findings_of(text), "G401", article="13(2)(a)", key="purposes[0].retention",
           line=line_of(text, "retention: {}"))


def test_g401_uses_art_14_number_for_data_from_elsewhere():
    text = describe(data=EMPLOYER_DATA, purposes=purpose(
        "data: [work_email]\nlegal_basis: legitimate_interests\nlegitimate_interest: Reach contacts."))
    expect(findings_of(text), "G401", article="14(2)(a)", key="purposes[0].retention",
           line=line_of(text, "- id: p"))


def test_g402_consent_purpose_with_a_fixed_period():
    text = describe(purposes=PURPOSES_WITH_NEWSLETTER.replace(
        "retention: {criteria: until you withdraw your consent}",
        "retention: {period: 24 months, after: you subscribed}"))
    expect(findings_of(text), "G402", article="17(1)(b)", key="purposes[0].retention",
           line=line_of(text, "retention: {period"), severity="info")
    silent = describe(purposes=PURPOSES_WITH_NEWSLETTER.replace(
        "retention: {criteria: until you withdraw your consent}",
        "retention: {period: 24 months, after: \"you subscribed, unless you withdraw your consent before\"}"),
        extra=FORMS)
    assert findings_of(silent) == []


# G5xx minimisation --------------------------------------------------------------------------

def test_g501_data_no_purpose_uses():
    data = "  - id: email\n    label: e-mail\n    holder: contact\n  - id: phone\n    label: phone\n    holder: contact\n"
    text = describe(data=data)
    expect(findings_of(text), "G501", article="5(1)(c)", key="data[1]", line=line_of(text, "- id: phone"))


def test_g502_purpose_without_data():
    text = describe(purposes=PURPOSES_WITH_NEWSLETTER.replace("id: newsletter", "id: n2") + purpose(
        f"data: []\nlegal_basis: legitimate_interests\nlegitimate_interest: Stats.\n{RETAIN}"))
    expect(findings_of(text), "G502", article="5(1)(c)", key="purposes[1].data",
           line=line_of(text, "data: []"))


def test_g503_recipient_no_purpose_uses():
    recipients = "  - id: crm\n    name: Lime Technologies AB\n    role: processor\n    country: SE\n"
    text = describe(recipients=recipients)
    expect(findings_of(text), "G503", article="13(1)(e)", key="recipients[0]",
           line=line_of(text, "- id: crm"), severity="warning")


# G6xx sources -------------------------------------------------------------------------------

def test_g601_data_from_a_register_without_source_detail():
    data = "  - id: signatory\n    label: signatory\n    holder: company\n    source: public_register\n"
    text = describe(data=data, purposes=purpose(
        f"data: [signatory]\nlegal_basis: legitimate_interests\nlegitimate_interest: Valid contracts.\n{RETAIN}"))
    finding = expect(findings_of(text), "G601", article="14(2)(f)", key="data[0].source_detail",
                     line=line_of(text, "- id: signatory"))
    assert "public_register" in finding.message


# G7xx transfers -----------------------------------------------------------------------------

US_MAILER = """\
  - id: mailer
    name: Sendwise Inc.
    role: processor
    country: US
"""

USED_BY_SUPPORT = PURPOSES.rstrip("\n") + "\n    recipients: [mailer]\n"


def test_g701_third_country_recipient_without_transfer():
    text = describe(purposes=USED_BY_SUPPORT, recipients=US_MAILER)
    expect(findings_of(text), "G701", article="13(1)(f)", key="recipients[0].country",
           line=line_of(text, "country: US"))


def test_g701_uses_art_14_number_when_the_recipient_gets_data_from_elsewhere():
    text = describe(data=EMPLOYER_DATA, recipients=US_MAILER, purposes=purpose(
        f"data: [work_email]\nlegal_basis: legitimate_interests\nlegitimate_interest: Reach contacts.\n"
        f"{RETAIN}\nrecipients: [mailer]"))
    expect(findings_of(text), "G701", article="14(1)(f)", key="recipients[0].country",
           line=line_of(text, "country: US"))


def test_g703_uses_art_14_number_when_the_recipient_gets_data_from_elsewhere():
    transfers = "  - recipient: mailer\n    country: US\n    safeguard: binding_corporate_rules\n"
    text = describe(data=EMPLOYER_DATA, recipients=US_MAILER, transfers=transfers, purposes=purpose(
        f"data: [work_email]\nlegal_basis: legitimate_interests\nlegitimate_interest: Reach contacts.\n"
        f"{RETAIN}\nrecipients: [mailer]"))
    expect(findings_of(text), "G703", article="14(1)(f)", key="transfers[0].copy",
           line=line_of(text, "- recipient: mailer"))


def test_mixed_sources_in_one_purpose_use_the_art_14_number():
    text = describe(data=DATA_FROM_BOTH, purposes=purpose(f"data: [email, work_email]\nlegal_basis: legitimate_interests"))
    findings = findings_of(text)
    expect(findings, "G101", article="14(2)(b)", key="purposes[0].legitimate_interest", line=line_of(text, "- id: p"))
    expect(findings, "G401", article="14(2)(a)", key="purposes[0].retention", line=line_of(text, "- id: p"))


def test_g701_norway_is_inside_the_eea():
    text = describe(purposes=USED_BY_SUPPORT, recipients=US_MAILER.replace("country: US", "country: NO"))
    assert findings_of(text) == []


def test_g702_record_system_in_a_third_country():
    text = describe(record_country="US")
    expect(findings_of(text), "G702", article="13(1)(f)", key="record_system.country",
           line=line_of(text, "country: US"))


def test_g703_standard_clauses_without_copy():
    transfers = "  - recipient: mailer\n    country: US\n    safeguard: standard_contractual_clauses\n"
    text = describe(purposes=USED_BY_SUPPORT, recipients=US_MAILER, transfers=transfers)
    findings = findings_of(text)
    expect(findings, "G703", article="13(1)(f)", key="transfers[0].copy", line=line_of(text, "- recipient: mailer"))
    assert with_code(findings, "G701") == []


def test_g703_silent_with_copy():
    transfers = ("  - recipient: mailer\n    country: US\n    safeguard: standard_contractual_clauses\n"
                 "    copy: Write to us and we send you a copy.\n")
    assert findings_of(describe(purposes=USED_BY_SUPPORT, recipients=US_MAILER, transfers=transfers)) == []


def test_g704_adequacy_claimed_for_a_country_without_a_decision():
    recipients = US_MAILER.replace("country: US", "country: IN")
    transfers = "  - recipient: mailer\n    country: IN\n    safeguard: adequacy\n"
    text = describe(purposes=USED_BY_SUPPORT, recipients=recipients, transfers=transfers)
    expect(findings_of(text), "G704", article="45", key="transfers[0].safeguard",
           line=line_of(text, "safeguard: adequacy"))


def test_adequacy_countries_need_no_safeguard_copy():
    for country in ("CH", "GB", "JP", "BR", "KR", "NZ"):
        recipients = US_MAILER.replace("country: US", f"country: {country}")
        transfers = f"  - recipient: mailer\n    country: {country}\n    safeguard: adequacy\n"
        assert findings_of(describe(purposes=USED_BY_SUPPORT, recipients=recipients, transfers=transfers)) == []


def test_g705_adequacy_for_the_united_states_asks_for_dpf_certification():
    transfers = "  - recipient: mailer\n    country: US\n    safeguard: adequacy\n"
    text = describe(purposes=USED_BY_SUPPORT, recipients=US_MAILER, transfers=transfers)
    findings = findings_of(text)
    expect(findings, "G705", article="45", key="transfers[0].safeguard",
           line=line_of(text, "safeguard: adequacy"), severity="warning")
    assert with_code(findings, "G704") == [] and with_code(findings, "G703") == []


def test_g705_is_cleared_by_dpf_certification():
    """Doing what G705 asks (saying the recipient is certified) clears it."""
    transfers = "  - recipient: mailer\n    country: US\n    safeguard: adequacy\n    certification: dpf\n"
    assert findings_of(describe(purposes=USED_BY_SUPPORT, recipients=US_MAILER, transfers=transfers)) == []


def test_g709_dpf_certification_outside_the_united_states():
    recipients = US_MAILER.replace("country: US", "country: CH")
    transfers = "  - recipient: mailer\n    country: CH\n    safeguard: adequacy\n    certification: dpf\n"
    text = describe(purposes=USED_BY_SUPPORT, recipients=recipients, transfers=transfers)
    findings = findings_of(text)
    expect(findings, "G709", article="45", key="transfers[0].certification",
           line=line_of(text, "certification: dpf"))
    assert [f.code for f in findings] == ["G709"]


def test_g709_dpf_on_a_country_without_any_adequacy_is_located_at_the_certification():
    recipients = US_MAILER.replace("country: US", "country: IN")
    transfers = ("  - recipient: mailer\n    country: IN\n    safeguard: standard_contractual_clauses\n"
                 "    certification: dpf\n    copy: Write to us.\n")
    text = describe(purposes=USED_BY_SUPPORT, recipients=recipients, transfers=transfers)
    findings = findings_of(text)
    expect(findings, "G709", article="45", key="transfers[0].certification",
           line=line_of(text, "certification: dpf"))
    assert with_code(findings, "G710") == []  # one finding for one mistake


def test_g710_dpf_certification_with_standard_clauses():
    transfers = ("  - recipient: mailer\n    country: US\n    safeguard: standard_contractual_clauses\n"
                 "    certification: dpf\n    copy: Write to us and we send you a copy.\n")
    text = describe(purposes=USED_BY_SUPPORT, recipients=US_MAILER, transfers=transfers)
    findings = findings_of(text)
    expect(findings, "G710", article="45", key="transfers[0].certification",
           line=line_of(text, "certification: dpf"), severity="warning")
    assert [f.code for f in findings] == ["G710"]


def test_g705_still_warns_when_a_certification_names_another_country():
    """`certification: dpf` on a transfer to the US that the recipient's entry puts elsewhere is
    still a US transfer: certified, it is cleared; the country mismatch is G707's business."""
    recipients = US_MAILER.replace("country: US", "country: CA")
    transfers = "  - recipient: mailer\n    country: US\n    safeguard: adequacy\n    certification: dpf\n"
    findings = findings_of(describe(purposes=USED_BY_SUPPORT, recipients=recipients, transfers=transfers))
    assert [f.code for f in findings] == ["G707"]


def test_g706_transfer_inside_the_eea():
    recipients = US_MAILER.replace("country: US", "country: DE")
    transfers = "  - recipient: mailer\n    country: DE\n    safeguard: standard_contractual_clauses\n"
    text = describe(purposes=USED_BY_SUPPORT, recipients=recipients, transfers=transfers)
    findings = findings_of(text)
    expect(findings, "G706", article="44", key="transfers[0].country",
           line=line_of(text, "country: DE", 2), severity="info")
    assert with_code(findings, "G703") == []


def test_g707_transfer_country_differs_from_recipient():
    transfers = "  - recipient: mailer\n    country: GB\n    safeguard: adequacy\n"
    text = describe(purposes=USED_BY_SUPPORT, recipients=US_MAILER, transfers=transfers)
    expect(findings_of(text), "G707", article="13(1)(f)", key="transfers[0].country",
           line=line_of(text, "country: GB"), severity="warning")


def test_g708_derogation_for_a_routine_transfer():
    transfers = "  - recipient: mailer\n    country: US\n    safeguard: derogation\n"
    text = describe(purposes=USED_BY_SUPPORT, recipients=US_MAILER, transfers=transfers)
    finding = expect(findings_of(text), "G708", article="49", key="transfers[0].safeguard",
                     line=line_of(text, "safeguard: derogation"), severity="warning")
    assert "`support`" in finding.message


# G8xx notice --------------------------------------------------------------------------------

def test_g801_no_contact_for_requests():
    text = describe(requests=False)
    expect(findings_of(text), "G801", article="12", key="requests", line=1)


def test_g802_contract_purpose_without_requirement():
    text = describe(purposes=purpose(f"data: [email]\nlegal_basis: contract\n{RETAIN}"))
    expect(findings_of(text), "G802", article="13(2)(e)", key="purposes[0].requirement",
           line=line_of(text, "- id: p"))


def test_g802_legal_obligation_without_requirement():
    text = describe(purposes=purpose(
        f"data: [email]\nlegal_basis: legal_obligation\nlegal_obligation: The Bookkeeping Act.\n{RETAIN}"))
    expect(findings_of(text), "G802", article="13(2)(e)", key="purposes[0].requirement",
           line=line_of(text, "- id: p"))


def test_g803_effective_date_far_in_the_past():
    text = describe(effective="2023-01-01")
    expect(findings_of(text), "G803", article="12(1)", key="effective", line=3, severity="info")
    recent = describe(effective="2025-06-01")
    assert findings_of(recent) == []


def test_g803_uses_the_given_date():
    loaded = load_description_text(describe(effective="2023-01-01"), "t.yaml")
    assert run(loaded, today=dt.date(2024, 1, 1)) == []
