"""The package's layout: imports inside a subpackage point one way (no module imports itself
round a cycle), read from the source with ``ast`` so that imports under ``TYPE_CHECKING`` and
inside functions count too."""

from __future__ import annotations

import ast
from collections.abc import Collection, Iterator
from pathlib import Path

import pytest

import newsledger

ROOT = Path(newsledger.__file__).parent


def module_name(path: Path) -> str:
    """``report/records.py`` -> ``newsledger.report.records``; a package's ``__init__`` is the
    package itself."""
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(tree: ast.AST, package: str, modules: Collection[str] = ()) -> Iterator[str]:
    """Every module name an import in ``tree`` reaches (``from a import b`` reaches ``a.b`` when
    that is one of ``modules``, else ``a``); relative imports are resolved against ``package``."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[: len(base) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            for alias in node.names:
                submodule = f"{module}.{alias.name}"
                yield submodule if submodule in modules else module


def import_graph(subpackage: str) -> dict[str, set[str]]:
    """Module -> the modules of the same subpackage it imports."""
    folder = ROOT.joinpath(*subpackage.split(".")[1:])
    paths = {module_name(path): path for path in folder.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in paths.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        tree = ast.parse(path.read_text("utf-8"), str(path))
        targets = set(imported(tree, package, paths))
        graph[name] = {target for target in targets if target in paths} - {name}
    return graph


def cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the graph as the modules along it (first repeated at the end), or None."""
    state: dict[str, str] = {}  # "open" while on the current path, "done" once fully explored
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = "open"
        path.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == "open":
                return [*path[path.index(target):], target]
            if target not in state and (found := visit(target)) is not None:
                return found
        path.pop()
        state[node] = "done"
        return None

    for start in sorted(graph):
        if start not in state and (found := visit(start)) is not None:
            return found
    return None


@pytest.mark.parametrize(
    ("graph", "expected"),
    [
        ({"a": {"b"}, "b": set()}, None),
        ({"a": {"b"}, "b": {"a"}}, ["a", "b", "a"]),
        ({"a": {"b"}, "b": {"c"}, "c": {"b"}}, ["b", "c", "b"]),
        ({"a": {"b", "c"}, "b": {"c"}, "c": set()}, None),
    ],
)
def test_layout_cycle_finder(graph: dict[str, set[str]], expected: list[str] | None) -> None:
    assert cycle(graph) == expected


@pytest.mark.parametrize(
    ("subpackage", "importer", "imported_module"),
    [
        # the writers import the records; the records import no writer
        ("newsledger.report", "newsledger.report.html", "newsledger.report.records"),
        ("newsledger.report", "newsledger.report.markdown", "newsledger.report.records"),
        ("newsledger.report", "newsledger.report.files", "newsledger.report.markdown"),
        # ``from newsledger.web import queries`` reaches the module, not the package's __init__
        ("newsledger.web", "newsledger.web.pages", "newsledger.web.queries"),
    ],
)
def test_layout_import_edges_are_seen(subpackage: str, importer: str, imported_module: str) -> None:
    assert imported_module in import_graph(subpackage)[importer]


@pytest.mark.parametrize(
    "subpackage",
    [
        "newsledger.report",
        "newsledger.verify",
        "newsledger.evaluate_incidents",
        "newsledger.extract",
        "newsledger.web",
    ],
)
def test_layout_subpackage_imports_have_no_cycle(subpackage: str) -> None:
    assert cycle(import_graph(subpackage)) is None


def test_layout_report_records_import_no_writer() -> None:
    records = import_graph("newsledger.report")["newsledger.report.records"]
    assert not records & {"newsledger.report.html", "newsledger.report.markdown"}
