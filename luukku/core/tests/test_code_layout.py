"""The layout rules of the adapters, checked over the source so they hold for later apps too.

Views are thin: one views.py, or a views/ package once there is more than one module, and
no ORM in them (reads live in the app's queries.py, writes in its actions).
"""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2]  # luukku/
APPS = sorted(path.parent for path in PACKAGE.glob("*/apps.py"))
# Calls that build or run a query: in a view they mean a read that belongs in queries.py.
QUERY_METHODS = {
    "filter", "exclude", "select_related", "prefetch_related", "order_by", "annotate",
    "aggregate", "values_list", "only", "defer", "select_for_update", "raw",
}  # fmt: skip


def view_modules() -> list[Path]:
    """Page views and API endpoints: the adapters that must read through queries."""
    found: list[Path] = []
    for app in APPS:
        found += [path for path in (app / "views.py", app / "api.py") if path.exists()]
        found += sorted(app.glob("*_views.py")) + sorted(app.glob("views/*.py"))
    return found


def orm_uses(path: Path) -> list[str]:
    """'line: what' for every manager access or query-building call in the module."""
    uses = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Attribute) and node.attr in {"objects", "_default_manager"}:
            uses.append(f"{node.lineno}: .{node.attr}")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in QUERY_METHODS
        ):
            uses.append(f"{node.lineno}: .{node.func.attr}()")
    return uses


def test_the_scan_sees_the_apps_and_their_views() -> None:
    assert {"core", "programmes", "helpdesk"} <= {app.name for app in APPS}
    assert len(view_modules()) > 10


def test_orm_use_in_a_module_is_found(tmp_path: Path) -> None:
    module = tmp_path / "views.py"
    module.write_text("def page(request):\n    return Thing.objects.filter(pk=1).order_by('x')\n")
    assert sorted(orm_uses(module)) == ["2: .filter()", "2: .objects", "2: .order_by()"]


@pytest.mark.parametrize("app", APPS, ids=lambda app: app.name)
def test_an_app_has_one_views_module_or_a_views_package(app: Path) -> None:
    extra = sorted(path.name for path in app.glob("*_views.py"))
    assert not extra, f"{app.name}: move {extra} into {app.name}/views/"
    assert not ((app / "views.py").exists() and (app / "views").is_dir()), app.name


@pytest.mark.parametrize("module", view_modules(), ids=lambda path: str(path.relative_to(PACKAGE)))
def test_views_and_endpoints_read_through_queries_not_the_orm(module: Path) -> None:
    assert orm_uses(module) == [], f"{module.relative_to(PACKAGE)}: move these into queries.py"


def _sources() -> list[Path]:
    return [path for path in PACKAGE.rglob("*.py") if "tests" not in path.parts]


def test_only_the_adapters_take_the_user_out_of_a_request_by_hand() -> None:
    """accounts/adapters.signed_in_user is the one typed way; copies and asserts drift."""
    copies = [
        str(path.relative_to(PACKAGE))
        for path in _sources()
        if "isinstance(request.user" in path.read_text()
        and path != PACKAGE / "accounts" / "adapters.py"
    ]
    assert copies == []


def test_programme_pages_render_through_the_one_renderer() -> None:
    """programmes/adapters.render_programme_page is the only user of the base page's context."""
    allowed = {PACKAGE / "programmes" / "adapters.py", PACKAGE / "programmes" / "queries.py"}
    renderers = [
        str(path.relative_to(PACKAGE))
        for path in _sources()
        if "programme_page_context" in path.read_text() and path not in allowed
    ]
    assert renderers == []
