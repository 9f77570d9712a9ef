"""`debateprep prst …` end to end through the CLI (SQLite and PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

from debateprep.exporters.markdown import parse
from tests.test_prst_domain import EN_CHAPEAU, RES_2518, RES_2594, ZH_CHAPEAU, seed_paragraph


def _debate(cli) -> int:  # type: ignore[no-untyped-def]
    r = cli(["debate", "new", "Protection of civilians in armed conflict", "--meeting", "7109",
             "--date", "2014-02-12", "--presidency", "Lithuania", "--json"])
    assert r.exit_code == 0, r.stderr
    return int(r.json()["id"])


def test_new_draft_both_languages(cli) -> None:  # type: ignore[no-untyped-def]
    debate = _debate(cli)
    zh = cli(["prst", "new", str(debate), "--lang", "zh", "--json"])
    assert zh.exit_code == 0, zh.stderr
    assert zh.json()["chapeau"] == ZH_CHAPEAU
    en = cli(["prst", "new", str(debate), "--lang", "en"])
    assert en.exit_code == 0 and EN_CHAPEAU in en.stdout
    listed = cli(["prst", "list", "--json"]).json()
    assert [d["language"] for d in listed] == ["zh", "en"]


def test_draft_workflow(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _debate(cli)
    draft = str(cli(["prst", "new", "--lang", "zh", "--json"]).json()["id"])
    r = cli(["prst", "add", draft, "--text", seed_paragraph(RES_2594, "请秘书长确保在特派团规划"), "--json"])
    assert r.exit_code == 0, r.stderr
    assert r.json()["number"] == 1 and r.json()["text"].startswith("安全理事会请秘书长确保")
    request_id = r.json()["id"]
    r = cli(["prst", "add", draft, "--text", seed_paragraph(RES_2518, "重申维和基本原则")])
    reaffirm_id = request_id + 1
    # reaffirm goes first, takes the full subject; its number, id and version are shown
    assert r.stdout.startswith(f"¶1 (id {reaffirm_id}, v1): 安全理事会重申维和基本原则")
    shown = cli(["prst", "show", draft, "--json"]).json()
    assert [p["text"][:7] for p in shown["paragraphs"]] == ["安全理事会重申", "安理会请秘书长"]
    assert [p["category"] for p in shown["paragraphs"]] == ["reaffirm/recall", "request/intend"]

    moved = cli(["prst", "move", draft, str(request_id), "1"])
    assert moved.exit_code == 0 and moved.stdout.splitlines()[1].startswith(f"¶1 (id {request_id}, v1) 安全理事会请秘书长")
    back = cli(["prst", "move", draft, "--conventional"])
    assert back.stdout.splitlines()[1].startswith(f"¶1 (id {reaffirm_id}, v1) 安全理事会重申")

    assert cli(["prst", "revise", draft]).stdout.strip() == "rev.1: 2 paragraphs circulated"
    edit = cli(["prst", "edit", draft, str(reaffirm_id), "安全理事会重申维和基本原则，包括当事方同意和中立。",
                "--version", "1"])
    assert edit.exit_code == 0, edit.stderr
    stale = cli(["prst", "edit", draft, str(reaffirm_id), "安理会重申。", "--version", "1"])
    assert stale.exit_code == 2 and "Traceback" not in stale.stderr
    assert "was changed by" in stale.stderr and "its text changed from version 1 to 2: " in stale.stderr
    assert cli(["prst", "revise", draft, "--json"]).json()["revision"] == "rev.2"
    diff = cli(["prst", "diff", draft, "rev.1", "rev.2"])
    assert diff.exit_code == 0
    assert diff.stdout.startswith("rev.1 -> rev.2: 1 changed, 0 added, 0 removed, 0 moved")
    assert "{+和+}" in diff.stdout and "para 1 changed:" in diff.stdout
    assert cli(["prst", "diff", draft, "rev.1", "rev.2", "--json"]).json()["changes"][0]["kind"] == "changed"

    out = tmp_path / "prst.md"
    r = cli(["prst", "export", draft, "-o", str(out)])
    assert r.exit_code == 0, r.stderr
    text = out.read_text(encoding="utf-8")
    assert ZH_CHAPEAU in text and "“安全理事会重申维和基本原则，包括当事方同意和中立。" in text
    assert any(t.type == "heading_open" for t in parse(text))
    again = cli(["prst", "export", draft, "-o", str(out), "--annotated"])
    assert again.exit_code == 2 and "already exists" in again.stderr
    assert out.read_text(encoding="utf-8") == text
    forced = cli(["prst", "export", draft, "-o", str(out), "--annotated", "--force"])
    assert forced.exit_code == 0 and "[^1]:" in out.read_text(encoding="utf-8")


def test_convert_text_without_a_draft(cli) -> None:  # type: ignore[no-untyped-def]
    r = cli(["prst", "convert", "--text", "Recalling its resolution 1894 (2009),"])
    assert r.stdout.strip() == "The Security Council recalls its resolution 1894 (2009)."
    r = cli(["prst", "convert", "--text", "强调指出……，", "--first", "--json"])
    assert r.json()["text"] == "安全理事会强调指出……。" and r.json()["category"] == "stress/recognize/underline"


def test_errors_are_one_line(cli) -> None:  # type: ignore[no-untyped-def]
    missing = cli(["prst", "show", "42"])
    assert missing.exit_code == 1 and missing.stderr.startswith("debateprep: error: no PRST draft #42")
    _debate(cli)
    draft = str(cli(["prst", "new", "--lang", "en", "--json"]).json()["id"])
    for args in (["prst", "diff", draft], ["prst", "add", draft, "--text", "   "],
                 ["prst", "add", draft, "--text", "回顾，"], ["prst", "export", draft, "--annotated", "--rev", "rev.1"]):
        r = cli(args)
        assert r.exit_code == 2, args
        assert r.stderr.startswith("debateprep: error: ") and r.stderr.count("\n") == 1, r.stderr
    # mistakes in how a command is written: its own usage, then one line
    for args in (["prst", "move", draft], ["prst", "show", "abc"], ["prst", "list", "x"],
                 ["prst", "convert", draft, "--text", "Recalling X,"], ["prst", "edit", "1", "x", "y", "z"],
                 ["prst", "edit", draft, "x", "text"]):
        r = cli(args)
        prog = f"debateprep prst {args[1]}"
        assert r.exit_code == 2 and r.stderr.startswith(f"usage: {prog}"), (args, r.stderr)
        assert r.stderr.splitlines()[-1].startswith(f"{prog}: error: "), r.stderr
    # paragraphs are addressed by id, the draft first or not at all (the current one)
    for args in (["prst", "move", draft, "1", "2"], ["prst", "edit", draft, "1", "x"], ["prst", "remove", draft, "1"],
                 ["prst", "move", "1", "2"], ["prst", "edit", "1", "x"], ["prst", "remove", "1"]):
        r = cli(args)
        assert r.exit_code == 1 and r.stderr.startswith("debateprep: error: no paragraph id 1 in PRST draft"), r.stderr


def test_full_scenario_from_the_seeds(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The issue's 'done when': 7109th meeting draft, seeds in PRST form, agreed vs new, rev diff, export."""
    from tests.conftest import LIBRARY_SAMPLES

    assert cli(["library", "import", str(LIBRARY_SAMPLES)]).exit_code == 0
    _debate(cli)
    draft = str(cli(["prst", "new", "--lang", "zh", "--json"]).json()["id"])
    added = cli(["prst", "add", draft, "--library", "S/RES/2594 (2021), OP 2", "--json"])
    assert added.exit_code == 0, added.stderr
    assert added.json()["provenance"]["citation"] == "S/RES/2594 (2021), OP 2"
    assert added.json()["text"].startswith("安全理事会请秘书长结合具体国家过渡走向和平的更广泛背景")
    assert cli(["prst", "add", draft, "--library", "S/RES/2518 (2020), PP 6"]).stdout.startswith(
        f"¶1 (id {added.json()['id'] + 1}, v1): 安全理事会表示严重关切针对许多维和特派团联合国维和人员的安全威胁和蓄意攻击")
    invented = "安理会欢迎各会员国在月球上设立保护平民的联合培训中心。"
    assert cli(["prst", "add", draft, "--text", invented]).exit_code == 0
    checked = cli(["prst", "check", draft, "--json"]).json()["paragraphs"]
    marks = [(p["text"][:8], p["status"], p["closest_citation"]) for p in checked]
    assert marks[0] == ("安全理事会表示严", "agreed", "S/RES/2518 (2020), PP 6")
    assert marks[1][:2] == ("安理会欢迎各会员", "new")
    assert marks[2] == ("安理会请秘书长结", "agreed", "S/RES/2594 (2021), OP 2")
    assert cli(["prst", "revise", draft]).exit_code == 0
    assert cli(["prst", "remove", draft, str(checked[1]["id"]), "--version", "1"]).exit_code == 0
    assert cli(["prst", "revise", draft]).exit_code == 0
    diff = cli(["prst", "diff", draft]).stdout
    assert diff.startswith("rev.1 -> rev.2: 0 changed, 0 added, 1 removed, 0 moved")
    assert "- 安理会欢迎各会员国在月球上设立" in diff
    out = tmp_path / "annotated.md"
    assert cli(["prst", "export", draft, "--annotated", "-o", str(out)]).exit_code == 0
    tokens = parse(out.read_text(encoding="utf-8"))
    assert sum(1 for t in tokens if t.type == "footnote_open") == 2


