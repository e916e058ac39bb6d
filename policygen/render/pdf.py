"""HTML → PDF with WeasyPrint: tagged, with language and title, reproducible, and sealed off.

Reproducible: WeasyPrint writes the creation and modification dates we give it, and nothing else
that changes from run to run, so the same HTML, fonts and date give the same bytes. The date is
``SOURCE_DATE_EPOCH`` when set (the reproducible-builds convention), else the description's
effective date.

Sealed off: the document may load files only from policygen's own ``templates/shared/`` folder.
Any other URL — ``file:`` elsewhere, ``http(s):``, ``data:`` — stops the rendering with
:class:`ForbiddenResource`, so a template or a text can never pull a local file or a tracker into
the PDF.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

from policygen.errors import UserError
from policygen.lang.messages import _
from policygen.resources import templates_dir

# PDF/UA-1 sets PDF 1.7, tags the structure and writes the XMP identification WeasyPrint knows.
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1"}


def _weasyprint():  # imported here: WeasyPrint is heavy and only `build` needs it
    import weasyprint
    from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse
    return weasyprint, FatalURLFetchingError, URLFetcher, URLFetcherResponse


def assets_dir() -> Path:
    return (templates_dir() / "shared").resolve()


# 9999-12-31T23:59:59Z: the last moment a four-digit year (PDF and XMP dates) can hold.
MAX_SOURCE_DATE_EPOCH = 253_402_300_799


def source_date_epoch() -> int | None:
    """``SOURCE_DATE_EPOCH`` as whole seconds, None when unset; :class:`UserError` (exit 2) when
    it is not a whole number from 0 to 9999-12-31 (``abc``, ``-1``, ``1e9``, ``10**20``)."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "")
    epoch = raw.strip()
    if not epoch:
        return None
    if not epoch.isascii() or not epoch.isdigit() or len(epoch) > 12 \
            or int(epoch) > MAX_SOURCE_DATE_EPOCH:
        shown = raw if len(raw) <= 40 else raw[:37] + "…"
        raise UserError.single(
            "SOURCE_DATE_EPOCH", _("must be a whole number of seconds since 1970-01-01 UTC, from 0 to "
                                   "{limit}, not {value}").format(limit=MAX_SOURCE_DATE_EPOCH, value=repr(shown)),
            hint=_("set it to a time such as `git log -1 --format=%ct`, or unset it to use the "
                   "description's effective date"))
    return int(epoch)


def build_date(effective: dt.date) -> dt.datetime:
    """The date written into the PDF: ``SOURCE_DATE_EPOCH`` if set, else midnight UTC of ``effective``."""
    epoch = source_date_epoch()
    if epoch is not None:
        return dt.datetime.fromtimestamp(epoch, tz=dt.timezone.utc)
    return dt.datetime(effective.year, effective.month, effective.day, tzinfo=dt.timezone.utc)


def _w3c(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _make_fetcher():
    _, fatal, base_fetcher, response = _weasyprint()

    class ForbiddenResource(fatal):
        """The page asked for something outside policygen's own assets."""

    class AssetsOnlyFetcher(base_fetcher):
        """Serves files under ``templates/shared/`` and refuses every other URL."""

        def fetch(self, url, headers=None):
            path = _asset_path(url)
            if path is None:
                raise ForbiddenResource(
                    f"the document asks for {url[:200]!r}; a policy may use only policygen's own "
                    f"assets in {assets_dir()}")
            return response(url, body=path.read_bytes(), headers=_content_type(path))

    return AssetsOnlyFetcher(), ForbiddenResource


def _asset_path(url: str) -> Path | None:
    """The file a ``file:`` URL names, if it is an existing file inside the shared assets folder."""
    parts = urlsplit(url)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost") or parts.query:
        return None
    path = Path(unquote(parts.path)).resolve()
    root = assets_dir()
    if root not in path.parents or not path.is_file():
        return None
    return path


def _content_type(path: Path) -> dict[str, str]:
    types = {".css": "text/css", ".ttf": "font/ttf", ".otf": "font/otf", ".woff2": "font/woff2",
             ".woff": "font/woff", ".png": "image/png", ".svg": "image/svg+xml"}
    return {"Content-Type": types.get(path.suffix.lower(), "application/octet-stream")}


def is_forbidden_resource(error: BaseException) -> bool:
    return type(error).__name__ == "ForbiddenResource"


@contextlib.contextmanager
def _source_date_epoch(moment: dt.datetime) -> Iterator[None]:
    """Set ``SOURCE_DATE_EPOCH`` while the PDF is written, when the caller has not set it.

    fontTools stamps each embedded font subset with the current time unless this variable is set;
    without it, two builds a second apart differ in their font bytes.
    """
    if os.environ.get("SOURCE_DATE_EPOCH", "").strip():
        yield
        return
    os.environ["SOURCE_DATE_EPOCH"] = str(int(moment.timestamp()))
    try:
        yield
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH", None)


# Long unbroken runs of text: WeasyPrint breaks a word that does not fit a line in time that grows
# with the square of its length (a 20 KB word in a title took a minute, 200 KB over eight). A
# zero-width space every _CHUNK characters of a run longer than _LONG_RUN gives the line breaker
# ordinary break opportunities, which it handles in linear time. Only the PDF's copy of the text
# gets them, and only runs no real word, address or version id reaches (the sha256 version id
# in the footer is 71 characters).
_LONG_RUN = 100
_CHUNK = 50
_UNIT = r"(?:&#?[A-Za-z0-9]+;|[^\s<>&])"  # one shown character: a character or an entity
_RUN = re.compile(r"%s{%d,}" % (_UNIT, _LONG_RUN))
_UNITS = re.compile(_UNIT)
_TAG_OR_TEXT = re.compile(r"(<[^>]*>)")
_RAW_TEXT_ELEMENTS = ("style", "script", "title", "textarea")


def with_break_opportunities(html: str) -> str:
    """``html`` with U+200B after every :data:`_CHUNK` characters of an over-long run of text.

    Only text between tags changes: never a tag, an attribute, an entity or the content of a
    ``<style>`` or ``<title>`` element.
    """
    parts = _TAG_OR_TEXT.split(html)
    raw_until: str | None = None
    for index, part in enumerate(parts):
        if index % 2:  # a tag
            name = part[1:].split(None, 1)[0].rstrip("/>").lower() if len(part) > 2 else ""
            if raw_until is None and name in _RAW_TEXT_ELEMENTS:
                raw_until = "/" + name
            elif raw_until is not None and name == raw_until:
                raw_until = None
        elif raw_until is None and len(part) >= _LONG_RUN:
            parts[index] = _RUN.sub(_break_run, part)
    return "".join(parts)


def _break_run(match: re.Match[str]) -> str:
    units = _UNITS.findall(match.group())
    return "\u200b".join("".join(units[start:start + _CHUNK])
                         for start in range(0, len(units), _CHUNK))


def html_to_pdf(html: str, *, effective: dt.date) -> bytes:
    """Render one page of our own HTML to PDF bytes (print media, tagged, dated reproducibly)."""
    weasyprint, _, _, _ = _weasyprint()
    fetcher, _ = _make_fetcher()
    base_url = assets_dir().as_uri() + "/"
    moment = build_date(effective)
    html = with_break_opportunities(html)
    document = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=fetcher,
                               media_type="print").render()
    document.metadata.created = _w3c(moment)
    document.metadata.modified = _w3c(moment)
    document.metadata.generator = "policygen"
    with _source_date_epoch(moment):
        return document.write_pdf(**PDF_OPTIONS)
