"""The sites the browser tests build, and what each one should contain.

Every bundled example (``examples/*.yaml``, so a new example is tested the day it is added) is
built as it would be published. Two of the end-to-end descriptions are built as drafts besides,
for what the examples lack: a form with two consent purposes (so some boxes can be ticked and
others not) and a Swedish-only site whose form posts to an action with a query string and whose
texts look like Markdown and HTML.

The pages to expect are worked out from the description alone, at collection time, so each page
is its own test case; ``test_every_built_page_is_tested`` then holds the build to that list, so
a page the build adds cannot escape the tests.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML

from .browser_checks import ConsentItem, IdentifierSpec

ROOT = Path(__file__).resolve().parents[2]
E2E = ROOT / "tests" / "e2e" / "descriptions"
# name → (description, built with --draft)
SITES: dict[str, tuple[Path, bool]] = {
    **{path.stem: (path, False) for path in sorted((ROOT / "examples").glob("*.yaml"))},
    "global-support-many": (E2E / "global-support-many.yaml", True),
    "tricky-sv": (E2E / "tricky-sv.yaml", True),
}
POLICY = {"sv": "integritetspolicy", "en": "privacy-policy"}
CONSENT = {"sv": "samtycke.html", "en": "consent.html"}
POSSESSIVES = {"din", "ditt", "dina", "er", "ert", "era", "your"}


def load_description(path: Path) -> dict:
    """The description as plain data, read without policygen's own loader."""
    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))


def text(value, lang: str) -> str:
    """A description text in ``lang``: a plain string stands for the one language."""
    return value if isinstance(value, str) else value[lang]


def asks_consent(description: dict) -> bool:
    """Whether a consent page is built: some purpose asks for consent on the web (the default
    channel); a consent asked only on the phone, by e-mail or in person gets no form."""
    return any((p.get("legal_basis") == "consent" or p.get("special_condition") == "explicit_consent")
               and (p.get("consent") or {}).get("channel", "web") == "web"
               for p in description["purposes"])


def expected_pages(description: dict) -> list[tuple[str, str]]:
    """(relative path, kind) of every HTML file a build of ``description`` writes."""
    pages = [("index.html", "index")]
    for lang in description["languages"]:
        pages += [(f"{lang}/{POLICY[lang]}.html", "policy"),
                  (f"{lang}/{POLICY[lang]}.fragment.html", "fragment")]
        if asks_consent(description):
            pages.append((f"{lang}/{CONSENT[lang]}", "consent"))
    return pages


def page_cases(*kinds: str) -> list[tuple[str, str, str]]:
    """(site, relative path, kind) of every expected page of the given kinds, for parametrize."""
    return [(name, path, kind) for name, (desc, _) in SITES.items()
            for path, kind in expected_pages(load_description(desc)) if kind in kinds]


def consent_cases() -> list[tuple[str, str]]:
    """(site, language) of every consent page."""
    return [(name, lang) for name, (desc, _) in SITES.items()
            for lang in load_description(desc)["languages"]
            if asks_consent(load_description(desc))]


@dataclass
class BuiltSite:
    """A site built into ``folder``, served under ``/<name>/``."""

    name: str
    folder: Path
    description: dict
    consents: list[dict]

    def consent_items(self, lang: str) -> list[ConsentItem]:
        """The web consents ``consent.json`` records for ``lang``, in the form's order."""
        return [ConsentItem(c["purpose"], c["statement"], c["version"]) for c in self.consents
                if c["lang"] == lang and c.get("channel", "web") == "web"]

    @property
    def form_action(self) -> str | None:
        return (self.description.get("forms") or {}).get("action")

    def identifier(self, lang: str) -> IdentifierSpec | None:
        """``forms.identifier`` and its data's label in ``lang`` (without "din"/"your")."""
        data_id = (self.description.get("forms") or {}).get("identifier")
        if data_id is None:
            return None
        item = next(d for d in self.description["data"] if d["id"] == data_id)
        labels = tuple(text(item["label"], other) for other in self.description["languages"])
        return IdentifierSpec(data_id, core_label(text(item["label"], lang)), labels)

    def records(self, lang: str) -> list[dict]:
        """Every consent ``consent.json`` records for ``lang``, any channel."""
        return [c for c in self.consents if c["lang"] == lang]


def core_label(label: str) -> str:
    """"din e-postadress" → "e-postadress": a field's label need not repeat the possessive."""
    first, _, rest = label.partition(" ")
    return rest if first.casefold() in POSSESSIVES and rest else label


def build_sites(root: Path) -> dict[str, BuiltSite]:
    """Build every site with the command line, in parallel, into ``root/<name>``."""
    env = dict(os.environ, SOURCE_DATE_EPOCH="1767225600")
    runs = {}
    for name, (description, draft) in SITES.items():
        command = [sys.executable, "-c", "from policygen.cli.main import main; main()", "build",
                   str(description), "--out", str(root / name), *(["--draft"] if draft else []),
                   # the published history stays in the test's folder, not beside the example
                   "--history", str(root / f"{name}.history.json")]
        runs[name] = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                      text=True, env=env)
    built = {}
    for name, run in runs.items():
        out, err = run.communicate(timeout=300)
        if run.returncode != 0:
            raise AssertionError(f"policygen build of {name} exited {run.returncode}:\n{out}{err}")
        folder = root / name
        record = folder / "consent.json"
        consents = json.loads(record.read_text(encoding="utf-8"))["consents"] if record.is_file() else []
        built[name] = BuiltSite(name, folder, load_description(SITES[name][0]), consents)
    return built
