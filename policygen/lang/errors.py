"""The one error type for user mistakes.

Every problem a user can fix (a broken description, an unreadable file, a bad option) is raised as
a :class:`UserError` that knows where it is, so the CLI can print ``file:line:col: key.path:
message`` with a hint and exit 2 — never a traceback. Only the CLI catches it. It lives in
:mod:`policygen.lang` so that the loaders here raise it too; the rest of policygen imports it
from :mod:`policygen.errors`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from policygen.lang.messages import _


@dataclass(frozen=True)
class Problem:
    """One located problem in a user's file. Lines and columns are 1-based; 0 means unknown."""

    file: str
    message: str
    line: int = 0
    column: int = 0
    key: str = ""
    hint: str = ""

    def render(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}:{self.column or 1}"
        text = f"{where}: "
        if self.key:
            text += f"{self.key}: "
        text += self.message
        if self.hint:
            text += "\n  " + _("hint: {hint}").format(hint=self.hint)
        return text


@dataclass
class UserError(Exception):
    """Bad input: one or more located problems. Exit code 2."""

    problems: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(self.render())

    @classmethod
    def single(cls, file: str, message: str, **where: object) -> "UserError":
        return cls([Problem(file=file, message=message, **where)])  # type: ignore[arg-type]

    def render(self) -> str:
        return "\n".join(problem.render() for problem in self.problems)
