"""The one markdown -> Word converter, read back with python-docx: structure, footnotes, page numbers."""

from __future__ import annotations

import io
import zipfile

import docx
from docx.oxml.ns import qn

from debateprep.exporters.docx import markdown_to_docx, read_footnotes
from debateprep.exporters.markdown import Document, emph, strong

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _sample() -> str:
    doc = Document()
    doc.heading("Title [draft]", 1)
    doc.heading("Part", 2)
    first = doc.footnote("S/RES/2594 (2021), OP 4")
    doc.paragraph("Agreed text", first, " and ", strong("bold"), " then ", emph("italic"), ".")
    second = doc.footnote("S/PRST/2014/3")
    doc.paragraph("中文段落", second)
    doc.bullets(["one", "two <script>"])
    doc.numbered(["first", "second"])
    doc.table(["#", "Delegation"], [["1", "China"], ["2", "中国"]])
    doc.quote("quoted\n\nsecond quoted")
    doc.rule()
    text: str = doc.to_markdown()
    return text


def test_structure_survives_the_conversion() -> None:
    data = markdown_to_docx(_sample(), language="en", header="A header", right_aligned=("second",))
    document = docx.Document(io.BytesIO(data))
    styled = [(p.style.name if p.style is not None else "", p.text) for p in document.paragraphs]
    assert styled[:4] == [("Heading 1", "Title [draft]"), ("Heading 2", "Part"),
                          ("Normal", "Agreed text and bold then italic."), ("Normal", "中文段落")]
    assert ("List Bullet", "two <script>") in styled and ("List Number", "first") in styled
    assert ("Quote", "second quoted") in styled
    bold = [r.text for p in document.paragraphs for r in p.runs if r.bold]
    assert bold == ["bold"]
    table = document.tables[0]
    assert [[c.text for c in row.cells] for row in table.rows] == [["#", "Delegation"], ["1", "China"], ["2", "中国"]]
    assert document.paragraphs[[t for _s, t in styled].index("second")].alignment == 2  # right
    assert document.sections[0].header.paragraphs[0].text == "A header"


def test_real_word_footnotes_and_a_page_field() -> None:
    data = markdown_to_docx(_sample(), language="zh", header="标题")
    assert read_footnotes(data) == {1: "S/RES/2594 (2021), OP 4", 2: "S/PRST/2014/3"}
    document = docx.Document(io.BytesIO(data))
    refs = [r.get(qn("w:id")) for r in document.element.body.iter(qn("w:footnoteReference"))]
    assert refs == ["1", "2"]
    footer = document.sections[0].footer.paragraphs[0]._p
    assert [i.text for i in footer.iter(qn("w:instrText"))] == [" PAGE "]
    assert [f.get(qn("w:fldCharType")) for f in footer.iter(qn("w:fldChar"))] == ["begin", "separate", "end"]
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        types = package.read("[Content_Types].xml").decode()
        settings = package.read("word/settings.xml").decode()
        notes = package.read("word/footnotes.xml").decode()
    assert 'PartName="/word/footnotes.xml"' in types and "footnotes+xml" in types
    assert settings.index("<w:footnotePr>") < settings.index("<w:compat")
    assert 'w:type="separator"' in notes and 'w:type="continuationSeparator"' in notes
    east_asian = document.styles["Normal"].element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia"))
    assert east_asian == "SimSun"


def test_no_footnotes_no_footnotes_part_and_large_type() -> None:
    doc = Document()
    doc.paragraph("Plain.")
    data = markdown_to_docx(doc.to_markdown(), base_points=16)
    assert read_footnotes(data) == {}
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert "word/footnotes.xml" not in package.namelist()
    normal = docx.Document(io.BytesIO(data)).styles["Normal"]
    assert normal.font.size.pt == 16 and normal.paragraph_format.line_spacing == 1.5