def spoken_id(line: str) -> str:
    return line.split("(id ", 1)[1].split(",", 1)[0]


def test_review_flags_from_add_to_check_show_edit_and_export(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _debate(cli)
    draft = str(cli(["prst", "new", "--lang", "en", "--json"]).json()["id"])
    added = cli(["prst", "add", draft, "--text", "Acting under Chapter VII of the Charter of the United Nations,",
                 "--json"])
    assert added.exit_code == 0, added.stderr
    assert added.json()["text"] == "The Security Council acts under Chapter VII of the Charter of the United Nations."
    assert [f["code"] for f in added.json()["flags"]] == ["chapter-vii"]
    plain = cli(["prst", "add", draft, "--text", "Recalling its resolution 1894 (2009),"])
    assert plain.exit_code == 0 and "review:" not in plain.stderr
    shown = cli(["prst", "show", draft, "--json"]).json()
    assert [[f["code"] for f in p["flags"]] for p in shown["paragraphs"]] == [[], ["chapter-vii"]]
    check = cli(["prst", "check", draft])
    assert check.exit_code == 0, check.stderr
    assert "review: a presidential statement is not adopted under Chapter VII" in check.stdout
    assert check.stdout.rstrip().endswith("1 to review")
    # an edit in resolution form is converted like an addition; its flags replace the old ones
    flagged_id = shown["paragraphs"][1]["id"]
    edit = cli(["prst", "edit", draft, str(flagged_id), "Requests the Secretary-General to report to the Council;",
                "--json"])
    assert edit.exit_code == 0, edit.stderr
    assert edit.json()["text"] == "The Security Council requests the Secretary-General to report to the Council."
    assert edit.json()["flags"] == []
    spoken = cli(["prst", "add", draft, "--text", "We call on the Council to consider a panel of experts."])
    assert spoken.stdout.startswith(f"¶3 (id {spoken_id(spoken.stdout)}, v1): The Security Council expresses its "
                                    "intention to consider a panel")
    assert "review: a delegation asked the Council to consider" in spoken.stderr
    out = tmp_path / "annotated.md"
    assert cli(["prst", "export", draft, "--annotated", "-o", str(out)]).exit_code == 0
    annotated = out.read_text(encoding="utf-8")
    assert "1 flagged for review" in annotated and "To review: a delegation asked the Council to consider" in annotated
    converted = cli(["prst", "convert", "--text", "Acting under Chapter VII of the Charter,", "--json"]).json()
    assert [f["code"] for f in converted["flags"]] == ["chapter-vii"]


def test_comma_spliced_council_verbs_through_add_show_and_check(cli) -> None:  # type: ignore[no-untyped-def]
    """A new user's `prst add` gave "… recalls its resolution 2594 (2021), stresses that …", unflagged."""
    _debate(cli)
    draft = str(cli(["prst", "new", "--lang", "en", "--json"]).json()["id"])
    added = cli(["prst", "add", draft, "--text",
                 "Recalling its resolution 2594 (2021), stressing that transitions must be planned early,", "--json"])
    assert added.exit_code == 0, added.stderr
    assert added.json()["text"] == ("The Security Council recalls its resolution 2594 (2021) and stresses that "
                                    "transitions must be planned early.")
    typed = "The Security Council welcomes the report, calls upon all parties to implement it."
    kept = cli(["prst", "add", draft, "--text", typed, "--as-is", "--json"])
    assert kept.exit_code == 0, kept.stderr
    assert kept.json()["text"] == typed
    shown = cli(["prst", "show", draft, "--json"]).json()["paragraphs"]
    assert [[f["code"] for f in p["flags"]] for p in shown] == [["joined-verbs"], ["comma-splice"]]
    check = cli(["prst", "check", draft])
    assert check.exit_code == 0, check.stderr
    assert "review: two Council verbs were joined by a comma only: 'and' inserted before 'stresses'" in check.stdout
    assert "review: two Council verbs joined by a comma only (', calls …')" in check.stdout
    assert check.stdout.rstrip().endswith("2 to review")
    checked = cli(["prst", "check", draft, "--json"]).json()["paragraphs"]
    assert [[f["code"] for f in p["flags"]] for p in checked] == [["joined-verbs"], ["comma-splice"]]


def test_prst_commands_say_and_never_guess_which_debates_draft(cli) -> None:  # type: ignore[no-untyped-def]
    """The README user's afternoon: `prst new 1` while debate #2 (more recent) had a draft, then
    `prst add --library` went to debate #2's draft and said the paragraph was not in the library
    (it was, in Chinese)."""
    from tests.conftest import LIBRARY_SAMPLES

    assert cli(["library", "import", str(LIBRARY_SAMPLES)]).exit_code == 0  # Chinese texts only
    first = cli(["debate", "new", "Transitions", "--json"]).json()["id"]
    second = cli(["debate", "new", "Peacekeeper safety", "--json"]).json()["id"]
    assert cli(["prst", "new", second, "--lang", "zh"]).exit_code == 0
    made = cli(["prst", "new", first])  # English, as the debate
    assert made.exit_code == 0 and made.stdout.startswith(f"PRST draft #2 for #{first} Transitions")
    assert f"other debates (#{second}) have drafts too: give this draft's id to the commands that follow " \
           "(`debateprep prst add 2 …`)" in made.stderr

    guessed = cli(["prst", "add", "--library", "S/RES/2594 (2021), OP 3"])  # which draft? not guessed
    assert guessed.exit_code != 0 and guessed.stderr.count("\n") == 1, guessed.stderr
    assert "which PRST draft? several debates have one" in guessed.stderr
    assert f"#{first} → draft #2" in guessed.stderr and f"#{second} → draft #1" in guessed.stderr
    assert len(cli(["prst", "show", "1", "--json"]).json()["paragraphs"]) == 0  # nothing added anywhere

    wrong_lang = cli(["prst", "add", "2", "--library", "S/RES/2594 (2021), OP 3"])
    assert wrong_lang.exit_code != 0
    assert "S/RES/2594 (2021), OP 3 is in the library in zh only, and PRST draft #2 (debate #1) is in en" \
        in wrong_lang.stderr and "not in the library" not in wrong_lang.stderr

    added = cli(["prst", "add", "1", "--library", "S/RES/2594 (2021), OP 3"])
    assert added.exit_code == 0, added.stderr
    assert f"debateprep: PRST draft #1 (zh) of debate #{second} Peacekeeper safety" in added.stderr
    assert added.stdout.startswith("¶1 (id ")
    assert cli(["prst", "add", "2", "The Security Council recalls its resolution 2594 (2021)."]).exit_code == 0
    for args in (["prst", "show", "2"], ["prst", "check", "2"], ["prst", "revise", "2"], ["prst", "order", "2"],
                 ["prst", "diff", "2"], ["prst", "export", "2"]):
        said = cli(args)
        assert said.exit_code == 0, (args, said.stderr)
        assert f"PRST draft #2 (en) of debate #{first} Transitions" in said.stderr, args


def test_edit_refreshes_provenance_and_the_agreed_check(cli) -> None:  # type: ignore[no-untyped-def]
    """A rewritten paragraph says what is true of the new text: typed by the drafter, edited from its
    first source, and agreed or new (with closest citation and similarity) as `prst check` finds."""
    from tests.conftest import LIBRARY_SAMPLES

    assert cli(["library", "import", str(LIBRARY_SAMPLES)]).exit_code == 0
    _debate(cli)
    draft = str(cli(["prst", "new", "--lang", "zh", "--json"]).json()["id"])
    added = cli(["prst", "add", draft, "--library", "S/RES/2594 (2021), OP 2", "--json"]).json()
    pid = str(added["id"])
    before = cli(["prst", "check", draft, "--json"]).json()["paragraphs"][0]
    assert (before["status"], before["closest_citation"]) == ("agreed", "S/RES/2594 (2021), OP 2")

    invented = "安理会欢迎各会员国在月球上设立保护平民的联合培训中心。"
    assert cli(["prst", "edit", draft, pid, invented]).exit_code == 0
    shown = cli(["prst", "show", draft, "--json"]).json()["paragraphs"][0]
    assert shown["provenance"]["kind"] == "typed" and shown["provenance"]["source_text"] == invented
    assert shown["provenance"]["edited_from"]["citation"] == "S/RES/2594 (2021), OP 2"
    assert shown["status"] == "new" and shown["similarity"] < before["similarity"]
    text = cli(["prst", "show", draft]).stdout
    assert "(edited by the drafter from agreed language: S/RES/2594 (2021), OP 2)" in text
    assert "[agreed" not in text
    # the same as the check itself finds for the new text
    checked = cli(["prst", "check", draft, "--json"]).json()["paragraphs"][0]
    assert (checked["status"], checked["closest_citation"], checked["similarity"]) == (
        shown["status"], shown["closest_citation"], shown["similarity"])

    # rewritten again, now as other agreed language: agreed, that citation; still edited from the first source
    other = seed_paragraph(RES_2518, "表示严重关切针对许多维和特派团")
    assert cli(["prst", "edit", draft, pid, other]).exit_code == 0
    again = cli(["prst", "show", draft, "--json"]).json()["paragraphs"][0]
    assert (again["status"], again["closest_citation"]) == ("agreed", "S/RES/2518 (2020), PP 6")
    assert again["similarity"] >= 0.97
    assert again["provenance"]["edited_from"]["citation"] == "S/RES/2594 (2021), OP 2"
    # its first source cannot be added a second time beside the rewrite
    dup = cli(["prst", "add", draft, "--library", "S/RES/2594 (2021), OP 2"])
    assert dup.exit_code != 0 and "edited by the drafter from agreed language" in dup.stderr


def test_diff_shows_a_rewritten_paragraph_as_one_changed_paragraph(cli) -> None:  # type: ignore[no-untyped-def]
    """Paragraphs are matched by id: a rewrite is "changed" with its words marked, not a removal
    and an addition; a paragraph added or removed is one; one that left its place is moved."""
    _debate(cli)
    draft = str(cli(["prst", "new", "--lang", "en", "--json"]).json()["id"])
    ids = [cli(["prst", "add", draft, text, "--at", str(n), "--json"]).json()["id"] for n, text in enumerate(
        ["The Security Council reaffirms its commitment to the protection of civilians.",
         "The Security Council notes the report of the Secretary-General.",
         "The Security Council requests the Secretary-General to brief it."], start=1)]
    assert cli(["prst", "revise", draft]).exit_code == 0
    rewritten = "The Security Council strongly condemns every attack on humanitarian workers."
    assert cli(["prst", "edit", draft, str(ids[1]), rewritten]).exit_code == 0
    assert cli(["prst", "move", draft, str(ids[2]), "1"]).exit_code == 0
    assert cli(["prst", "remove", draft, str(ids[0])]).exit_code == 0
    assert cli(["prst", "add", draft, "The Security Council welcomes the updated aide-memoire.", "--json"]).exit_code == 0
    diff = cli(["prst", "diff", draft])  # rev.1 -> the working text
    assert diff.exit_code == 0, diff.stderr
    assert diff.stdout.startswith("rev.1 -> current: 1 changed, 1 added, 1 removed, 1 moved"), diff.stdout
    assert ("para 2 changed:\n  The Security Council [-notes the report of the Secretary-General-]{+strongly "
            "condemns every attack on humanitarian workers+}.") in diff.stdout
    assert "para 3 moved to para 1" in diff.stdout
    assert "- The Security Council reaffirms its commitment" in diff.stdout
    assert "+ The Security Council welcomes the updated aide-memoire." in diff.stdout
    assert cli(["prst", "revise", draft]).exit_code == 0
    changes = cli(["prst", "diff", draft, "rev.1", "rev.2", "--json"]).json()["changes"]
    assert sorted(c["kind"] for c in changes) == ["added", "changed", "moved", "removed"]
    changed = next(c for c in changes if c["kind"] == "changed")
    assert (changed["old"], changed["new_text"]) == (2, rewritten)
    assert {"op": "delete", "text": "notes the report of the Secretary-General"} in changed["words"]
    # a paragraph moved (nothing else changed) is a move
    assert cli(["prst", "move", draft, str(ids[2]), "3"]).exit_code == 0
    moved = cli(["prst", "diff", draft]).stdout
    assert moved.startswith("rev.2 -> current: 0 changed, 0 added, 0 removed, 1 moved"), moved
