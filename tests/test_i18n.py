"""The interface in English and Chinese: the catalogs, how the language is chosen, the CLI and the TUI.

A string added to the interface without a Chinese translation fails here (the catalog is
re-extracted and compared), as does a catalog whose compiled .mo was not rebuilt.
"""

from __future__ import annotations

import ast
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from debateprep import i18n
from debateprep.services.settings import UserSettings
from tests.conftest import REPO

LOCALE = REPO / "src" / "debateprep" / "locale"
CATALOGS = {code: folder for code, (folder, _name) in i18n.LANGUAGES.items() if folder is not None}


def _read(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle)


def _po(folder: str) -> Path:
    return LOCALE / folder / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"


def _ids(catalog: Catalog) -> set[object]:
    return {m.id for m in catalog if m.id}


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    """The strings of the source as they are now, extracted with the options of `make catalog`."""
    out = tmp_path_factory.mktemp("extract") / "fresh.pot"
    done = subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg",
                           "-k", "N_", "-o", str(out), "."], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return _read(out)


# -- the catalogs ------------------------------------------------------------------------------


def test_the_template_and_every_catalog_hold_exactly_the_strings_of_the_source(extracted: Catalog) -> None:
    """A string added, changed or removed in the code without `make catalog` fails here."""
    fresh = _ids(extracted)
    assert len(fresh) > 30
    assert _ids(_read(LOCALE / f"{i18n.DOMAIN}.pot")) == fresh
    for folder in CATALOGS.values():
        held = _ids(_read(_po(folder)))
        assert not fresh - held, f"{folder}: not in the catalog (run make catalog): {sorted(map(str, fresh - held))}"
        assert not held - fresh, f"{folder}: no longer in the code (run make catalog): {sorted(map(str, held - fresh))}"


@pytest.mark.parametrize("folder", sorted(CATALOGS.values()))
def test_every_string_is_translated_and_none_is_fuzzy(folder: str) -> None:
    catalog = _read(_po(folder))
    untranslated = [m.id for m in catalog if m.id and not (all(m.string) if isinstance(m.string, tuple) else m.string)]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert untranslated == [], f"{folder}: translate these"
    assert fuzzy == [], f"{folder}: check these and remove their fuzzy flag"


@pytest.mark.parametrize("folder", sorted(CATALOGS.values()))
def test_a_translation_keeps_every_placeholder_of_its_string(folder: str) -> None:
    """`{name}` in the English must be `{name}` in the translation, or .format() fails or drops it."""
    names = re.compile(r"\{([^{}]*)\}")
    wrong = []
    for m in _read(_po(folder)):
        if not m.id:
            continue
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        wanted = set(names.findall(ids[-1]))
        for string in strings:
            if set(names.findall(string)) != wanted:
                wrong.append((ids[0], string))
    assert wrong == []


@pytest.mark.parametrize("folder", sorted(CATALOGS.values()))
def test_the_shipped_mo_is_compiled_from_the_po(folder: str) -> None:
    compiled = io.BytesIO()
    write_mo(compiled, _read(_po(folder)))
    assert (LOCALE / folder / "LC_MESSAGES" / f"{i18n.DOMAIN}.mo").read_bytes() == compiled.getvalue(), \
        "run make catalog"


def test_packaging_ships_the_compiled_catalogs() -> None:
    """The wheel takes package data from pyproject's list: the .mo files must be on it (tests/test_wheel.py
    checks an installed wheel speaks Chinese)."""
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert '"locale/*/LC_MESSAGES/*.mo"' in text


# -- the current language -----------------------------------------------------------------------


def test_strings_follow_the_current_language_and_switch_at_run_time() -> None:
    assert i18n._("Speakers") == "Speakers"
    i18n.set_language("zh")
    assert i18n.language() == "zh"
    assert i18n._("Speakers") == "发言名单"
    assert i18n._("") == ""  # never the catalog's header
    assert i18n._("a string nobody translated") == "a string nobody translated"
    i18n.set_language("en")
    assert i18n._("Speakers") == "Speakers"
    with pytest.raises(ValueError, match="unknown interface language 'fr'"):
        i18n.set_language("fr")
    assert i18n.language() == "en"


