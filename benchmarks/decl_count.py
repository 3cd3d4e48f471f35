"""Declaration counts: the scanner against an independent line-based count.

The independent count reads each file the scanner read, drops comments line by line
(``--`` to the end of the line, nested ``/- … -/`` blocks) and counts lines that start
with a declaration keyword, after any attributes and modifiers. It shares no code
with the scanner. It over-counts declarations written inside syntax quotations and
does not see declarations that share a line with another command.

Run: ``python benchmarks/decl_count.py PROJECT_DIR [...]``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

_DECL = re.compile(
    r"^\s*(?:@\[[^\]]*\]\s*)*"
    r"(?:(?:private|protected|noncomputable|partial|unsafe|nonrec|public|meta|scoped|local)\s+)*"
    r"(theorem|lemma|def|abbrev|instance|example|structure|class|inductive|axiom|opaque)\b"
)


def _code_lines(text: str) -> list[str]:
    """The lines of ``text`` with comments removed (strings are not special-cased)."""
    out: list[str] = []
    depth = 0
    for line in text.splitlines():
        kept = []
        i = 0
        while i < len(line):
            if depth:
                if line.startswith("/-", i):
                    depth += 1
                    i += 2
                elif line.startswith("-/", i):
                    depth -= 1
                    i += 2
                else:
                    i += 1
            elif line.startswith("/-", i):
                depth += 1
                i += 2
            elif line.startswith("--", i):
                break
            else:
                kept.append(line[i])
                i += 1
        out.append("".join(kept))
    return out


def independent_count(path: Path) -> int:
    """Declarations in one file, by the line rule above."""
    text = path.read_text(encoding="utf-8", errors="replace")
    n = 0
    for line in _code_lines(text):
        m = _DECL.match(line)
        if m and not (m.group(1) == "instance" and line.lstrip().startswith("deriving")):
            n += 1
    return n


def main() -> None:
    from axiomdl.scan.project import scan_project

    for arg in sys.argv[1:]:
        root = Path(arg)
        p = scan_project(root, use_cache=False)
        scanner = sum(len(fs.decls) for fs in p.files)
        indep = sum(independent_count(root / fs.path) for fs in p.files)
        diff = (scanner - indep) / indep * 100 if indep else 0.0
        print(
            f"{root.name}: {len(p.files)} files, scanner {scanner} declarations "
            f"({len(p.decls)} distinct keys, {len(p.duplicates)} duplicates), "
            f"independent {indep} ({diff:+.2f}%)"
        )


if __name__ == "__main__":
    main()
