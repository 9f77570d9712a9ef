"""Read a document the user hands us: .txt/.md (any common encoding), .docx, .pdf.

`read_document(path)` returns the raw extracted text (`original`) and its normalised form
(`text`, see `debateprep.domain.text.normalise`). Every problem is an `InputError` whose message
is one line naming the file: missing, a directory, empty, too large, binary, an unsupported
type, a damaged or encrypted file, a PDF without a text layer.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import logging
import re
import unicodedata
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from debateprep.domain.errors import InputError
from debateprep.domain.text import markdown_to_text, normalise
from debateprep.i18n import N_, _

if TYPE_CHECKING:
    from docx.text.paragraph import Paragraph as DocxParagraph

Kind = Literal["text", "docx", "pdf"]

MAX_FILE_BYTES = 20 * 1024 * 1024  # no concept note, resolution or statement comes near this
MAX_DOCX_UNCOMPRESSED = 100 * 1024 * 1024  # total size of a .docx's parts once unzipped (zip bombs)
MAX_DOCX_RATIO = 200  # a part compressed more than this is a bomb, not a document
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
SUFFIXES = {**{s: "text" for s in TEXT_SUFFIXES}, ".docx": "docx", ".pdf": "pdf"}
_HINTS = {".doc": N_("save it as .docx"), ".rtf": N_("save it as .docx"), ".odt": N_("save it as .docx"),
          ".pages": N_("export it as .docx")}


@dataclass(frozen=True)
class ReadDocument:
    path: Path
    kind: Kind
    encoding: str | None  # the text encoding detected (text files only)
    original: str  # the text as extracted, line breaks normalised to "\n"
    text: str  # normalised: a paragraph per line, blank line between paragraphs
    furniture: tuple[str, ...] = ()  # page furniture dropped from `text` (running headers …)
    footnotes: tuple[str, ...] = ()  # footnote lines taken from the page bottoms
    footnote_at: tuple[int, ...] = ()  # for each, the number of paragraphs of `text` printed above it


def read_document(path: str | Path, *, max_chars: int | None = None, what: str = N_("document")) -> ReadDocument:
    """Read and normalise one document; InputError (one line) if it cannot be used.

    `max_chars` refuses, before any further work, a text longer than the kind of document the
    caller expects can be (`what` names that kind in the message).
    """
    p = Path(path)
    kind = _check_file(p)
    encoding: str | None = None
    header: tuple[str, ...] = ()
    if kind == "text":
        original, encoding = decode_text(p.read_bytes(), p)
    elif kind == "docx":
        original, header = _read_docx(p)
    else:
        original = _read_pdf(p, max_chars)
    original = original.replace("\r\n", "\n").replace("\r", "\n")
    if not original.strip():
        raise InputError(p, _("no text in the document"))
    if max_chars is not None and len(original) > max_chars:
        raise InputError(p, _("too long for a {what} ({count} characters; a {what} has at most {limit})").format(
            what=_(what), count=f"{len(original):,}", limit=f"{max_chars:,}"))
    # Markdown's marks (# headings, **bold**, [links](…)) are no part of the text
    normalised = normalise(markdown_to_text(original) if p.suffix.lower() in MARKDOWN_SUFFIXES else original)
    return ReadDocument(p, kind, encoding, original, normalised.text, header + normalised.furniture,
                        normalised.footnotes, normalised.footnote_at)


def _check_file(p: Path) -> Kind:
    if not p.exists():
        raise InputError(p, _("no such file"))
    if p.is_dir():
        raise InputError(p, _("is a directory, not a file"))
    size = p.stat().st_size
    if size == 0:
        raise InputError(p, _("empty file"))
    if size > MAX_FILE_BYTES:
        raise InputError(p, _("too large ({size} MB; the limit is {limit} MB)").format(
            size=f"{size / 1048576:.1f}", limit=MAX_FILE_BYTES // 1048576))
    suffix = p.suffix.lower()
    with p.open("rb") as fh:
        head = fh.read(16)
    if suffix in SUFFIXES:
        kind: Kind = SUFFIXES[suffix]  # type: ignore[assignment]
        if kind == "pdf" and not head.startswith(b"%PDF"):
            raise InputError(p, _("not a PDF file (damaged, or another type renamed .pdf)"))
        if kind == "docx" and not head.startswith(b"PK"):
            raise InputError(p, _("not a .docx file (damaged, or another type renamed .docx)"))
        if kind == "docx" or kind == "pdf":
            return kind
    elif suffix in _HINTS:
        raise InputError(p, _("unsupported file type {suffix} ({hint})").format(suffix=suffix, hint=_(_HINTS[suffix])))
    elif suffix != "":
        raise InputError(p, _("unsupported file type {suffix} (use .txt, .md, .docx or .pdf)").format(suffix=suffix))
    # A text file or a file without extension: the content decides, not the name. A PDF or a
    # Word document renamed .txt is read for what it is (that is the text its owner means);
    # anything else that is not text is refused for what it looks like.
    looks = sniff(head)
    if looks == "PDF":
        return "pdf"
    if looks == "ZIP":
        return "docx"
    if looks is not None:
        raise InputError(p, _("not a text document (looks like {kind})").format(kind=looks))
    return "text"


# Signatures of the binary files people hand over by mistake (first bytes of the file).
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "ZIP"),
    (b"PK\x05\x06", "ZIP"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Word 97-2003 .doc or another OLE file; save it as .docx"),
    (b"{\\rtf", "RTF; save it as .docx"),
    (b"\x7fELF", "an ELF executable"),
    (b"\x1f\x8b", "gzip"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"Rar!\x1a\x07", "RAR"),
    (b"%!PS", "PostScript"),
    (b"SQLite format 3\x00", "an SQLite database"),
)


def sniff(head: bytes) -> str | None:
    """What a file's first bytes say it is ("PDF", "PNG" …), or None for no known signature."""
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    return None


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
            text = _decode(data, encoding, path)
            if encoding != "utf-8-sig" and not _plausible(text):
                raise InputError(path, _("binary file, not text"))
            return text, encoding
    try:
        return _checked(data.decode("utf-8"), path), "utf-8"
    except UnicodeDecodeError:
        pass
    utf16 = _utf16_without_bom(data)
    if utf16:
        text = _decode(data, utf16, path)
        if not _plausible(text):
            raise InputError(path, _("binary file, not text"))
        return text, utf16
    if b"\x00" in data:
        raise InputError(path, _("binary file, not text"))
    if len(data) < MIN_LEGACY_BYTES:
        raise InputError(path, _("binary file, or too short to tell its text encoding"))
    from charset_normalizer import from_bytes

    for match in from_bytes(data):
        encoding = match.encoding.lower().replace("-", "_")
        if encoding in _CHINESE:
            encoding = "gb18030"
        elif not encoding.startswith(_LEGACY):
            continue  # UTF-16/32 without a BOM are ours to detect; other scripts are not UN text
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _plausible(text):
            return _checked(text, path), encoding
    raise InputError(path, _("binary file, or a text encoding that cannot be recognised"))


