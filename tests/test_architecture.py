"""The layering of STYLE.md, checked on the source and in a clean interpreter."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "debateprep"
UI_OR_DB = ("textual", "rich", "sqlmodel", "sqlalchemy", "alembic", "psycopg")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def _modules(package: str) -> list[Path]:
    return sorted((SRC / package).rglob("*.py"))


def test_domain_imports_no_ui_and_no_database() -> None:
    offenders = {str(p.relative_to(SRC)): _imports(p) & set(UI_OR_DB) for p in _modules("domain")}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_only_storage_imports_sqlmodel() -> None:
    offenders = []
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC)
        if rel.parts[0] == "storage":
            continue
        if _imports(path) & {"sqlmodel", "sqlalchemy", "alembic"}:
            offenders.append(str(rel))
    assert offenders == []


def test_textual_only_in_tui() -> None:
    offenders = [
        str(p.relative_to(SRC))
        for p in SRC.rglob("*.py")
        if p.relative_to(SRC).parts[0] not in ("tui",) and _imports(p) & {"textual"}
    ]
    assert offenders == []


def test_importing_the_core_loads_no_textual() -> None:
    code = (
        "import sys, importlib, pkgutil, debateprep.domain as d\n"
        "for m in pkgutil.iter_modules(d.__path__): importlib.import_module('debateprep.domain.' + m.name)\n"
        "import debateprep.services, debateprep.cli.main\n"
        "bad = [m for m in ('textual', 'sqlmodel', 'sqlalchemy') if m in sys.modules]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def _runtime_imports(path: Path) -> set[str]:
    """Modules imported by `path` outside `if TYPE_CHECKING:` blocks (full dotted names)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    type_only: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            type_only.update(id(n) for n in ast.walk(node))
    names: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in type_only:
            continue
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_the_tui_reaches_the_core_only_through_services() -> None:
    """No pane opens a database, builds a service or imports the CLI: it is given `Services`."""
    offenders = []
    for path in _modules("tui"):
        rel = str(path.relative_to(SRC))
        for name in _runtime_imports(path):
            if name.startswith(("debateprep.storage", "debateprep.cli")):
                offenders.append(f"{rel}: imports {name}")
            if name.startswith("debateprep.services.") and name not in (
                    "debateprep.services.facade", "debateprep.services.topics", "debateprep.services.brief",
                    "debateprep.services.exports"):  # (the export rule: names and places, no database)
                offenders.append(f"{rel}: imports {name}")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id.endswith("Service"):
                offenders.append(f"{rel}: builds {node.func.id}")
    assert offenders == []


def test_workers_report_with_messages_only() -> None:
    """Thread workers post messages; nothing calls back into widgets from a thread, nothing reads
    Textual's private `_sender`."""
    offenders = []
    for path in _modules("tui"):
        source = path.read_text(encoding="utf-8")
        for word in ("call_from_thread", "._sender"):
            if word in source:
                offenders.append(f"{path.relative_to(SRC)}: {word}")
    assert offenders == []


def test_the_cli_reaches_the_core_through_services() -> None:
    """Each command module gets its use cases from the run's `Services` (cli/common.py: services())."""
    offenders = []
    for path in _modules("cli"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id.endswith("Service"):
                offenders.append(f"{path.relative_to(SRC)}: builds {node.func.id}")
    assert offenders == []
