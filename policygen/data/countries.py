"""EU/EEA member states and the countries with an EU adequacy decision (GDPR Art. 45).

Country names are not here: they come from CLDR (:mod:`policygen.lang.cldr`).

Why this is data in the package: whether a transfer needs a safeguard depends on where the
recipient is. The EU/EEA is one data area (no transfer); a country with an adequacy decision
needs no further safeguard (Art. 45(1)); every other country needs an Art. 46 safeguard or an
Art. 49 derogation. Findings and the rendered policy both read these lists.

Sources, checked 2026-11-29:
- EU member states: europa.eu, "EU countries" (27 since 1 February 2020).
- EEA: the EEA Agreement; the GDPR applies in Iceland, Liechtenstein and Norway through
  EEA Joint Committee Decision No 154/2018.
- Adequacy decisions: European Commission, "Adequacy decisions" (commission.europa.eu,
  data protection → international dimension), and the decisions cited per country below.

Assumptions, as of 2026-11-29:
- United Kingdom: the 2021 decision (EU) 2021/1772 was renewed on 19 December 2025 for six years
  (until December 2031).
- Brazil: Commission Implementing Decision (EU) 2026/179 of 26 January 2026 (OJ 28 January
  2026) is treated as adopted and in force.
- United States: Implementing Decision (EU) 2023/1795 (EU–US Data Privacy Framework) covers only
  organisations certified under the DPF, so adequacy for ``US`` is *conditional*: the validator
  asks the writer to confirm certification instead of refusing it.
- Canada covers commercial organisations under PIPEDA; Japan and the Republic of Korea cover the
  private sector under their general data protection laws. Sector limits are kept in ``scope``.
- The European Patent Organisation (2025 decision) is an international organisation, not a
  country, so it is not listed.
Re-check these lists when the Commission adopts, renews or withdraws a decision.
"""

from __future__ import annotations

from dataclasses import dataclass

EU_MEMBER_STATES: frozenset[str] = frozenset(
    {
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
        "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
    }
)
"""The 27 EU member states by ISO 3166-1 alpha-2 code (Greece is ``GR``, not the EU's ``EL``)."""

EEA_ONLY: frozenset[str] = frozenset({"IS", "LI", "NO"})
"""EEA states outside the EU, where the GDPR applies through the EEA Agreement."""

EU_EEA: frozenset[str] = EU_MEMBER_STATES | EEA_ONLY


@dataclass(frozen=True)
class AdequacyDecision:
    """One Commission decision under Art. 45 (or under Directive 95/46/EC, kept by Art. 45(9)).

    The name is built from its parts in each language (the language pack words it): ``kind`` is
    ``decision`` or ``implementing`` (an implementing decision), ``number`` as the English Official
    Journal writes it, ``renewed`` the year of a renewal.
    """

    country: str
    kind: str
    number: str
    scope: str = ""
    conditional: bool = False  # True: only some recipients are covered (e.g. DPF-certified ones)
    renewed: int | None = None


ADEQUACY: dict[str, AdequacyDecision] = {
    decision.country: decision
    for decision in (
        AdequacyDecision("AD", "decision", "2010/625/EU"),
        AdequacyDecision("AR", "decision", "2003/490/EC"),
        AdequacyDecision("BR", "implementing", "(EU) 2026/179"),
        AdequacyDecision("CA", "decision", "2002/2/EC",
                         scope="commercial organisations subject to PIPEDA"),
        AdequacyDecision("CH", "decision", "2000/518/EC"),
        AdequacyDecision("FO", "decision", "2010/146/EU"),
        AdequacyDecision("GB", "implementing", "(EU) 2021/1772", renewed=2025),
        AdequacyDecision("GG", "decision", "2003/821/EC"),
        AdequacyDecision("IL", "decision", "2011/61/EU"),
        AdequacyDecision("IM", "decision", "2004/411/EC"),
        AdequacyDecision("JE", "decision", "2008/393/EC"),
        AdequacyDecision("JP", "implementing", "(EU) 2019/419",
                         scope="private sector under the APPI"),
        AdequacyDecision("KR", "implementing", "(EU) 2022/254",
                         scope="private sector under PIPA"),
        AdequacyDecision("NZ", "decision", "2013/65/EU"),
        AdequacyDecision("US", "implementing", "(EU) 2023/1795",
                         scope="organisations certified under the EU-US Data Privacy Framework",
                         conditional=True),
        AdequacyDecision("UY", "implementing", "2012/484/EU"),
    )
}


def in_eu_eea(code: str) -> bool:
    """True when ``code`` (an upper-case ISO code) is an EU or EEA state: not a transfer (Art. 44)."""
    return code in EU_EEA


def adequacy(code: str) -> AdequacyDecision | None:
    """The adequacy decision for ``code``, or ``None`` when there is none."""
    return ADEQUACY.get(code)
