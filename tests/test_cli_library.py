"""`debateprep library …` end to end, in-process, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "library_samples"


def test_sample_then_search_json(cli) -> None:  # type: ignore[no-untyped-def]
    r = cli(["library", "sample", "--json"])
    assert r.exit_code == 0, r.stderr
    assert sorted(d["symbol"] for d in r.json()["imported"]) == [
        "S/RES/2518 (2020)", "S/RES/2589 (2021)", "S/RES/2594 (2021)",
    ]
    r = cli(["library", "search", "平民", "--lang", "zh", "--limit", "3", "--json"])
    assert r.exit_code == 0, r.stderr
    hits = r.json()
    assert len(hits) == 3
    for hit in hits:
        assert {"symbol", "kind", "number", "lead", "text", "citation", "score"} <= set(hit)
        assert "平民" in hit["text"]
        assert hit["citation"] == f"{hit['symbol']}, {hit['kind']} {hit['number']}"
    r = cli(["library", "search", "决定继续处理此案", "--kind", "OP", "--json"])
    assert sorted(h["citation"] for h in r.json()) == [
        "S/RES/2518 (2020), OP 15", "S/RES/2589 (2021), OP 10", "S/RES/2594 (2021), OP 15",
    ]


def test_search_human_output_marks_the_match(cli) -> None:  # type: ignore[no-untyped-def]
    cli(["library", "sample"])
    r = cli(["library", "search", "保护平民", "--limit", "5"])
    assert r.exit_code == 0
    assert "«保护平民»" in r.stdout
    assert "S/RES/2594 (2021), OP 3" in r.stdout
    r = cli(["library", "search", "nothing-like-this-anywhere"])
    assert r.exit_code == 0 and "the library holds only 3 Chinese documents" in r.stdout
    assert "nothing in English. Add English texts: `debateprep library import PATH…`" in r.stdout


def test_import_files_and_report(cli, shared_data: Path) -> None:  # type: ignore[no-untyped-def]
    en = shared_data / "resolutions_en_1946-1994"
    r = cli(["library", "import", str(SAMPLES / "resolution_2589-2021_accountability.zh.txt"),
             str(en / "S_RES_0242_1967_EN_GOLD.txt"), "--json"])
    assert r.exit_code == 0, r.stderr
    data = r.json()
    assert [(d["symbol"], d["pp"], d["op"]) for d in data["imported"]] == [
        ("S/RES/2589 (2021)", 13, 10), ("S/RES/242 (1967)", 3, 4),
    ]
    r = cli(["library", "import", str(en / "S_RES_0242_1967_EN_GOLD.txt")])
    assert r.exit_code == 0 and "1 already in the library" in r.stdout
    r = cli(["library", "search", "withdrawal Israel", "--lang", "en", "--json"])
    assert [h["citation"] for h in r.json()] == ["S/RES/242 (1967), OP 1 (1)"]


def test_import_failure_is_one_line_per_file(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "minutes.txt"
    bad.write_text("Nothing adopted here, just minutes.\n", encoding="utf-8")
    r = cli(["library", "import", str(bad), str(tmp_path / "missing.pdf")])
    assert r.exit_code == 2
    lines = [ln for ln in r.stderr.splitlines() if ln.startswith("failed:")]
    assert len(lines) == 2 and "Traceback" not in r.stderr
    assert "no such file" in r.stderr


def test_show_json_and_not_found(cli) -> None:  # type: ignore[no-untyped-def]
    cli(["library", "sample"])
    r = cli(["library", "show", "S/RES/2589 (2021)", "--json"])
    assert r.exit_code == 0
    doc = r.json()
    assert (doc["symbol"], doc["meeting"], doc["adopted_on"]) == ("S/RES/2589 (2021)", 8837, "2021-08-18")
    paras = doc["paragraphs"]
    assert sum(1 for p in paras if p["kind"] == "PP") == 13
    assert [p["citation"] for p in paras if p["sub"]] == ["S/RES/2589 (2021), OP 4 (a)", "S/RES/2589 (2021), OP 4 (b)"]
    assert all({"kind", "number", "lead", "text", "citation"} <= set(p) for p in paras)
    r = cli(["library", "show", "S/RES/2589 (2021)"])
    assert "13 PP, 10 OP" in r.stdout and "OP 4 (a)" in r.stdout
    r = cli(["library", "show", "S/RES/1325 (2000)"])
    assert r.exit_code == 1
    assert r.stderr.strip() == "debateprep: error: S/RES/1325 (2000) is not in the library"


def test_similar(cli) -> None:  # type: ignore[no-untyped-def]
    cli(["library", "sample"])
    r = cli(["library", "similar", "请秘书长继续鼓励维持和平行动东道国作出努力，确保追究杀害联合国维持和平行动人员的责任", "--json"])
    assert r.exit_code == 0
    hits = r.json()
    assert hits[0]["citation"] == "S/RES/2589 (2021), OP 4"
    assert 0.8 < hits[0]["similarity"] <= 1.0
    assert [h["similarity"] for h in hits] == sorted((h["similarity"] for h in hits), reverse=True)
    r = cli(["library", "similar", "请秘书长继续鼓励维持和平行动东道国作出努力"])
    assert "S/RES/2589 (2021), OP 4" in r.stdout and "%" in r.stdout


def test_list_and_bad_arguments(cli) -> None:  # type: ignore[no-untyped-def]
    r = cli(["library", "list"])
    assert r.exit_code == 0 and "library is empty" in r.stdout
    cli(["library", "sample"])
    r = cli(["library", "list", "--json"])
    assert len(r.json()) == 3
    r = cli(["library", "search", "平民", "--from", "2022", "--to", "2020"])
    assert r.exit_code == 2 and "year range" in r.stderr
    r = cli(["library", "search", "平民", "--kind", "XX"])
    assert r.exit_code == 2
