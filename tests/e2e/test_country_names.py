"""Every country has its name in the published text, never its ISO code (CLDR through Babel).

The description sends data to recipients in Viet Nam, India, South Korea, Brazil and Japan — none
of them in the 56 names the tool once carried by hand — and the built policy must name each one as
a Swedish or an English reader knows it.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "exempel-support.yaml"

# code → (safeguard, Swedish name, English name); the names as the languages write them
COUNTRIES = {
    "VN": ("standard_contractual_clauses", "Vietnam", "Vietnam"),
    "IN": ("standard_contractual_clauses", "Indien", "India"),
    "KR": ("adequacy", "Sydkorea", "South Korea"),
    "BR": ("adequacy", "Brasilien", "Brazil"),
    "JP": ("adequacy", "Japan", "Japan"),
}


def _description(tmp_path: Path) -> Path:
    yaml = YAML()
    data = yaml.load(EXAMPLE.read_text(encoding="utf-8"))
    copy = {"sv": "Skriv till oss så skickar vi en kopia.", "en": "Write to us for a copy."}
    data["recipients"] = [
        {"id": f"partner_{code.lower()}", "name": f"Partner {number}", "role": "processor",
         "description": {"sv": "Hjälper oss med ärenden.", "en": "Helps us with cases."},
         "country": code}
        for number, code in enumerate(COUNTRIES, start=1)]
    data["transfers"] = [
        {"recipient": f"partner_{code.lower()}", "country": code, "safeguard": safeguard,
         **({"copy": dict(copy)} if safeguard != "adequacy" else {})}
        for code, (safeguard, _, _) in COUNTRIES.items()]
    ids = [recipient["id"] for recipient in data["recipients"]]
    for purpose in data["purposes"]:
        purpose["recipients"] = list(ids)
    path = tmp_path / "countries.yaml"
    with path.open("w", encoding="utf-8") as stream:
        yaml.dump(data, stream)
    return path


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("countries")
    out = root / "site"
    run = subprocess.run([sys.executable, "-c", "from policygen.cli.main import main; main()", "build",
                          str(_description(root)), "--out", str(out)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    return out


@pytest.mark.parametrize(("lang", "page", "column"), [
    ("sv", "sv/integritetspolicy.md", 1), ("en", "en/privacy-policy.md", 2)])
def test_each_country_is_named_never_coded(site, lang, page, column) -> None:
    text = (site / page).read_text(encoding="utf-8")
    for code, names in COUNTRIES.items():
        name = names[column]
        recipient = f"Partner {list(COUNTRIES).index(code) + 1}"
        assert f"{recipient} {'i' if lang == 'sv' else 'in'} {name}" in text, (code, name)
        assert not re.search(rf"(?<![\w/-]){code}(?![\w/-])", text), f"{code} printed raw in {page}"


@pytest.mark.parametrize("page", ["sv/integritetspolicy.html", "en/privacy-policy.html"])
def test_html_pages_name_the_countries_too(site, page) -> None:
    text = (site / page).read_text(encoding="utf-8")
    column = 1 if page.startswith("sv") else 2
    for names in COUNTRIES.values():
        assert names[column] in text
