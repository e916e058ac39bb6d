"""Checks of single values: texts, dates, durations, e-mail addresses, URLs, countries and ids.

Each check raises a pydantic error whose context carries a human message and a ``hint``, so the
loader can turn it into one located :class:`~policygen.errors.Problem`.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from pydantic_core import PydanticCustomError

from policygen.lang import LANGUAGES
from policygen.lang.messages import _
from policygen.lang.suggest import closest
from policygen.lang.validation import describe, invalid

SUPPORTED_LANGUAGES = LANGUAGES

_SLUG = re.compile(r"^[a-z][a-z0-9_-]*$")
_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_LOOSE_DURATION = re.compile(r"^\s*([-+]?\d+)\s*([^\d\s]+)\s*$")  # for hints only
_EMAIL = re.compile(r"^[^@\s<>(),;:\"\[\]\\]+@[^@\s<>(),;:\"\[\]\\/]+$")
# Valid in RFC 5322 local parts, but in a mailto: link they start headers (?, &, =-pairs), escapes
# (%), fragments (#) or paths (/): an address holding one is refused rather than guessed at.
_MAILTO_SPECIALS = frozenset("?&%#/`")
_DOMAIN_LABEL = re.compile(r"^[^\W_](?:[\w-]{0,61}[^\W_])?$")
_PHONE = re.compile(r"^\+?[0-9][0-9 ()./-]{3,30}[0-9]$")
DURATION_UNITS = ("days", "weeks", "months", "years")
"""The units of a retention period: the one list the model, the schema and the packs follow."""

_UNITS = {word: unit for unit in DURATION_UNITS for word in (unit, unit[:-1])}  # "month", "months"
_SPACE = r"[ \t\n\r]*"
DURATION_PATTERN = (f"^{_SPACE}([1-9][0-9]*){_SPACE}("
                    + "|".join(sorted(_UNITS, key=len, reverse=True)) + f"){_SPACE}$")
"""The accepted syntax of a period ("24 months", "1 year", "24months"), as a regular expression
that means the same in Python and in a JSON Schema (ECMA-262): the loader and ``policygen
schema`` both use it, so an editor never underlines a period that loads, nor the reverse."""
_DURATION = re.compile(DURATION_PATTERN)

_SWEDISH_UNITS = {"dag": "days", "dagar": "days", "vecka": "weeks", "veckor": "weeks",
                  "månad": "months", "månader": "months", "år": "years"}
_COUNTRY_ALIASES = {"UK": "GB", "EL": "GR", "EU": None, "EEA": None}


def parse_date(value: Any) -> Any:
    """``2026-12-01`` (YYYY-MM-DD), checked to be a real calendar date."""
    if isinstance(value, dt.datetime):
        raise invalid("date", _("expected a date without a time"), _("write YYYY-MM-DD, e.g. 2026-12-01"))
    if isinstance(value, dt.date):
        return value
    match = _DATE.match(value) if isinstance(value, str) else None
    if match is None:
        raise invalid("date", _("expected a date, found {found}").format(found=describe(value)),
                      _("write the date as YYYY-MM-DD, e.g. 2026-12-01"))
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError as error:
        raise invalid("date", _("`{value}` is not a real date ({reason})").format(value=value, reason=error),
                      _("write the date as YYYY-MM-DD, e.g. 2026-12-01")) from None


def parse_duration(value: Any) -> Any:
    """``24 months``, ``1 year``: a whole number ≥ 1 and a unit (:data:`DURATION_PATTERN`)."""
    if not isinstance(value, str):
        if hasattr(value, "amount") and hasattr(value, "unit"):
            return value
        hint = _('write a number and a unit: "<n> days|weeks|months|years"')
        if isinstance(value, int) and not isinstance(value, bool):
            hint = _("add the unit, e.g. `{number} months` or `{number} days`").format(number=value)
        raise invalid("duration", _("expected a period such as `24 months`, found {found}").format(found=describe(value)),
                      hint)
    match = _DURATION.fullmatch(value)
    if match is not None:
        return {"amount": int(match.group(1)), "unit": _UNITS[match.group(2)]}
    raise _duration_problem(value)


def _duration_problem(value: str) -> PydanticCustomError:
    """Why ``value`` is not a period, with the most useful hint."""
    loose = _LOOSE_DURATION.match(value)
    if loose is None:
        return invalid("duration", _("`{value}` is not a period").format(value=value),
                       _('write a number and a unit, e.g. "24 months" or "1 year"'))
    number, word = loose.group(1), loose.group(2)
    unit = _UNITS.get(word.lower())
    if unit is None:
        swedish = _SWEDISH_UNITS.get(word.lower())
        if swedish:
            hint = _("write the unit in English: `{period}`").format(period=f"{number} {swedish}")
        else:
            guess = closest(word.lower(), _UNITS)
            hint = (_("did you mean `{match}`?").format(match=f"{number} {_UNITS[guess]}") if guess
                    else _("the unit is one of: {units}").format(units=", ".join(DURATION_UNITS)))
        return invalid("duration", _("unknown unit `{unit}` in `{value}`").format(unit=word, value=value), hint)
    not_a_period = _("`{value}` is not a period").format(value=value)
    if not number.isascii() or not number.lstrip("+-").isdigit():
        return invalid("duration", not_a_period, _("write the number with the digits 0-9"))
    if int(number) < 1:
        return invalid("duration", _("a period must be at least {period}, not `{value}`").format(
                           period=f"1 {unit[:-1]}", value=value),
                       _("if data is deleted at once, say so with `criteria` instead of `period`"))
    if word != word.lower():
        return invalid("duration", not_a_period,
                       _("write the unit in lower case: `{period}`").format(period=f"{int(number)} {word.lower()}"))
    return invalid("duration", not_a_period,
                   _("write the number without a sign or leading zeros: `{period}`").format(period=f"{int(number)} {word}"))


def check_email(value: str) -> str:
    """A reasonable syntax check: one @, a local part, a domain with a dot, no spaces."""
    problem = _email_problem(value)
    if problem:
        hint = _("an e-mail address looks like dataskydd@exempel.se")
        if value.lower().startswith("mailto:"):
            hint = _("write the address without `mailto:`")
        raise invalid("email", _("`{value}` is not a valid e-mail address ({reason})").format(value=value, reason=problem),
                      hint)
    return value


def _email_problem(value: str) -> str:
    if value != value.strip() or not _EMAIL.match(value):
        return _("expected name@domain, without spaces")
    local, domain = value.rsplit("@", 1)
    if len(local) > 64 or len(value) > 254:
        return _("too long")
    unsafe = sorted(set(local) & _MAILTO_SPECIALS)
    if unsafe:
        shown = " ".join(f"`{char}`" for char in unsafe)
        return _("{characters} before the @ would make a mailto: link carry more than the address "
                 "(extra recipients or headers)").format(characters=shown)
    if local.startswith(".") or local.endswith(".") or ".." in local:
        return _("misplaced dot before the @")
    labels = domain.split(".")
    if len(labels) < 2 or not all(_DOMAIN_LABEL.match(label) for label in labels):
        return _("`{domain}` is not a domain name").format(domain=domain)
    if labels[-1].isdigit():
        return _("`{domain}` is not a domain name").format(domain=domain)
    return ""


def anchor_slug(value: str) -> str:
    """An id as it appears in an anchor: lower case, runs of anything but ``a-z0-9`` become one
    hyphen (``secur_ity`` and ``secur-ity`` both give ``secur-ity``)."""
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-") or "x"


def check_https_url(value: str) -> str:
    """Only ``https://`` addresses of a named host: the policy links people there."""
    stripped = value.strip()
    scheme = stripped.split(":", 1)[0].lower() if ":" in stripped else ""
    if scheme != "https":
        if scheme == "http":
            hint = _("use https:// — people's data must travel encrypted")
        elif scheme in {"javascript", "data", "vbscript", "file"}:
            hint = _("`{scheme}:` addresses are not allowed; give the https:// address of a web page").format(scheme=scheme)
        elif "@" in stripped and "/" not in stripped:
            hint = _("this looks like an e-mail address; give a web address starting with https://")
        else:
            hint = _("start the address with https://, e.g. {example}").format(
                example=f"https://{stripped.split('/')[0] or 'exempel.se'}")
        raise invalid("url", _("`{value}` is not an https:// web address").format(value=value), hint)
    try:
        parts = urlsplit(stripped)
        host = parts.hostname or ""
    except ValueError:
        host, parts = "", None
    if value != stripped or any(char.isspace() for char in value) or not host or "." not in host \
            or parts is None or parts.username or parts.password:
        raise invalid("url", _("`{value}` is not a valid web address").format(value=value),
                      _("write a full address such as https://exempel.se/integritet, without spaces"))
    return value


