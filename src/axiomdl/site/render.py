"""Safe HTML from untrusted Lean text: highlighted statements and sanitised Markdown.

Every string a Lean file supplies (names, docstrings, statements, metadata) is
untrusted. Templates autoescape; Markdown is rendered with raw HTML disabled
and then cleaned by nh3 (Ammonia) with a small allowlist and http(s)/mailto
links only; statements go through pygments, which escapes its tokens.
"""

from __future__ import annotations

import functools
from urllib.parse import quote, urlsplit

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
from pygments.token import STANDARD_TYPES, _TokenType

_ALLOWED_TAGS = {
    "p", "br", "hr", "em", "strong", "code", "pre", "a", "ul", "ol", "li",
    "blockquote", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
_ALLOWED_ATTRS = {"a": {"href", "title"}}
_URL_SCHEMES = {"http", "https", "mailto"}
PYGMENTS_STYLE = "default"


@functools.cache
def _md() -> MarkdownIt:
    # html=False: raw HTML in a docstring becomes text; linkify stays off (no extra deps).
    return MarkdownIt("commonmark", {"html": False}).enable("table")


@functools.cache
def _lexer():
    return get_lexer_by_name("lean4", stripnl=False, ensurenl=False)


@functools.cache
def _formatter() -> HtmlFormatter:
    return HtmlFormatter(nowrap=True)


def clean_html(html: str) -> Markup:
    """Sanitise HTML with nh3: allowlisted tags, http(s)/mailto links, rel=noopener."""
    return Markup(
        nh3.clean(
            html,
            tags=_ALLOWED_TAGS,
            attributes=_ALLOWED_ATTRS,
            url_schemes=_URL_SCHEMES,
            link_rel="noopener noreferrer nofollow",
            strip_comments=True,
        )
    )


def markdown(text: str | None) -> Markup:
    """A docstring (or metadata value) as sanitised HTML."""
    if not text:
        return Markup("")
    # Lean docstrings use headings of any level; keep page structure by demoting them.
    html = _md().render(text)
    for lvl in (2, 1):
        html = html.replace(f"<h{lvl}>", "<h3>").replace(f"</h{lvl}>", "</h3>")
    return clean_html(html)


def markdown_inline(text: str | None) -> Markup:
    """One line of Markdown (evidence, references) without the wrapping paragraph."""
    if not text:
        return Markup("")
    return clean_html(_md().renderInline(text))


def lean_html(statement: str) -> Markup:
    """The statement highlighted by pygments' Lean 4 lexer (every token HTML-escaped).

    Same spans and classes as pygments' HtmlFormatter, written directly: the
    formatter's per-line machinery is most of the cost on a 5,000-page site.
    """
    out: list[str] = []
    prev_cls = ""
    run: list[str] = []
    for ttype, value in _lexer().get_tokens(statement):
        cls = _css_class(ttype)
        if cls != prev_cls and run:
            out.append(_span(prev_cls, "".join(run)))
            run = []
        prev_cls = cls
        run.append(value)
    if run:
        out.append(_span(prev_cls, "".join(run)))
    return Markup("".join(out))


def _span(cls: str, text: str) -> str:
    if "&" in text or "<" in text or ">" in text:
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f'<span class="{cls}">{text}</span>' if cls and cls != "w" else text


@functools.cache
def _css_class(ttype: _TokenType) -> str:
    while ttype not in STANDARD_TYPES:
        ttype = ttype.parent
    return STANDARD_TYPES[ttype]


def pygments_css() -> str:
    """Stylesheet for highlighted statements, scoped to ``.highlight``."""
    return _formatter().get_style_defs(".highlight")


def hash_link(page: str, **params: str) -> str:
    """``graph.html#focus=…&why=…`` with every value percent-encoded."""
    return page + "#" + "&".join(f"{k}={quote(v, safe='')}" for k, v in params.items() if v)


def source_url(repo_url: str | None, file: str, line: int, end_line: int) -> str | None:
    """Link to a line range in the repository browser, if a repo URL is configured."""
    if not repo_url:
        return None
    path = "/".join(quote(part) for part in file.split("/"))
    return f"{repo_url.rstrip('/')}/{path}#L{line}-L{end_line}"


def check_repo_url(url: str) -> str | None:
    """The reason ``url`` cannot be used as a repository link, or None if it is fine."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return f"--repo-url must be an http(s) URL, got {url!r}"
    if any(c in url for c in "\"'<> \t\n"):
        return f"--repo-url contains characters that are not allowed in a URL: {url!r}"
    return None
