"""Helpers for GDPR finding tests: small descriptions written inline, loaded by the real loader."""

from __future__ import annotations

import datetime as dt

from policygen.model import load_description_text
from policygen.validate import run

TODAY = dt.date(2026, 11, 29)

DATA = """\
  - id: email
    label: e-mail address
    holder: contact
"""

PURPOSES = """\
  - id: support
    title: Help you with your case
    data: [email]
    legal_basis: contract
    retention: {period: 24 months, after: the case is closed}
    requirement: We need your e-mail address to answer you.
"""


def describe(*, data: str = DATA, purposes: str = PURPOSES, recipients: str = "",
             transfers: str = "", record_country: str = "SE", requests: bool = True,
             extra: str = "", effective: str = "2026-12-01") -> str:
    """A one-language description; each block is YAML indented as a list under its key."""
    parts = [
        "format: 1",
        "languages: [en]",
        f"effective: {effective}",
        "controller:",
        "  name: Test AB",
        "  address: Storgatan 1, 111 22 Stockholm",
        "  email: privacy@test.se",
        "authority: IMY",
        "record_system:",
        "  name: Lime CRM",
        f"  country: {record_country}",
        "data:",
        data.rstrip("\n"),
        "purposes:",
        purposes.rstrip("\n"),
        "recipients:" + ("" if recipients else " []"),
    ]
    if recipients:
        parts.append(recipients.rstrip("\n"))
    parts.append("transfers:" + ("" if transfers else " []"))
    if transfers:
        parts.append(transfers.rstrip("\n"))
    if requests:
        parts += ["requests:", "  contact: privacy@test.se"]
    if extra:
        parts.append(extra.rstrip("\n"))
    return "\n".join(parts) + "\n"


def findings_of(text: str, path: str = "test.yaml"):
    return run(load_description_text(text, path), today=TODAY)


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line of the ``occurrence``-th line containing ``needle`` (found independently of the tool)."""
    seen = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            seen += 1
            if seen == occurrence:
                return number
    raise AssertionError(f"{needle!r} not in text")


def with_code(findings, code: str):
    return [f for f in findings if f.code == code]

