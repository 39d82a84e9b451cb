"""The apps depend in one direction (DESIGN, "Architecture"): read from the source.

Every import counts, also one inside a function (that is how a two-way dependency hides).
Tests, migrations and the demo/e2e packages, which exist to use everything, are left out.
"""

import ast
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2]
NOT_APPS = {"demo", "e2e", "templates", "locale"}


def _imported_apps(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return {name.split(".")[1] for name in names if name.startswith("luukku.") and "." in name}


def app_dependencies() -> dict[str, set[str]]:
    """For each app, the other apps its code imports."""
    apps = {
        path.name
        for path in PACKAGE.iterdir()
        if path.is_dir() and (path / "__init__.py").exists() and path.name not in NOT_APPS
    }
    uses: dict[str, set[str]] = defaultdict(set)
    for app in apps:
        for path in (PACKAGE / app).rglob("*.py"):
            parts = path.relative_to(PACKAGE / app).parts
            if parts[0] in ("tests", "migrations", "testing"):
                continue
            uses[app] |= (_imported_apps(path) & apps) - {app}
    return uses


def test_core_imports_no_other_app() -> None:
    assert app_dependencies()["core"] == set()


def test_no_two_apps_import_each_other() -> None:
    uses = app_dependencies()
    cycles = {
        frozenset({app, other}) for app, others in uses.items() for other in others
        if app in uses.get(other, set())
    }  # fmt: skip
    assert cycles == set()


def test_insights_and_outreach_read_participation_from_activity() -> None:
    uses = app_dependencies()
    assert "insights" not in uses["outreach"]
    assert "activity" in uses["outreach"]
    assert "activity" in uses["insights"]
    assert not (PACKAGE / "outreach" / "participation.py").exists()
