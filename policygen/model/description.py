"""Typed models of the description format (DESIGN.md, "the contract").

Field names mirror the YAML keys exactly. Every *text* is normalised while loading into a
``dict`` with one entry per language in ``languages`` (the loader passes the languages as
validation context), so render code can always write ``purpose.title[lang]``. Models forbid
unknown keys: a typo must never silently drop information from a legal document.

Fields that DESIGN.md marks "required for …" (``legitimate_interest``, ``consent``, ``copy`` …)
are optional here on purpose: their absence is a GDPR finding reported by
:mod:`policygen.validate`, with its article, not a format error.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any, Literal, Union

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    PlainSerializer,
    Strict,
    Tag,
    WithJsonSchema,
    model_validator,
)

from policygen.data.authorities import AUTHORITIES, known_authority
from policygen.lang.messages import _
from policygen.model import values
from policygen.model.fields import (  # noqa: F401  (Text, Label, Language: part of the contract)
    Contact,
    Country,
    Date,
    Email,
    Flag,
    HttpsUrl,
    Id,
    Label,
    Language,
    Phone,
    Text,
)
from policygen.lang.validation import describe, invalid

class _Model(BaseModel):
    # field docstrings become descriptions in `policygen schema`, shown by editors on hover
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False,
                              use_attribute_docstrings=True)


class LegalBasis(str, Enum):
    consent = "consent"
    contract = "contract"
    legal_obligation = "legal_obligation"
    vital_interests = "vital_interests"
    public_task = "public_task"
    legitimate_interests = "legitimate_interests"


class Holder(str, Enum):
    contact = "contact"
    company = "company"
    case = "case"
    technical = "technical"


class Source(str, Enum):
    data_subject = "data_subject"
    employer = "employer"
    public_register = "public_register"
    other = "other"


class Role(str, Enum):
    processor = "processor"
    controller = "controller"
    joint_controller = "joint_controller"
    authority = "authority"


class Safeguard(str, Enum):
    adequacy = "adequacy"
    standard_contractual_clauses = "standard_contractual_clauses"
    binding_corporate_rules = "binding_corporate_rules"
    derogation = "derogation"


class SpecialCondition(str, Enum):
    """Art. 9(2) conditions, (a)–(j)."""

    explicit_consent = "explicit_consent"  # 9(2)(a)
    employment = "employment"  # 9(2)(b)
    vital_interests = "vital_interests"  # 9(2)(c)
    not_for_profit = "not_for_profit"  # 9(2)(d)
    made_public = "made_public"  # 9(2)(e)
    legal_claims = "legal_claims"  # 9(2)(f)
    substantial_public_interest = "substantial_public_interest"  # 9(2)(g)
    health_care = "health_care"  # 9(2)(h)
    public_health = "public_health"  # 9(2)(i)
    archiving_research = "archiving_research"  # 9(2)(j)


DurationUnit = Enum("DurationUnit", {unit: unit for unit in values.DURATION_UNITS}, type=str)
"""days, weeks, months, years (:data:`policygen.model.values.DURATION_UNITS`)."""


class Duration(_Model):
    """A retention period such as ``24 months``; written in YAML as one string."""

    amount: int = Field(ge=1)
    unit: DurationUnit

    def __str__(self) -> str:
        return f"{self.amount} {self.unit.value}"


Period = Annotated[
    Duration,
    BeforeValidator(values.parse_duration),
    PlainSerializer(str, return_type=str),
    WithJsonSchema({"type": "string", "pattern": values.DURATION_PATTERN,
                    "examples": ["24 months", "1 year"]}),
]


class Controller(_Model):
    name: str
    """The organisation responsible for the data (Art. 13(1)(a))."""
    org_number: str | None = None
    """Company registration number, e.g. "556677-8899" (in quotes)."""
    address: str
    """Postal address."""
    email: Email
    """Where people reach you about their data."""
    phone: Phone | None = None
    """Phone number, in quotes: "+46 8 123 45 67"."""
    website: HttpsUrl | None = None
    """Your website, https:// only."""


class DPO(_Model):
    name: str | None = None
    email: Email
    """How to reach the data protection officer (Art. 13(1)(b))."""
    phone: Phone | None = None
    external: Flag = False
    """true when the data protection officer is not employed by you (a service, Art. 37(6))."""


class Authority(_Model):
    name: Label
    """The supervisory authority's name."""
    website: HttpsUrl
    """Its website, https:// only."""




def _authority_kind(value: Any) -> str | None:
    if isinstance(value, str):
        return "code"
    if isinstance(value, (dict, Authority)):
        return "custom"
    return None


