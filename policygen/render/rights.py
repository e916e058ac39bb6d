"""Which rights a policy lists, and for which purposes — decided by each purpose's legal basis.

GDPR gives people different rights depending on the legal basis of the processing
(reference/gdpr-notice.md, "Which rights apply to which legal basis"). A policy that promises a
right that does not apply misleads the reader; one that leaves a right out breaks Art. 13(2)(b).
So the policy never lists rights by hand: it asks :func:`rights_by_purpose` which rights apply and
which purposes each one covers, and :func:`objection` for the right to object, which Art. 21(4)
wants presented apart from everything else.

These functions are pure: purposes in, plain data out. The templates only word the result.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

from policygen.model.description import LegalBasis, SpecialCondition


class Right(str, Enum):
    """The rights of Art. 13(2)(b)–(d), in the order a policy presents them."""

    access = "access"  # Art. 15
    rectification = "rectification"  # Art. 16
    erasure = "erasure"  # Art. 17
    restriction = "restriction"  # Art. 18
    portability = "portability"  # Art. 20
    objection = "objection"  # Art. 21
    withdraw_consent = "withdraw_consent"  # Art. 7(3)
    complaint = "complaint"  # Art. 77


# reference/gdpr-notice.md: the rights to list for each legal basis. Erasure applies to vital
# interests but not to a public task; objection to a public task but not to vital interests;
# a legal obligation gives neither erasure, portability nor objection.
RIGHTS_BY_BASIS: dict[LegalBasis, tuple[Right, ...]] = {
    LegalBasis.consent: (Right.access, Right.rectification, Right.erasure, Right.restriction,
                         Right.portability, Right.withdraw_consent, Right.complaint),
    LegalBasis.contract: (Right.access, Right.rectification, Right.erasure, Right.restriction,
                          Right.portability, Right.complaint),
    LegalBasis.legal_obligation: (Right.access, Right.rectification, Right.restriction,
                                  Right.complaint),
    LegalBasis.legitimate_interests: (Right.access, Right.rectification, Right.erasure,
                                      Right.restriction, Right.objection, Right.complaint),
    LegalBasis.vital_interests: (Right.access, Right.rectification, Right.erasure,
                                 Right.restriction, Right.complaint),
    LegalBasis.public_task: (Right.access, Right.rectification, Right.restriction,
                             Right.objection, Right.complaint),
}

class PurposeLike(Protocol):
    id: str
    legal_basis: LegalBasis
    special_condition: SpecialCondition | None
    direct_marketing: bool


@dataclass(frozen=True)
class RightCoverage:
    """One right and the purposes (in description order) it applies to."""

    right: Right
    purposes: tuple[PurposeLike, ...]


@dataclass(frozen=True)
class Objection:
    """The right to object (Art. 21): the purposes it covers, and those where it is absolute.

    ``purposes`` holds every purpose on legitimate interests or a public task (Art. 21(1)): we must
    stop unless our reasons outweigh the person's. ``direct_marketing`` holds every purpose the
    description marks ``direct_marketing: true``, whatever its legal basis (Art. 21(2)–(3)): there
    we always stop. A newsletter on consent is among them: withdrawing consent ends it too, but
    the right to object to direct marketing must still be offered explicitly (Art. 21(4)).
    """

    purposes: tuple[PurposeLike, ...]
    direct_marketing: tuple[PurposeLike, ...]

    @property
    def applies(self) -> bool:
        return bool(self.purposes or self.direct_marketing)


def rights_for_basis(basis: LegalBasis | str) -> tuple[Right, ...]:
    """The rights to list for a purpose on ``basis``, in presentation order."""
    return RIGHTS_BY_BASIS[LegalBasis(basis)]


def rights_for_purpose(purpose: PurposeLike) -> tuple[Right, ...]:
    """The rights to list for one purpose: its legal basis's, and withdrawal of explicit consent.

    A purpose on a contract that uses special data with explicit consent (Art. 9(2)(a)) rests on
    a consent too: the person may withdraw it at any time (Art. 7(3)).
    """
    rights = rights_for_basis(purpose.legal_basis)
    if purpose.special_condition == SpecialCondition.explicit_consent \
            and Right.withdraw_consent not in rights:
        rights = tuple(right for right in Right
                       if right in rights or right is Right.withdraw_consent)
    return rights


def rights_by_purpose(purposes: Sequence[PurposeLike],
                      exclude: Sequence[Right] = (Right.objection,)) -> list[RightCoverage]:
    """Every right that applies to at least one purpose, with the purposes it covers.

    The right to object is left out by default because the policy presents it in its own section
    (:func:`objection`). A right no purpose has never appears, so the policy never promises it.
    """
    coverage: list[RightCoverage] = []
    for right in Right:
        if right in exclude:
            continue
        covered = tuple(p for p in purposes if right in rights_for_purpose(p))
        if covered:
            coverage.append(RightCoverage(right, covered))
    return coverage


def is_direct_marketing(purpose: PurposeLike) -> bool:
    """Whether the description marks the purpose as direct marketing.

    Only the writer's explicit ``direct_marketing: true`` counts. Words in an id or a title are no
    proof: "utskick av fakturor" or "phishing campaign" are not marketing, and a policy that
    promises an absolute right where none applies misleads as much as one that leaves it out.
    """
    return bool(purpose.direct_marketing)


def objection(purposes: Sequence[PurposeLike]) -> Objection:
    """The purposes the right to object covers, and the direct-marketing ones where it is absolute."""
    covered = tuple(p for p in purposes if Right.objection in rights_for_basis(p.legal_basis))
    marketing = tuple(p for p in purposes if is_direct_marketing(p))
    return Objection(purposes=covered, direct_marketing=marketing)
