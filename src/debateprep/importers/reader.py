"""Read a document the user hands us: .txt/.md (any common encoding), .docx, .pdf.

`read_document(path)` returns the raw extracted text (`original`) and its normalised form
(`text`, see `debateprep.domain.text.normalise`). Every problem is an `InputError` whose message
is one line naming the file: missing, a directory, empty, too large, binary, an unsupported
type, a damaged or encrypted file, a PDF without a text layer.
"""

from __future__ import annotations

import codecs
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from debateprep.domain.errors import InputError
from debateprep.domain.text import normalise

if TYPE_CHECKING:
    from docx.text.paragraph import Paragraph as DocxParagraph

Kind = Literal["text", "docx", "pdf"]

MAX_FILE_BYTES = 20 * 1024 * 1024  # no concept note, resolution or statement comes near this
MAX_DOCX_UNCOMPRESSED = 100 * 1024 * 1024  # total size of a .docx's parts once unzipped (zip bombs)
MAX_DOCX_RATIO = 200  # a part compressed more than this is a bomb, not a document
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
SUFFIXES = {**{s: "text" for s in TEXT_SUFFIXES}, ".docx": "docx", ".pdf": "pdf"}
_HINTS = {".doc": "save it as .docx", ".rtf": "save it as .docx", ".odt": "save it as .docx", ".pages": "export it as .docx"}


@dataclass(frozen=True)
class ReadDocument:
    path: Path
    kind: Kind
    encoding: str | None  # the text encoding detected (text files only)
    original: str  # the text as extracted, line breaks normalised to "\n"
    text: str  # normalised: a paragraph per line, blank line between paragraphs
    furniture: tuple[str, ...] = ()  # page furniture dropped from `text` (running headers …)


def read_document(path: str | Path) -> ReadDocument:
    """Read and normalise one document; InputError (one line) if it cannot be used."""
    p = Path(path)
    kind = _check_file(p)
    data = p.read_bytes()
    encoding: str | None = None
    if kind == "text":
        original, encoding = decode_text(data, p)
    elif kind == "docx":
        original = _read_docx(p)
    else:
        original = _read_pdf(p)
    original = original.replace("\r\n", "\n").replace("\r", "\n")
    if not original.strip():
        raise InputError(p, "no text in the document")
    normalised = normalise(original)
    return ReadDocument(p, kind, encoding, original, normalised.text, normalised.furniture)


def _check_file(p: Path) -> Kind:
    if not p.exists():
        raise InputError(p, "no such file")
    if p.is_dir():
        raise InputError(p, "is a directory, not a file")
    size = p.stat().st_size
    if size == 0:
        raise InputError(p, "empty file")
    if size > MAX_FILE_BYTES:
        raise InputError(p, f"too large ({size / 1048576:.1f} MB; the limit is {MAX_FILE_BYTES // 1048576} MB)")
    suffix = p.suffix.lower()
    with p.open("rb") as fh:
        head = fh.read(8)
    if suffix in SUFFIXES:
        kind: Kind = SUFFIXES[suffix]  # type: ignore[assignment]
        if kind == "pdf" and not head.startswith(b"%PDF"):
            raise InputError(p, "not a PDF file (damaged, or another type renamed .pdf)")
        if kind == "docx" and not head.startswith(b"PK"):
            raise InputError(p, "not a .docx file (damaged, or another type renamed .docx)")
        return kind
    if suffix in _HINTS:
        raise InputError(p, f"unsupported file type {suffix} ({_HINTS[suffix]})")
    if suffix == "":  # no extension: trust the content
        if head.startswith(b"%PDF"):
            return "pdf"
        if head.startswith(b"PK"):
            return "docx"
        return "text"
    raise InputError(p, f"unsupported file type {suffix} (use .txt, .md, .docx or .pdf)")


# -- text -------------------------------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# charset-normalizer names the Chinese encodings variously; GB18030 decodes all of them.
_CHINESE = {"gb2312", "gbk", "cp936", "gb18030", "hz", "euc_cn", "iso2022_cn"}


