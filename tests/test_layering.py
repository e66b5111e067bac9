"""The package's direction of flow (issue #19): nothing imports a front end, and no module-level import circles.

Reads every module of `src/konflikt/` with `ast` (imports inside functions count too, they are edges all the
same) and checks: (1) only the front ends (`cli`, `cli_common`, `cli_corpus`, `api`, `__main__`) import a front
end, and the web API never imports the command line; (2) `cli_corpus` and `cli_common` never import `cli`
(the main command registers them, not the other way round); (3) no circle among the modules of
`konflikt.places`, and none at all among module-level imports of the whole package.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "konflikt"
CLI = {"konflikt.cli", "konflikt.cli_common", "konflikt.cli_corpus"}
FRONT = CLI | {"konflikt.__main__"}


def _module_name(path: Path) -> str:
    parts = ["konflikt", *path.relative_to(SRC).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, top_level_only: bool = False) -> set[str]:
    """The konflikt modules a file imports (`from konflikt.x import y` counts x.y when that is a module)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else ast.walk(tree)
    out: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("konflikt"))
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("konflikt"):
            out.add(node.module)
            out.update(f"{node.module}.{a.name}" for a in node.names)
    return out


def _graph(top_level_only: bool = False) -> dict[str, set[str]]:
    files = {_module_name(p): p for p in SRC.rglob("*.py")}
    return {m: {i for i in _imports(p, top_level_only) if i in files and i != m} for m, p in files.items()}


def _is_front(mod: str) -> bool:
    return mod in FRONT or mod == "konflikt.api" or mod.startswith("konflikt.api.")


def test_the_graph_is_read():
    g = _graph()
    assert len(g) > 50
    assert "konflikt.query" in g["konflikt.api.app"]  # the API reads the corpus through the library layer


def test_nothing_below_the_front_ends_imports_one():
    bad = sorted((m, i) for m, deps in _graph().items() if not _is_front(m) for i in deps if _is_front(i))
    assert bad == []


def test_the_api_does_not_import_the_command_line():
    bad = sorted((m, i) for m, deps in _graph().items() if m.startswith("konflikt.api") for i in deps if i in CLI)
    assert bad == []


@pytest.mark.parametrize("mod", ["konflikt.cli_corpus", "konflikt.cli_common"])
def test_the_cli_helpers_do_not_import_the_main_command(mod):
    assert "konflikt.cli" not in _graph()[mod]


def _cycle(g: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(n: str) -> list[str] | None:
        state[n] = 1
        stack.append(n)
        for d in sorted(g.get(n, ())):
            if state.get(d) == 1:
                return stack[stack.index(d):] + [d]
            if d not in state and (found := visit(d)):
                return found
        stack.pop()
        state[n] = 2
        return None

    for n in sorted(g):
        if n not in state and (found := visit(n)):
            return found
    return None


def test_no_circle_in_places():
    g = {m: {d for d in deps if d.startswith("konflikt.places")}
         for m, deps in _graph().items() if m.startswith("konflikt.places")}
    assert _cycle(g) is None


def test_no_circle_of_module_level_imports():
    assert _cycle(_graph(top_level_only=True)) is None


def test_the_cycle_finder_finds_one():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None
