"""EU/EEA member states and the countries with an EU adequacy decision (GDPR Art. 45).

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

CHECKED = "2026-11-29"

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
    """One Commission decision under Art. 45 (or under Directive 95/46/EC, kept by Art. 45(9))."""

    country: str
    decision: str
    scope: str = ""
    conditional: bool = False  # True: only some recipients are covered (e.g. DPF-certified ones)


ADEQUACY: dict[str, AdequacyDecision] = {
    decision.country: decision
    for decision in (
        AdequacyDecision("AD", "Commission Decision 2010/625/EU"),
        AdequacyDecision("AR", "Commission Decision 2003/490/EC"),
        AdequacyDecision("BR", "Commission Implementing Decision (EU) 2026/179"),
        AdequacyDecision("CA", "Commission Decision 2002/2/EC",
                         scope="commercial organisations subject to PIPEDA"),
        AdequacyDecision("CH", "Commission Decision 2000/518/EC"),
        AdequacyDecision("FO", "Commission Decision 2010/146/EU"),
        AdequacyDecision("GB", "Commission Implementing Decision (EU) 2021/1772, renewed 2025"),
        AdequacyDecision("GG", "Commission Decision 2003/821/EC"),
        AdequacyDecision("IL", "Commission Decision 2011/61/EU"),
        AdequacyDecision("IM", "Commission Decision 2004/411/EC"),
        AdequacyDecision("JE", "Commission Decision 2008/393/EC"),
        AdequacyDecision("JP", "Commission Implementing Decision (EU) 2019/419",
                         scope="private sector under the APPI"),
        AdequacyDecision("KR", "Commission Implementing Decision (EU) 2022/254",
                         scope="private sector under PIPA"),
        AdequacyDecision("NZ", "Commission Decision 2013/65/EU"),
        AdequacyDecision("US", "Commission Implementing Decision (EU) 2023/1795",
                         scope="organisations certified under the EU-US Data Privacy Framework",
                         conditional=True),
        AdequacyDecision("UY", "Commission Implementing Decision 2012/484/EU"),
    )
}


def normalise(code: str) -> str:
    return code.strip().upper()


def in_eu_eea(code: str) -> bool:
    """True when ``code`` is an EU or EEA state: sending data there is not a transfer (Art. 44)."""
    return normalise(code) in EU_EEA


def is_third_country(code: str) -> bool:
    return not in_eu_eea(code)


def adequacy(code: str) -> AdequacyDecision | None:
    """The adequacy decision for ``code``, or ``None`` when there is none."""
    return ADEQUACY.get(normalise(code))


COUNTRY_NAMES: dict[str, tuple[str, str]] = {
    # code: (Swedish, English)
    "AT": ("Österrike", "Austria"), "BE": ("Belgien", "Belgium"), "BG": ("Bulgarien", "Bulgaria"),
    "CY": ("Cypern", "Cyprus"), "CZ": ("Tjeckien", "Czechia"), "DE": ("Tyskland", "Germany"),
    "DK": ("Danmark", "Denmark"), "EE": ("Estland", "Estonia"), "ES": ("Spanien", "Spain"),
    "FI": ("Finland", "Finland"), "FR": ("Frankrike", "France"), "GR": ("Grekland", "Greece"),
    "HR": ("Kroatien", "Croatia"), "HU": ("Ungern", "Hungary"), "IE": ("Irland", "Ireland"),
    "IT": ("Italien", "Italy"), "LT": ("Litauen", "Lithuania"), "LU": ("Luxemburg", "Luxembourg"),
    "LV": ("Lettland", "Latvia"), "MT": ("Malta", "Malta"), "NL": ("Nederländerna", "the Netherlands"),
    "PL": ("Polen", "Poland"), "PT": ("Portugal", "Portugal"), "RO": ("Rumänien", "Romania"),
    "SE": ("Sverige", "Sweden"), "SI": ("Slovenien", "Slovenia"), "SK": ("Slovakien", "Slovakia"),
    "IS": ("Island", "Iceland"), "LI": ("Liechtenstein", "Liechtenstein"), "NO": ("Norge", "Norway"),
    "AD": ("Andorra", "Andorra"), "AR": ("Argentina", "Argentina"), "BR": ("Brasilien", "Brazil"),
    "CA": ("Kanada", "Canada"), "CH": ("Schweiz", "Switzerland"), "FO": ("Färöarna", "the Faroe Islands"),
    "GB": ("Storbritannien", "the United Kingdom"), "GG": ("Guernsey", "Guernsey"),
    "IL": ("Israel", "Israel"), "IM": ("Isle of Man", "the Isle of Man"), "JE": ("Jersey", "Jersey"),
    "JP": ("Japan", "Japan"), "KR": ("Sydkorea", "South Korea"), "NZ": ("Nya Zeeland", "New Zealand"),
    "US": ("USA", "the United States"), "UY": ("Uruguay", "Uruguay"),
    "AU": ("Australien", "Australia"), "CN": ("Kina", "China"), "IN": ("Indien", "India"),
    "PH": ("Filippinerna", "the Philippines"), "SG": ("Singapore", "Singapore"),
    "UA": ("Ukraina", "Ukraine"), "RS": ("Serbien", "Serbia"), "TR": ("Turkiet", "Türkiye"),
    "ZA": ("Sydafrika", "South Africa"), "MX": ("Mexiko", "Mexico"),
}
"""Country names for the policy text. Codes without a name here are shown as the code itself."""


def country_name(code: str, lang: str) -> str:
    """The country's name in ``lang`` (``sv`` or ``en``), or the code when the name is unknown."""
    names = COUNTRY_NAMES.get(normalise(code))
    if names is None:
        return normalise(code)
    return names[0] if lang == "sv" else names[1]
