"""The core never imports Qt; the UI never speaks SQL or Whoosh."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "wpk_archive"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_core_never_imports_pyside6() -> None:
    offenders = [p.name for p in (PACKAGE / "core").rglob("*.py") if "PySide6" in _imports(p)]
    assert offenders == []


def test_importing_the_core_loads_no_qt() -> None:
    code = (
        "import sys, wpk_archive.core.archive, wpk_archive.cli;"
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_ui_never_speaks_sql_or_whoosh() -> None:
    for path in (PACKAGE / "ui").rglob("*.py"):
        imported = _imports(path)
        assert not imported & {"sqlite3", "sqlite_utils", "whoosh"}, path.name


def test_only_the_search_package_touches_whoosh_and_only_the_store_speaks_sql() -> None:
    core = PACKAGE / "core"
    whoosh = sorted(str(p.relative_to(core)) for p in core.rglob("*.py") if "whoosh" in _imports(p))
    sql = sorted(
        str(p.relative_to(core))
        for p in core.rglob("*.py")
        if _imports(p) & {"sqlite3", "sqlite_utils"}
    )
    assert whoosh and all(name.startswith("search/") for name in whoosh), whoosh
    # store/base.py holds the Store's connections (the other parts of the store package speak
    # SQL through them); store/salvage.py reads a damaged store with its own read-only
    # connections (the Store migrates and writes; a damaged file must only be read)
    assert sql == ["store/base.py", "store/salvage.py"]


def test_private_whoosh_names_live_in_one_module() -> None:
    """Whoosh's private names (``_lenfield``, ``leaf._perdoc``, ``writer._ids``...) are used
    only in the search/whoosh_private/ package."""
    search = PACKAGE / "core" / "search"
    offenders = []
    for path in search.rglob("*.py"):
        if path.relative_to(search).parts[0] == "whoosh_private":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        own = {
            node.name
            for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef | ast.ClassDef | ast.AsyncFunctionDef)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("whoosh"):
                offenders.extend(
                    f"{path.name}: {a.name}" for a in node.names if a.name.startswith("_")
                )
            if (
                isinstance(node, ast.Attribute)
                and node.attr.startswith("_")
                and not node.attr.startswith("__")
                and isinstance(node.value, ast.Name)
                and node.value.id not in {"self", "cls"}
                and node.attr not in own
            ):
                offenders.append(f"{path.name}:{node.lineno}: {node.value.id}.{node.attr}")
    assert offenders == []
