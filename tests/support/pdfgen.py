"""Render a concept note as the UN prints it, with page breaks where a test wants them.

Three renderings of the same paragraphs, each with UN page furniture:

- `render_pdf`: a paged PDF (reportlab; Chinese in the built-in CID font STSong-Light, so no font
  file is needed). Every page has the running symbol at the top; the foot of the page has the job
  number and the page counter ("14-22222  2/4"), page 1 the job number with its language letter
  ("14-22222 (C)") and the barcode line ("*1422222*"). Footnote markers are superscripts in a
  smaller font, their texts sit at the bottom of the page where the marker falls, above the footer.
- `render_wrapped_text`: the same pages as text copied out of a PDF viewer: hard-wrapped lines
  (the PDF's own line breaks), the furniture lines in between, footnote markers inline.
- `render_docx`: one Word paragraph per note paragraph (bullets in the List Bullet style), the
  symbol in the page header and the job number in the footer; a page break inside a paragraph
  splits it into two Word paragraphs, as text pasted from a PDF does.

Lines are wrapped by measured width: Chinese anywhere (with the usual rule that a line never
starts with "，。；" and the like), English at spaces. `layout` returns the wrapped lines, so a
test can put a page break before any of them (`breaks`: indexes into that list).

A blank line inside a paragraph ("\n\n" in its text, see `blank_line_at`) is printed as a text
file with one is printed: the lines before it end where the text breaks, an empty line follows
(a vertical gap in the PDF, an empty paragraph in the .docx), and the rest of the paragraph is
wrapped again from the margin, without indent or bullet.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

PAGE_W, PAGE_H = 595.0, 842.0  # A4, points
LEFT, RIGHT, TOP, BOTTOM = 72.0, 72.0, 72.0, 72.0
# UN documents set their body text in 10-point Times (headings bold, footnotes 8.5 point).
BODY_SIZE, NOTE_SIZE, MARK_SIZE = 10.0, 8.5, 6.0
LEADING, NOTE_LEADING = 12.0, 10.0
LINES_PER_PAGE = 52
TEXT_W = PAGE_W - LEFT - RIGHT
BULLET_INDENT = 18.0
CJK_FONT = "STSong-Light"
NO_LINE_START = "，。、；：！？）》」』】”’…"
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’…—·]")


@dataclass(frozen=True)
class Line:
    text: str
    para: int  # index of its paragraph
    first: bool  # the paragraph's first line
    bullet: bool  # the paragraph is a list item (drawn with "•" and a hanging indent)
    heading: bool
    gap: bool = False  # a blank line inside the paragraph comes before this line


@dataclass(frozen=True)
class Furniture:
    """The furniture the UN's document system prints on each page."""

    symbol: str = "S/2014/74"
    job: str = "14-22222"
    language_letter: str = "C"

    @property
    def barcode(self) -> str:
        return "*" + self.job.replace("-", "") + "*"


@dataclass(frozen=True)
class Footnote:
    anchor: str  # text in a paragraph after which the marker is printed
    text: str  # the footnote's text (without its number)


@dataclass
class _Page:
    lines: list[Line] = field(default_factory=list)
    notes: list[tuple[int, str]] = field(default_factory=list)  # (number, text)


# Latin text: DejaVu Serif where Debian's fonts-dejavu-core is installed (it has the letters of
# names such as "Rūta Ozoliņa"), else the PDF base font Times (Latin-1 only: see `can_render`).
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
ROMAN, BOLD = "Times-Roman", "Times-Bold"


def _fonts() -> None:
    global ROMAN, BOLD
    from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]  # reportlab ships no type hints
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # type: ignore[import-untyped]  # reportlab ships no type hints
    from reportlab.pdfbase.ttfonts import TTFont  # type: ignore[import-untyped]  # reportlab ships no type hints

    if CJK_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))
        if (DEJAVU / "DejaVuSerif.ttf").is_file() and (DEJAVU / "DejaVuSerif-Bold.ttf").is_file():
            pdfmetrics.registerFont(TTFont("DejaVuSerif", str(DEJAVU / "DejaVuSerif.ttf")))
            pdfmetrics.registerFont(TTFont("DejaVuSerif-Bold", str(DEJAVU / "DejaVuSerif-Bold.ttf")))
            ROMAN, BOLD = "DejaVuSerif", "DejaVuSerif-Bold"


