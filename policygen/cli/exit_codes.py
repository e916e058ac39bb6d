"""Exit codes every command shares."""

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    FINDINGS = 1  # findings at or above the fail level
    BAD_INPUT = 2  # the user's input cannot be used; nothing was written