# Fewer bytes than this, neither UTF-8 nor with a BOM: no encoding can be told from them.
MIN_LEGACY_BYTES = 16
# Legacy encodings of the UN's languages that a document may come in (besides GB18030/GBK).
_LEGACY = ("big5", "cp125", "windows_125", "latin", "iso8859", "koi8", "mac_")
# Chinese ideographs that make up ~99 % of running text: GB2312 level 1 (lead bytes B0-D7) and
# Big5's frequently used characters (lead bytes A4-C6).
_GB2312_FREQUENT = range(0xB0, 0xD8)
_BIG5_FREQUENT = range(0xA4, 0xC7)


def _frequent_ideograph(ch: str) -> bool:
    for encoding, leads in (("gb2312", _GB2312_FREQUENT), ("big5", _BIG5_FREQUENT)):
        try:
            if ch.encode(encoding)[0] in leads:
                return True
        except UnicodeEncodeError:
            continue
    return False


def _plausible(text: str) -> bool:
    """Text in a legacy encoding reads as text: no control characters, few symbols, and its
    Chinese characters mostly common ones (random bytes decode to rare ideographs and symbols)."""
    sample = text[:20000]
    if not sample.strip():
        return False
    odd = ideographs = frequent = latin = accented = 0
    for ch in sample:
        category = unicodedata.category(ch)
        if category in ("Cc", "Co", "Cn", "Cs") and ch not in "\n\r\t\f":
            return False
        if category[0] == "S" or category == "Cf":
            odd += 1
        if "\u3400" <= ch <= "\u9fff":
            ideographs += 1
            frequent += _frequent_ideograph(ch)
        elif ch.isalpha() and ch < "\u0250":
            latin += 1
            accented += not ch.isascii()
    if odd > max(1, len(sample) * 0.05) or any(len({_script(c) for c in w}) > 1 for w in _WORD.findall(sample)):
        return False
    if latin and accented > 0.4 * latin:
        return False  # French or Spanish has a few accented letters, random bytes mostly such
    return ideographs == 0 or frequent >= 0.8 * ideographs


