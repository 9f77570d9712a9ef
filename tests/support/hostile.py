"""Hostile input for the fuzz tests: hypothesis strategies and hand-made malicious files.

Every case starts from real material where it can (the seed concept note, real .docx/.pdf fixtures,
real resolutions, real speeches) and breaks it: truncation, flipped and inserted bytes, other
encodings spliced in, control characters; plus random bytes and crafted attacks (zip bombs,
billion laughs, external entities, cyclic and deeply nested PDFs, oversize files, FIFOs).
"""

from __future__ import annotations

import io
import os
import random
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
    # issue 17: shapes that took minutes, and text meant for a terminal or a spreadsheet
    made["record_president_lines.txt"] = b"The President:\n" * 20_000
    made["record_no_newlines.txt"] = b"The President: " + b"Mr. X (Chad) (spoke in French): " * 8_000
    made["csv_many_rows.csv"] = b"delegation,person\n" + b"".join(b"P%d,yes\n" % i for i in range(30_000))
    made["csv_formulas.csv"] = ('delegation,person,notes\n"=HYPERLINK(""http://x.example"")",yes,"=1+1"\n'
                                '"+SUM(A1)",yes,"@x"\n').encode()
    made["terminal_escapes.txt"] = ("Mr. Zhang Jun (China): \x1b]0;PWNED\x07 \x1b[31mred\u202eabc "
                                    "保护平民\n").encode() * 20
    made["long_name_fields.csv"] = ("delegation,person,title\n" + "x" * 400 + ",yes," + "y" * 5000 + "\n").encode()
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
    escape_name = folder / "name\x1b[31m\u202e.txt"
    escape_name.write_bytes("Mr. Zhang Jun (China): 保护平民\n".encode())
    paths["escape_in_name.txt"] = escape_name
    newline_name = folder / "line\nbreak.txt"
    newline_name.write_bytes("保护平民\n".encode())
    paths["newline_in_name.txt"] = newline_name
    return paths


# -- a corpus for every importer (benchmarks/hostile_run.py) ---------------------------------

KINDS = ("concept_note", "statement", "record", "library", "speakers_csv", "backup")
ESCAPES = ("\x1b]0;PWNED\x07", "\x1b[31m", "\x1b[2J", "\r", "\u202e", "\u2066", "\x9b31m", "\x00", "\x08" * 5)
FORMULAS = ("=1+1", '=HYPERLINK("http://x.example","x")', "+SUM(A1:A9)", "-2+3", "@cmd", "\t=1", "＝1")


def _bases(kind: str) -> list[bytes]:
    picks: list[Path] = []
    if kind == "concept_note":
        picks = [*sorted((REPO / "concept_notes").glob("*.txt")), *sorted((REPO / "tests" / "fixtures" / "notes").glob("*"))]
    elif kind == "statement":
        picks = [*sorted((REPO / "tests" / "data" / "statements").glob("*.txt")),
                 *sorted((SHARED / "spv_2020_speeches").glob("*SPV.8699_spch00*.txt"))]
    elif kind == "record":
        speeches = sorted((SHARED / "spv_2020_speeches").glob("*SPV.8699_spch0[0-2]*.txt"))
        joined = b"\n".join(p.read_bytes() for p in speeches)
        return [joined] if joined else ["The President: I give the floor to Mr. Zhang Jun.\n"
                                        "Mr. Zhang Jun (China) (spoke in Chinese): 中国赞赏。\n".encode()]
    elif kind == "library":
        picks = [*sorted((REPO / "library_samples").glob("*.txt")),
                 *sorted((SHARED / "resolutions_en_1946-1994").glob("S_RES_00[0-4]*.txt"))[:20]]
    elif kind == "speakers_csv":
        return ["delegation,person,representative,title,level,notes\nChina,,Mr. Zhang Jun,Ambassador,PR,\n"
                "France,,,,minister,\"说明, 引号\"\nMs. Example,yes,,,,\n".encode()]
    return [p.read_bytes() for p in picks if p.is_file()]


