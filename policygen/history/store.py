"""The published history of a description: the file beside it, read, checked and appended to.

For ``policy.yaml`` the history is ``policy.history.json`` in the same folder, meant to be
committed with the description. Each published version is one entry, oldest first::

    {"policygen_history": 1,
     "description": "policy.yaml",
     "versions": [
       {"effective": "2026-12-01",
        "policy_version": "sha256:…",         # sha256 of the canonical JSON of "description"
        "previous": null,                     # the policy_version of the version before
        "consents": [{…archive record…}],     # every consent text in force, exactly as archived
        "description": {…}}]}                 # the normalised description (defaults left out)

It diffs well: a build appends one entry and changes nothing else, keys are sorted inside the
description, and every text is a JSON string on one line.

Nothing in it is taken on trust. Each version's description must hash to its ``policy_version``,
each consent text to its version id and be made of its statement, data and withdrawal text, the
``previous`` links must chain the versions in order with later and later dates, and the file
must name this description. A history that fails any of these was edited by hand or belongs to
another description: it is a located error (exit 2), never silently replaced.

Writing a new version is :mod:`policygen.history.record`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from policygen.errors import UserError
from policygen.history.jsonpos import json_locations
from policygen.lang.datafile import read_bytes
from policygen.lang.locations import join_key, offset_positions
from policygen.lang.messages import N_, _
from policygen.lang.parser_reasons import json_reason
from policygen.lang.validation import validation_problems
from policygen.model.description import Description
from policygen.render.consent import canonical_json, consent_records, consent_text, text_version

FORMAT = 1
MAX_BYTES = 64 * 1024 * 1024  # decades of versions are a few megabytes

EDITED = N_("the history was edited by hand; restore it from version control")
NOT_OURS = N_("this is not a history policygen wrote")
"""Hints shared by many of the history's checks (catalogue keys)."""
_VERSION_ID = re.compile(r"^sha256:[0-9a-f]{64}$")
_DEPTH = 100  # a history policygen wrote nests about ten levels deep
_DIGITS = 100  # a history policygen wrote holds small counts; Python converts at most 4,300 digits
_NESTING = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')
_VERSION_KEYS = ("effective", "policy_version", "previous", "consents", "description")
_RECORD_KEYS = ("purpose", "lang", "statement", "data", "withdraw", "text", "version",
                "policy_version", "effective")


def history_path(description: Path | str) -> Path:
    """``policy.yaml`` → ``policy.history.json`` in the same folder."""
    path = Path(description)
    return path.with_name(f"{path.stem}.history.json")


@dataclass(frozen=True)
class PublishedVersion:
    """One published version: its date, ids, description and consent records."""

    index: int
    effective: dt.date
    policy_version: str
    description: Description
    normal: dict[str, Any]
    consents: tuple[dict[str, Any], ...]


@dataclass
class History:
    """The published versions of one description, oldest first (empty before the first build)."""

    path: Path
    description_name: str
    versions: list[PublishedVersion] = field(default_factory=list)

    @property
    def last(self) -> PublishedVersion | None:
        return self.versions[-1] if self.versions else None

    def find(self, since: str) -> PublishedVersion:
        """The version a ``--since`` names: a policy version id (or a unique prefix of its hex,
        at least 8 digits), or a date (the version in force on that day)."""
        since = since.strip()
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", since):
            try:
                day = dt.date.fromisoformat(since)
            except ValueError:
                raise self._unknown(since, N_("`{since}` is not a date")) from None
            in_force = [v for v in self.versions if v.effective <= day]
            if not in_force:
                raise self._unknown(since, N_("`{since}` is before the first published version"))
            return in_force[-1]
        digits = since.removeprefix("sha256:").lower()
        if re.fullmatch(r"[0-9a-f]{8,64}", digits):
            found = [v for v in self.versions
                     if v.policy_version.removeprefix("sha256:").startswith(digits)]
            if len(found) == 1:
                return found[0]
            if len(found) > 1:
                raise self._unknown(since, N_("`{since}` matches more than one version; give more digits"))
        raise self._unknown(since, N_("`{since}` names no published version"))

    def _unknown(self, since: str, why: str) -> UserError:
        """``why`` is a catalogue key with a ``{since}`` placeholder (marked with ``N_``)."""
        listed = ", ".join(f"{v.effective.isoformat()} ({v.policy_version[:19]}…)"
                           for v in self.versions) or _("none yet")
        return UserError.single("--since", _(why).format(since=since),
                                hint=_("the published versions in {history}: {versions}").format(
                                    history=self.path.name, versions=listed))


# -- reading ----------------------------------------------------------------------------------

