"""The library service on a real database (SQLite and PostgreSQL): import, search, similar, show.

Search results are checked against a plain scan of the same paragraphs: Chinese queries must find
exactly the paragraphs containing the substring, English queries exactly those containing the words.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from debateprep.domain.errors import InputError, NotFound
from debateprep.domain.resolution import parse_adopted
from debateprep.services.library import LibraryService

SAMPLES = Path(__file__).resolve().parents[1] / "library_samples"
EN_PICK = [(242, 1967), (338, 1973), (1445, 2002), (1454, 2002), (827, 1993), (688, 1991), (138, 1960)]


@pytest.fixture
def lib(db) -> LibraryService:  # type: ignore[no-untyped-def]
    svc = LibraryService(db)
    report = svc.load_sample()
    assert len(report.imported) == 3 and not report.failed
    return svc


@pytest.fixture
def lib_en(lib: LibraryService, shared_data: Path, tmp_path: Path) -> LibraryService:
    folder = tmp_path / "en"
    folder.mkdir()
    for n, y in EN_PICK:
        name = f"S_RES_{n:04d}_{y}_EN_GOLD.txt"
        shutil.copy(shared_data / "resolutions_en_1946-1994" / name, folder / name)
    report = lib.import_paths([folder])
    assert len(report.imported) == len(EN_PICK) and not report.failed
    return lib


def _all_paragraphs(svc: LibraryService):  # type: ignore[no-untyped-def]
    return [p for d in svc.documents() for p in svc.show(d.symbol, d.lang).paragraphs]


def test_sample_import_counts_and_is_resumable(lib: LibraryService) -> None:
    docs = {d.symbol: d for d in lib.documents()}
    assert set(docs) == {"S/RES/2518 (2020)", "S/RES/2589 (2021)", "S/RES/2594 (2021)"}
    assert docs["S/RES/2589 (2021)"].paragraphs == 13 + 10 + 2  # OP 4 (a) and (b) are rows too
    again = lib.load_sample()
    assert (len(again.imported), len(again.skipped), len(again.failed)) == (0, 3, 0)
    doc = lib.show("S/RES/2594 (2021)")
    assert (doc.count("PP"), doc.count("OP"), doc.meeting) == (13, 15, 8852)


@pytest.mark.parametrize("query", ["和", "民", "平民", "维和", "安保", "保护平民", "维持和平行动", "决定继续处理此案"])
def test_chinese_search_finds_exactly_the_substring(lib: LibraryService, query: str) -> None:
    expected = {p.citation for p in _all_paragraphs(lib) if query in p.text}
    hits = lib.search(query, limit=500)
    assert expected, query
    assert {h.citation for h in hits} == expected
    for h in hits:
        assert query in h.text
        assert any(h.snippet.text[s:e] == query for s, e in h.snippet.spans)


def test_chinese_phrase_never_spans_punctuation(lib: LibraryService) -> None:
    texts = [p.text for p in _all_paragraphs(lib)]
    assert any("责任，认识到" in t for t in texts)
    assert not any("责任认识到" in t for t in texts)
    assert lib.search("责任认识到") == []
    assert lib.search("责任，认识到")


def test_chinese_results_have_citations(lib: LibraryService) -> None:
    hits = lib.search("决定继续处理此案", limit=10)
    assert sorted(h.citation for h in hits) == [
        "S/RES/2518 (2020), OP 15", "S/RES/2589 (2021), OP 10", "S/RES/2594 (2021), OP 15",
    ]
    assert all(h.paragraph.lead == "决定" for h in hits)
    sub = lib.search("联合国为了跟进了解")
    assert [h.citation for h in sub] == ["S/RES/2589 (2021), OP 4 (b)"]


def test_filters(lib: LibraryService) -> None:
    assert {h.paragraph.kind for h in lib.search("平民", kind="PP", limit=100)} == {"PP"}
    assert {h.symbol for h in lib.search("平民", symbol="S/RES/2594", limit=100)} == {"S/RES/2594 (2021)"}
    assert {h.symbol for h in lib.search("维和", year_from=2021, limit=100)} <= {"S/RES/2589 (2021)", "S/RES/2594 (2021)"}
    assert {h.symbol for h in lib.search("维和", year_to=2020, limit=100)} == {"S/RES/2518 (2020)"}
    leads = {h.paragraph.lead for h in lib.search("秘书长", lead="请", kind="OP", limit=100)}
    assert leads == {"请"}
    assert lib.search("平民", lang="en") == []
    with pytest.raises(InputError):
        lib.search("平民", kind="XX")
    with pytest.raises(InputError):
        lib.search("平民", year_from=2022, year_to=2020)


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


@pytest.mark.parametrize("query", ["peace", "Secretary-General", "international tribunal", "Decides"])
def test_english_search_is_word_aware(lib_en: LibraryService, query: str) -> None:
    words = re.findall(r"[a-z0-9]+", query.lower())
    expected = {p.citation for p in _all_paragraphs(lib_en) if p.lang == "en" and set(words) <= _words(p.text)}
    hits = lib_en.search(query, lang="en", limit=500)
    assert expected
    assert {h.citation for h in hits} <= expected
    if len(words) == 1:  # one word: the word itself, never "peaceful" or "peacekeeping"
        assert {h.citation for h in hits} == expected
    assert all(h.snippet.spans for h in hits)


def test_english_phrase_and_citation(lib_en: LibraryService) -> None:
    hits = lib_en.search('"just and lasting peace"', lang="en")
    assert "S/RES/242 (1967), PP 2" in {h.citation for h in hits}
    assert all("just and lasting peace" in h.text for h in hits)
    top = lib_en.search("cease-fire", symbol="S/RES/338 (1973)")
    assert top and top[0].citation.startswith("S/RES/338 (1973), OP")
    assert lib_en.search("Requests", lead="Requests", kind="OP", lang="en")[0].paragraph.lead == "Requests"


def test_similar_finds_the_source_paragraph(lib_en: LibraryService) -> None:
    doc = lib_en.show("S/RES/2594 (2021)")
    op3 = doc.paragraph("OP", 3).text
    edited = op3.replace("鼓励国家政府", "鼓励各国政府")[:120]
    best = lib_en.similar(edited, 3)
    assert best[0].citation == "S/RES/2594 (2021), OP 3"
    assert best[0].similarity > 0.8 and best[0].similarity >= best[-1].similarity
    english = "Requests the Secretary-General to designate a Special Representative to proceed to the Middle East"
    best = lib_en.similar(english, 5)
    assert best[0].citation == "S/RES/242 (1967), OP 3"
    assert best[0].similarity > 0.8
    assert all(h.paragraph.lang == "en" for h in best)
    assert lib_en.similar("   ") == []


def test_an_empty_answer_says_why(db) -> None:  # type: ignore[no-untyped-def]
    """0 paragraphs never comes alone: what the library holds, and how to add what is missing."""
    svc = LibraryService(db)
    assert svc.search("civilians") == []
    empty = svc.why_empty("civilians")
    assert empty.startswith("The library is empty.") and "library sample" in empty and "ctrl+l" in empty
    svc.load_sample()  # three Chinese resolutions only
    assert svc.search("civilians") == []
    english = svc.why_empty("civilians")
    assert english.startswith("No paragraph contains 'civilians': the library holds only 3 Chinese documents (")
    assert "nothing in English" in english and "`debateprep library import PATH…`" in english
    assert "ctrl+t on the Agreed language tab (F4)" in english
    assert "(language filter zh)" in svc.why_empty("civilians", lang="zh")
    assert "nothing in English" in svc.why_empty("平民", lang="en")
    assert svc.search("平民", year_from=2030) == []
    years = svc.why_empty("平民", year_from=2030)
    assert re.fullmatch(r"No paragraph matches '平民' with the years; without it, \d+ paragraphs do\.", years)
    assert "S/RES/9999 (2030) is not in the library" in svc.why_empty("平民", symbol="S/RES/9999 (2030)")
    assert "contains every term of '猫狗'" in svc.why_empty("猫狗")


def test_paragraph_by_citation_and_context(lib: LibraryService) -> None:
    sp = lib.paragraph("S/RES/2589 (2021), OP 4 (a)")
    assert sp.paragraph.text.startswith("当前或以往的维持和平行动东道国")
    around = lib.context(sp.id, before=1, after=1)
    assert [p.paragraph.label for p in around] == ["OP 4", "OP 4 (a)", "OP 4 (b)"]
    assert lib.paragraph(sp.id).paragraph == sp.paragraph
    with pytest.raises(NotFound):
        lib.paragraph("S/RES/2589 (2021), OP 99")
    with pytest.raises(InputError):
        lib.paragraph("OP 4 of something")


def test_annex_paragraphs_are_searchable_and_cited(lib_en: LibraryService) -> None:
    doc = lib_en.show("S/RES/1454 (2002)")
    assert (doc.count("PP"), doc.count("OP")) == (6, 5)  # stored and read back: the annexes are not OPs
    hits = lib_en.search('"Goods Review List procedures"', lang="en")
    assert "S/RES/1454 (2002), annex B, title" in {h.citation for h in hits}
    hits = lib_en.search('"Lumpy Skin Disease virus"', lang="en")
    assert [h.citation for h in hits] == ["S/RES/1454 (2002), annex A, para. 40"]
    assert hits[0].to_json()["part"] == "annex A"
    b3 = lib_en.paragraph("S/RES/1454 (2002), annex B, para. 3")
    assert b3.paragraph.text.startswith("Each application will be reviewed and registered by OIP")
    assert lib_en.paragraph("S/RES/1454 (2002), annex b, para. 12 (c)").paragraph.text == "Denial;"
    assert lib_en.paragraph("S/RES/1454 (2002), OP 3").paragraph.lead == "Directs"
    with pytest.raises(NotFound, match=r"annex B, para\. 99"):
        lib_en.paragraph("S/RES/1454 (2002), annex B, para. 99")
    annex_only = lib_en.search("Iraq", kind="annex", symbol="S/RES/1454 (2002)", limit=200)
    assert annex_only and all(h.paragraph.kind == "annex" for h in annex_only)


def test_show_unknown_symbol(lib: LibraryService) -> None:
    with pytest.raises(NotFound):
        lib.show("S/RES/1325 (2000)")
    assert lib.show("S/RES/2589").symbol == "S/RES/2589 (2021)"


def test_reimport_of_a_changed_file_replaces_it(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    svc = LibraryService(db)
    src = tmp_path / "resolution_2589-2021_accountability.zh.txt"
    text = (SAMPLES / src.name).read_text(encoding="utf-8")
    src.write_text(text, encoding="utf-8")
    assert len(svc.import_paths([src]).imported) == 1
    src.write_text(text.replace("致敬所有联合国维持和平行动人员", "向所有联合国维持和平行动人员致敬"), encoding="utf-8")
    report = svc.import_paths([src])
    assert len(report.imported) == 1 and report.imported[0].replaced
    assert len(svc.search("向所有联合国维持和平行动人员致敬")) == 1
    assert svc.search("致敬所有联合国维持和平行动人员") == []
    assert svc.documents()[0].paragraphs == 25


def test_bad_files_are_reported_not_raised(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    svc = LibraryService(db)
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "note.txt").write_text("Just a note to self, nothing adopted here.\n", encoding="utf-8")
    (tmp_path / "image.pdf").write_bytes(b"not a pdf at all")
    report = svc.import_paths([tmp_path, tmp_path / "missing.txt"])
    reasons = dict(report.failed)
    assert set(reasons) == {str(tmp_path / n) for n in ("empty.txt", "note.txt", "image.pdf", "missing.txt")}
    assert "symbol" in reasons[str(tmp_path / "note.txt")]
    assert svc.count() == 0


def test_nul_characters_in_a_document_go_the_same_way_on_both_databases(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """PostgreSQL cannot store NUL characters and SQLite can: once the first refused a document
    mid-way and the second kept them. Now they are dropped on the way in, on both (issue 17)."""
    svc = LibraryService(db)
    text = (SAMPLES / "resolution_2594-2021_transitions.zh.txt").read_text(encoding="utf-8")
    broken = text.replace("继续处理此案", "继续\x00处理此案")
    assert broken != text
    svc.import_text(broken)
    assert svc.count() == 1 and svc.search("继续处理此案") != []
    assert all("\x00" not in h.paragraph.text for h in svc.search("处理此案"))


def test_english_slice_on_both_backends(db, shared_data: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Every 15th resolution of 1946-1994 (all eras of OCR layout), on SQLite and PostgreSQL."""
    files = sorted((shared_data / "resolutions_en_1946-1994").glob("S_RES_*.txt"))[::15]
    for f in files:
        shutil.copy(f, tmp_path / f.name)
    svc = LibraryService(db)
    report = svc.import_paths([tmp_path])
    assert (len(report.imported), report.failed) == (len(files), [])
    for doc in report.imported:
        stored = svc.show(doc.symbol)
        assert (stored.count("PP"), stored.count("OP")) == (doc.pp, doc.op)
    hits = svc.search("Security Council", lang="en", limit=500)
    assert len({h.symbol for h in hits}) > len(files) // 2


