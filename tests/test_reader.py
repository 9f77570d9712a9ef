"""Reading documents: encodings detected without asking, .docx, .pdf, and one-line errors."""

from __future__ import annotations

import random
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest

from debateprep.domain.errors import InputError
from debateprep.domain.roster import Roster
from debateprep.importers.concept_note import import_concept_note
from debateprep.importers.reader import MAX_DOCX_UNCOMPRESSED, MAX_FILE_BYTES, read_document
from debateprep.importers.statements import statement_from_file
from tests.support.pdfgen import Footnote, render_pdf

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "concept_notes" / "concept-note_S-2014-74_poc_lithuania.zh.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "notes"


def _seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "encoding, expected",
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16"),  # with BOM
        ("utf-16-le", "utf-16-le"),  # without BOM
        ("gb18030", "gb18030"),
        ("gbk", "gb18030"),  # GBK is a subset: read as GB18030
    ],
)
def test_text_encodings_are_detected(tmp_path: Path, encoding: str, expected: str) -> None:
    path = tmp_path / "note.txt"
    path.write_bytes(_seed_text().encode(encoding))
    doc = read_document(path)
    assert doc.kind == "text" and doc.encoding == expected
    assert doc.original == _seed_text()
    assert "安全理事会第一份维和专题决议" in doc.text


def test_gb18030_fixture_and_markdown(tmp_path: Path) -> None:
    doc = read_document(FIXTURES / "seed_note.gb18030.txt")
    assert doc.encoding == "gb18030" and doc.original == _seed_text()
    md = tmp_path / "note.md"
    md.write_text("# Concept note\n\nGuiding questions:\n\n- How?\n", encoding="utf-8")
    doc = read_document(md)
    # Markdown's marks are no part of the text; the original keeps them
    assert doc.text == "Concept note\n\nGuiding questions:\n\n- How?" and doc.original.startswith("# Concept note")


def test_docx_pasted_from_pdf_keeps_bullets_and_joins_split_words() -> None:
    doc = read_document(FIXTURES / "seed_note.docx")
    assert doc.kind == "docx" and doc.encoding is None
    assert "\n- 进一步推动各方" in doc.original  # Word bullets come out as "- "
    assert "安全理事会第一份维和专题决议" in doc.text
    assert "安\n\n全理事会" in doc.original  # two Word paragraphs


