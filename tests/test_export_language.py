"""A Chinese export is Chinese throughout, an English one English throughout.

Everything an export writes itself — headings, fixed sentences, terms, session labels, the names of
delegations, groups and organizations (the roster's UN names) — is in the export's language. What
cannot be translated stays as it came: imported text (the note's questions, adopted paragraphs,
statements, PRST paragraphs), people's names and titles, UN symbols and citations, and names the
roster has no Chinese for. The scan removes exactly those and finds no word of the other script.
Run on the bundled demo debate (Chinese note) and on the English sample debate, in both languages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pytest

from debateprep.domain.prst import Draft, Provenance
from debateprep.domain.roster import Roster
from debateprep.exporters.brief import BriefData, quote_passage
from debateprep.exporters.markdown import Document, parse
from debateprep.services.brief import BriefService
from debateprep.services.debates import DebateService
from debateprep.services.prst import PrstService
from debateprep.services.sample import load_sample
from debateprep.services.speakers import SpeakersService
from debateprep.services.statements import StatementService

# What may stay in Latin script in a Chinese export: UN symbols, citations, revision labels, the tool.
# (?<![A-Za-z]) rather than \b: a Chinese character is a word character too ("草案rev.1").
_SYMBOL = re.compile(r"(?<![A-Za-z])[A-Z]{1,4}(?:/[A-Za-z0-9.]+)+(?: \(\d{4}\))?(?: \(Resumption \d+\))?")
_CITATION = re.compile(r"(?<![A-Za-z])(?:PP|OP|para) \d+(?: \([a-z]{1,2}\))?")
_ALLOWED_LATIN = re.compile(rf"{_SYMBOL.pattern}|{_CITATION.pattern}|(?<![A-Za-z])(?:rev\.\d+|debateprep|F\d)"
                            r"(?![A-Za-z])")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff01-\uff60]")


def visible_blocks(md: str) -> list[str]:
    """The text a reader sees, one string per paragraph, heading or cell (code spans left out)."""
    blocks = []
    for token in parse(md):
        if token.type == "inline":
            parts = [" " if c.type in ("softbreak", "hardbreak") else c.content
                     for c in token.children or [] if c.type in ("text", "softbreak", "hardbreak")]
            blocks.append("".join(parts))
    return blocks


def as_rendered(text: str) -> str:
    """`text` as the exporters' builder renders it (escaping and line joining undone by the parser)."""
    doc = Document()
    doc.paragraph(text)
    return " ".join(visible_blocks(doc.to_markdown()))


def foreign_words(md: str, lang: str, imported: Iterable[str]) -> list[str]:
    """Words of the other language left once imported text, symbols and citations are removed."""
    keep = sorted({as_rendered(t) for t in imported if t and t.strip()}, key=len, reverse=True)
    found = []
    for block in visible_blocks(md):
        for text in keep:
            block = block.replace(text, " ")
        if lang == "zh":
            found += _LATIN_WORD.findall(_ALLOWED_LATIN.sub(" ", block))
        else:
            found += _CJK.findall(block)
    return found


def untranslatable(name: str | None, lang: str) -> list[str]:
    """A name stays as written only when the roster has no name for it in `lang`."""
    if not name:
        return []
    roster = Roster.load()
    known = roster.find(name) or roster.find_group(name)
    return [name] if known is None or not known.label(lang) else []


def brief_imports(data: BriefData, lang: str) -> list[str]:
    """Everything in a brief that came in as text and cannot be translated."""
    m = data.meeting
    out = [m.title, m.agenda_item or "", m.outcome or ""]
    if data.note:
        out += [data.note.title or "", *data.note.paragraphs, *data.note.themes]
    for q in data.questions or []:
        out += [q.text, q.original or "", q.question_form or ""]
        out += [n for a in q.addressed_by or [] for n in untranslatable(a, lang)]
    for b in data.briefers or []:
        out += [b.name or "", "" if (b.title or "").casefold() in ("representative", "代表") else b.title or ""]
        out += untranslatable(b.organization, lang)
    for s in data.speakers or []:
        out += [s.representative, "" if s.title.casefold() in ("representative", "代表") else s.title]
        out += untranslatable(s.delegation, lang)
    for name, _ in data.coverage.rows if data.coverage else []:
        out += untranslatable(name, lang)
    for e in data.coverage.evidence if data.coverage else []:
        # A cell's evidence quotes the statement and the words that matched: imported text.
        out += [quote_passage(e.passage), e.matched, *untranslatable(e.delegation, lang)]
    for point in data.convergence or []:
        out += [point.text, *(n for s in point.supporters for n in untranslatable(s, lang))]
    out += [a.text for a in data.agreed_language or []]
    if data.prst:
        out += [data.prst.chapeau, *(p.text for p in data.prst.paragraphs)]
    return out


