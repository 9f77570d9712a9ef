"""Markdown (as our exporters build it) to a Word document, the way missions circulate texts.

One converter for every export (our statement, the brief, the PRST draft): it walks the token
stream of the shared parser (`exporters.markdown.parse`), so what Word shows is exactly what the
markdown says. Headings, paragraphs, bold/italic/strikethrough, bullet and numbered lists, block
quotes, tables and rules map to Word's built-in styles. Footnotes become real Word footnotes:
python-docx (1.2) has no footnote API, so the footnotes part (word/footnotes.xml, with its separator
and continuation footnotes) is built here and each reference is a w:footnoteReference run. Every
page carries the title in its header and its number (a PAGE field) in the footer.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.text.paragraph import Paragraph
    from markdown_it.token import Token

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FONTS = {"en": ("Times New Roman", "SimSun"), "zh": ("Times New Roman", "SimSun")}
BASE_POINTS = 12.0
FOOTNOTE_POINTS = 10.0
LANG_TAGS = {"en": "en-US", "zh": "zh-CN"}
_FOOTNOTES_XML = (
    f'<w:footnotes xmlns:w="{W_NS}">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    "</w:footnotes>"
)


@dataclass
class _Style:
    bold: bool = False
    italic: bool = False
    strike: bool = False
    code: bool = False


@dataclass
class _State:
    lists: list[str] = field(default_factory=list)  # "bullet" / "ordered", innermost last
    quote: int = 0
    footnote_id: int | None = None  # inside a footnote's body (markdown id)
    footnote_paragraphs: dict[int, list[list[Token]]] = field(default_factory=dict)


def markdown_to_docx(markdown: str, *, language: str = "en", header: str | None = None,
                     base_points: float | None = None, right_aligned: Sequence[str] = ()) -> bytes:
    """The .docx bytes of `markdown`. `header` goes at the top of every page; `base_points` sets
    the body type size (large type for a delivery copy, with wider line spacing); paragraphs whose
    text is one of `right_aligned` are set flush right ("Check against delivery")."""
    import docx

    from debateprep.exporters.markdown import parse

    document = docx.Document()
    _set_base_style(document, language, base_points or BASE_POINTS, wide=base_points is not None)
    _header_and_footer(document, header)
    tokens = parse(markdown)
    state = _State()
    word_ids: dict[int, int] = {}  # markdown footnote id -> Word footnote id
    _blocks(document, tokens, state, word_ids, language)
    if state.footnote_paragraphs:
        _write_footnotes(document, state.footnote_paragraphs, word_ids, language)
    if right_aligned:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        for paragraph in document.paragraphs:
            if paragraph.text.strip() in right_aligned:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# -- page setup --------------------------------------------------------------------------------


def _set_base_style(document: DocxDocument, language: str, points: float, wide: bool) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    latin, east_asian = FONTS.get(language, FONTS["en"])
    normal = document.styles["Normal"]
    normal.font.name = latin
    normal.font.size = Pt(points)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    fonts.set(qn("w:eastAsia"), east_asian)
    lang = rpr.makeelement(qn("w:lang"), {qn("w:val"): LANG_TAGS["en"], qn("w:eastAsia"): LANG_TAGS["zh"]})
    rpr.append(lang)
    if wide:
        normal.paragraph_format.line_spacing = 1.5
        normal.paragraph_format.space_after = Pt(points)
        for level in range(1, 4):
            document.styles[f"Heading {level}"].font.size = Pt(points + 4 - level)


def _field_run(paragraph: Paragraph, instruction: str) -> None:
    """A field (PAGE, NUMPAGES) as Word writes it: begin, instruction, separate, result, end."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def add(kind: str) -> None:
        run = paragraph.add_run()
        fld = OxmlElement("w:fldChar")
        fld.set(qn("w:fldCharType"), kind)
        run._r.append(fld)

    add("begin")
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    add("separate")
    paragraph.add_run("1")
    add("end")


def _header_and_footer(document: DocxDocument, header: str | None) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    section = document.sections[0]
    if header:
        top = section.header.paragraphs[0]
        top.text = header
        top.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for run in top.runs:
            run.font.size = Pt(9)
            run.italic = True
    bottom = section.footer.paragraphs[0]
    bottom.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field_run(bottom, "PAGE")


# -- blocks ------------------------------------------------------------------------------------