def test_docx_tables_are_read_row_by_row(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Briefers")
    table = document.add_table(rows=2, cols=2)
    for r, row in enumerate([("Valerie Amos", "OCHA"), ("Representative", "ICRC")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("Outcome: none.")
    path = tmp_path / "table.docx"
    document.save(str(path))
    doc = read_document(path)
    assert doc.text == "Briefers\n\nValerie Amos | OCHA\n\nRepresentative | ICRC\n\nOutcome: none."


def test_pdf_with_text_layer_loses_its_page_furniture() -> None:
    doc = read_document(FIXTURES / "seed_note.pdf")
    assert doc.kind == "pdf"
    assert doc.furniture.count("S/2014/74") == 4  # running header on each of the 4 pages
    assert "14-00000 (C) 4/4" in doc.furniture
    assert "14-00000" not in doc.text
    assert "在今后的战略和指导中如何更好地纳入部队警察派遣国在执行保护任务方面取得的经验和挑战" in doc.text


def _error(path: Path) -> str:
    with pytest.raises(InputError) as info:
        read_document(path)
    message = str(info.value)
    assert "\n" not in message and message.startswith(str(path))
    return message


def test_scanned_pdf_says_there_is_no_text_layer() -> None:
    assert "no text layer (scanned?)" in _error(FIXTURES / "scan.pdf")


def test_missing_directory_empty(tmp_path: Path) -> None:
    assert _error(tmp_path / "nope.txt").endswith("no such file")
    assert "directory" in _error(tmp_path)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert _error(empty).endswith("empty file")
    blank = tmp_path / "blank.txt"
    blank.write_text("  \n\n \n", encoding="utf-8")
    assert _error(blank).endswith("no text in the document")


def test_binary_and_misnamed_files(tmp_path: Path) -> None:
    png = tmp_path / "picture.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    assert _error(png).endswith("not a text document (looks like PNG)")
    fake_pdf = tmp_path / "note.pdf"
    fake_pdf.write_text("this is not a pdf", encoding="utf-8")
    assert "not a PDF" in _error(fake_pdf)
    fake_docx = tmp_path / "note.docx"
    fake_docx.write_text("plain text", encoding="utf-8")
    assert "not a .docx" in _error(fake_docx)
    zip_not_word = tmp_path / "archive.docx"
    with zipfile.ZipFile(zip_not_word, "w") as zf:
        zf.writestr("hello.txt", "hi")
    assert "not a Word document" in _error(zip_not_word)


def test_unsupported_types(tmp_path: Path) -> None:
    old_word = tmp_path / "note.doc"
    old_word.write_bytes(b"\xd0\xcf\x11\xe0 old word")
    assert _error(old_word).endswith("unsupported file type .doc (save it as .docx)")
    other = tmp_path / "data.xlsx"
    other.write_bytes(b"PK\x03\x04")
    assert "unsupported file type .xlsx" in _error(other)


def test_absurdly_large_file(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk used
    assert "too large" in _error(big) and "the limit is 20 MB" in _error(big)


def test_docx_zip_bomb_is_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", "<w:document/>")
        with zf.open("word/media/padding.bin", "w") as fh:
            chunk = b"\0" * (1 << 20)
            for _ in range(MAX_DOCX_UNCOMPRESSED // len(chunk) + 1):
                fh.write(chunk)
    assert bomb.stat().st_size < MAX_FILE_BYTES
    assert "refused" in _error(bomb)


# -- content, not names (issue 17) -------------------------------------------------------------


def test_a_pdf_renamed_txt_or_without_extension_is_read_as_the_pdf_it_is(tmp_path: Path) -> None:
    """Decided: the content wins. A PDF named note.txt is still the user's note; reading it as
    PDF gives them what they meant, where refusing would only make them rename it."""
    pdf = (FIXTURES / "seed_note.pdf").read_bytes()
    for name in ("note.txt", "note"):
        path = tmp_path / name
        path.write_bytes(pdf)
        doc = read_document(path)
        assert doc.kind == "pdf" and "安全理事会第一份维和专题决议" in doc.text


def test_an_image_or_other_binary_is_refused_for_what_it_looks_like(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    for name in ("picture", "picture.txt", "picture.md"):
        path = tmp_path / name
        path.write_bytes(png)
        assert _error(path).endswith("not a text document (looks like PNG)")
    jpeg = tmp_path / "scan.txt"
    jpeg.write_bytes(b"\xff\xd8\xff\xe0" + bytes(200))
    assert _error(jpeg).endswith("not a text document (looks like JPEG)")
    old_word = tmp_path / "note"
    old_word.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    assert "looks like a Word 97-2003 .doc" in _error(old_word)


def test_tiny_random_binaries_are_refused(tmp_path: Path) -> None:
    rng = random.Random(11)
    path = tmp_path / "statement.txt"
    accepted = []
    tried = 0
    while tried < 300:
        data = rng.randbytes(rng.choice([2, 3, 5, 8, 13, 21, 34, 55, 89, 144]))
        try:
            data.decode("utf-8")
            continue  # valid UTF-8 is text, whatever it says
        except UnicodeDecodeError:
            tried += 1
        path.write_bytes(data)
        try:
            read_document(path)
            accepted.append(data)
        except InputError as exc:
            assert "\n" not in str(exc)
    assert accepted == []


def test_a_byte_flipped_docx_gives_one_line(tmp_path: Path) -> None:
    data = bytearray((FIXTURES / "seed_note.docx").read_bytes())
    at = data.find(b"PK\x01\x02")  # central directory: "version needed to extract"
    data[at + 6] = 0xFF
    path = tmp_path / "flipped.docx"
    path.write_bytes(bytes(data))
    assert "not a .docx file (damaged zip" in _error(path)


def test_pypdf_says_nothing_about_what_it_repairs(tmp_path: Path) -> None:
    """pypdf logs a font encoding it does not know at ERROR level, with the whole 256-name
    fallback encoding in the message: only our own line may reach the terminal."""
    path = tmp_path / "note.pdf"
    render_pdf([p for p in SEED.read_text(encoding="utf-8").split("\n") if p.strip()][:4] + [
        "Letter dated 2 March 2026 from the Permanent Representative of Ireland addressed to the Secretary-General"],
        path)
    data = path.read_bytes()
    assert b"/WinAnsiEncoding" in data
    path.write_bytes(data.replace(b"/WinAnsiEncoding", b"/WinAnsiEncodinX"))  # same length: offsets hold
    # a fresh interpreter, as the command line is: no test harness catching log records
    code = "import sys; from debateprep.importers.reader import read_document; print(len(read_document(sys.argv[1]).text))"
    run = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0 and run.stderr == "" and int(run.stdout) > 100


def test_footnote_markers_are_dropped_from_pdf_text_by_their_size(tmp_path: Path) -> None:
    """A superscript after "。" would otherwise run into the year after it ("。11999年")."""
    raw = SEED.read_text(encoding="utf-8")
    paras = [p for p in raw.split("\n") if p.strip()]
    path = tmp_path / "note.pdf"
    render_pdf(paras, path, footnotes=[Footnote("第15个年头。", "脚注。")])
    doc = read_document(path)
    assert "第15个年头。1999年" in doc.text and "。11999" not in doc.text
    assert doc.footnotes == ("1 脚注。",)


def test_what_cannot_be_a_concept_note_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    big = tmp_path / "resolutions.txt"
    big.write_text(SEED.read_text(encoding="utf-8") * 200, encoding="utf-8")  # ~2 MB of text
    with pytest.raises(InputError) as info:
        import_concept_note(big)
    message = str(info.value)
    assert "\n" not in message and message.startswith(str(big))
    assert "too long for a concept note" in message


def test_the_file_limits_hold_for_statements_too(tmp_path: Path) -> None:
    big = tmp_path / "statement.txt"
    with big.open("wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(InputError) as info:
        statement_from_file(big, Roster.load())
    assert "too large" in str(info.value)
    png = tmp_path / "statement"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))
    with pytest.raises(InputError) as info:
        statement_from_file(png, Roster.load())
    assert str(info.value).endswith("not a text document (looks like PNG)")
