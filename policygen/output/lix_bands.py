"""LIX bands (reference/plain-language.md) and the gauge that shows a score against them.

<30 very easy · 30–40 easy · 40–50 medium (newspaper) · 50–60 hard (official text) · >60 very
hard. A score on a boundary belongs to the harder band (30.0 is easy, 60.0 very hard), so a band
never flatters a text.
"""

from __future__ import annotations

from html import escape

from policygen.lang.messages import N_, _, number

# (lower bound, key, label, colour); the upper bound is the next band's lower bound. Labels are
# catalogue keys: lix_band gives them in the interface language.
BANDS = (
    (float("-inf"), "very-easy", N_("very easy"), "#2a9d8f"),
    (30.0, "easy", N_("easy"), "#8ab17d"),
    (40.0, "medium", N_("medium"), "#e9c46a"),
    (50.0, "hard", N_("hard"), "#f4a261"),
    (60.0, "very-hard", N_("very hard"), "#e76f51"),
)
GAUGE_MAX = 80.0


def lix_band(lix: float | None) -> tuple[str, str]:
    """``(key, label)`` of the band ``lix`` falls in; ``("none", "no words")`` for ``None``."""
    if lix is None:
        return ("none", _("no words"))
    key, label = BANDS[0][1], BANDS[0][2]
    for lower, band_key, band_label, _colour in BANDS:
        if lix >= lower:
            key, label = band_key, band_label
    return (key, _(label))


def lix_gauge_svg(lix: float | None, width: int = 320) -> str:
    """An inline SVG bar of the five bands from 0 to 80 with a marker at ``lix``."""
    bar_top, bar_height, left = 18, 14, 10
    scale = (width - 2 * left) / GAUGE_MAX
    key, label = lix_band(lix)
    score = _("n/a") if lix is None else number(lix, 1)
    caption = f"LIX {score}: {label}"
    parts = [
        f'<svg class="gauge" role="img" aria-label="{escape(caption)}" width="{width}" height="56" '
        f'viewBox="0 0 {width} 56" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(caption)}</title>",
    ]
    bounds = [max(lower, 0.0) for lower, *_ in BANDS] + [GAUGE_MAX]
    for index, (_lower, band_key, band_label, colour) in enumerate(BANDS):
        x = left + bounds[index] * scale
        w = (bounds[index + 1] - bounds[index]) * scale
        parts.append(
            f'<rect class="band band-{band_key}" x="{x:.1f}" y="{bar_top}" width="{w:.1f}" '
            f'height="{bar_height}" fill="{colour}"><title>{escape(_(band_label))}</title></rect>'
        )
    for tick in (0, 30, 40, 50, 60, 80):
        x = left + tick * scale
        parts.append(f'<text x="{x:.1f}" y="{bar_top + bar_height + 12}" font-size="9" text-anchor="middle">{tick}</text>')
    if lix is not None:
        x = left + min(max(lix, 0.0), GAUGE_MAX) * scale
        parts.append(
            f'<path class="marker" d="M{x:.1f} {bar_top + bar_height + 2} l-5 -{bar_height + 8} h10 z" '
            'fill="#1d3557" stroke="#fff" stroke-width="1"/>'
        )
        parts.append(f'<text x="{x:.1f}" y="10" font-size="10" font-weight="bold" text-anchor="middle">{escape(score)}</text>')
    parts.append("</svg>")
    return "".join(parts)