def _blocks(document: DocxDocument, tokens: list[Token], state: _State, word_ids: dict[int, int],
            language: str) -> None:
    i = 0
    while i < len(tokens):
        token = tokens[i]
        kind = token.type
        if kind == "footnote_block_open":
            _collect_footnotes(tokens, i, state)
            i = _skip_to(tokens, i, "footnote_block_close")
        elif kind == "heading_open":
            paragraph = document.add_paragraph(style=f"Heading {min(int(token.tag[1]), 9)}")
            _inline(paragraph, tokens[i + 1], word_ids, language)
            i += 2
        elif kind == "paragraph_open":
            paragraph = document.add_paragraph(style=_paragraph_style(state))
            _inline(paragraph, tokens[i + 1], word_ids, language)
            i += 2
        elif kind in ("bullet_list_open", "ordered_list_open"):
            state.lists.append("bullet" if kind == "bullet_list_open" else "ordered")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            state.lists.pop()
        elif kind == "blockquote_open":
            state.quote += 1
        elif kind == "blockquote_close":
            state.quote -= 1
        elif kind == "table_open":
            end = _skip_to(tokens, i, "table_close")
            _table(document, tokens[i:end + 1], word_ids, language)
            i = end
        elif kind == "hr":
            _rule(document.add_paragraph())
        elif kind in ("code_block", "fence"):
            paragraph = document.add_paragraph(style=_paragraph_style(state))
            run = paragraph.add_run(token.content.rstrip("\n"))
            run.font.name = "Courier New"
        i += 1


def _skip_to(tokens: list[Token], start: int, closing: str) -> int:
    depth = 0
    opening = closing.replace("_close", "_open")
    for j in range(start, len(tokens)):
        if tokens[j].type == opening:
            depth += 1
        elif tokens[j].type == closing:
            depth -= 1
            if depth == 0:
                return j
    return len(tokens) - 1


def _paragraph_style(state: _State) -> str:
    if state.lists:
        depth = min(len(state.lists), 3)
        base = "List Bullet" if state.lists[-1] == "bullet" else "List Number"
        return base if depth == 1 else f"{base} {depth}"
    return "Quote" if state.quote else "Normal"


def _rule(paragraph: Paragraph) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for name, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "999999")):
        bottom.set(qn(name), value)
    borders.append(bottom)
    ppr.append(borders)


def _table(document: DocxDocument, tokens: list[Token], word_ids: dict[int, int], language: str) -> None:
    rows: list[list[Token]] = []
    for token in tokens:
        if token.type == "tr_open":
            rows.append([])
        elif token.type == "inline" and rows:
            rows[-1].append(token)
    if not rows:
        return
    width = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = document.styles["Table Grid"]
    for r, cells in enumerate(rows):
        for c, inline in enumerate(cells):
            paragraph = table.cell(r, c).paragraphs[0]
            _inline(paragraph, inline, word_ids, language, bold=(r == 0))


# -- inline ------------------------------------------------------------------------------------


def _inline(paragraph: Paragraph, token: Token, word_ids: dict[int, int], language: str, bold: bool = False) -> None:
    style = _Style(bold=bold)
    for child in token.children or []:
        kind = child.type
        if kind == "text":
            _run(paragraph, child.content, style)
        elif kind == "code_inline":
            _run(paragraph, child.content, _Style(style.bold, style.italic, style.strike, code=True))
        elif kind == "softbreak":
            _run(paragraph, "" if language == "zh" else " ", style)
        elif kind == "hardbreak":
            paragraph.add_run().add_break()
        elif kind == "strong_open":
            style.bold = True
        elif kind == "strong_close":
            style.bold = bold
        elif kind == "em_open":
            style.italic = True
        elif kind == "em_close":
            style.italic = False
        elif kind == "s_open":
            style.strike = True
        elif kind == "s_close":
            style.strike = False
        elif kind == "footnote_ref":
            markdown_id = int(child.meta["id"])
            word_id = word_ids.setdefault(markdown_id, len(word_ids) + 1)
            _footnote_reference(paragraph, word_id)
        elif kind == "image":
            _run(paragraph, child.content, style)


def _run(paragraph: Paragraph, text: str, style: _Style) -> None:
    if not text:
        return
    run = paragraph.add_run(text)
    run.bold = style.bold or None
    run.italic = style.italic or None
    if style.strike:
        run.font.strike = True
    if style.code:
        run.font.name = "Courier New"


