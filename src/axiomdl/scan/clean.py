"""Blank out comments, strings and char literals, keeping every offset.

The rest of the scanner works on the cleaned text, where a ``--`` or ``/-`` inside
a string can no longer derail anything and offsets still map to source lines.
Doc comments (``/-- -/``) and module docs (``/-! -/``) are kept aside with their
spans. The pass is linear: one regex walk over the rare special characters, and
a separate ``/-``/``-/`` walk inside block comments so that nesting 100,000 deep
costs no more than any other text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# A char literal is a quote not preceded by an identifier character (x' is a name).
_SPECIAL = re.compile(r"""--|/-|(?<![\w'.])r#*"|"|(?<![\w'!?.\u2080-\u209c\u1d62-\u1d6a])'""")
_BLOCK = re.compile(r"/-|-/")
_STRING_BODY = re.compile(r'[^"\\]*(?:\\.[^"\\]*)*"', re.S)
_CHAR = re.compile(r"'(?:\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|.)|[^'\\\n])'")


@dataclass(slots=True)
class DocComment:
    """A ``/-- -/`` or ``/-! -/`` comment: its text and where it sits."""

    start: int
    end: int
    text: str
    module_doc: bool


@dataclass(slots=True)
class Cleaned:
    """The blanked text plus what the blanking found."""

    text: str
    docs: list[DocComment] = field(default_factory=list)
    # (offset, message): unterminated comments and strings.
    problems: list[tuple[int, str]] = field(default_factory=list)


def _blank(chunk: str) -> str:
    """Replace every character but newlines by a space, keeping length."""
    if "\n" not in chunk:
        return " " * len(chunk)
    return "\n".join(" " * len(part) for part in chunk.split("\n"))


def _block_end(text: str, start: int) -> int:
    """Return the offset just past the ``-/`` closing the comment at ``start``, or -1."""
    depth = 1
    for m in _BLOCK.finditer(text, start + 2):
        if m.group() == "/-":
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return m.end()
    return -1


def clean(text: str) -> Cleaned:
    """Blank comments, strings and chars in ``text``; collect docs and problems."""
    out: list[str] = []
    docs: list[DocComment] = []
    problems: list[tuple[int, str]] = []
    pos = 0  # text before pos is already in out
    search = 0  # where to look for the next special token
    n = len(text)
    while True:
        m = _SPECIAL.search(text, search)
        if m is None:
            break
        s = m.start()
        tok = m.group()
        if tok == "--":
            e = text.find("\n", s)
            e = n if e < 0 else e
        elif tok == "/-":
            e = _block_end(text, s)
            if e < 0:
                problems.append((s, "unterminated comment"))
                e = n
            else:
                if text.startswith("/--", s) and not text.startswith("/--/", s):
                    docs.append(DocComment(s, e, text[s + 3 : e - 2].strip(), False))
                elif text.startswith("/-!", s):
                    docs.append(DocComment(s, e, text[s + 3 : e - 2].strip(), True))
        elif tok == '"':
            sm = _STRING_BODY.match(text, s + 1)
            if sm is None:
                problems.append((s, "unterminated string"))
                e = n
            else:
                e = sm.end()
        elif tok.startswith("r"):
            hashes = tok.count("#")
            close = '"' + "#" * hashes
            e = text.find(close, m.end())
            if e < 0:
                problems.append((s, "unterminated raw string"))
                e = n
            else:
                e += len(close)
            # keep the leading 'r' out of identifiers
        else:  # a quote that may open a char literal
            cm = _CHAR.match(text, s)
            if cm is None:  # a prime or a stray quote: keep it, look further
                search = s + 1
                continue
            e = cm.end()
        out.append(text[pos:s])
        out.append(_blank(text[s:e]))
        pos = search = e
    out.append(text[pos:])
    return Cleaned("".join(out), docs, problems)
