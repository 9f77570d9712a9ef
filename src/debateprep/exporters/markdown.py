"""A small, safe markdown builder, and the one parser that renders and validates what it builds.

Text from imported documents goes in as plain `str` and is always escaped: it can never open a
heading, list, link, code span or table cell, nor carry raw HTML. Markdown written by our own code
(bold labels, footnote markers) is an `Md` fragment and is kept as it is.

    doc = Document()
    doc.heading("Speakers", level=2)
    doc.paragraph("We speak ", strong("12th"), ".")
    doc.table(["#", "Delegation"], [["1", "China"]])
    text = doc.to_markdown()
    html = render_html(text)        # html disabled: a stray "<script>" is shown, never run
    tokens = parse(text)            # for validation and previews

The parser is CommonMark plus GFM tables, strikethrough and footnotes (markdown-it-py).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from debateprep.domain.controls import escape_controls

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

Align = Literal["left", "right", "center", None]

# Inline markdown syntax escaped everywhere (CommonMark allows a backslash before any ASCII
# punctuation). Kept short so the source still reads well: "S/RES/2594 (2021), OP 4" is untouched.
# Square brackets only where they could make a link, a reference or a footnote: "[" before "^",
# "]" before "(", "[" or ":" — "[xxxx]" and "[Mr./Madam]" stay as they are, pasted as plain text.
_SPECIAL = re.compile(r"([\\`*_<>#|~&]|\[(?=\^)|\](?=[(\[:]))")
_LINK_AFTER = ("(", "[", ":")  # what makes a "]" before it the end of a link or a reference
_LINE_BREAKS = r"\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_CJK = r"\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK_BREAK = re.compile(rf"(?<=[{_CJK}])[ \t]*[{_LINE_BREAKS}]+[ \t]*(?=[{_CJK}])")
_WHITESPACE = re.compile(rf"[ \t{_LINE_BREAKS}]+")
_ORDERED_START = re.compile(r"^(\d{1,9})([.)])")
_BLANK_LINES = re.compile(rf"[{_LINE_BREAKS}]\s*[{_LINE_BREAKS}]")


class Md(str):
    """A trusted markdown fragment, kept verbatim (build it with the helpers below)."""

    __slots__ = ()


def escape(text: str) -> str:
    """Plain text as one line of inline markdown that renders back as exactly that text.

    Line breaks become spaces (none between two Chinese characters), control and bidi-control
    characters are shown as `\u001b` (domain.controls, as everywhere debateprep writes), and every
    character that could start markup is backslash-escaped.
    """
    return _guard_line_start(_escape_chars(text).strip())


def _escape_chars(text: str, after: str = "") -> str:
    """`text` escaped; `after` is what follows it in the line (a "]" at its end is escaped before
    "(", "[" or ":")."""
    text = _CJK_BREAK.sub("", text)
    text = _WHITESPACE.sub(" ", text)
    text = escape_controls(text, keep="")  # ESC, NUL, bidi overrides … shown as \u001b, never passed on
    text = _SPECIAL.sub(r"\\\1", text)
    if text.endswith("]") and not text.endswith("\\]") and after.startswith(_LINK_AFTER):
        text = text[:-1] + "\\]"
    return text


def _guard_line_start(line: str) -> str:
    """Escape what would open a block at the start of a line: "1.", "2)", "-", "+", "="."""
    line = _ORDERED_START.sub(r"\1\\\2", line)
    if line[:1] in ("-", "+", "="):
        line = "\\" + line
    return line


def inline(*parts: str) -> Md:
    """Join parts into one inline fragment: `Md` parts verbatim, plain strings escaped."""
    joined = ""
    for i, part in enumerate(parts):
        if isinstance(part, Md):
            piece = str(part)
        else:
            piece = _escape_chars(part, after=parts[i + 1][:1] if i + 1 < len(parts) else "")
            if piece.startswith(_LINK_AFTER) and joined.endswith("]") and not joined.endswith("\\]"):
                piece = "\\" + piece  # text after a fragment ending in "]": never its link target
        joined += piece
    joined = joined.strip()
    first = next((p for p in parts if p.strip()), "")
    return Md(joined if isinstance(first, Md) else _guard_line_start(joined))


def strong(*parts: str) -> Md:
    inner = inline(*parts)
    return Md(f"**{inner}**") if inner else Md("")


def emph(*parts: str) -> Md:
    inner = inline(*parts)
    return Md(f"*{inner}*") if inner else Md("")


def split_paragraphs(text: str) -> list[str]:
    """Plain text cut at blank lines into paragraphs (empty ones dropped)."""
    return [p for p in (chunk.strip() for chunk in _BLANK_LINES.split(text)) if p]


class Document:
    """Blocks appended in order; `to_markdown()` joins them with blank lines, footnotes last."""

    def __init__(self) -> None:
        self._blocks: list[str] = []
        self._footnotes: list[str] = []

    def heading(self, text: str, level: int = 1) -> None:
        if not 1 <= level <= 6:
            raise ValueError(f"heading level must be 1..6, not {level}")
        self._blocks.append(f"{'#' * level} {inline(text)}".rstrip())

    def paragraph(self, *parts: str) -> None:
        """One paragraph; nothing is added when it would be empty."""
        line = inline(*parts)
        if line:
            self._blocks.append(line)

    def paragraphs(self, text: str) -> None:
        """Plain text with blank lines between its paragraphs."""
        for chunk in split_paragraphs(text):
            self.paragraph(chunk)

    def bullets(self, items: Iterable[str]) -> None:
        lines = [f"- {inline(item)}".rstrip() for item in items]
        if lines:
            self._blocks.append("\n".join(lines))

    def numbered(self, items: Iterable[str], start: int = 1) -> None:
        lines = [f"{n}. {inline(item)}".rstrip() for n, item in enumerate(items, start)]
        if lines:
            self._blocks.append("\n".join(lines))

    def table(
        self,
        header: Sequence[str],
        rows: Iterable[Sequence[str]],
        align: Sequence[Align] | None = None,
    ) -> None:
        """A GFM table; every row must have as many cells as the header."""
        if not header:
            raise ValueError("a table needs at least one column")
        width = len(header)
        marks = {"left": ":---", "right": "---:", "center": ":---:", None: "---"}
        aligns = list(align) if align is not None else [None] * width
        if len(aligns) != width:
            raise ValueError(f"align has {len(aligns)} entries for {width} columns")
        lines = [_row(header), "| " + " | ".join(marks[a] for a in aligns) + " |"]
        for row in rows:
            if len(row) != width:
                raise ValueError(f"table row has {len(row)} cells for {width} columns")
            lines.append(_row(row))
        self._blocks.append("\n".join(lines))

    def quote(self, text: str) -> None:
        """A block quote of plain text (its blank-line paragraphs kept)."""
        chunks = [inline(chunk) for chunk in split_paragraphs(text)]
        if chunks:
            self._blocks.append("\n>\n".join(f"> {chunk}" for chunk in chunks))

    def footnote(self, *parts: str) -> Md:
        """Register a footnote; returns the marker to put in the text (e.g. "[^3]")."""
        self._footnotes.append(inline(*parts))
        return Md(f"[^{len(self._footnotes)}]")

    def rule(self) -> None:
        self._blocks.append("---")

    def to_markdown(self) -> str:
        notes = [f"[^{n}]: {text}" for n, text in enumerate(self._footnotes, 1)]
        blocks = self._blocks + (["\n".join(notes)] if notes else [])
        return "\n\n".join(blocks) + "\n"


def _row(cells: Sequence[str]) -> str:
    # Empty cells get a space so "| |" stays a cell; escape() already turned "|" into "\|".
    return "| " + " | ".join(inline(cell) or " " for cell in cells) + " |"


# -- parsing and rendering ---------------------------------------------------------------------


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    """The shared parser: CommonMark, raw HTML off, GFM tables, strikethrough, footnotes."""
    return _build_parser(flat=False)


@lru_cache(maxsize=1)
def flat_parser() -> MarkdownIt:
    """The shared parser with footnotes flattened into plain blocks, for viewers that know only
    CommonMark blocks (Textual's Markdown widget): a reference reads "[1]", a note "[1] text"."""
    return _build_parser(flat=True)


def _build_parser(flat: bool) -> MarkdownIt:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"]).use(footnote_plugin)
    if flat:
        md.core.ruler.push("flatten_footnotes", _flatten_footnotes)
    return md


def _flatten_footnotes(state) -> None:  # type: ignore[no-untyped-def]
    from markdown_it.token import Token

    tokens: list[Token] = []
    label = ""
    for token in state.tokens:
        if token.type in ("footnote_block_open", "footnote_block_close", "footnote_close", "footnote_anchor"):
            if token.type == "footnote_block_open":
                tokens.append(Token("hr", "hr", 0, markup="---"))
            continue
        if token.type == "footnote_open":
            label = f"[{token.meta['id'] + 1}] "
            continue
        if token.type == "inline" and token.children is not None:
            children = []
            for child in token.children:
                if child.type == "footnote_ref":
                    child = Token("text", "", 0, content=f"[{child.meta['id'] + 1}]")
                if child.type != "footnote_anchor":
                    children.append(child)
            if label:
                children.insert(0, Token("text", "", 0, content=label))
                label = ""
            token.children = children
        tokens.append(token)
    state.tokens = tokens


def parse(text: str) -> list[Token]:
    """The token stream of `text` (block tokens with inline children)."""
    return parser().parse(text)


def render_html(text: str) -> str:
    """HTML for the markdown body; any raw HTML in it comes out as visible, escaped text."""
    html: str = parser().render(text)
    return html


PRINT_CSS = """
body { font-family: "Noto Serif", "Source Han Serif SC", "SimSun", serif; max-width: 48rem;
       margin: 2rem auto; line-height: 1.5; color: #111; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; border-bottom: 1px solid #999; }
table { border-collapse: collapse; margin: 1rem 0; font-size: 0.9rem; }
th, td { border: 1px solid #999; padding: 0.2rem 0.5rem; vertical-align: top; }
blockquote { margin-left: 1rem; padding-left: 1rem; border-left: 3px solid #ccc; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
"""


def html_page(text: str, *, title: str, lang: str = "en") -> str:
    """A standalone, printable HTML page of the markdown `text`."""
    return (
        f'<!DOCTYPE html>\n<html lang="{html.escape(lang, quote=True)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n<style>{PRINT_CSS}</style>\n</head>\n<body>\n"
        f"{render_html(text)}</body>\n</html>\n"
    )


def outline(text: str) -> list[tuple[int, str]]:
    """The headings of `text` as (level, plain text), in order."""
    tokens = parse(text)
    result: list[tuple[int, str]] = []
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            content = tokens[i + 1].children or []
            result.append((int(token.tag[1]), "".join(c.content for c in content if c.type in ("text", "code_inline"))))
    return result