def _footnote_reference(paragraph: Paragraph, word_id: int) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    rpr = run._r.get_or_add_rPr()
    align = OxmlElement("w:vertAlign")
    align.set(qn("w:val"), "superscript")
    rpr.append(align)
    ref = OxmlElement("w:footnoteReference")
    ref.set(qn("w:id"), str(word_id))
    run._r.append(ref)


# -- footnotes ---------------------------------------------------------------------------------


def _collect_footnotes(tokens: list[Token], start: int, state: _State) -> None:
    """Each footnote's paragraphs (their inline tokens), by markdown footnote id."""
    current: int | None = None
    for token in tokens[start:]:
        if token.type == "footnote_open":
            current = int(token.meta["id"])
            state.footnote_paragraphs[current] = []
        elif token.type == "footnote_close":
            current = None
        elif token.type == "inline" and current is not None:
            state.footnote_paragraphs[current].append([c for c in token.children or []
                                                       if c.type != "footnote_anchor"])
        elif token.type == "footnote_block_close":
            break


def _write_footnotes(document: DocxDocument, bodies: dict[int, list[list[Token]]], word_ids: dict[int, int],
                     language: str) -> None:
    """word/footnotes.xml with one w:footnote per referenced note, related to the document part."""
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import XmlPart
    from docx.oxml import OxmlElement, parse_xml
    from docx.oxml.ns import qn

    root = parse_xml(_FOOTNOTES_XML)
    for markdown_id, word_id in sorted(word_ids.items(), key=lambda kv: kv[1]):
        note = OxmlElement("w:footnote")
        note.set(qn("w:id"), str(word_id))
        for index, children in enumerate(bodies.get(markdown_id, [[]])):
            p = OxmlElement("w:p")
            ppr = OxmlElement("w:pPr")
            spacing = OxmlElement("w:spacing")
            spacing.set(qn("w:after"), "0")
            ppr.append(spacing)
            p.append(ppr)
            if index == 0:
                ref = _footnote_run(size=True, superscript=True)
                ref.append(OxmlElement("w:footnoteRef"))
                p.append(ref)
                space = _footnote_run(size=True)
                space.append(_text_element(" "))
                p.append(space)
            text = "".join(c.content for c in children if c.type in ("text", "code_inline")) or ""
            if text:
                run = _footnote_run(size=True)
                run.append(_text_element(text))
                p.append(run)
            note.append(p)
        root.append(note)
    part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, root, document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)
    _footnote_properties(document)
    del language


def _footnote_properties(document: DocxDocument) -> None:
    """settings.xml names the separator footnotes, as Word writes it (w:footnotePr before w:compat)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    settings = document.settings.element
    if settings.find(qn("w:footnotePr")) is not None:
        return
    properties = OxmlElement("w:footnotePr")
    for number in ("-1", "0"):
        ref = OxmlElement("w:footnote")
        ref.set(qn("w:id"), number)
        properties.append(ref)
    later = ("w:endnotePr", "w:compat", "w:docVars", "w:rsids", "m:mathPr", "w:attachedSchema", "w:themeFontLang",
             "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures", "w:forceUpgrade",
             "w:captions", "w:readModeInkLockDown", "w:smartTagType", "w:schemaLibrary", "w:shapeDefaults",
             "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator")
    anchor = next((child for child in settings if child.tag in {qn(t) for t in later}), None)
    if anchor is not None:
        anchor.addprevious(properties)
    else:
        settings.append(properties)


def _footnote_run(size: bool = False, superscript: bool = False) -> Any:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    if superscript:
        align = OxmlElement("w:vertAlign")
        align.set(qn("w:val"), "superscript")
        rpr.append(align)
    if size:
        sz = OxmlElement("w:sz")
        sz.set(qn("w:val"), str(int(FOOTNOTE_POINTS * 2)))
        rpr.append(sz)
    run.append(rpr)
    return run


def _text_element(text: str) -> Any:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    return t


def read_footnotes(data: bytes) -> dict[int, str]:
    """The footnotes of a .docx (id -> text), read back with python-docx's package reader: what a
    test (or a person checking an export) sees Word has."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    document = docx.Document(io.BytesIO(data))
    try:
        part = document.part.part_related_by(RT.FOOTNOTES)
    except KeyError:
        return {}
    root = parse_xml(part.blob)
    out: dict[int, str] = {}
    for note in root.iter(qn("w:footnote")):
        number = int(note.get(qn("w:id")))
        if number > 0:
            out[number] = "".join(t.text or "" for t in note.iter(qn("w:t"))).strip()
    return out