_WORD = re.compile(r"[^\W\d_]{2,}")


def _script(ch: str) -> str:
    """Rough script of a letter: a word of real text never mixes two."""
    if "\u3400" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u30ff":
        return "cjk"
    if ch < "\u0250":
        return "latin"
    return unicodedata.name(ch, "?").split(" ")[0]


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
        raise InputError(path, _("cannot be decoded as {encoding}").format(encoding=encoding)) from None


def _checked(text: str, path: Path | None) -> str:
    """Refuse text that is mostly control characters (a binary file that happened to decode)."""
    sample = text[:20000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    if "\x00" in sample or controls > max(8, len(sample) * 0.01):
        raise InputError(path, _("binary file, not text"))
    return text.lstrip("\ufeff")


# -- .docx ------------------------------------------------------------------------------------


def _read_docx(p: Path) -> tuple[str, tuple[str, ...]]:
    try:
        with zipfile.ZipFile(p) as zf:
            infos = zf.infolist()
            total = sum(i.file_size for i in infos)
            if total > MAX_DOCX_UNCOMPRESSED:
                raise InputError(p, _("unpacks to {size} MB (the limit is {limit} MB): refused").format(
                    size=f"{total / 1048576:.0f}", limit=MAX_DOCX_UNCOMPRESSED // 1048576))
            for i in infos:
                if i.compress_size and i.file_size / i.compress_size > MAX_DOCX_RATIO and i.file_size > 1048576:
                    raise InputError(p, _("part {part} is compressed {ratio}:1 (a zip bomb, not a document): refused").format(
                        part=i.filename, ratio=i.file_size // i.compress_size))
            if "word/document.xml" not in zf.namelist():
                raise InputError(p, _("not a Word document (no word/document.xml inside)"))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError, ValueError) as exc:
        raise InputError(p, _("not a .docx file (damaged zip: {error})").format(error=type(exc).__name__)) from None
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(p))
    except Exception as exc:  # python-docx raises many kinds on a damaged package
        raise InputError(p, _("cannot be read as a Word document ({error})").format(error=type(exc).__name__)) from None
    notes = _docx_footnotes(document)
    blocks: list[str] = []
    numbered = 0  # footnotes are numbered in the order the text refers to them, as Word prints them
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            refs = [r for r in block._p.xpath("./w:r/w:footnoteReference/@w:id | ./w:hyperlink/w:r/w:footnoteReference/@w:id")
                    if r in notes]
            if not refs:
                blocks.append(_docx_paragraph(block))
                continue
            numbers = {ref: numbered + k for k, ref in enumerate(refs, start=1)}
            numbered += len(refs)
            blocks.append(_docx_paragraph(block, numbers))
            # the footnotes as a page prints them at its foot, then a page end: the normaliser
            # takes them (and their markers) out of the text as it does a PDF's
            blocks.append("\n".join(f"{numbers[ref]} {notes[ref]}" for ref in refs) + "\n\f")
        elif isinstance(block, Table):
            blocks += _docx_table(block)
    # paragraphs are separated by a blank line; a soft line break inside one stays a "\n"
    body = "\n\n".join(b for b in blocks if b.strip())
    return body, _docx_furniture(document)


def _docx_furniture(document) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    """The lines of the page headers and footers (the running symbol, the job number)."""
    lines: list[str] = []
    for section in document.sections:
        for part in (section.header, section.first_page_header, section.even_page_header,
                     section.footer, section.first_page_footer, section.even_page_footer):
            if part.is_linked_to_previous:
                continue
            for paragraph in part.paragraphs:
                line = " ".join(paragraph.text.split())
                if line and line not in lines:
                    lines.append(line)
    return tuple(lines)


def _docx_paragraph(paragraph: DocxParagraph, footnotes: dict[str, int] | None = None) -> str:
    """A paragraph's text; list items (Word bullets or numbering) get a "- " marker; a footnote
    reference (`footnotes`: Word's id -> its number) is its number glued to the text before it,
    as in a PDF ("information?1")."""
    text: str = paragraph.text if not footnotes else _text_with_markers(paragraph, footnotes)
    ppr = paragraph._p.pPr
    is_list = ppr is not None and ppr.numPr is not None
    # the style id ("ListBullet", "Heading1"); resolving paragraph.style is slow (a lookup per call)
    style = (ppr.pStyle.val or "") if ppr is not None and ppr.pStyle is not None else ""
    if (is_list or style.startswith("List")) and text.strip() and not style.startswith("Heading"):
        return "- " + text.strip()
    return text


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _text_with_markers(paragraph: DocxParagraph, footnotes: dict[str, int]) -> str:
    """The paragraph's text (as python-docx reads it: text, tabs, breaks) with each footnote
    reference as its number (none after a digit)."""
    out: list[str] = []
    for el in paragraph._p.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr", f"{_W}footnoteReference"):
        if el.tag == f"{_W}t":
            out.append(el.text or "")
        elif el.tag == f"{_W}tab":
            out.append("\t")
        elif el.tag == f"{_W}footnoteReference":
            if not "".join(out[-1:])[-1:].isdigit():
                # glued to a number ("resolution 1265" + "1") the marker would change the number and
                # could not be taken out again: Word says where it stands, so it is left out there
                out.append(str(footnotes.get(el.get(f"{_W}id") or "", "")))
        else:
            out.append("\n")
    return "".join(out)


def _docx_footnotes(document) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Word's footnotes by id, each as one line of text (the separators Word keeps among them left out)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml

    notes: dict[str, str] = {}
    for rel in document.part.rels.values():
        if rel.reltype != RT.FOOTNOTES or rel.is_external:
            continue
        try:
            root = parse_xml(rel.target_part.blob)
        except Exception:  # noqa: BLE001 - a damaged footnotes part loses the footnotes, not the document
            return {}
        for note in root.iter(f"{_W}footnote"):
            if note.get(f"{_W}type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            paras = ("".join(t.text or "" for t in p.iter(f"{_W}t")) for p in note.iter(f"{_W}p"))
            text = " ".join(" ".join(paras).split())
            if text and note.get(f"{_W}id") is not None:
                notes[str(note.get(f"{_W}id"))] = text
    return notes


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


def _read_pdf(p: Path, max_chars: int | None = None) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    # pypdf reports what it repairs through logging (some of it at ERROR level, with whole
    # arrays in the message) and `warnings`: none of it may reach the user's terminal, where only
    # our one line belongs. Anything it prints goes nowhere either.
    logging.getLogger("pypdf").setLevel(logging.CRITICAL + 1)
    sink = io.StringIO()
    try:
        with warnings.catch_warnings(), contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
            warnings.simplefilter("ignore")
            reader = PdfReader(str(p))
            if reader.is_encrypted and not reader.decrypt(""):
                raise InputError(p, _("encrypted PDF (remove the password first)"))
            pages: list[str] = []
            total = 0
            for page in reader.pages:
                pages.append(_page_text(page))
                total += len(pages[-1])
                if max_chars is not None and total > max_chars:
                    break  # longer than the caller can use: read_document refuses it
    except InputError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        raise InputError(p, _("damaged PDF ({error})").format(error=type(exc).__name__)) from None
    except Exception as exc:  # noqa: BLE001 - a hostile PDF can break pypdf in any way (recursion, index, attribute)
        raise InputError(p, _("unreadable PDF ({error})").format(error=type(exc).__name__)) from None
    if not pages:
        raise InputError(p, _("PDF has no pages"))
    if sum(len(t.strip()) for t in pages) < 20 * len(pages) and not any(len(t.strip()) > 200 for t in pages):
        raise InputError(p, _("no text layer (scanned?): run OCR on it first, or use the .docx"))
    return "\n\n".join(pages)


# A run of digits this much smaller than the page's body text, inside a line, is a footnote
# marker (a superscript): "statements:²" must not become "statements:2", nor "。²1999年" "。21999年".
SUPERSCRIPT_SHARE = 0.8


def _page_text(page) -> str:  # type: ignore[no-untyped-def]
    """The page's text as pypdf lays it out, without its footnote markers."""
    pieces: list[tuple[str, float]] = []

    def visit(text: str, cm: object, tm: object, font: object, size: float) -> None:
        pieces.append((text, float(size or 0)))

    plain = page.extract_text(visitor_text=visit) or ""
    if "".join(t for t, _ in pieces) != plain:
        return plain  # pypdf assembled the text otherwise: keep its layout
    by_size: dict[float, int] = {}
    for text, size in pieces:
        by_size[size] = by_size.get(size, 0) + len(text.strip())
    if not by_size:
        return plain
    body = max(by_size, key=lambda k: by_size[k])
    out: list[str] = []
    at_line_start = True
    for text, size in pieces:
        if text.strip().isdigit() and 0 < size < SUPERSCRIPT_SHARE * body and not at_line_start and len(text.strip()) <= 3:
            continue
        out.append(text)
        if text:
            at_line_start = text.endswith("\n")
    return "".join(out)
