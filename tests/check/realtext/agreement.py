"""How far two judges agree on the same findings: the ceiling of any precision figure.

Run from the repository root::

    python tests/check/realtext/agreement.py

A precision figure is only as firm as the verdicts behind it. ``labels/agreement-stop19.yaml``
holds findings that two people judged apart, the second without seeing the first verdict. This
prints, per language and category, the share of findings on which they agree and Cohen's kappa
(agreement corrected for chance: 0 is chance, 1 is full agreement), and the share each judge
called right. When two careful judges differ on a third of the findings, a category's precision
cannot be measured closer than that.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import corpus  # noqa: E402 - the folder is not a package

AGREEMENT = corpus.HERE / "labels" / "agreement-stop19.yaml"


@dataclass(frozen=True)
class Agreement:
    """Two judges' verdicts on one group of findings."""

    pairs: tuple[tuple[str, str], ...]

    @property
    def observed(self) -> float:
        return sum(first == second for first, second in self.pairs) / len(self.pairs)

    def right_share(self, judge: int) -> float:
        return sum(pair[judge] == "right" for pair in self.pairs) / len(self.pairs)

    @property
    def kappa(self) -> float:
        first, second = self.right_share(0), self.right_share(1)
        chance = first * second + (1 - first) * (1 - second)
        return 0.0 if chance == 1 else (self.observed - chance) / (1 - chance)


def groups(items: list[dict]) -> dict[tuple[str, str], Agreement]:
    """The verdict pairs per (language, category), in a stable order."""
    pairs: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for item in items:
        pairs.setdefault((item["lang"], item["category"]), []).append((item["first"], item["second"]))
    return {group: Agreement(tuple(found)) for group, found in sorted(pairs.items())}


def report(items: list[dict]) -> str:
    lines = ["lang  category   findings  agree   kappa  first right  second right"]
    for (lang, category), agreement in groups(items).items():
        lines.append(f"{lang:4}  {category:9}  {len(agreement.pairs):8}  {100 * agreement.observed:4.0f} %  "
                     f"{agreement.kappa:5.2f}  {100 * agreement.right_share(0):9.0f} %  "
                     f"{100 * agreement.right_share(1):10.0f} %")
    return "\n".join(lines)


def main() -> int:
    items = corpus.load_yaml(AGREEMENT)["items"]
    print(report(items))
    print(f"\ncounts: {dict(Counter((i['first'], i['second']) for i in items))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
