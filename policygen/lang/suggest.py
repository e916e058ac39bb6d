""""Did you mean …?" for misspelt keys, values and ids."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from policygen.lang.messages import _


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice most like ``word``, if one is close enough to be a likely typo."""
    options = [choice for choice in choices if choice]
    folded = {choice.lower(): choice for choice in options}
    if word.lower() in folded:
        return folded[word.lower()]
    matches = difflib.get_close_matches(word.lower(), list(folded), n=1, cutoff=0.6)
    return folded[matches[0]] if matches else None


def did_you_mean(word: str, choices: Iterable[str], fallback_list: bool = True) -> str:
    """A hint: "did you mean `x`?", else (optionally) the list of what is allowed."""
    options = sorted(set(choices))
    match = closest(str(word), options)
    if match is not None and match != word:
        return _("did you mean `{match}`?").format(match=match)
    if fallback_list and options:
        return _("allowed: {options}").format(options=", ".join(f"`{option}`" for option in options))
    return ""
