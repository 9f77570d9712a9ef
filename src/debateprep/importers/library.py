"""Adopted documents from files: one file -> `AdoptedDocument`, and a resumable bulk import.

`load_adopted(path)` reads .txt/.md/.docx/.pdf (via `importers.reader`) and parses it; the file
name may suggest the symbol and language ("S_RES_0242_1967_EN_GOLD.txt",
"resolution_2594-2021_transitions.zh.txt", "S_PRST_2014_3.pdf"). A file is accepted only when it
is an adopted text by its own evidence (`AdoptedDocument.not_adopted` is empty): a speech from a
verbatim record, or a text that only cites a symbol, is refused with the reason.

`bulk_import` walks files and folders, skips what the library already holds (same content), and
hands each new document to a `save` callback that stores it in its own transaction, so a failure
never leaves half a document and a rerun carries on where the last one stopped. It never raises
for a bad file: every problem goes into the report with its reason.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from debateprep.domain.errors import DebateprepError, InputError
from debateprep.domain.resolution import ANNEX, OP, PARA, PP, AdoptedDocument, parse_adopted
from debateprep.i18n import _
from debateprep.importers.reader import MAX_FILE_BYTES, SUFFIXES, TEXT_SUFFIXES, decode_text, read_document

_RES_NAME = re.compile(r"(?i)(?:S[_-]RES[_-]|resolution[_-]?)0*(\d{1,4})[_-](\d{4})(?!\d)")
_PRST_NAME = re.compile(r"(?i)S[_-]PRST[_-](\d{4})[_-](\d{1,3})(?!\d)")
_ZH_NAME = re.compile(r"(?i)(?:[._-](?:zh|ch|chi|chinese|cn)(?=[._-]|$))")
_EN_NAME = re.compile(r"(?i)(?:[._-](?:en|eng|english)(?=[._-]|$))")


def symbol_from_name(name: str) -> str | None:
    """The resolution or PRST symbol a file name suggests, or None."""
    m = _PRST_NAME.search(name)
    if m:
        return f"S/PRST/{m.group(1)}/{int(m.group(2))}"
    m = _RES_NAME.search(name)
    if m:
        return f"S/RES/{int(m.group(1))} ({m.group(2)})"
    return None


def lang_from_name(name: str) -> str | None:
    stem = name.rsplit(".", 1)[0] if "." in name else name
    if _ZH_NAME.search(stem):
        return "zh"
    if _EN_NAME.search(stem):
        return "en"
    return None


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Loaded:
    doc: AdoptedDocument
    content_hash: str


def read_original(p: Path) -> str:
    """The file's text as extracted, not normalised: the parser reads the line layout itself.
    Plain-text files are decoded directly (normalising costs a third of a bulk import); anything
    unusual goes through `read_document` for its checks and its one-line errors."""
    if p.suffix.lower() in TEXT_SUFFIXES and p.is_file() and 0 < p.stat().st_size <= MAX_FILE_BYTES:
        text, _encoding = decode_text(p.read_bytes(), p)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if text.strip():
            return text
    return read_document(p).original


def load_adopted(path: str | Path) -> Loaded:
    """Read and parse one resolution or PRST; InputError when it is unusable."""
    p = Path(path)
    original = read_original(p)
    doc = parse_adopted(original, symbol=symbol_from_name(p.name), source=str(p))
    if doc.not_adopted:  # a speech, a report citing a symbol …: refused, never imported "with doubts"
        raise InputError(p, _("not imported: {not_adopted}").format(not_adopted=doc.not_adopted))
    if not doc.symbol:
        raise InputError(p, _("no resolution or presidential statement symbol in the text or the file name"))
    if not doc.paragraphs:
        raise InputError(p, _("no paragraphs found (is this a resolution or presidential statement?)"))
    return Loaded(doc, content_hash(original))


def iter_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Readable files under `paths` (folders walked recursively, in name order), and bad paths."""
    files: list[Path] = []
    missing: list[tuple[Path, str]] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES))
        elif p.exists():
            files.append(p)
        else:
            missing.append((p, "no such file or folder"))
    return files, missing


@dataclass(frozen=True)
class ImportedDocument:
    path: str
    symbol: str
    lang: str
    pp: int
    op: int
    paras: int
    warnings: tuple[str, ...]
    replaced: bool = False
    annex: int = 0  # paragraphs of annexes (appendices, attachments): neither PP nor OP


@dataclass
class ImportReport:
    imported: list[ImportedDocument] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, symbol) already in
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)

    @property
    def doubtful(self) -> list[ImportedDocument]:
        """Imported, but the parser could not split them cleanly (see their warnings)."""
        return [d for d in self.imported if d.warnings]

    def summary(self) -> str:
        """"3 imported, 0 already in the library, 0 failed", in the interface language."""
        parts = [_("{n} imported").format(n=len(self.imported)),
                 _("{n} already in the library").format(n=len(self.skipped))]
        if self.doubtful:
            parts.append(_("{n} with doubts").format(n=len(self.doubtful)))
        parts.append(_("{n} failed").format(n=len(self.failed)))
        return _(", ").join(parts)

    def to_json(self) -> dict[str, object]:
        return {
            "imported": [d.__dict__ for d in self.imported],
            "skipped": [{"path": p, "symbol": s} for p, s in self.skipped],
            "failed": [{"path": p, "reason": r} for p, r in self.failed],
            "summary": self.summary(),
        }


Progress = Callable[[int, int, str], None]  # (done, total, current file)
Save = Callable[[AdoptedDocument, str], None]  # store one document in its own transaction
Stored = Callable[[str, str], "tuple[str, str] | None"]  # (symbol, lang) -> (hash, source) stored


def bulk_import(
    paths: Sequence[str | Path],
    *,
    known_hashes: set[str],
    stored: Stored,
    save: Save,
    progress: Progress | None = None,
) -> ImportReport:
    files, missing = iter_files(paths)
    report = ImportReport(failed=[(str(p), why) for p, why in missing])
    seen_this_run: dict[tuple[str, str], str] = {}
    for i, path in enumerate(files):
        if progress:
            progress(i, len(files), str(path))
        try:
            loaded = load_adopted(path)
        except DebateprepError as exc:
            report.failed.append((str(path), getattr(exc, "problem", None) or str(exc)))
            continue
        except Exception as exc:  # a parser bug must not stop a bulk import; report it
            report.failed.append((str(path), f"could not be read: {type(exc).__name__}: {exc}"))
            continue
        doc = loaded.doc
        key = (doc.symbol, doc.lang)
        if loaded.content_hash in known_hashes:
            report.skipped.append((str(path), doc.symbol))
            continue
        if key in seen_this_run:
            report.failed.append((str(path), f"{doc.symbol} ({doc.lang}) was already imported from {seen_this_run[key]}"))
            continue
        previous = stored(*key)
        if previous and previous[1] and Path(previous[1]).resolve() != path.resolve():
            report.failed.append(
                (str(path), f"{doc.symbol} ({doc.lang}) is already in the library from {previous[1]}")
            )
            continue
        try:
            save(doc, loaded.content_hash)
        except DebateprepError as exc:
            report.failed.append((str(path), str(exc)))
            continue
        known_hashes.add(loaded.content_hash)
        seen_this_run[key] = str(path)
        report.imported.append(
            ImportedDocument(
                str(path), doc.symbol, doc.lang, doc.count(PP), doc.count(OP), doc.count(PARA),
                doc.warnings, replaced=previous is not None, annex=doc.count(ANNEX),
            )
        )
    if progress:
        progress(len(files), len(files), "")
    return report