def decode_text(data: bytes, path: Path | None = None) -> tuple[str, str]:
    """(text, encoding) of a text file: BOM, then UTF-8, UTF-16 without BOM, then detection
    (GB18030/GBK, Big5, Windows code pages …). InputError for binary content."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode(data, encoding, path), encoding
    try:
        return _checked(data.decode("utf-8"), path), "utf-8"
    except UnicodeDecodeError:
        pass
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _decode(data, utf16, path), utf16
    if b"\x00" in data:
        raise InputError(path, "binary file, not text")
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(path, "binary file, or a text encoding that cannot be recognised")
    encoding = "gb18030" if best.encoding.lower().replace("-", "_") in _CHINESE else best.encoding
    return _decode(data, encoding, path), encoding


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: zero bytes appear, and one byte order decodes to readable text."""
    if len(data) % 2 or b"\x00" not in data:
        return None
    best, best_score = None, 0.0
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            sample = data[:20000].decode(encoding, errors="strict")
        except UnicodeDecodeError:
            continue
        readable = sum(1 for ch in sample if ch.isprintable() or ch in "\n\r\t" )
        cjk_or_ascii = sum(1 for ch in sample if ch.isascii() or "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef")
        score = min(readable, cjk_or_ascii) / max(1, len(sample))
        if score > best_score:
            best, best_score = encoding, score
    return best if best_score > 0.95 else None


def _decode(data: bytes, encoding: str, path: Path | None) -> str:
    try:
        return _checked(data.decode(encoding), path)
    except (UnicodeDecodeError, LookupError):
        raise InputError(path, f"cannot be decoded as {encoding}") from None


def _checked(text: str, path: Path | None) -> str:
    """Refuse text that is mostly control characters (a binary file that happened to decode)."""
    sample = text[:20000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    if "\x00" in sample or controls > max(8, len(sample) * 0.01):
        raise InputError(path, "binary file, not text")
    return text.lstrip("\ufeff")


# -- .docx ------------------------------------------------------------------------------------


def _read_docx(p: Path) -> str:
    try:
        with zipfile.ZipFile(p) as zf:
            infos = zf.infolist()
            total = sum(i.file_size for i in infos)
            if total > MAX_DOCX_UNCOMPRESSED:
                raise InputError(p, f"unpacks to {total / 1048576:.0f} MB (the limit is "
                                    f"{MAX_DOCX_UNCOMPRESSED // 1048576} MB): refused")
            for i in infos:
                if i.compress_size and i.file_size / i.compress_size > MAX_DOCX_RATIO and i.file_size > 1048576:
                    raise InputError(p, f"part {i.filename} is compressed {i.file_size // i.compress_size}:1 "
                                        "(a zip bomb, not a document): refused")
            if "word/document.xml" not in zf.namelist():
                raise InputError(p, "not a Word document (no word/document.xml inside)")
    except zipfile.BadZipFile:
        raise InputError(p, "not a .docx file (damaged zip)") from None
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(p))
    except Exception as exc:  # python-docx raises many kinds on a damaged package
        raise InputError(p, f"cannot be read as a Word document ({type(exc).__name__})") from None
    blocks: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            blocks.append(_docx_paragraph(block))
        elif isinstance(block, Table):
            blocks += _docx_table(block)
    # paragraphs are separated by a blank line; a soft line break inside one stays a "\n"
    return "\n\n".join(b for b in blocks if b.strip())


def _docx_paragraph(paragraph: DocxParagraph) -> str:
    """A paragraph's text; list items (Word bullets or numbering) get a "- " marker."""
    text = paragraph.text
    ppr = paragraph._p.pPr
    is_list = ppr is not None and ppr.numPr is not None
    # the style id ("ListBullet", "Heading1"); resolving paragraph.style is slow (a lookup per call)
    style = (ppr.pStyle.val or "") if ppr is not None and ppr.pStyle is not None else ""
    if (is_list or style.startswith("List")) and text.strip() and not style.startswith("Heading"):
        return "- " + text.strip()
    return text


def _docx_table(table) -> list[str]:  # type: ignore[no-untyped-def]
    """One line per row, cells separated by " | " (merged cells are not repeated)."""
    rows = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            value = " ".join(cell.text.split())
            if not cells or value != cells[-1]:
                cells.append(value)
        if any(cells):
            rows.append(" | ".join(cells))
    return rows


# -- .pdf -------------------------------------------------------------------------------------


def _read_pdf(p: Path) -> str:
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf warns on stderr about minor damage
    try:
        reader = PdfReader(str(p))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(p, "encrypted PDF (remove the password first)")
        pages = [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        raise InputError(p, f"damaged PDF ({type(exc).__name__})") from None
    except Exception as exc:  # noqa: BLE001 - a hostile PDF can break pypdf in any way (recursion, index, attribute)
        raise InputError(p, f"unreadable PDF ({type(exc).__name__})") from None
    if not pages:
        raise InputError(p, "PDF has no pages")
    if sum(len(t.strip()) for t in pages) < 20 * len(pages) and not any(len(t.strip()) > 200 for t in pages):
        raise InputError(p, "no text layer (scanned?): run OCR on it first, or use the .docx")
    return "\n\n".join(pages)
