"""Typed models of the description format (DESIGN.md, "the contract").

Field names mirror the YAML keys exactly. Every *text* is normalised by the loader into a
``dict`` with one entry per language in ``languages`` before these models see it, so render code
can always write ``purpose.title[lang]``. Models forbid unknown keys: a typo must never silently
drop information from a legal document.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Language = Literal["sv", "en"]
Text = dict[str, str]  # language code → text; complete for every language after loading


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


class Controller(_Model):
    name: str
    org_number: str | None = None
    address: str
    email: str
    phone: str | None = None
    website: str | None = None


class DPO(_Model):
    name: str | None = None
    email: str
    phone: str | None = None


class Authority(_Model):
    name: Text
    website: str


class RecordSystem(_Model):
    name: str
    country: str


class DataItem(_Model):
    id: str
    label: Text
    holder: Holder
    source: Source = Source.data_subject
    source_detail: Text | None = None
    special: bool = False


class Retention(_Model):
    period: Duration | None = None
    after: Text | None = None
    criteria: Text | None = None


class Consent(_Model):
    statement: Text | None = None
    withdraw: Text | None = None


class Purpose(_Model):
    id: str
    title: Text
    description: Text | None = None
    data: list[str]
    legal_basis: LegalBasis
    legitimate_interest: Text | None = None
    legal_obligation: Text | None = None
    special_condition: SpecialCondition | None = None
    retention: Retention | None = None
    recipients: list[str] = []
    requirement: Text | None = None
    consent: Consent | None = None


class Recipient(_Model):
    id: str
    name: str
    role: Role
    description: Text | None = None
    country: str


class Transfer(_Model):
    recipient: str
    country: str
    safeguard: Safeguard
    copy_: Text | None = Field(default=None, alias="copy")


class AutomatedDecision(_Model):
    description: Text
    logic: Text
    consequences: Text


class Requests(_Model):
    contact: str


class Forms(_Model):
    action: str | None = None


class Description(_Model):
    """One organisation's description: the single source of every document."""

    format: Literal[1]
    languages: list[Language] = Field(min_length=1)
    effective: dt.date
    controller: Controller
    dpo: DPO | None = None
    authority: str | Authority = "IMY"
    record_system: RecordSystem
    data: list[DataItem]
    purposes: list[Purpose]
    recipients: list[Recipient] = []
    transfers: list[Transfer] = []
    automated_decisions: list[AutomatedDecision] = []
    requests: Requests | None = None
    forms: Forms | None = None