def read_history(path: Path, description_name: str) -> History:
    """The history at ``path`` for the description file ``description_name``, checked.

    A missing file is an empty history. Anything else that is not a policygen history of this
    description, intact, raises :class:`UserError` located in the file.
    """
    raw = read_bytes(path, limit=MAX_BYTES, hint=_("remove it, or give another place with --history"),
                     follow_links=False, missing_ok=True)
    history = History(path=path, description_name=description_name)
    if raw is None:
        return history
    reader = _Reader(path, raw)
    reader.check_header(description_name)
    for index, entry in enumerate(reader.data["versions"]):
        history.versions.append(reader.version(index, entry, history.versions))
    return history


class _Repeated(dict):
    """An object in which the key ``repeated`` appears twice (refused once parsing is done, when
    its place in the file can be found)."""

    repeated = ""


class _NotJson(str):
    """A value Python's reader accepts and a history cannot hold: ``NaN`` or ``Infinity`` (not
    JSON), or a number so long that Python refuses to convert it (refused like
    :class:`_Repeated`, saying ``reason``)."""

    reason = ""


def _too_deep(text: str) -> int:
    """The offset where the text's lists and objects first nest more than ``_DEPTH`` deep."""
    depth = 0
    for match in _NESTING.finditer(text):
        bracket = match.group()
        if bracket in "[{":
            depth += 1
            if depth > _DEPTH:
                return match.start()
        elif bracket in "]}":
            depth -= 1
    return 0


