"""The safe markdown builder: hostile imported text never becomes markup, raw HTML or a broken table."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from debateprep.domain.controls import escape_controls
from debateprep.exporters.markdown import (
    Document,
    Md,
    emph,
    escape,
    flat_parser,
    html_page,
    inline,
    outline,
    parse,
    render_html,
    split_paragraphs,
    strong,
)

HOSTILE = [
    "<script>alert('x')</script>",
    "a | b || c",
    "`code` and ``double`` and ```fence",
    "```python",
    "~~~",
    "[link](javascript:alert(1)) and ![img](http://x/y.png)",
    "[^1] is not a footnote; [ref]: http://evil",
    "# not a heading",
    "## also not ##",
    "> not a quote",
    "- not a bullet",
    "+ nor this",
    "* nor this",
    "1. not a list",
    "2594) not a list either",
    "---",
    "***",
    "___",
    "    four spaces are not code",
    "<!-- comment -->",
    "&lt;script&gt; &#60;b&#62; &amp;",
    "trailing backslash \\",
    "*emph* _emph_ **strong** __strong__ ~~strike~~",
    "<https://autolink.example>",
    "line one\n===",
    "line one\n---\nline two",
    "para\n\n# heading inside",
    "安理会|决议`第2594(2021)号`【重申】<b>粗体</b>［1］",
    "第2594(2021)号决议\n\n> 引用",
    "S/RES/2594 (2021), OP 4 [a]",
    "\x00null\x07bell\x1bescape\x7fdel",
    "\x1b]0;PWNED\x07 title \x1b[31mred\x1b[0m \u202eabc\u202c \u2066isolate\u2069 \x9bcsi",
    "tab\tseparated\u2028line\u2029para\x0bvt\x0cff\x85nel",
]

MARKUP_TOKENS = {
    "em_open", "strong_open", "s_open", "link_open", "image", "code_inline", "html_inline",
    "footnote_ref", "hardbreak", "softbreak",
}


def _squash(text: str) -> str:
    return "".join(text.split())


def _expected(text: str) -> str:
    """What a reader must see: the same characters, line breaks as spaces, every other control or
    bidi-control character written visibly (\\u001b), whitespace aside."""
    return _squash(escape_controls(re.sub(r"[\t\r\n\v\f\x1c-\x1e\x85\u2028\u2029]", " ", text), keep=""))


def _only_plain_inline(token) -> str:  # type: ignore[no-untyped-def]
    """The inline token's text; fails if any child is markup rather than text."""
    children = token.children or []
    kinds = {c.type for c in children}
    assert kinds <= {"text"}, f"markup leaked: {kinds - {'text'}}"
    return "".join(c.content for c in children)


def _blocks(md: str) -> list[str]:
    return [t.type for t in parse(md) if t.level == 0 and not t.type.endswith("_close")]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_paragraph_stays_one_plain_paragraph(text: str) -> None:
    doc = Document()
    doc.paragraph(text)
    md = doc.to_markdown()
    tokens = parse(md)
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    assert _squash(_only_plain_inline(tokens[1])) == _expected(text)
    html = render_html(md)
    assert "<script" not in html and "<b>" not in html and "<a " not in html and "<img" not in html
    assert html.startswith("<p>") and html.count("<p>") == 1


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_heading_and_list_items(text: str) -> None:
    doc = Document()
    doc.heading(text, 2)
    doc.bullets([text, "second"])
    doc.numbered([text, "二"], start=3)
    tokens = parse(doc.to_markdown())
    assert _blocks(doc.to_markdown()) == ["heading_open", "bullet_list_open", "ordered_list_open"]
    inlines = [t for t in tokens if t.type == "inline"]
    assert len(inlines) == 5
    for token, source in zip(inlines, [text, text, "second", text, "二"], strict=True):
        assert _squash(_only_plain_inline(token)) == _expected(source)
    ordered = next(t for t in tokens if t.type == "ordered_list_open")
    assert ordered.attrGet("start") == 3


