"""Hostile input for the fuzz tests: hypothesis strategies and hand-made malicious files.

Every case starts from real material where it can (the seed concept note, real .docx/.pdf fixtures,
real resolutions, real speeches) and breaks it: truncation, flipped and inserted bytes, other
encodings spliced in, control characters; plus random bytes and crafted attacks (zip bombs,
billion laughs, external entities, cyclic and deeply nested PDFs, oversize files, FIFOs).
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

from hypothesis import strategies as st

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared" / "data"
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "gb18030", "gbk", "big5", "cp1252", "latin-1",
             "shift_jis")
SUFFIXES = (".txt", ".md", ".docx", ".pdf", ".csv", ".json", ".doc", ".TXT", "")
CONTROL = "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\u2028\u2029\u200b\u200e\u202e\ufeff\ufffd\r"


def real_bases() -> list[tuple[str, bytes]]:
    """(suffix, content) of real files to break."""
    picks = [
        *sorted((REPO / "concept_notes").glob("*.txt")),
        *sorted((REPO / "library_samples").glob("*.txt"))[:1],
        *sorted((REPO / "tests" / "fixtures" / "notes").glob("*.docx")),
        *sorted((REPO / "tests" / "fixtures" / "notes").glob("*.pdf"))[:2],
        *sorted((REPO / "tests" / "data" / "statements").glob("*.txt"))[:1],
        *sorted((SHARED / "resolutions_en_1946-1994").glob("S_RES_0118*.txt")),
        *sorted((SHARED / "spv_2020_speeches").glob("*SPV.8699_spch00[1-2].txt")),
    ]
    bases = [(p.suffix, p.read_bytes()) for p in picks if p.is_file()]
    bases.append((".csv", "delegation,level,basis,notes\nChina,minister,member,\"说明, 引号\"\n"
                          "Lithuania,,,\nFrance,ambassador,member,[x]\n".encode()))
    return bases


BASES = real_bases()


@st.composite
def hostile_file(draw: st.DrawFn) -> tuple[str, bytes]:
    """(suffix, bytes) of a malformed or hostile file."""
    how = draw(st.sampled_from(["random", "truncated", "mutated", "respliced", "text"]))
    if how == "random":
        return draw(st.sampled_from(SUFFIXES)), draw(st.binary(max_size=3000))
    if how == "text":
        text = draw(st.text(st.characters(exclude_categories=("Cs",)), max_size=600))
        text += draw(st.text(st.sampled_from(CONTROL + "[]保护平民;，\n"), max_size=40))
        data = text.encode(draw(st.sampled_from(ENCODINGS)), errors="ignore")
        return draw(st.sampled_from(SUFFIXES)), data
    suffix, base = draw(st.sampled_from(BASES))
    suffix = draw(st.sampled_from([suffix, suffix, suffix, *SUFFIXES]))
    if how == "truncated":
        return suffix, base[: draw(st.integers(0, len(base)))]
    if how == "mutated":
        data = bytearray(base)
        for _ in range(draw(st.integers(1, 12))):
            at = draw(st.integers(0, max(len(data) - 1, 0)))
            if draw(st.booleans()) and data:
                data[at] = draw(st.integers(0, 255))
            else:
                data[at:at] = draw(st.binary(min_size=1, max_size=64))
        return suffix, bytes(data)
    # respliced: pieces of the text in other encodings and control characters in between
    text = base.decode("utf-8", errors="replace")
    pieces, start = [], 0
    while start < len(text) and len(pieces) < 6:
        end = start + draw(st.integers(1, 400))
        chunk = text[start:end] + draw(st.text(st.sampled_from(CONTROL), max_size=3))
        pieces.append(chunk.encode(draw(st.sampled_from(ENCODINGS)), errors="ignore"))
        start = end
    return suffix, b"".join(pieces)


# -- crafted attacks -------------------------------------------------------------------------

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
    '"/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
    'document.main+xml"/></Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
        'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx(document_xml: bytes, extra: dict[str, bytes] | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/document.xml", document_xml)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return out.getvalue()


def _paragraph_doc(body: str) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>'
            ).encode()


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF file with a correct cross-reference table around `objects` (1-based numbering)."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _text_pdf(text: bytes) -> list[bytes]:
    stream = b"BT /F1 12 Tf 72 720 Td (" + text + b") Tj ET"
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]


def crafted(folder: Path) -> dict[str, Path]:
    """Write the hand-made attacks into `folder`; returns name -> path."""
    folder.mkdir(parents=True, exist_ok=True)
    made: dict[str, bytes] = {}
    para = '<w:p><w:r><w:t>保护平民 Protection of civilians</w:t></w:r></w:p>'
    # zip bombs: a part that inflates past the limits
    made["zip_bomb_ratio.docx"] = _docx(_paragraph_doc(para + " " * (4 * 1024 * 1024)))
    made["zip_bomb_many_parts.docx"] = _docx(_paragraph_doc(para), {
        f"word/media/pad{i}.bin": b"\0" * (12 * 1024 * 1024) for i in range(10)})
    made["billion_laughs.docx"] = _docx((
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10))
        + f']><w:document {W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>').encode())
    made["external_entity.docx"] = _docx((
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        f'<w:document {W}><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>{para}</w:body></w:document>').encode())
    made["deeply_nested.docx"] = _docx(_paragraph_doc("<w:tbl><w:tr><w:tc>" * 3000 + para
                                                      + "</w:tc></w:tr></w:tbl>" * 3000))
    made["no_document_part.docx"] = _docx(b"", {"word/other.xml": b"<x/>"})
    made["docx_inside_docx.docx"] = _docx(_docx(_paragraph_doc(para)))
    made["encrypted_zip.docx"] = b"PK\x03\x04\x14\x00\x01\x00" + os.urandom(200)
    made["plain.pdf"] = _pdf(_text_pdf(b"Protection of civilians in armed conflict"))
    cyclic = _text_pdf(b"loop")
    cyclic[1] = b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>"
    made["cyclic_page_tree.pdf"] = _pdf(cyclic)
    deep = _text_pdf(b"deep")
    deep[4] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /X " + b"[" * 50000 + b"]" * 50000 + b" >>"
    made["deeply_nested_arrays.pdf"] = _pdf(deep)
    huge_length = _text_pdf(b"x")
    huge_length[3] = b"<< /Length 99999999999 >>\nstream\nBT ET\nendstream"
    made["huge_stream_length.pdf"] = _pdf(huge_length)
    made["no_text_layer.pdf"] = _pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"])
    made["one_line_300kb.txt"] = ("保护平民 protection " * 16_000).encode()
    made["many_lines.txt"] = b"\n" * 400_000 + "审议的问题\n- 保护平民？\n".encode()
    made["nul_bytes.txt"] = "保护平民\x00\x00 Protection\x00 of civilians\n".encode() * 50
    made["bom_then_gbk.txt"] = b"\xef\xbb\xbf" + "保护平民".encode("gbk") * 40
    made["utf16_odd_length.txt"] = "保护平民".encode("utf-16") + b"\x00"
    made["controls_only.txt"] = "".join(CONTROL).encode() * 20
    made["only_whitespace.md"] = b" \t\n\r\n   \n"
    made["csv_huge_field.csv"] = b'delegation,notes\nChina,"' + b"x" * 1_000_000 + b'"\n'
    made["csv_unclosed_quote.csv"] = b'delegation,notes\nChina,"never closed\nFrance,x\n'
    made["csv_many_columns.csv"] = b",".join(b"c%d" % i for i in range(20000)) + b"\nChina\n"
    made["json_deep.json"] = b"[" * 100000 + b"]" * 100000
    paths = {}
    for name, data in made.items():
        path = folder / name
        path.write_bytes(data)
        paths[name] = path
    big = folder / "too_large.txt"  # sparse: over the 20 MB limit without writing it
    with big.open("wb") as fh:
        fh.truncate(25 * 1024 * 1024)
    paths["too_large.txt"] = big
    fifo = folder / "fifo.txt"
    os.mkfifo(fifo)
    paths["fifo.txt"] = fifo
    loop = folder / "loop.txt"
    loop.symlink_to(loop)
    paths["symlink_loop.txt"] = loop
    (folder / "a_folder.docx").mkdir()
    paths["a_folder.docx"] = folder / "a_folder.docx"
    newline_name = folder / "line\nbreak.txt"
    newline_name.write_bytes("保护平民\n".encode())
    paths["newline_in_name.txt"] = newline_name
    return paths