def _check_authority(value: Any) -> Any:
    if isinstance(value, str) and known_authority(value) is None:
        known = ", ".join(sorted(AUTHORITIES))
        raise invalid("authority", _("unknown supervisory authority `{value}`").format(value=value),
                      _("use a built-in code ({codes}) or a mapping with `name` and `website`").format(codes=known))
    if _authority_kind(value) is None:
        raise invalid("authority", _("expected `IMY` or a mapping, found {found}").format(found=describe(value)),
                      _("write `authority: IMY`, or `name:` and `website:` indented below it"))
    return value


AuthorityRef = Annotated[
    Union[Annotated[str, Tag("code")], Annotated[Authority, Tag("custom")]],
    Discriminator(_authority_kind),
    BeforeValidator(_check_authority),
]


class RecordSystem(_Model):
    name: str
    """The one system where customer data is kept (the CRM)."""
    country: Country
    """Where that system keeps the data: ISO 3166-1 code, e.g. SE."""


class Retention(_Model):
    """Either a ``period`` with the event it runs ``after``, or ``criteria`` (Art. 13(2)(a)).

    An empty ``retention: {}`` is well formed but says nothing: like a missing retention it is the
    GDPR finding G401 (Art. 13(2)(a)), not a format error, so legal writers see it with its article.
    """

    period: Period | None = None
    """How long, e.g. "24 months": a number and days, weeks, months or years."""
    after: Text | None = None
    """The event the period runs from: {sv: att ärendet har stängts, en: the case is closed}."""
    criteria: Text | None = None
    """Instead of period and after, when no fixed period is possible."""

    @model_validator(mode="after")
    def _one_shape(self) -> "Retention":
        if self.criteria is not None and (self.period is not None or self.after is not None):
            raise invalid("retention", _("give either `period` with `after`, or `criteria` — not both"),
                          _("use `criteria` only when no fixed period is possible"))
        if self.period is not None and self.after is None:
            raise invalid("retention", _("`period` needs `after`: the event the period runs from"),
                          _("e.g. `after: {sv: att ärendet har stängts, en: the case is closed}`"))
        if self.after is not None and self.period is None:
            raise invalid("retention", _("`after` needs a `period`, such as `24 months`"),
                          _("add `period:`, or use `criteria` when no fixed period is possible"))
        return self


class Subject(_Model):
    id: Id
    """Short id used in purposes."""
    label: Text
    """The group, as people read it: {sv: kontaktpersoner hos våra kunder, en: contact persons at our customers}."""


class DataItem(_Model):
    id: Id
    """Short id used in purposes: lower-case letters, digits, _ and -."""
    label: Text
    """What the data is, as people read it: {sv: namn, en: name}."""
    holder: Holder
    """Whose data it is: contact, company, case or technical."""
    source: Source = Source.data_subject
    """Where it comes from; anything but data_subject means Art. 14 applies."""
    source_detail: Text | None = None
    """The source, named for people; needed when source is not data_subject (Art. 14(2)(f))."""
    special: Flag = False
    """true for a special category of data (Art. 9): health, religion, union membership …"""
    retention: Retention | None = None
    """Only when this kind of data is kept differently from the purposes that use it."""


class ConsentChannel(str, Enum):
    """How a consent is asked: only ``web`` becomes a box on the consent form."""

    web = "web"
    phone = "phone"
    email = "email"
    in_person = "in_person"


class Consent(_Model):
    statement: Text | None = None
    """The text the person agrees to: beside the (unticked) box, or read out."""
    withdraw: Text | None = None
    """How to withdraw consent; as easy as giving it (Art. 7(3))."""
    channel: ConsentChannel = ConsentChannel.web
    """How consent is asked: web (a box on the consent form), phone, email or in_person."""
    script: Text | None = None
    """What the agent says when asking (needed for phone and in_person)."""
    proof: Text | None = None
    """How the consent is recorded, so it can be shown later (needed for every channel but web)."""


class Purpose(_Model):
    id: Id
    """Short id; also the consent form field name."""
    title: Text
    """Why you use the data, as people read it."""
    description: Text | None = None
    """Optional: concrete sentences about what you do."""
    data: list[str] = []
    """Ids from `data` that this purpose uses."""
    subjects: list[str] = []
    """Ids from `subjects`: the groups of people this purpose concerns."""
    legal_basis: LegalBasis
    """The Art. 6(1) basis for this purpose."""
    legitimate_interest: Text | None = None
    """The interest pursued; needed for legitimate_interests (Art. 13(1)(d))."""
    legal_obligation: Text | None = None
    """The law that obliges you; needed for legal_obligation."""
    special_condition: SpecialCondition | None = None
    """The Art. 9(2) condition; needed when the purpose uses special data."""
    retention: Retention | None = None
    """How long the data is kept (Art. 13(2)(a))."""
    recipients: list[str] = []
    """Ids from `recipients` that get this data."""
    requirement: Text | None = None
    """Must people give the data, and what happens if they do not (Art. 13(2)(e))."""
    consent: Consent | None = None
    """For consent: the statement and how to withdraw."""
    direct_marketing: Flag = False
    """true when the purpose is direct marketing (newsletters, offers): people can always object
    to it, and we must then stop at once (Art. 21(2)-(3))."""


