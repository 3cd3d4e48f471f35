"""Files the scanner could not read as Lean source, reported the same way by every command.

A special file (FIFO, socket, device) or a symlink loop named ``*.lean`` is skipped
without being opened, and so is a file that cannot be read; each is one warning.
Bytes that are not UTF-8 and unterminated comments or strings are errors: the file
is Lean source that Lean itself would reject.
"""

from __future__ import annotations

from axiomdl.model import Finding
from axiomdl.scan.project import Project

# FileScan.problems codes that describe the file rather than its declarations
BAD_FILE_CODES = frozenset({"encoding", "io", "empty", "syntax"})
_WARNINGS = frozenset({"io", "empty"})


def bad_file_findings(project: Project) -> list[Finding]:
    """One finding per skipped or unreadable file, in path order."""
    out = [
        Finding(code="skipped", severity="warning", file=rel, message=f"skipped: {why}")
        for rel, why in project.skipped
    ]
    for fs in project.files:
        for line, code, msg in fs.problems:
            if code in BAD_FILE_CODES:
                sev = "warning" if code in _WARNINGS else "error"
                text = f"skipped: {msg}" if code == "io" else msg
                out.append(
                    Finding(code=code, message=text, file=fs.path, line=line or None, severity=sev)
                )
    out.sort(key=lambda f: (f.file or "", f.line or 0))
    return out