class _Reader:
    """Parses the file and checks it, locating every problem by key path."""

    def __init__(self, path: Path, raw: bytes) -> None:
        self.path = path
        try:
            self.text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            line = raw[:error.start].count(b"\n") + 1
            raise UserError.single(str(path), _("the history is not UTF-8 text"), line=line,
                                   column=1, hint=_(NOT_OURS)) from None
        self._odd = False
        try:
            self.data = json.loads(self.text, object_pairs_hook=self._object,
                                   parse_constant=self._constant, parse_int=self._integer)
        except json.JSONDecodeError as error:
            raise UserError.single(str(path), _("the history is not valid JSON: {reason}").format(reason=json_reason(error.msg)),
                                   line=error.lineno, column=error.colno,
                                   hint=_("it was edited by hand or cut short; restore it from "
                                          "version control")) from None
        except RecursionError:
            line, column = offset_positions(self.text)(_too_deep(self.text))
            raise UserError.single(str(path), _("the history nests lists or objects more than {levels} "
                                                "levels deep").format(levels=_DEPTH),
                                   line=line, column=column, hint=_(NOT_OURS)) from None
        self._locations = None
        if self._odd:
            self._refuse_what_json_does_not_allow()

    def _object(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in pairs:
            if key in result and not isinstance(result, _Repeated):
                self._odd = True
                result = _Repeated(result)
                result.repeated = key
            result[key] = value
        return result

    def _constant(self, name: str) -> _NotJson:
        return self._not_json(name, _("the history is not valid JSON: {reason}").format(
            reason=_("`{name}` is not a JSON number").format(name=name)))

    def _integer(self, digits: str) -> int | _NotJson:
        count = len(digits.lstrip("-"))
        if count <= _DIGITS:
            return int(digits)
        return self._not_json(digits, _("a number {count} digits long, which no history policygen "
                                        "wrote holds").format(count=count))

    def _not_json(self, text: str, reason: str) -> _NotJson:
        self._odd = True
        value = _NotJson(text)
        value.reason = reason
        return value

    def _refuse_what_json_does_not_allow(self) -> None:
        """Find the first repeated key or value JSON does not allow, by key path."""
        stack: list[tuple[str, Any]] = [("", self.data)]
        while stack:
            where, value = stack.pop()
            if isinstance(value, _NotJson):
                reason = value.reason
            elif isinstance(value, _Repeated):
                where = join_key(where, value.repeated)  # located at its second appearance
                reason = _("the history is not valid JSON: {reason}").format(
                    reason=_("the key `{key}` appears twice in one object").format(key=value.repeated))
            else:
                items = value.items() if isinstance(value, dict) else (
                    enumerate(value) if isinstance(value, list) else ())
                stack.extend(reversed([(join_key(where, key), inner) for key, inner in items]))
                continue
            raise self.fail(where, reason, _("restore it from version control"))

    def fail(self, key: str, message: str, hint: str) -> UserError:
        if self._locations is None:
            self._locations = json_locations(self.text)
        line, column = self._locations.find(key)
        return UserError.single(str(self.path), message, key=key, line=line, column=column,
                                hint=hint)

    def check_header(self, description_name: str) -> None:
        data = self.data
        if not isinstance(data, dict) or data.get("policygen_history") != FORMAT:
            raise self.fail("", _("this is not a policygen history (no `{header}`)").format(
                                header='"policygen_history": 1'),
                            _("remove it or move it away; `policygen build` writes the history"))
        unknown = sorted(set(data) - {"policygen_history", "description", "versions"})
        if unknown:
            raise self.fail(unknown[0], _("unknown key `{key}` in the history").format(key=unknown[0]),
                            _(EDITED))
        if data.get("description") != description_name:
            raise self.fail("description",
                            _("this history belongs to `{owner}`, not to `{description}`").format(
                                owner=data.get("description"), description=description_name),
                            _("give this description its own history (--history), or if you renamed "
                              "the description, write its new file name here"))
        versions = data.get("versions")
        if not isinstance(versions, list) or not versions:
            raise self.fail("versions", _("the history has no versions"),
                            _("restore it from version control, or remove it to start a new one"))

    def version(self, index: int, entry: Any, earlier: list[PublishedVersion]) -> PublishedVersion:
        where = f"versions[{index}]"
        edited = _(EDITED)
        if not isinstance(entry, dict) or set(entry) != set(_VERSION_KEYS):
            found = sorted(entry) if isinstance(entry, dict) else []
            raise self.fail(where, _("a version must have exactly the keys {keys}; found {found}").format(
                                keys=", ".join(_VERSION_KEYS), found=", ".join(found) or _("none")),
                            edited)
        version_id, normal = entry["policy_version"], entry["description"]
        if not isinstance(version_id, str) or not _VERSION_ID.match(version_id):
            raise self.fail(f"{where}.policy_version", _("not a policy version id"), edited)
        if not isinstance(normal, dict):
            raise self.fail(f"{where}.description", _("the stored description is not an object"),
                            edited)
        digest = "sha256:" + hashlib.sha256(canonical_json(normal).encode("utf-8")).hexdigest()
        if digest != version_id:
            raise self.fail(f"{where}.description",
                            _("the stored description no longer matches its version id {version}…: it was changed "
                              "after it was published").format(version=version_id[:19]), edited)
        previous = earlier[-1].policy_version if earlier else None
        if entry["previous"] != previous:
            raise self.fail(f"{where}.previous",
                            _("the versions no longer chain: a version was removed, reordered or edited"), edited)
        effective = _date(entry["effective"])
        if effective is None or normal.get("effective") != entry["effective"]:
            raise self.fail(f"{where}.effective",
                            _("the effective date differs from the stored description's"), edited)
        if earlier and effective <= earlier[-1].effective:
            raise self.fail(f"{where}.effective",
                            _("the versions are not in the order of their effective dates"), edited)
        description = self._description(where, normal)
        consents = self._consents(where, entry["consents"], description, earlier)
        return PublishedVersion(index, effective, version_id, description, normal, consents)

    def _description(self, where: str, normal: dict[str, Any]) -> Description:
        languages = normal.get("languages") if isinstance(normal.get("languages"), list) else None
        try:
            return Description.model_validate(normal, context={"languages": languages})
        except ValidationError as error:
            if self._locations is None:
                self._locations = json_locations(self.text)
            first = validation_problems(error, str(self.path), normal, Description, self._locations,
                                        prefix=f"{where}.description", syntax="json")[0]
            raise UserError.single(
                str(self.path), _("this policygen cannot read the stored description: {reason}").format(
                    reason=first.message), key=first.key, line=first.line, column=first.column,
                hint=_("the history was written by a newer policygen, or edited by hand")) from None

    def _consents(self, where: str, records: Any, description: Description,
                  earlier: list[PublishedVersion]) -> tuple[dict[str, Any], ...]:
        edited = _(EDITED)
        if not isinstance(records, list):
            raise self.fail(f"{where}.consents", _("`consents` must be a list"), edited)
        known = {record["version"]: record for version in earlier for record in version.consents}
        expected = {(r["purpose"], r["lang"], r["version"])
                    for r in consent_records(description, list(description.languages))}
        found = set()
        for number, record in enumerate(records):
            at = f"{where}.consents[{number}]"
            if not isinstance(record, dict) or not set(_RECORD_KEYS) <= set(record):
                raise self.fail(at, _("a consent record lacks its text, version or parts"), edited)
            text = record["text"]
            if not isinstance(text, str) or text_version(text) != record["version"]:
                raise self.fail(f"{at}.text", _("the stored consent text no longer matches its version id: it was "
                                                "changed after it was published"),
                                edited)
            if _parts_text(record) != text:
                raise self.fail(f"{at}.statement", _("the consent text's parts (statement, data, withdrawal) no longer "
                                                     "make up its text"), edited)
            if record["version"] in known and known[record["version"]] != record:
                raise self.fail(at, _("this consent text is recorded differently in an earlier version"), edited)
            found.add((record["purpose"], record["lang"], record["version"]))
        if found != expected:
            raise self.fail(f"{where}.consents", _("the consent texts do not match the stored description: one was "
                                                   "added, removed or changed"),
                            edited)
        return tuple(records)


def _parts_text(record: dict[str, Any]) -> str | None:
    data = record["data"]
    if (not isinstance(record["statement"], str) or not isinstance(record["withdraw"], str)
            or not isinstance(data, list) or not all(isinstance(item, str) for item in data)):
        return None
    script = record.get("script")
    if script is not None and not isinstance(script, str):
        return None
    return consent_text(record["statement"], data, record["withdraw"], script)


def _date(value: Any) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None
