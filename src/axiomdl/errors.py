"""Exit codes and the one user-facing error type.

Every failure a user can cause is raised as :class:`AxiomdlError`; the CLI turns
it into one line on stderr and the documented exit code, never a traceback.
"""

from __future__ import annotations

from pathlib import Path

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_NO_LEAN = 3


class AxiomdlError(Exception):
    """An error caused by input or environment, reported as ``file:line: message``."""

    def __init__(
        self,
        message: str,
        *,
        exit_code: int = EXIT_USAGE,
        file: str | Path | None = None,
        line: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code
        self.file = str(file) if file is not None else None
        self.line = line

    def one_line(self) -> str:
        """Render as a single line: ``file:line: error: message``."""
        where = ""
        if self.file:
            where = f"{self.file}:{self.line}: " if self.line else f"{self.file}: "
        return f"{where}error: {' '.join(self.message.split())}"