def test_the_flag_beats_the_environment_beats_the_setting_beats_the_locale() -> None:
    choose = i18n.choose_language
    assert choose("zh", "en", {"DEBATEPREP_LANG": "en", "LANG": "en_GB.UTF-8"}) == "zh"
    assert choose(None, "en", {"DEBATEPREP_LANG": "zh"}) == "zh"
    assert choose(None, "zh", {"LANG": "en_US.UTF-8"}) == "zh"
    assert choose(None, None, {"LANG": "zh_CN.UTF-8"}) == "zh"
    assert choose(None, None, {"LANG": "zh_TW.UTF-8"}) == "zh"
    assert choose(None, None, {}) == "en"
    # a language we have no catalog for is passed over: the next source decides
    assert choose("fr", None, {"DEBATEPREP_LANG": "de", "LANG": "zh_CN.UTF-8"}) == "zh"


@pytest.mark.parametrize(("environ", "expected"), [
    ({"LANG": "zh_CN.UTF-8"}, "zh"),
    ({"LC_ALL": "C.UTF-8", "LANG": "zh_CN.UTF-8"}, None),  # LC_ALL overrides LANG
    ({"LC_MESSAGES": "zh_SG", "LANG": "en_US"}, "zh"),
    ({"LANGUAGE": "fr:zh_CN:en", "LANG": "fr_FR"}, "zh"),  # gettext's list, in order
    ({"LANGUAGE": "en_GB", "LANG": "zh_CN"}, "en"),
    ({"LANG": "C"}, None),
    ({"LANG": "fr_FR.UTF-8"}, None),
])
def test_the_locale_names_the_language(environ: dict[str, str], expected: str | None) -> None:
    assert i18n.from_locale(environ) == expected


def test_the_chosen_language_is_remembered_in_the_users_own_settings(tmp_path: Path) -> None:
    settings = UserSettings(tmp_path / "config" / "settings.json")
    assert settings.language() is None
    settings.set_language("zh")
    assert UserSettings(settings.path).language() == "zh"
    assert settings.path.stat().st_mode & 0o777 == 0o600
    settings.path.write_bytes(b"{not json")  # a damaged file is passed over, never a failure to start
    assert settings.language() is None
    settings.set_language("en")
    assert json.loads(settings.path.read_text(encoding="utf-8")) == {"language": "en"}
    with pytest.raises(ValueError):
        settings.set_language("xx")


# -- the command line -------------------------------------------------------------------------------


def test_the_cli_speaks_the_language_of_lang(sqlite_cli) -> None:  # type: ignore[no-untyped-def]
    english = sqlite_cli(["--help"])
    chinese = sqlite_cli(["--lang", "zh", "--help"])
    assert english.exit_code == chinese.exit_code == 0
    assert "Prepare a UN Security Council open debate" in english.stdout
    assert "筹备联合国安全理事会公开辩论" in chinese.stdout


