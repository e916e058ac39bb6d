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
    Tag,
    WithJsonSchema,
    model_validator,
)

from policygen.data.authorities import AUTHORITIES, known_authority
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
from policygen.model.values import invalid

class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


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


class DurationUnit(str, Enum):
    days = "days"
    weeks = "weeks"
    months = "months"
    years = "years"


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
    WithJsonSchema({"type": "string",
                    "pattern": r"^\s*[0-9]+\s+(day|days|week|weeks|month|months|year|years)\s*$",
                    "examples": ["24 months", "1 year"]}),
]


class Controller(_Model):
    name: str
    org_number: str | None = None
    address: str
    email: Email
    phone: Phone | None = None
    website: HttpsUrl | None = None


class DPO(_Model):
    name: str | None = None
    email: Email
    phone: Phone | None = None


class Authority(_Model):
    name: Label
    website: HttpsUrl




def _authority_kind(value: Any) -> str | None:
    if isinstance(value, str):
        return "code"
    if isinstance(value, (dict, Authority)):
        return "custom"
    return None


def _check_authority(value: Any) -> Any:
    if isinstance(value, str) and known_authority(value) is None:
        known = ", ".join(sorted(AUTHORITIES))
        raise invalid("authority", f"unknown supervisory authority `{value}`",
                      f"use a built-in code ({known}) or a mapping with `name` and `website`")
    if _authority_kind(value) is None:
        raise invalid("authority", f"expected `IMY` or a mapping, found {values.describe(value)}",
                      "write `authority: IMY`, or `name:` and `website:` indented below it")
    return value


AuthorityRef = Annotated[
    Union[Annotated[str, Tag("code")], Annotated[Authority, Tag("custom")]],
    Discriminator(_authority_kind),
    BeforeValidator(_check_authority),
]


class RecordSystem(_Model):
    name: str
    country: Country


class DataItem(_Model):
    id: Id
    label: Text
    holder: Holder
    source: Source = Source.data_subject
    source_detail: Text | None = None
    special: Flag = False


class Retention(_Model):
    """Either a ``period`` with the event it runs ``after``, or ``criteria`` (Art. 13(2)(a))."""

    period: Period | None = None
    after: Text | None = None
    criteria: Text | None = None

    @model_validator(mode="after")
    def _one_shape(self) -> "Retention":
        if self.criteria is not None and (self.period is not None or self.after is not None):
            raise invalid("retention", "give either `period` with `after`, or `criteria` — not both",
                          "use `criteria` only when no fixed period is possible")
        if self.period is not None and self.after is None:
            raise invalid("retention", "`period` needs `after`: the event the period runs from",
                          "e.g. `after: {sv: att ärendet har stängts, en: the case is closed}`")
        if self.after is not None and self.period is None:
            raise invalid("retention", "`after` needs a `period`, such as `24 months`",
                          "add `period:`, or use `criteria` when no fixed period is possible")
        if self.period is None and self.criteria is None:
            raise invalid("retention", "retention is empty",
                          "give `period` and `after`, or `criteria`")
        return self


class Consent(_Model):
    statement: Text | None = None
    withdraw: Text | None = None


class Purpose(_Model):
    id: Id
    title: Text
    description: Text | None = None
    data: list[str] = []
    legal_basis: LegalBasis
    legitimate_interest: Text | None = None
    legal_obligation: Text | None = None
    special_condition: SpecialCondition | None = None
    retention: Retention | None = None
    recipients: list[str] = []
    requirement: Text | None = None
    consent: Consent | None = None


class Recipient(_Model):
    id: Id
    name: str
    role: Role
    description: Text | None = None
    country: Country


class Transfer(_Model):
    recipient: str
    country: Country
    safeguard: Safeguard
    copy_: Text | None = Field(default=None, alias="copy")


class AutomatedDecision(_Model):
    description: Text
    logic: Text
    consequences: Text


class Requests(_Model):
    contact: Contact


class Forms(_Model):
    action: HttpsUrl | None = None


def _whole_number(value: Any) -> Any:
    if isinstance(value, bool):
        raise invalid("format", f"`format` must be 1, found {values.describe(value)}",
                      "this version of policygen reads `format: 1`")
    return value


class Description(_Model):
    """One organisation's description: the single source of every document."""

    format: Annotated[Literal[1], BeforeValidator(_whole_number)]
    languages: Annotated[list[Language], Field(min_length=1, json_schema_extra={"uniqueItems": True}),
                         AfterValidator(values.unique_languages)]
    effective: Date
    controller: Controller
    dpo: DPO | None = None
    authority: AuthorityRef = "IMY"
    record_system: RecordSystem
    data: list[DataItem]
    purposes: list[Purpose]
    recipients: list[Recipient] = []
    transfers: list[Transfer] = []
    automated_decisions: list[AutomatedDecision] = []
    requests: Requests | None = None
    forms: Forms | None = None
