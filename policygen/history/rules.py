"""G9xx: what ``build`` finds when it compares the description with its last published version.

These are GDPR findings like those of ``validate`` (a code, a dotted name, a severity, the
article, a located key, a docstring with ``Why:`` and ``Fix:``), but they need the published
history, which only ``build`` reads, so they are declared here rather than among the rules of
:mod:`policygen.validate`; both are a :class:`policygen.output.gdpr_rule.GdprRule`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from policygen.history.compare import Comparison
from policygen.lang.messages import N_, _, ngettext
from policygen.model.facts import Facts
from policygen.output import Finding, RuleInfo
from policygen.output.gdpr_rule import GdprRule, Hit

DEFAULT_NOTICE_DAYS = 1
"""Without ``changes.notice_days``, a substantive change must at least take effect after the day
it is published: people cannot be told before a change that is already in force."""


@dataclass(frozen=True)
class Review:
    """What the rules look at: the comparison with the last published version, and today."""

    comparison: Comparison
    today: dt.date

    @property
    def notice_days(self) -> int:
        changes = self.comparison.new.description.changes
        if changes is not None and changes.notice_days is not None:
            return changes.notice_days
        return DEFAULT_NOTICE_DAYS


Check = Callable[[Review], Iterator[Hit]]
ChangeRule = GdprRule


RULES: dict[str, ChangeRule] = {}


def change_rule(code: str, name: str, *, severity: str, article: str,
                article_14: str | None = None, reference: str = "") -> Callable[[Check], Check]:
    def register(check: Check) -> Check:
        if code in RULES or not re.fullmatch(r"G9\d\d", code):
            raise ValueError(f"bad or duplicate change rule code {code!r}")
        RULES[code] = ChangeRule(code, name, severity, article, article_14, check, reference)
        return check

    return register


@change_rule("G901", "effective.not_moved", severity="error", article="5(2)")
def effective_not_moved(review: Review) -> Iterator[Hit]:
    """The description changed since its last published version, but `effective` did not move.

    Why: the effective date is how people, and you, tell versions of the policy apart. Two
    different texts under one date make it impossible to show which text someone was given, or
    which consent text they agreed to (accountability, Art. 5(2); proof of consent, Art. 7(1)).
    A date earlier than the published one would make the new text look older than the old one.

    Fix: Set `effective:` to the date the changed policy takes effect, later than the date of the
    last published version (and, for substantive changes, far enough ahead to tell people first).
    """
    old, new = review.comparison.old, review.comparison.new
    if review.comparison.same_version:
        return
    if new.effective == old.effective:
        yield Hit("effective", _("the description changed since the version published for {old}, but "
                                 "`effective` is still {new}").format(old=old.effective.isoformat(),
                                                                      new=new.effective.isoformat()),
                  hint=_("set `effective:` to the date the changed policy takes effect"))
    elif new.effective < old.effective:
        yield Hit("effective", _("`effective` ({new}) is before the last published version's date "
                                 "({old})").format(new=new.effective.isoformat(), old=old.effective.isoformat()),
                  hint=_("a new version takes effect after the published one; set a later date"))


@change_rule("G902", "change.notice_too_short", severity="warning", article="12(1)",
             reference=N_("WP260 rev.01, paras. 29–31"))
def notice_too_short(review: Review) -> Iterator[Hit]:
    """A substantive change takes effect sooner than the notice period allows.

    Why: people must be told of a substantive change actively and in time to think about it and
    to use their rights (withdraw a consent, object) before it applies (Art. 12(1) and 5(1)(a);
    WP260 rev.01, paras. 29–31). The description's `changes.notice_days` says how far ahead you
    announce such changes; without it, a change must at least take effect after today.

    Fix: Move `effective:` to at least `changes.notice_days` days after you announce the change
    (`policygen diff … --format md` writes the notice), or make the change smaller.
    """
    comparison = review.comparison
    substantive = comparison.substantive
    if not substantive:
        return
    days = (comparison.new.effective - review.today).days
    if days >= review.notice_days:
        return
    when = (_("today") if days == 0
            else ngettext("in {days} day", "in {days} days", days).format(days=days) if days > 0
            else ngettext("{days} day ago", "{days} days ago", -days).format(days=-days))
    changes = ngettext("{count} substantive change takes effect {date} ({when})",
                       "{count} substantive changes take effect {date} ({when})", len(substantive)).format(
        count=len(substantive), date=comparison.new.effective.isoformat(), when=when)
    period = ngettext("the notice period is {days} day", "the notice period is {days} days",
                      review.notice_days).format(days=review.notice_days)
    yield Hit("effective", f"{changes}; {period}",
              hint=_("set `effective:` to {date} or later, and send the notice (`policygen diff … --format md`)").format(
                  date=(review.today + dt.timedelta(days=review.notice_days)).isoformat()))


@change_rule("G903", "purpose.new_without_notice", severity="warning", article="13(3)",
             article_14="14(4)")
def new_purpose_without_notice(review: Review) -> Iterator[Hit]:
    """A new purpose takes effect today or earlier, so nobody could be told before it starts.

    Why: before you use data for a purpose other than the one it was collected for, you must
    tell people about the new purpose and the information that goes with it (Art. 13(3); Art.
    14(4) for data from elsewhere). A purpose whose policy is already in force when it appears
    starts before anyone was told.

    Fix: Set `effective:` to a date in the future and announce the new purpose before then, or
    do not start the processing until the new policy takes effect.
    """
    comparison = review.comparison
    if comparison.new.effective > review.today:
        return
    facts = Facts(comparison.new.description)
    purposes = {p.id: (index, p) for index, p in facts.purposes()}
    for change in comparison.changes:
        if change.element == "purpose" and change.action == "added":
            index, purpose = purposes[change.id]
            yield Hit(f"purposes[{index}]",
                      _("purpose `{purpose}` is new, and the policy takes effect {date}, not in the "
                        "future").format(purpose=purpose.id, date=comparison.new.effective.isoformat()),
                      hint=_("set `effective:` to a later date and tell people before it"),
                      indirect=facts.uses_indirect(purpose))


def all_rules() -> list[ChangeRule]:
    return [RULES[code] for code in sorted(RULES)]


def catalogue() -> list[RuleInfo]:
    return [rule.info() for rule in all_rules()]


def review_findings(comparison: Comparison, locations: object, today: dt.date) -> list[Finding]:
    """The G9xx findings of a build's comparison, located in the new description."""
    review = Review(comparison, today)
    findings = []
    for rule in all_rules():
        for hit in rule.check(review):
            line, column = locations.find(hit.key)  # type: ignore[attr-defined]
            findings.append(Finding(code=rule.code, name=rule.name, severity=rule.severity,
                                    article=rule.article_for(hit), key=hit.key, line=line, column=column,
                                    message=hit.message, hint=hit.hint, kind="gdpr"))
    return sorted(findings, key=lambda f: (f.line, f.column, f.code, f.key))