def can_render(paragraphs: Sequence[str]) -> bool:
    """Every character has a glyph in the fonts at hand (Times has Latin-1 and a few more)."""
    _fonts()
    if ROMAN != "Times-Roman" or is_chinese(paragraphs):
        return True
    return all(ord(ch) < 0x100 or ch in "“”‘’–—•…" for p in paragraphs for ch in p)


def _width(text: str, font: str, size: float) -> float:
    from reportlab.pdfbase import pdfmetrics

    return float(pdfmetrics.stringWidth(text, font, size))


def is_chinese(paragraphs: Sequence[str]) -> bool:
    text = "".join(paragraphs)
    return sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff") * 3 >= sum(1 for ch in text if ch.isascii() and ch.isalpha())


def _is_bullet(p: str) -> bool:
    return p.startswith(("- ", "• ", "-\u3000"))


def _is_heading(p: str) -> bool:
    return len(p) < 90 and not _is_bullet(p) and p[-1] not in ".。;；:：?？!！,，”\"" and not p[0].islower()


def _body(p: str) -> str:
    return p[2:].strip() if _is_bullet(p) else p


def blank_line_at(paragraphs: Sequence[str], lines: Sequence[Line], k: int, *, middle: bool) -> list[str] | None:
    """The paragraphs with a blank line put into the text of wrapped line `k` (`layout`'s list):
    before it (`middle` False: the line before it stays full), or inside it (`middle` True: in
    Chinese between the middle two characters, in English before the lower-case word nearest
    its middle), so that the line before the blank line is short. None when line `k` has no
    such place (an English line with no lower-case word after its first)."""
    line = lines[k]
    p = paragraphs[line.para]
    body = _body(p)
    start = 0
    for other in lines[:k]:  # where line k stands in its paragraph's text
        if other.para == line.para:
            start = body.index(other.text, start) + len(other.text)
    at = body.index(line.text, start)
    if middle:
        chinese = bool(_CJK.search(line.text))
        if chinese:
            cut = len(line.text) // 2
        else:
            spaces = [m.start() for m in re.finditer(r" (?=[a-z])", line.text)]
            if not spaces:
                return None
            cut = min(spaces, key=lambda s: abs(s - len(line.text) // 2))
        at += cut
    offset = len(p) - len(body)
    head, tail = p[:offset + at].rstrip(), p[offset + at:].lstrip()
    if not head[offset:].strip() or not tail:
        return None  # before the paragraph's first line: a blank line there is only a paragraph break
    out = list(paragraphs)
    out[line.para] = head + "\n\n" + tail
    return out


def _wrap(text: str, width: float, font: str, size: float, chinese: bool) -> list[str]:
    """Break `text` into lines no wider than `width`."""
    lines: list[str] = []
    if chinese:  # anywhere between ideographs; a run of Latin letters or digits stays whole
        line = ""
        for unit in re.findall(r"[!-~]+|.", text):
            if line and _width(line + unit, font, size) > width:
                if unit[0] in NO_LINE_START:  # kinsoku: pull the last character down with it
                    lines.append(line[:-1])
                    line = line[-1]
                else:
                    lines.append(line)
                    line = ""
            line += unit
        if line:
            lines.append(line)
        return [ln.strip() for ln in lines if ln.strip()]
    words = text.split(" ")
    line = ""
    for w in words:
        candidate = f"{line} {w}" if line else w
        if line and _width(candidate, font, size) > width:
            lines.append(line)
            line = w
        else:
            line = candidate
    if line:
        lines.append(line)
    return lines


def layout(paragraphs: Sequence[str], chinese: bool | None = None) -> list[Line]:
    """The wrapped lines of the note, in order (page breaks go before any of them)."""
    _fonts()
    chinese = is_chinese(paragraphs) if chinese is None else chinese
    out: list[Line] = []
    for i, p in enumerate(paragraphs):
        first_piece, *rest = p.split("\n\n")
        bullet, heading = _is_bullet(first_piece), _is_heading(p.replace("\n\n", ""))
        font = CJK_FONT if chinese else (BOLD if heading else ROMAN)
        width = TEXT_W - (BULLET_INDENT if bullet else 0) - (2 * BODY_SIZE if chinese and not (bullet or heading) else 0)
        for k, text in enumerate(_wrap(_body(first_piece), width, font, BODY_SIZE, chinese)):
            out.append(Line(text, i, k == 0, bullet, heading))
        for piece in rest:  # after a blank line: wrapped again from the margin
            for k, text in enumerate(_wrap(piece.strip(), TEXT_W, font, BODY_SIZE, chinese)):
                out.append(Line(text, i, False, False, heading, gap=k == 0))
    return out


def _markers(lines: list[Line], footnotes: Sequence[Footnote]) -> dict[int, list[tuple[int, int]]]:
    """line index -> [(offset in the line, footnote number)]: each marker follows its anchor's end."""
    by_para: dict[int, list[int]] = {}
    for i, ln in enumerate(lines):
        by_para.setdefault(ln.para, []).append(i)
    found: list[tuple[int, int]] = []  # (line index, offset)
    for note in footnotes:
        for para, idx in by_para.items():
            sep = "" if _CJK.search(lines[idx[0]].text) else " "
            joined = sep.join(lines[i].text for i in idx)
            at = joined.find(note.anchor)
            if at < 0:
                continue
            end, start = at + len(note.anchor), 0
            for i in idx:
                if start < end <= start + len(lines[i].text):
                    found.append((i, end - start))
                    break
                start += len(lines[i].text) + len(sep)
            break
    out: dict[int, list[tuple[int, int]]] = {}
    for number, (i, offset) in enumerate(sorted(found), start=1):
        out.setdefault(i, []).append((offset, number))
    return out


def _pieces(line: Line, marks: list[tuple[int, int]]) -> list[tuple[str, str | None]]:
    """The line as (text, marker) pieces."""
    pieces: list[tuple[str, str | None]] = []
    last = 0
    for offset, number in sorted(marks):
        pieces.append((line.text[last:offset], str(number)))
        last = offset
    pieces.append((line.text[last:], None))
    return pieces


def _paginate(lines: list[Line], breaks: Iterable[int], marks: dict[int, list[tuple[int, int]]],
              footnotes: Sequence[Footnote], lines_per_page: int) -> list[_Page]:
    """Lines onto pages: a new page before each index in `breaks` and whenever a page is full
    (a page's footnotes take its room at the bottom)."""
    breaks = set(breaks)
    pages: list[_Page] = [_Page()]
    for i, line in enumerate(lines):
        page = pages[-1]
        room = lines_per_page - sum(1 + len(t) // 70 for _, t in page.notes)
        if page.lines and (i in breaks or len(page.lines) + sum(ln.gap for ln in page.lines) >= room):
            pages.append(_Page())
            page = pages[-1]
        page.lines.append(line)
        for _, number in marks.get(i, []):
            page.notes.append((number, footnotes[number - 1].text))
    return pages


def render_pdf(paragraphs: Sequence[str], path: Path, *, breaks: Iterable[int] = (), furniture: Furniture = Furniture(),
               footnotes: Sequence[Footnote] = (), lines_per_page: int = LINES_PER_PAGE) -> int:
    """Write the note as a paged PDF; returns the number of pages."""
    from reportlab.pdfgen import canvas  # type: ignore[import-untyped]  # reportlab ships no type hints

    chinese = is_chinese(paragraphs)
    lines = layout(paragraphs, chinese)
    marks = _markers(lines, footnotes)
    pages = _paginate(lines, breaks, marks, footnotes, lines_per_page)
    index = {id(ln): i for i, ln in enumerate(lines)}
    body_font = CJK_FONT if chinese else ROMAN
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    c.setTitle(furniture.symbol)
    for n, page in enumerate(pages, start=1):
        c.setFont("Times-Bold", 10)
        header_x = LEFT if n % 2 == 0 else PAGE_W - RIGHT - _width(furniture.symbol, "Times-Bold", 10)
        c.drawString(header_x, PAGE_H - TOP + 24, furniture.symbol)
        y = PAGE_H - TOP
        for line in page.lines:
            if line.gap and line is not page.lines[0]:
                y -= LEADING  # the blank line: one line's height left empty
            font = CJK_FONT if chinese else (BOLD if line.heading else ROMAN)
            x = LEFT
            if line.bullet:
                x += BULLET_INDENT
                if line.first:
                    c.setFont(body_font, BODY_SIZE)
                    c.drawString(LEFT + 4, y, "•")
            elif chinese and line.first and not line.heading:
                x += 2 * BODY_SIZE
            text = c.beginText(x, y)
            for piece, marker in _pieces(line, marks.get(index[id(line)], [])):
                text.setFont(font, BODY_SIZE)
                text.textOut(piece)
                if marker:
                    text.setFont(font, MARK_SIZE)
                    text.setRise(5)
                    text.textOut(marker)
                    text.setRise(0)
            c.drawText(text)
            y -= LEADING
        # footnotes, drawn top down in reading order, their last line just above the footer
        blocks = [(number, _wrap(note, TEXT_W - 18, body_font, NOTE_SIZE, chinese)) for number, note in page.notes]
        y = BOTTOM + 18 + NOTE_LEADING * (sum(len(w) for _, w in blocks) - 1)
        top = y + NOTE_LEADING
        for number, wrapped in blocks:
            for k, part in enumerate(wrapped):
                text = c.beginText(LEFT + 4 if k == 0 else LEFT + 18, y)
                if k == 0:  # the footnote's number, raised, then its first line
                    text.setFont(body_font, MARK_SIZE)
                    text.setRise(3)
                    text.textOut(f"{number} ")
                    text.setRise(0)
                text.setFont(body_font, NOTE_SIZE)
                text.textOut(part)
                c.drawText(text)
                y -= NOTE_LEADING
        y = top
        if page.notes:
            c.line(LEFT, y + 2, LEFT + 120, y + 2)  # the footnote separator is a drawn rule
        c.setFont("Times-Roman", 9)
        if n == 1:
            c.drawString(LEFT, BOTTOM - 20, f"{furniture.job} ({furniture.language_letter})")
            c.setFont("Courier", 10)
            c.drawString(LEFT, BOTTOM - 34, furniture.barcode)
        else:
            c.drawString(LEFT if n % 2 == 0 else PAGE_W - RIGHT - 40, BOTTOM - 20, furniture.job)
            c.drawString(PAGE_W - RIGHT - 20 if n % 2 == 0 else LEFT, BOTTOM - 20, f"{n}/{len(pages)}")
        c.showPage()
    c.save()
    return len(pages)


def render_wrapped_text(paragraphs: Sequence[str], *, breaks: Iterable[int] = (), furniture: Furniture = Furniture(),
                        footnotes: Sequence[Footnote] = (), lines_per_page: int = LINES_PER_PAGE) -> str:
    """The PDF's pages as text copied out of a viewer: its hard-wrapped lines, furniture lines in
    between, footnote markers inline ("statements:1")."""
    chinese = is_chinese(paragraphs)
    lines = layout(paragraphs, chinese)
    marks = _markers(lines, footnotes)
    pages = _paginate(lines, breaks, marks, footnotes, lines_per_page)
    index = {id(ln): i for i, ln in enumerate(lines)}
    out: list[str] = []
    for n, page in enumerate(pages, start=1):
        out.append(furniture.symbol)
        for line in page.lines:
            if line.gap and line is not page.lines[0]:
                out.append("")
            text = "".join(piece + (marker or "") for piece, marker in _pieces(line, marks.get(index[id(line)], [])))
            out.append(("• " if line.bullet and line.first else "") + text)
        for number, note in page.notes:
            for k, part in enumerate(_wrap(note, TEXT_W - 18, CJK_FONT if chinese else ROMAN, NOTE_SIZE, chinese)):
                out.append(f"{number} {part}" if k == 0 else part)
        if n == 1:
            out += [f"{furniture.job} ({furniture.language_letter})", furniture.barcode]
        else:
            out.append(f"{furniture.job} {n}/{len(pages)}" if n % 2 else f"{n}/{len(pages)} {furniture.job}")
    return "\n".join(out) + "\n"


def render_docx(paragraphs: Sequence[str], path: Path, *, breaks: Iterable[int] = (), furniture: Furniture = Furniture(),
                footnotes: Sequence[Footnote] = ()) -> None:
    """Write the note as a .docx: the symbol in the page header, the job number in the footer, and
    a manual page break (Ctrl+Enter in Word: a page-break run) before each wrapped line in `breaks`,
    inside its paragraph when the line is not the paragraph's first. `footnotes` are Word
    footnotes (a footnotes part, a raised reference after each anchor), numbered in order."""
    import docx
    from docx.enum.text import WD_BREAK
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    chinese = is_chinese(paragraphs)
    lines = layout(paragraphs, chinese)
    breaks = set(breaks)
    document = docx.Document()
    style = document.styles["Normal"]
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "SimSun")
    section = document.sections[0]
    section.header.paragraphs[0].text = furniture.symbol
    section.footer.paragraphs[0].text = f"{furniture.job} ({furniture.language_letter})"
    sep = "" if chinese else " "
    by_para: dict[int, list[int]] = {}
    for i, ln in enumerate(lines):
        by_para.setdefault(ln.para, []).append(i)
    # the footnotes, in document order: (paragraph, offset in its text) of each reference
    refs: dict[int, list[tuple[int, int]]] = {}
    for number, note in enumerate(footnotes, start=1):
        for p_index in by_para:
            body = sep.join(lines[i].text for i in by_para[p_index])
            at = body.find(note.anchor)
            if at >= 0:
                refs.setdefault(p_index, []).append((at + len(note.anchor), number))
                break
    for p_index, p in enumerate(paragraphs):
        para = document.add_paragraph(style="List Bullet" if _is_bullet(p) else None)
        chunks: list[list[str]] = [[]]
        starts: list[tuple[bool, bool]] = [(False, False)]  # each chunk: after a page break, after a blank line
        for i in by_para.get(p_index, []):
            if i in breaks or lines[i].gap:
                chunks.append([])
                starts.append((i in breaks, lines[i].gap))
            chunks[-1].append(lines[i].text)
        offset = 0
        pending = sorted(refs.get(p_index, []))
        for k, chunk in enumerate(chunks):
            page_break, blank = starts[k]
            if page_break:
                para.add_run().add_break(WD_BREAK.PAGE)
            if blank:  # a new Word paragraph, an empty one between
                document.add_paragraph("")
                para = document.add_paragraph()
            if not chunk:
                continue
            text = sep.join(chunk) + (sep if k < len(chunks) - 1 else "")  # the space before a break stays before it
            last = 0
            while pending and pending[0][0] <= offset + len(text):
                at, number = pending.pop(0)
                para.add_run(text[last:at - offset])
                ref = para.add_run()
                ref.font.superscript = True
                ref._r.append(parse_xml(f'<w:footnoteReference xmlns:w="{_W_NS}" w:id="{number}"/>'))
                last = at - offset
            para.add_run(text[last:])
            offset += len(text)
    if footnotes:
        notes = "".join(
            f'<w:footnote w:id="{n}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:t xml:space="preserve"> {_xml_escape(note.text)}</w:t></w:r></w:p></w:footnote>'
            for n, note in enumerate(footnotes, start=1)
        )
        blob = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{_W_NS}">'
                '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
                f'</w:footnote>{notes}</w:footnotes>').encode("utf-8")
        part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, blob, document.part.package)
        document.part.relate_to(part, RT.FOOTNOTES)
    document.save(str(path))


_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