def test_whole_english_corpus_imports(sqlite_db, shared_data: Path) -> None:  # type: ignore[no-untyped-def]
    """All 902 files (PostgreSQL gets the slice above; benchmarks/bench_library.py --pg runs far more)."""
    svc = LibraryService(sqlite_db)
    seen: list[int] = []
    report = svc.import_paths([shared_data / "resolutions_en_1946-1994"], progress=lambda d, t, f: seen.append(d))
    assert len(report.imported) == 900
    # Two files of the corpus hold another resolution's text (542 is 538's, 778 is 773's)
    assert sorted(Path(p).name for p, _ in report.failed) == ["S_RES_0542_1983_EN_GOLD.txt", "S_RES_0778_1992_EN_GOLD.txt"]
    assert all("already imported" in why for _, why in report.failed)
    assert 0 < len(report.doubtful) < 40
    assert seen[0] == 0 and seen[-1] == 902
    hits = svc.search('"just and lasting peace"', limit=200)
    assert "S/RES/242 (1967), PP 2" in {h.citation for h in hits}
    assert len({h.symbol for h in hits}) > 10 and all("just and lasting peace" in h.text.lower() for h in hits)
    again = svc.import_paths([shared_data / "resolutions_en_1946-1994"])
    assert (len(again.imported), len(again.skipped)) == (0, 900)
    parsed = parse_adopted((shared_data / "resolutions_en_1946-1994" / "S_RES_0242_1967_EN_GOLD.txt").read_text())
    assert svc.show("S/RES/242 (1967)").paragraphs == parsed.paragraphs