def test_table_cells_never_break_the_table() -> None:
    rows = [[h, f"{i}"] for i, h in enumerate(HOSTILE)]
    doc = Document()
    doc.table(["Text | with pipe", "#"], rows, align=["left", "right"])
    md = doc.to_markdown()
    tokens = parse(md)
    assert _blocks(md) == ["table_open"]
    body_rows = [t for t in tokens if t.type == "tr_open"]
    assert len(body_rows) == len(HOSTILE) + 1
    cells = [t for t in tokens if t.type == "inline"]
    assert len(cells) == 2 * (len(HOSTILE) + 1)
    texts = [_squash(_only_plain_inline(c)) for c in cells]
    assert texts[0] == "Text|withpipe"
    assert texts[2::2] == [_expected(h) for h in HOSTILE]
    assert texts[3::2] == [str(i) for i in range(len(HOSTILE))]
    aligns = [t.attrGet("style") for t in tokens if t.type == "th_open"]
    assert aligns == ["text-align:left", "text-align:right"]


def test_table_rejects_ragged_rows_and_keeps_empty_cells() -> None:
    doc = Document()
    with pytest.raises(ValueError, match="2 cells for 3 columns"):
        doc.table(["a", "b", "c"], [["1", "2"]])
    doc = Document()
    doc.table(["a", "b"], [["", ""], ["x", ""]])
    tokens = parse(doc.to_markdown())
    assert sum(1 for t in tokens if t.type == "td_open") == 4


def test_block_quote_keeps_paragraphs_and_escapes() -> None:
    doc = Document()
    doc.quote("Reaffirming its resolution 1894 (2009),\n\n# Decides <b>x</b>\n\n> nested?")
    md = doc.to_markdown()
    assert _blocks(md) == ["blockquote_open"]
    tokens = parse(md)
    assert [t.type for t in tokens].count("paragraph_open") == 3
    assert "blockquote_open" not in [t.type for t in tokens[1:]]
    assert "<b>" not in render_html(md)


def test_footnotes_are_numbered_and_their_text_escaped() -> None:
    doc = Document()
    first = doc.footnote("S/RES/2594 (2021), OP 4 [a] <i>x</i>")
    second = doc.footnote("新措辞")
    doc.paragraph("Agreed paragraph", first)
    doc.paragraph("New paragraph", second)
    md = doc.to_markdown()
    assert first == "[^1]" and second == "[^2]" and isinstance(first, Md)
    tokens = parse(md)
    refs = [c for t in tokens if t.type == "inline" for c in t.children or [] if c.type == "footnote_ref"]
    assert [r.meta["id"] for r in refs] == [0, 1]
    html = render_html(md)
    assert 'class="footnotes"' in html and "[a] &lt;i&gt;x&lt;/i&gt;" in html and "新措辞" in html


def test_trusted_fragments_and_line_start_guard() -> None:
    assert strong("1. a") == "**1\\. a**"
    assert emph("") == ""
    assert inline(strong("Q1"), Md(" "), "# x") == "**Q1** \\# x"
    assert inline("1. first", strong("b")) == "1\\. first**b**"
    assert escape("  - 安全\n理事会  ") == "\\- 安全理事会"
    assert escape("hard\nwrapped English") == "hard wrapped English"
    tokens = parse(Document().to_markdown())
    assert tokens == []


def test_chinese_and_english_document_structure() -> None:
    doc = Document()
    doc.heading("代表团简报：武装冲突中保护平民", 1)
    doc.heading("Guiding questions | 审议的问题", 2)
    doc.paragraph("鼓励会员国在发言中述及以下几个方面：", strong("[重点]"))
    doc.numbered(["如何加强保护平民？", "How can peacekeepers <protect> civilians?"])
    doc.table(["代表团", "Q1"], [["中国", "●"], ["United Kingdom of Great Britain | NI", "○"]])
    md = doc.to_markdown()
    assert outline(md) == [(1, "代表团简报：武装冲突中保护平民"), (2, "Guiding questions | 审议的问题")]
    assert _blocks(md) == ["heading_open", "heading_open", "paragraph_open", "ordered_list_open", "table_open"]
    html = render_html(md)
    assert "<strong>[重点]</strong>" in html and "&lt;protect&gt;" in html
    assert "<td>United Kingdom of Great Britain | NI</td>" in html