def check_contact(value: str) -> str:
    """Where people send requests: an e-mail address or an https:// page (a web form)."""
    if value.strip().lower().startswith(("https:", "http:", "javascript:", "data:")):
        return check_https_url(value)
    if _email_problem(value):
        raise invalid("contact", _("`{value}` is neither an e-mail address nor an https:// address").format(value=value),
                      _("give the e-mail address or the web form where people send their requests"))
    return value


def check_phone(value: str) -> str:
    if not _PHONE.match(value.strip()):
        raise invalid("phone", _("`{value}` is not a phone number").format(value=value),
                      _('write digits with an optional leading +, e.g. "+46 8 123 45 67"'))
    return value


@cache
def iso_countries() -> frozenset[str]:
    """The ISO 3166-1 alpha-2 codes shipped in ``countries.txt``."""
    text = resources.files("policygen.model").joinpath("countries.txt").read_text(encoding="utf-8")
    codes = (word for line in text.splitlines() if not line.startswith("#") for word in line.split())
    return frozenset(codes)


def check_country(value: str) -> str:
    """An ISO 3166-1 alpha-2 code in upper case (``SE``, ``US``, ``NO``)."""
    countries = iso_countries()
    if value in countries:
        return value
    upper = value.strip().upper()
    if upper in countries:
        hint = _("country codes are upper-case: write `{code}`").format(code=upper)
    elif upper in _COUNTRY_ALIASES:
        replacement = _COUNTRY_ALIASES[upper]
        hint = (_("the ISO code is `{code}`").format(code=replacement) if replacement
                else _("name one country; list a recipient once per country"))
    else:
        hint = _("use the two-letter ISO 3166-1 code, e.g. SE, DE, US")
    raise invalid("country", _("`{value}` is not an ISO 3166-1 country code").format(value=value), hint)


def check_slug(value: str) -> str:
    """Ids are referenced from other entries and become form field names: keep them simple."""
    if not _SLUG.match(value):
        suggestion = re.sub(r"[^a-z0-9_-]+", "_", value.strip().lower()).strip("_-")
        suggestion = re.sub(r"^[^a-z]+", "", suggestion)
        hint = _("an id starts with a lower-case letter and holds only a-z, 0-9, _ and -")
        if suggestion and _SLUG.match(suggestion):
            hint = _("an id starts with a lower-case letter and holds only a-z, 0-9, _ and -, e.g. `{id}`").format(
                id=suggestion)
        raise invalid("id", _("`{value}` is not a valid id").format(value=value), hint)
    return value


def unique_languages(value: list[str]) -> list[str]:
    seen: set[str] = set()
    for lang in value:
        if lang in seen:
            raise invalid("languages", _("`{language}` is listed twice").format(language=lang), _("list each language once"))
        seen.add(lang)
    return value
