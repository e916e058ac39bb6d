"""Supervisory authorities policygen knows by a short code (``authority: IMY``).

Why built in: every policy must name the authority people can complain to (Art. 13(2)(d),
14(2)(e)); a short code keeps the description simple and the name and address correct in both
languages. Another authority can be written out in the description as ``{name: text, website:
url}``.

Source, checked 2026-11-29: www.imy.se ("Om oss" / "About us"). IMY has been the Swedish
authority's name since 1 January 2021 (formerly Datainspektionen).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class KnownAuthority:
    code: str
    name: dict[str, str] = field(default_factory=dict)  # language → name
    website: str = ""
    country: str = ""


AUTHORITIES: dict[str, KnownAuthority] = {
    "IMY": KnownAuthority(
        code="IMY",
        name={
            "sv": "Integritetsskyddsmyndigheten (IMY)",
            "en": "the Swedish Authority for Privacy Protection (IMY)",
        },
        website="https://www.imy.se",
        country="SE",
    ),
}


def known_authority(code: str) -> KnownAuthority | None:
    """The built-in authority for ``code`` (case-insensitive), or ``None``."""
    return AUTHORITIES.get(code.strip().upper())