def test_html_page_is_standalone_and_escaped() -> None:
    page = html_page("# T\n", title="</title><script>x</script>", lang="zh-Hans")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="zh-Hans">' in page
    assert "<script>" not in page and "&lt;/title&gt;" in page
    assert "@media print" in page


def test_split_paragraphs() -> None:
    assert split_paragraphs("a\nb\n\n\n c \r\n\r\nd") == ["a\nb", "c", "d"]


HOSTILE_ALPHABET = st.sampled_from(
    list("\\`*_[]<>#|~&!()-+=.:;\"'/ \t\n\r") + ["1.", "2)", "```", "<script>", "&lt;", "[^1]", "安", "理", "会", "a", "B"]
)
hostile_text = st.lists(HOSTILE_ALPHABET | st.text(max_size=3), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(hostile_text)
def test_any_text_is_one_plain_paragraph(text: str) -> None:
    doc = Document()
    doc.paragraph(text)
    md = doc.to_markdown()
    tokens = parse(md)
    if not _expected(text):
        assert tokens == [] or all(t.type.startswith("paragraph") or t.type == "inline" for t in tokens)
        return
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    assert _squash(_only_plain_inline(tokens[1])) == _expected(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(hostile_text, min_size=3, max_size=3), min_size=1, max_size=5))
def test_any_cells_keep_the_table_shape(rows: list[list[str]]) -> None:
    doc = Document()
    doc.table(["a", "b", "c"], rows)
    tokens = parse(doc.to_markdown())
    assert sum(1 for t in tokens if t.type == "table_open") == 1
    assert sum(1 for t in tokens if t.type == "tr_open") == len(rows) + 1
    cells = [t for t in tokens if t.type == "inline"][3:]
    assert [_squash(_only_plain_inline(c)) for c in cells] == [_expected(x) for row in rows for x in row]


@pytest.mark.parametrize("text", [
    "Thank you, [Mr./Madam] President.", "operative paragraph [xxxx] as agreed", "[a] [b] []",
    "see [1], [2] and [3]", "brackets 【重申】［1］[一]",
])
def test_square_brackets_that_make_no_link_are_not_escaped(text: str) -> None:
    """Pasted as plain text, the markdown shows no backslashes; rendered, it reads the same."""
    doc = Document()
    doc.paragraph(text, Md(" "), doc.footnote("a note"))
    md = doc.to_markdown()
    assert md.startswith(text + " [^1]") and "\\" not in md
    assert _only_plain_inline(flat_parser().parse(md)[1]) == text + " [1]"


@pytest.mark.parametrize(("parts", "seen"), [
    (("[a](b)",), "[a](b)"), (("[a][b]",), "[a][b]"), (("[ref]: http://evil",), "[ref]: http://evil"),
    (("[^1]",), "[^1]"), (("x [a]", "(b)"), "x [a](b)"), ((strong("[a]"), "(b)"), "[a](b)"),
    (("[a]", Md("[^1]")), "[a]"), (("![i](src)",), "![i](src)"), (("[a]", ":b"), "[a]:b"),
    (("[a]", Md("(b)")), "[a](b)"),
])
def test_brackets_that_could_make_a_link_are_escaped(parts: tuple[str, ...], seen: str) -> None:
    """Where markdown-it-py would parse a link, a reference or a footnote, the bracket is escaped:
    the rendered text equals the source text."""
    doc = Document()
    doc.footnote("a note")
    doc.paragraph(*parts)
    tokens = parse(doc.to_markdown())
    children = tokens[1].children or []
    assert {c.type for c in children} <= {"text", "strong_open", "strong_close", "footnote_ref"}
    assert "".join(c.content for c in children if c.type == "text") == seen