def draft_imports(draft: Draft) -> list[str]:
    out = [draft.chapeau, *draft.texts(), *draft.quoted()]
    for p in draft.paragraphs:
        out += [p.provenance.source_text or "", p.closest_text or ""]
        out += [n for s in p.provenance.supporters for n in untranslatable(s, draft.language)]
    return out


PROPOSAL = ("Transition planning must start early and keep the protection of civilians at its centre, "
            "with benchmarks agreed with the host State.")


@pytest.fixture
def demo(sqlite_db, tmp_path: Path):  # type: ignore[no-untyped-def]
    """The bundled sample (`make demo`): debate 2 is S/2014/74 (Chinese), debate 1 the English note,
    each with briefers, the Council of its year, a person, a group statement and two statements."""
    load_sample(sqlite_db)
    speakers = SpeakersService(sqlite_db)
    debates = DebateService(sqlite_db)
    for debate_id in (1, 2):
        speakers.import_briefers(debate_id)
        speakers.inscribe_council(debate_id)
        speakers.add(debate_id, "Khaled Khiari", person=True, representative="Khaled Khiari",
                     title="Assistant Secretary-General for the Middle East")
        speakers.add(debate_id, "Norway", on_behalf_of="Nordic countries", level="minister")
        debate = debates.get(debate_id)
        debates.update(debate, settings=debate.settings.__class__(**{**debate.settings.to_dict(),
                                                                     "our_delegation": "China"}))
        files = []
        for name in ("France", "China"):
            path = tmp_path / f"{debate_id}-{name}.txt"
            path.write_text(f"{PROPOSAL} We also stress accountability.\n", encoding="utf-8")
            files.append(path)
        statements = StatementService(sqlite_db)
        statements.import_files(debate_id, [files[0]], delegation="France")
        statements.import_files(debate_id, [files[1]], delegation="China")
    prst = PrstService(sqlite_db)
    for debate_id, lang in ((2, "zh"), (2, "en"), (1, "en"), (1, "zh")):
        draft = prst.new_draft(debate_id, lang)
        assert draft.id is not None
        if lang == "zh":
            prst.add_library(draft.id, "S/RES/2594 (2021), OP 4")
            prst.add_text(draft.id, "安全理事会鼓励会员国分享保护平民的最佳做法。")
        else:
            prst.add_text(draft.id, "Encourages Member States to share best practices on the protection of civilians.")
        prst.add_text(draft.id, PROPOSAL if lang == "en" else "强调必须及早规划过渡。",
                      provenance=Provenance("group", source_id=1, supporters=("France", "China")))
        prst.check(draft.id)
        prst.revise(draft.id)
        prst.add_text(draft.id, "Requests the Secretary-General to report." if lang == "en" else "请秘书长提交报告。")
    return sqlite_db


@pytest.mark.parametrize("debate_id", [2, 1], ids=["demo-zh-debate", "english-debate"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_brief_is_in_one_language(demo, debate_id: int, lang: str) -> None:  # type: ignore[no-untyped-def]
    export = BriefService(demo).export(debate_id, lang=lang)
    md = export.content
    assert foreign_words(md, lang, brief_imports(export.data, lang)) == []
    ours = "中国" if lang == "zh" else "China"
    assert f"我方（{ours}）" in md if lang == "zh" else f"We ({ours}) speak" in md
    person = [line for line in md.splitlines() if "Khaled Khiari" in line and not line.startswith("|")]
    assert person and all(line.count("Khaled Khiari") == 1 for line in person)  # a name, printed once


@pytest.mark.parametrize("debate_id", [2, 1], ids=["demo-zh-debate", "english-debate"])
@pytest.mark.parametrize("annotated", [False, True], ids=["clean", "annotated"])
def test_prst_export_is_in_the_drafts_language(demo, debate_id: int, annotated: bool) -> None:  # type: ignore[no-untyped-def]
    service = PrstService(demo)
    drafts = service.drafts(debate_id)
    assert {d.language for d in drafts} == {"zh", "en"}
    for draft in drafts:
        assert draft.id is not None
        md = service.export(draft.id, annotated=annotated)
        assert foreign_words(md, draft.language, draft_imports(draft)) == [], draft.language


def test_the_scan_finds_what_it_should() -> None:
    """The scan itself: English in a Chinese export, Chinese in an English one, and what is allowed."""
    zh = "# 简报\n\n主席国：Denmark，见 S/RES/2594 (2021), OP 4 和 S/PV.7109 (Resumption 1)，rev.1。\n"
    assert foreign_words(zh, "zh", []) == ["Denmark"]
    en = "# Brief\n\nPresidency: 立陶宛 (see S/2014/74)\n"
    assert foreign_words(en, "en", []) == ["立", "陶", "宛"]
    assert foreign_words(en, "en", ["立陶宛"]) == []