def test_the_environment_and_the_stored_setting_choose_the_cli_language(sqlite_cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("DEBATEPREP_LANG")
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert "筹备" not in sqlite_cli(["--help"]).stdout
    UserSettings().set_language("zh")
    assert "筹备" in sqlite_cli(["--help"]).stdout
    monkeypatch.setenv("DEBATEPREP_LANG", "en")
    assert "筹备" not in sqlite_cli(["--help"]).stdout
    assert "筹备" in sqlite_cli(["--lang", "zh", "--help"]).stdout


def test_an_unknown_interface_language_is_refused_in_one_line(sqlite_cli) -> None:  # type: ignore[no-untyped-def]
    result = sqlite_cli(["--lang", "fr", "debate", "list"])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines()[-1] == "debateprep: error: --lang: 'fr' is not one of en, zh"


# -- no interface string outside the catalog --------------------------------------------------------

SRC = REPO / "src" / "debateprep"
WIDGETS = {"Static", "Label", "Button", "Checkbox", "Caption", "EmptyState", "Option"}


def _words(node: ast.expr) -> bool:
    """A literal (or f-string) with words in it: English the catalog never sees."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(re.search(r"[A-Za-z]{2,}", node.value))
    if isinstance(node, ast.JoinedStr):
        return any(_words(v) for v in node.values if isinstance(v, ast.Constant))
    return False


def _untranslated(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name in ("_", "N_") and node.args and not isinstance(node.args[0], ast.Constant):
            # Babel would take the literals inside for msgids: `_(TABLE["key"])` extracts "key"
            if any(isinstance(n, ast.Constant) and isinstance(n.value, str) for n in ast.walk(node.args[0])):
                found.append(f"{path.relative_to(SRC)}:{node.lineno} literal inside _()")
        shown: list[ast.expr] = []
        if name == "Binding":
            shown += node.args[2:3]
        if name in ("notify", "Failed") or name in WIDGETS:
            shown += node.args[:1] if name != "Failed" else node.args[1:2]
        shown += [k.value for k in node.keywords
                  if k.arg in ("tooltip", "description", "help", "epilog", "placeholder", "title", "prompt", "accept",
                               "yes", "no")]
        found += [f"{path.relative_to(SRC)}:{arg.lineno}" for arg in shown if _words(arg)]
    return found


def test_every_interface_string_goes_through_the_catalog() -> None:
    """Key descriptions, notifications, widget text, placeholders and CLI help are msgids (`_()` or
    `N_()`), never bare English: a new string cannot slip past the Chinese catalog."""
    files = [*sorted((SRC / "tui").rglob("*.py")), *sorted((SRC / "cli").rglob("*.py"))]
    assert [where for path in files for where in _untranslated(path)] == []
    literal_inside = [where for path in sorted(SRC.rglob("*.py")) for where in _untranslated(path)
                      if where.endswith("literal inside _()")]
    assert literal_inside == []


def test_the_interface_names_levels_bases_and_statuses_as_chinese_documents_do() -> None:
    """The speakers' tables are data for documents in either language and msgids for the interface:
    in a Chinese interface a level reads as it does in a Chinese brief."""
    from debateprep.domain.speakers import BASIS_LABELS, LEVEL_LABELS, STATUS_LABELS, Level

    i18n.set_language("zh")
    for table in (LEVEL_LABELS, BASIS_LABELS, STATUS_LABELS):
        for english, chinese in table.values():
            assert i18n._(english) == chinese
    assert Level.MINISTER.label() == "部长" and Level.MINISTER.label("en") == "minister"


# -- no English left in the Chinese CLI --------------------------------------------------------------

# Runs of two or more English words allowed in a Chinese interface: commands, flags, symbols and
# file names the user types or reads as they are.
_COMMAND = re.compile(r"`[^`]*`|--[a-z][\w-]*|S/[\w./]+(?: \(Resumption \d+\))?|/\S+|\b\w+\.(?:md|csv|txt|db)\b")


def _english_runs(text: str) -> list[str]:
    """Runs of two or more English words left in `text`, commands and symbols aside."""
    return re.findall(r"[A-Za-z]{2,}(?:[ \-'’]+[A-Za-z]{2,})+", _COMMAND.sub(" ", text))


def test_the_cli_says_everything_in_chinese_with_lang_zh(sqlite_cli, tmp_path: Path, shared_data: Path) -> None:  # type: ignore[no-untyped-def]
    """The speakers list, the coverage legend, an unknown delegation, an export over an existing file,
    a file that is not text and the order kept from a verbatim record: in Chinese with `--lang zh`."""
    def zh(*args: object) -> tuple[int, str]:
        done = sqlite_cli(["--lang", "zh", *map(str, args)])
        return done.exit_code, done.stdout + done.stderr

    assert zh("demo", "--no-tui")[0] == 0
    code, listed = zh("speakers", "list", "2")
    assert code == 0 and "常驻代表" in listed and "permanent_representative" not in listed
    assert "级别" in listed and "身份" in listed and "状态" in listed
    code, unknown = zh("speakers", "add", "2", "Irlnd")
    assert code != 0 and "爱尔兰" in unknown
    target = tmp_path / "brief.md"
    target.write_text("mine", encoding="utf-8")
    code, exists = zh("export", "brief", "2", "-o", target)
    assert code != 0 and "--force" in exists and target.read_text(encoding="utf-8") == "mine"
    picture = tmp_path / "note.txt"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    code, not_text = zh("import", picture)
    assert code != 0 and "不是文本文档" in not_text
    code, empty = zh("statements", "coverage", "1")
    for shown in (listed, unknown, exists, not_text, empty):
        assert _english_runs(shown) == [], shown

    files = sorted((shared_data / "spv_2020_speeches").glob("UNSC_2020_SPV.8699*_spch*.txt"))
    if not files:
        pytest.skip("S/PV.8699 is not in ../shared/data")
    assert zh("debate", "new", "Maintenance of international peace and security", "--meeting", "8699",
              "--date", "2020-01-09", "--presidency", "Viet Nam")[0] == 0
    code, imported = zh("speakers", "import", "3", "--record", *files)
    assert code == 0, imported
    code, order = zh("speakers", "order", "3")
    assert code == 0 and "排在第1位" in order
    assert zh("statements", "import", "3", *files, "--record")[0] == 0
    questions = REPO / "tests" / "data" / "statements" / "questions_s-2020-1_en-zh.txt"
    code, coverage = zh("statements", "coverage", "3", "--questions", questions)
    assert code == 0 and "█ 强" in coverage
    legend = coverage.rstrip().splitlines()[-1]
    code, evidence = zh("statements", "coverage", "3", "--questions", questions, "--question", "3")
    assert code == 0 and "强度" in evidence and "句" in evidence
    # what is said of each speaker, after their name (a delegation's name is as the roster has it)
    reasons = [line.split("排在", 1)[1] for line in order.splitlines()]
    passages = [line.split(" — ", 1)[1] for line in evidence.splitlines() if " — " in line]
    assert _english_runs("\n".join([imported, legend, *reasons, *passages])) == []


def test_the_notes_the_program_writes_read_in_the_interface_language() -> None:
    """A briefer named in the note, a speaker heard in a record, an order kept from it: stored in
    English (the list is data), shown in Chinese; a user's own note is shown as typed."""
    from debateprep.domain.speakers import Override, shown_note

    i18n.set_language("zh")
    assert shown_note("named in S/2014/74: to be confirmed") == "S/2014/74中提到：待确认"
    assert shown_note("heard 12th in the record of S/PV.8699 (Resumption 1)") == "S/PV.8699 (Resumption 1)记录中第12位发言"
    assert Override("after", 3, "order heard in S/PV.8699").describe({3: "德国"}) == "保持在德国之后 (S/PV.8699中的发言顺序)"
    assert shown_note("call the mission first") == "call the mission first"
    i18n.set_language("en")
    assert shown_note("named in S/2014/74: to be confirmed") == "named in S/2014/74: to be confirmed"


def test_where_our_speaking_limit_comes_from_is_said_in_the_interface_language() -> None:
    from debateprep.domain.our_statement import OurStatement

    statement = OurStatement(debate_id=1, language="zh", delegation="中国", limit_source="speakers list")
    i18n.set_language("zh")
    assert statement.limit_source_name() == "发言名单"
    i18n.set_language("en")
    assert statement.limit_source_name() == "speakers list"
