"""The inline stylesheet of the HTML report and the colour of each checker category.

Colours are chosen to be told apart side by side; ``readability`` and ``long-sentence`` cover
whole sentences or sections, so they are underlined instead of filled, leaving room for the
word-level highlights inside them.
"""

from __future__ import annotations

CATEGORY_COLOURS = {
    "readability": "#8d99ae",
    "long-sentence": "#f77f00",
    "vague": "#ffd60a",
    "wordy": "#4cc9f0",
    "passive": "#b388eb",
    "abbreviation": "#80ed99",
    "reader-address": "#ff8fab",
    "consent-by-use": "#e63946",
    "check-regularly": "#90be6d",
    "vague-purpose": "#2ec4b6",
    "jargon": "#c9a227",
    "nominalisation": "#6d8ab5",
}
UNDERLINED = ("readability", "long-sentence")
OTHER_COLOUR = "#adb5bd"


def category_class(category: str) -> str:
    """A CSS class for any category name (only ``[a-z0-9-]`` survive, so it is always safe)."""
    cleaned = "".join(ch if ch.isascii() and (ch.isalnum() or ch == "-") else "-" for ch in category.lower())
    return f"cat-{cleaned or 'other'}"


def _category_rules() -> str:
    rules = []
    for category, colour in CATEGORY_COLOURS.items():
        cls = category_class(category)
        if category in UNDERLINED:
            rules.append(f"mark.{cls}{{background:transparent;border-bottom:3px solid {colour};}}")
        else:
            rules.append(f"mark.{cls}{{background:{colour}66;border-bottom:2px solid {colour};}}")
        rules.append(f".swatch.{cls}{{background:{colour};}}")
        rules.append(f"aside.findings li.{cls}{{border-left-color:{colour};}}")
    return "\n".join(rules)


BASE_CSS = """
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1b1b1b;background:#f6f7f9}
header.page{padding:16px 24px;background:#1d3557;color:#fff}
header.page h1{margin:0;font-size:20px}
header.page p{margin:4px 0 0;opacity:.85;font-size:13px}
main{padding:16px 24px}
section.file{background:#fff;border:1px solid #dde1e6;border-radius:8px;margin:0 0 24px;padding:16px}
section.file>h2{margin:0 0 8px;font-size:17px;word-break:break-all}
.summary{display:flex;flex-wrap:wrap;gap:24px;align-items:flex-start;margin-bottom:12px}
.metrics{border-collapse:collapse;font-size:13px}
.metrics td,.metrics th{padding:2px 8px;text-align:left;border-bottom:1px solid #eef0f3}
.band-label{font-weight:600}
.legend{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px 14px;font-size:12px}
.legend li.absent{opacity:.45}
.swatch{display:inline-block;width:12px;height:12px;border-radius:3px;margin-right:4px;vertical-align:-1px}
.layout{display:grid;grid-template-columns:minmax(0,1fr) 340px;gap:16px}
.source{margin:0;padding:8px 0;background:#fcfcfd;border:1px solid #eef0f3;border-radius:6px;font:13px/1.6 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-x:auto}
.source .line{display:flex;white-space:pre-wrap;word-break:break-word}
.source .ln{flex:0 0 3.5em;padding-right:10px;text-align:right;color:#98a2b3;user-select:none}
.source .text{flex:1;min-width:0;padding-right:8px;tab-size:4}
.source .markup{color:#98a2b3}
mark{color:inherit;border-radius:2px;cursor:help}
mark.empty::after{content:"\\25C2";color:#e63946}
mark:target{outline:2px solid #1d3557;outline-offset:1px}
aside.findings{font-size:13px;max-height:80vh;overflow-y:auto;position:sticky;top:8px}
aside.findings ol{margin:0;padding-left:0;list-style:none}
aside.findings li{padding:6px 8px;margin-bottom:6px;background:#fff;border:1px solid #eef0f3;border-left:4px solid #adb5bd;border-radius:4px}
aside.findings .where{font-family:ui-monospace,monospace;color:#475467}
aside.findings .code{font-weight:600}
aside.findings .suggestion{display:block;color:#1a7f37;margin-top:2px}
.sev{font-size:11px;text-transform:uppercase;padding:0 4px;border-radius:3px;margin-left:4px}
.sev-error{background:#fde2e1;color:#b42318}.sev-warning{background:#fef0c7;color:#93370d}.sev-info{background:#e0f2fe;color:#075985}
table.sections,table.findings{border-collapse:collapse;width:100%;font-size:13px;margin-top:12px}
table.sections th,table.sections td,table.findings th,table.findings td{padding:4px 8px;border-bottom:1px solid #eef0f3;text-align:left;vertical-align:top}
.bar{display:inline-block;height:8px;border-radius:4px;vertical-align:middle}
.unscored{color:#98a2b3}
.note{color:#667085;font-size:13px}
@media (max-width:900px){.layout{grid-template-columns:1fr}aside.findings{position:static;max-height:none}}
@media print{aside.findings{position:static;max-height:none;overflow:visible}.layout{grid-template-columns:1fr}body{background:#fff}}
"""


def stylesheet() -> str:
    return BASE_CSS + _category_rules() + "\n"
