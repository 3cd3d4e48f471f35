"""Checks on what the user passes to the site generator.

Lean text itself is rendered in the browser (see ``assets/common.js``): statements
are highlighted into text nodes, docstrings go through markdown-it with raw HTML
off and then an allowlist of tags and http(s)/mailto links.
"""

from __future__ import annotations

from urllib.parse import urlsplit


def check_repo_url(url: str) -> str | None:
    """The reason ``url`` cannot be used as a repository link, or None if it is fine."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return f"--repo-url must be an http(s) URL, got {url!r}"
    if any(c in url for c in "\"'<> \t\n"):
        return f"--repo-url contains characters that are not allowed in a URL: {url!r}"
    return None