def test_postgresql_trigrams_find_a_reworded_paragraph(lib_en: LibraryService) -> None:
    """PostgreSQL's own similarity machinery (pg_trgm, migration 0007) is a second source of
    candidates for `similar`; SQLite has none and says so with an empty answer."""
    reworded = ("Request the Secretary General to designate a special representative who will proceed "
                "to the Middle-East")  # inflections, hyphens and case changed: other full-text tokens
    with lib_en.db.session() as s:
        close = lib_en.backend.close_to(s, reworded, "en", 5)
    if lib_en.db.dialect == "sqlite":
        assert close == []
        return
    assert close, "the trigram index of migration 0007 is missing"
    assert lib_en.paragraph(close[0].paragraph_id).paragraph.citation == "S/RES/242 (1967), OP 3"
    assert close[0].score >= 0.5 and all(a.score >= b.score for a, b in zip(close, close[1:]))
    assert lib_en.similar(reworded, 3)[0].citation == "S/RES/242 (1967), OP 3"
    chinese = lib_en.show("S/RES/2594 (2021)").paragraph("OP", 3).text[:80]
    with lib_en.db.session() as s:
        zh = lib_en.backend.close_to(s, chinese, "zh", 5)
    # Chinese trigrams depend on the server's character classification (its LC_CTYPE): the test
    # server's C.UTF-8 has them; a plain "C" server has none, and the full-text path serves alone.
    with lib_en.db.session() as s:
        ctype = s.connection().exec_driver_sql(
            "SELECT datctype FROM pg_database WHERE datname = current_database()").scalar()
    if ctype == "C":
        assert zh == []
    else:
        assert zh and lib_en.paragraph(zh[0].paragraph_id).paragraph.citation == "S/RES/2594 (2021), OP 3"