def _mutate(rnd: random.Random, data: bytes, kind: str) -> bytes:
    """One hostile change to real material (several may be stacked)."""
    how = rnd.choice(["truncate", "flip", "insert", "escapes", "splice", "repeat", "shape", "random"])
    if how == "truncate":
        return data[: rnd.randint(0, len(data))]
    if how == "flip" and data:
        out = bytearray(data)
        for _ in range(rnd.randint(1, 20)):
            out[rnd.randrange(len(out))] = rnd.randrange(256)
        return bytes(out)
    if how == "insert":
        at = rnd.randint(0, len(data))
        return data[:at] + bytes(rnd.randrange(256) for _ in range(rnd.randint(1, 64))) + data[at:]
    if how == "escapes":
        text = data.decode("utf-8", errors="replace")
        pieces = text.split("\n")
        for _ in range(rnd.randint(1, 8)):
            i = rnd.randrange(len(pieces))
            pieces[i] = rnd.choice(ESCAPES + FORMULAS) + pieces[i] + rnd.choice(ESCAPES)
        return "\n".join(pieces).encode(rnd.choice(["utf-8", "utf-8", "gb18030", "utf-16"]), errors="ignore")
    if how == "splice":
        text = data.decode("utf-8", errors="replace")
        cut = rnd.randint(0, len(text))
        return text[:cut].encode("utf-8") + text[cut:].encode(rnd.choice(ENCODINGS), errors="ignore")
    if how == "repeat" and data:
        start = rnd.randrange(len(data))
        chunk = data[start:start + rnd.randint(1, 200)]
        return data + chunk * rnd.randint(10, max(10, 200_000 // max(len(chunk), 1)))
    if how == "shape":
        return _shape(rnd, kind)
    return bytes(rnd.randrange(256) for _ in range(rnd.randint(0, 4000)))


def _shape(rnd: random.Random, kind: str) -> bytes:
    """Pathological shapes of the expected kind (what made importers slow), a few hundred KB."""
    n = rnd.choice([1_000, 5_000, 20_000])
    shapes = {
        "record": ["The President:\n" * n, "主席：\n" * n, ("(" * 150 + ":\n") * n,
                   "The President: " + "Mr. X (Chad) (spoke in French): " * n],
        "statement": ["Mr. Zhang Jun (China): " + "We stress the protection of civilians. " * n,
                      "张军先生（中国）：" + "保护平民" * n, "x\n" * n],
        "library": ["The Security Council,\n\n" + "Recalling its resolutions,\n\n" * n,
                    "1. Decides " + "that, " * n + ";\n", "(a) to report;\n" * n],
        "concept_note": ["Guiding questions\n" + "- What? \n" * n, "审议的问题\n" + "•保护平民？\n" * n],
        "speakers_csv": ["delegation,person,notes\n" + "".join(f"P{i},yes,{rnd.choice(FORMULAS)}\n" for i in range(n)),
                         "delegation,notes\n" + "China," + "x" * (n * 20) + "\n",
                         ",".join(f"c{i}" for i in range(n)) + "\nChina\n"],
    }
    return rnd.choice(shapes.get(kind, ["x" * n])).encode("utf-8")


def _csv_case(rnd: random.Random) -> bytes:
    """A speakers CSV with hostile cells: formulas, escapes, long fields, quotes; mostly valid rows
    (so the hostile text gets stored and exported), sometimes one bad row."""
    rows = ["delegation,person,representative,title,level,basis,notes,override"]
    states = ["China", "France", "Lithuania", "Chad", "Côte d'Ivoire", "Viet Nam", "Brazil", "Japan", "Norway"]
    # a NUL, or many control characters, make it a binary file (the reader's check, tested elsewhere):
    # most lists here carry bidi overrides and formulas, a few an escape sequence
    escapes = ["\u202e", "\u2066", "\u202e\u2066"] + (["\x1b]0;PWNED\x07", "\x1b[31m"] if rnd.random() < 0.3 else [])
    people = [rnd.choice(escapes) + "Ms. Example", "=HYPERLINK(\"x\")", "+Mr. Plus", "@Mr. At", "\u202eDr. Bidi"]
    used: set[str] = set()
    for i in range(rnd.randint(1, 30)):
        person = rnd.random() < 0.5
        name = f"{rnd.choice(people)} {i}" if person else rnd.choice(states)
        if not person and name in used:
            continue
        used.add(name)
        cells = [name, "yes" if person else "", rnd.choice(["", "Mr. A", "=cmd|' /C calc'!A0", "\u202eB", *escapes]),
                 rnd.choice(["", "Minister", *FORMULAS]), rnd.choice(["", "PR", "minister"]), "",
                 rnd.choice(["", "保护平民", *FORMULAS, *escapes]), ""]
        rows.append(",".join('"' + c.replace('"', '""') + '"' for c in cells))
    if rnd.random() < 0.3:  # one bad row: the whole file is refused, nothing written
        rows.append(rnd.choice(['"Atlantis",,,,,,,', '"China",,,,bogus,,,', '"x",yes,,,,,,"pin -1"', "x" * 400 + ",yes"]))
    return ("\n".join(rows) + "\n").encode(rnd.choice(["utf-8", "utf-8-sig", "gb18030"]), errors="ignore")


def _backup_case(rnd: random.Random, backup: dict[str, object]) -> bytes:
    """A real backup with values, kinds, rows, keys or table names damaged."""
    import copy
    import json

    data = copy.deepcopy(backup)
    tables = [t for t in data["tables"] if t["rows"]]  # type: ignore[index, union-attr]
    for _ in range(rnd.randint(1, 3)):
        how = rnd.choice(["value", "kind", "row", "key", "table", "long", "nul"])
        table = rnd.choice(tables)
        row = rnd.choice(table["rows"])
        column = rnd.randrange(len(table["columns"]))
        if column >= len(row):  # a row an earlier damage shortened
            continue
        if how == "value":
            row[column] = rnd.choice([None, True, -1, 2**40, 1.5, "x", [], {}, "2014-13-45", "保护平民"])
        elif how == "kind":
            table["columns"][column][1] = rnd.choice(["integer", "text", "date", "datetime", "boolean", "nonsense"])
        elif how == "row":
            table["rows"].append([None] * rnd.randint(0, len(table["columns"]) + 1))
        elif how == "key" and len(data) > 1:
            del data[rnd.choice(sorted(data))]
        elif how == "table":
            table["name"] = rnd.choice(["debates", "no_such_table", "alembic_version", ""])
        elif how == "long" and isinstance(row[column], str):
            row[column] = "x" * 400 + rnd.choice(ESCAPES)
        elif how == "nul" and isinstance(row[column], str):
            row[column] = row[column] + "\x00" + rnd.choice(ESCAPES)
    text = json.dumps(data, ensure_ascii=False)
    if rnd.random() < 0.2:
        text = text[: rnd.randint(0, len(text))]
    return text.encode("utf-8")


def generate_corpus(folder: Path, per_kind: int, seed: int = 17,
                    backup: dict[str, object] | None = None) -> dict[str, list[Path]]:
    """`per_kind` hostile files for each importer in `folder`/KIND/, deterministic for a seed.
    Backups need a real backup (parsed JSON) to damage."""
    rnd = random.Random(seed)
    made: dict[str, list[Path]] = {}
    for kind in KINDS:
        target = folder / kind
        target.mkdir(parents=True, exist_ok=True)
        bases = _bases(kind)
        paths = []
        for i in range(per_kind):
            if kind == "backup":
                if backup is None:
                    break
                data, suffix = _backup_case(rnd, backup), ".json"
            elif kind == "speakers_csv" and rnd.random() < 0.85:
                data, suffix = _csv_case(rnd), ".csv"
            else:
                data = rnd.choice(bases) if bases else b""
                for _ in range(rnd.choice([1, 1, 2, 3])):
                    data = _mutate(rnd, data, kind)
                suffix = {"speakers_csv": ".csv", "library": ".txt", "record": ".txt"}.get(
                    kind, rnd.choice([".txt", ".txt", ".md", ".docx", ".pdf"]))
            name = f"{kind}{i:05d}{rnd.choice(['', '', '', chr(0x1b) + '[31m', chr(0x202e), ' 保护'])}{suffix}"
            if kind == "record":
                name = f"S_PV.{9000 + i}{suffix}"
            path = target / name
            path.write_bytes(data)
            paths.append(path)
        made[kind] = paths
    return made