class Recipient(_Model):
    id: Id
    """Short id used in purposes and transfers."""
    name: str
    """The recipient's name."""
    role: Role
    """processor, controller, joint_controller or authority."""
    description: Text | None = None
    """What the recipient does with the data."""
    country: Country
    """Where the recipient handles the data: ISO 3166-1 code."""


class Certification(str, Enum):
    """A certification an adequacy decision relies on."""

    dpf = "dpf"  # EU-US Data Privacy Framework, Implementing Decision (EU) 2023/1795


class Transfer(_Model):
    recipient: str
    """An id from `recipients`."""
    country: Country
    """The country outside the EU/EEA the data goes to."""
    safeguard: Safeguard
    """The legal ground for the transfer (Art. 45, 46, 47 or 49)."""
    certification: Certification | None = None
    """dpf: the US recipient is certified under the EU-US Data Privacy Framework (with adequacy)."""
    copy_: Text | None = Field(default=None, alias="copy")
    """How to get a copy of the safeguard (not needed for adequacy)."""


class AutomatedDecision(_Model):
    description: Text
    """The decision made without a person (Art. 22)."""
    logic: Text
    """How it is made, in plain words."""
    consequences: Text
    """What it means for the person."""


class Requests(_Model):
    contact: Contact
    """Where people send requests about their data: e-mail or an https:// page."""


class Forms(_Model):
    action: HttpsUrl | None = None
    """The https:// address the consent form posts to."""
    identifier: str | None = None
    """An id from `data`: who consents (the form asks for it, e.g. the e-mail address)."""


class NeverRecord(_Model):
    """A kind of data the support team never writes into a case, besides the built-in ones."""

    label: Text
    """What it is, as the support team reads it: {sv: bankkontonummer, en: bank account numbers}."""
    reason: Text | None = None
    """Optional: why not, in one sentence for the support team."""


class Changes(_Model):
    notify: Text | None = None
    """How people are told about changes to the policy, e.g. "We will e-mail you …"."""
    notice_days: Annotated[int, Strict(), Field(ge=0, le=365)] | None = None
    """Substantive changes are announced at least this many days before they take effect."""


def _whole_number(value: Any) -> Any:
    if isinstance(value, bool):
        raise invalid("format", _("`format` must be 1, found {found}").format(found=describe(value)),
                      _("this version of policygen reads `format: 1`"))
    return value


class Description(_Model):
    """One organisation's description: the single source of every document."""

    format: Annotated[Literal[1], BeforeValidator(_whole_number)]
    """The version of this format: 1."""
    languages: Annotated[list[Language], Field(min_length=1, json_schema_extra={"uniqueItems": True}),
                         AfterValidator(values.unique_languages)]
    """The languages every text is written in: sv, en or both."""
    effective: Date
    """The date the policy takes effect, YYYY-MM-DD."""
    controller: Controller
    """Who is responsible for the data (Art. 13(1)(a))."""
    dpo: DPO | None = None
    """The data protection officer, if you have one (Art. 13(1)(b))."""
    authority: AuthorityRef = "IMY"
    """The supervisory authority: IMY, or {name, website}."""
    record_system: RecordSystem
    """The one place where customer data is kept."""
    subjects: list[Subject] = []
    """The groups of people the policy covers (Art. 30(1)(c)); optional."""
    data: list[DataItem]
    """Every kind of personal data support records."""
    purposes: list[Purpose]
    """Why you use the data, one entry per purpose."""
    recipients: list[Recipient] = []
    """Who else gets the data."""
    transfers: list[Transfer] = []
    """Transfers outside the EU/EEA (Art. 13(1)(f)); empty list = none."""
    automated_decisions: list[AutomatedDecision] = []
    """Decisions made without a person (Art. 13(2)(f))."""
    requests: Requests | None = None
    """Where people send requests about their data (Art. 12)."""
    forms: Forms | None = None
    """Where the consent form posts, and who consents."""
    on_behalf_of_customers: Text | None = None
    """Data you process as a processor for your customers (e.g. what they put into your product),
    and whose policy applies to it."""
    changes: Changes | None = None
    """How changes to the policy are announced."""
    security: Text | None = None
    """The security measures, for the records of processing (Art. 30(1)(g)); optional."""
    never_record: list[NeverRecord] = []
    """Kinds of data support never writes into a case, added to the handbook's built-in list
    (special categories, personal identity numbers, passwords, card numbers); optional."""
