"""Shared material for the build engine's tests: a description, fixture templates, tree snapshots.

The fixture templates print every text of the description (so a hostile value anywhere reaches the
output if the engine lets it), without depending on the content templates' wording. Tests that
should also hold for the shipped templates run against both.
"""

from __future__ import annotations

import copy
import html.parser
import re
from pathlib import Path
from typing import Any

from policygen.model.description import Description

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "exempel-support.yaml"

FIXTURE_POLICY = """\
{## Fixture policy: prints every text of the description. ##}
# {{ description.controller.name }} {#top}

- [Purposes](#purposes)
- [Recipients](#recipients)

Address: {{ description.controller.address }}.
Contact: {{ md_link(description.controller.email, "mailto:" ~ description.controller.email) }}.
{% if description.controller.phone %}
Phone: {{ md_link(description.controller.phone, "tel:" ~ description.controller.phone) }}.
{% endif %}
{% if description.controller.website %}
Web: {{ md_link(description.controller.website, description.controller.website) }}.
{% endif %}
{% if links.consent %}
Consent form: {{ md_link("form", links.consent) }}.
{% endif %}
Effective {{ effective_date|date }}.

## Data {#data}

{% for item in description.data %}
- {{ item.label[lang] }}{% if item.source_detail %} ({{ item.source_detail[lang] }}){% endif %}

{% endfor %}

## Purposes {#purposes}

{% for purpose in description.purposes %}
### {{ purpose.title[lang] }} {{ anchor("purpose-" ~ purpose.id) }}

{% if purpose.description %}
{{ purpose.description[lang] }}
{% endif %}

{% for field in ["legitimate_interest", "legal_obligation", "requirement"] %}
{% if purpose[field] %}
{{ purpose[field][lang] }}

{% endif %}
{% endfor %}
{% if purpose.retention and purpose.retention.after %}
{{ purpose.retention.period|duration }} after {{ purpose.retention.after[lang] }}.
{% endif %}
{% if purpose.retention and purpose.retention.criteria %}
{{ purpose.retention.criteria[lang] }}
{% endif %}
{% if purpose.consent %}

> {{ purpose.consent.statement[lang] }}

{{ purpose.consent.withdraw[lang] }}
{% endif %}

{% endfor %}

## Recipients {#recipients}

| Name | Description | Country |
|---|---|---|
{% for recipient in description.recipients %}
| {{ recipient.name }} | {{ recipient.description[lang] if recipient.description else "-" }} | {{ recipient.country }} |
{% endfor %}

{% for transfer in description.transfers %}
{% if transfer.copy_ %}
{{ transfer.copy_[lang] }}
{% endif %}
{% endfor %}
{% for decision in description.automated_decisions %}
{{ decision.description[lang] }} {{ decision.logic[lang] }} {{ decision.consequences[lang] }}
{% endfor %}
"""

FIXTURE_CONSENT = """\
{% extends "page.html.j2" %}
{% block content %}
<h1>{{ organisation }}</h1>
<form method="post"{% if forms_action %} action="{{ forms_action }}"{% endif %}>
{% for item in consent_items %}
<fieldset>
<legend>{{ item.title }}</legend>
<input type="checkbox" id="consent-{{ item.field }}" name="{{ item.field }}" value="yes">
<label for="consent-{{ item.field }}">{{ item.statement }}</label>
<p>{{ item.data|join(", ") }}</p>
<p>{{ item.withdraw }}</p>
<input type="hidden" name="{{ item.field }}__version" value="{{ item.version }}">
</fieldset>
{% endfor %}
<button type="submit">OK</button>
</form>
<p><a href="{{ links.policy }}">{{ organisation }}</a></p>
{% endblock %}
"""


def write_fixture_templates(folder: Path) -> Path:
    """Fixture templates for both languages in ``folder`` (used as ``--templates``)."""
    for lang in ("sv", "en"):
        (folder / lang).mkdir(parents=True, exist_ok=True)
        (folder / lang / "policy.md.j2").write_text(FIXTURE_POLICY, encoding="utf-8")
        (folder / lang / "consent.html.j2").write_text(FIXTURE_CONSENT, encoding="utf-8")
    return folder


def example_data() -> dict[str, Any]:
    """The bundled example as plain data (texts already {lang: text}), read with the loader."""
    from policygen.model import load_description

    return load_description(str(EXAMPLE)).description.model_dump(mode="python", by_alias=True)


def description_with(changes: dict[str, Any] | None = None, **top: Any) -> Description:
    data = copy.deepcopy(example_data())
    data.update(top)
    for path, value in (changes or {}).items():
        _set(data, path, value)
    return Description.model_validate(data)


def _set(data: Any, path: str, value: Any) -> None:
    """``purposes.0.title.sv`` = value."""
    keys = path.split(".")
    for key in keys[:-1]:
        data = data[int(key)] if isinstance(data, list) else data[key]
    last = keys[-1]
    if isinstance(data, list):
        data[int(last)] = value
    else:
        data[last] = value


def tree(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` (hidden ones included) → its bytes."""
    return {str(path.relative_to(root)): path.read_bytes()
            for path in sorted(root.rglob("*")) if path.is_file()}


class ParsedPage(html.parser.HTMLParser):
    """Start tags with their attributes, and the text, of one HTML page."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text_parts: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text_parts.append(data)

    @property
    def text(self) -> str:
        return "".join(self.text_parts)

    def find(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]


def assert_accessible(text: str, lang: str) -> None:
    """One h1, headings in order, header and main landmarks, a label for every (unticked) box."""
    parsed = ParsedPage(text)
    assert parsed.find("html") == [{"lang": lang}]
    assert len(parsed.find("h1")) == 1
    levels = [int(tag[1]) for tag, _ in parsed.tags if re.fullmatch(r"h[1-6]", tag)]
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), f"heading levels skip: {levels}"
    for landmark in ("header", "main"):
        assert len(parsed.find(landmark)) == 1, landmark
    assert parsed.find("title")
    labelled = {label.get("for") for label in parsed.find("label")}
    for box in (a for a in parsed.find("input") if a.get("type") == "checkbox"):
        assert "checked" not in box and box.get("id") in labelled


def assert_self_contained(site: Path, page: str) -> None:
    """Nothing is loaded from anywhere; links go to https:, mailto:, tel:, anchors or our own files."""
    text = (site / page).read_text(encoding="utf-8")
    parsed = ParsedPage(text)
    for tag, attrs in parsed.tags:
        for name in ("src", "srcset", "data", "poster", "background"):
            assert name not in attrs, f"<{tag} {name}> loads a resource"
        href = attrs.get("href")
        if href is None:
            continue
        if tag == "a":
            assert (href.startswith(("#", "https://", "mailto:", "tel:"))
                    or re.fullmatch(r"[a-z0-9./-]+(#[a-z0-9-]+)?", href)), href
            if not href.startswith(("#", "https:", "mailto:", "tel:")):
                assert (site / Path(page).parent / href.split("#")[0]).resolve().is_file(), href
        else:
            assert tag == "link" and attrs.get("rel") == "alternate", f"<{tag} href={href}>"
            assert not href.startswith(("http:", "https:", "//"))
    assert "@import" not in text and "url(" not in text
