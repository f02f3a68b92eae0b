"""The layers stay apart: no Gradio below ui/, and no import cycle anywhere (lazy imports too)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("core", "data", "ui", "cli")


def project_modules() -> dict[str, Path]:
    """Dotted name → file of every module of ours."""
    modules = {"app": ROOT / "app.py"}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            modules[name] = path
    return modules


def imported_names(path: Path, modules: set[str] = frozenset()) -> set[str]:
    """Every module a file imports anywhere in it (TYPE_CHECKING and function-level included).

    `from package import submodule` counts as importing the submodule only.
    """
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                names.add(submodule if submodule in modules else node.module)
    return names


def import_graph() -> dict[str, set[str]]:
    modules = project_modules()
    names = set(modules)
    return {name: imported_names(path, names) & names - {name} for name, path in modules.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle, as the list of modules around it, or None."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                return path[path.index(target) :] + [target]
            if target not in state and (cycle := visit(target)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_core_data_and_cli_do_not_know_gradio() -> None:
    offenders = [
        name
        for name, path in project_modules().items()
        if name.split(".")[0] in {"core", "data", "cli"}
        and any(n == "gradio" or n.startswith("gradio.") for n in imported_names(path))
    ]
    assert offenders == []


def test_core_and_data_build_no_gradio_file_url() -> None:
    offenders = [
        name
        for name, path in project_modules().items()
        if name.split(".")[0] in {"core", "data"} and "gradio_api" in path.read_text("utf-8")
    ]
    assert offenders == []


def test_lower_layers_do_not_import_upper_ones() -> None:
    allowed = {
        "data": {"data"},
        "core": {"core", "data"},
        "ui": {"ui", "core", "data"},
        "cli": {"cli", "core", "data"},
    }
    wrong = [
        f"{name} → {target}"
        for name, targets in import_graph().items()
        if name != "app"
        for target in targets
        if target.split(".")[0] not in allowed[name.split(".")[0]]
    ]
    assert wrong == []


def test_there_is_no_import_cycle() -> None:
    assert find_cycle(import_graph()) is None


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}
    assert find_cycle(graph) == ["a", "b", "c", "a"]
