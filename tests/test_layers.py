"""Imports run one way: schema <- loaders <- graph <- queries <- the package root (API, CLI).

Every module of every layer is parsed with `ast` (imports inside functions and under
`if TYPE_CHECKING:` count too) and each `hdkg` import is checked against the order: a layer
imports itself and the layers before it, never one after it, and never the package root
(`hdkg/`: the public API in `__init__.py`, the command line in `cli.py`), which imports
them all.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Folder -> the module prefix it installs as (pyproject's package-dir), in import order.
LAYERS = [("schema", "hdkg.schema"), ("loaders", "hdkg.loaders"), ("graph", "hdkg.graph"),
          ("queries", "hdkg.queries"), ("hdkg", "hdkg")]
RANK = {prefix: rank for rank, (_folder, prefix) in enumerate(LAYERS)}


def layer_of(module: str) -> str | None:
    """The layer (its module prefix) that an `hdkg...` module belongs to; None outside hdkg."""
    if module != "hdkg" and not module.startswith("hdkg."):
        return None
    for _folder, prefix in LAYERS[:-1]:
        if module == prefix or module.startswith(prefix + "."):
            return prefix
    return "hdkg"  # the package root: hdkg, hdkg.cli, hdkg.__main__, hdkg.data


def module_name(path: Path) -> str:
    """`graph/neo4j/load.py` -> `hdkg.graph.neo4j.load`; `hdkg/cli.py` -> `hdkg.cli`."""
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    if parts[0] == "hdkg":
        parts.pop(0)
    return ".".join(["hdkg", *parts])


def imported_modules(source: str, module: str, is_package: bool) -> list[tuple[int, str]]:
    """(line, module) of every import in `source`, relative imports made absolute.

    `from hdkg import x` names module `hdkg.x` when x is a layer (`from hdkg import graph`),
    else the root package itself (`from hdkg import __version__`)."""
    out: list[tuple[int, str]] = []
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            out.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")
                parent = parent[: len(parent) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                if base == "hdkg" and layer_of(candidate) != "hdkg":
                    out.append((node.lineno, candidate))
                else:
                    out.append((node.lineno, base))
    return out


def violations(path: Path, source: str | None = None) -> list[str]:
    """The imports of one module against the order, as `file:line: a imports b` lines."""
    module = module_name(path)
    own = layer_of(module)
    assert own is not None
    text = path.read_text(encoding="utf-8") if source is None else source
    found = []
    for line, target in imported_modules(text, module, path.name == "__init__.py"):
        theirs = layer_of(target)
        if theirs is None:
            continue
        if RANK[theirs] > RANK[own] or (theirs == "hdkg" and own != "hdkg"):
            found.append(f"{path.relative_to(ROOT)}:{line}: {module} imports {target}")
    return found


def layer_files() -> list[Path]:
    files = [p for folder, _ in LAYERS for p in sorted((ROOT / folder).rglob("*.py"))]
    return [p for p in files if "node_modules" not in p.parts]


def test_every_layer_has_modules() -> None:
    for folder, _prefix in LAYERS:
        assert any(p.parent == ROOT / folder for p in layer_files()), folder


def test_imports_run_one_way() -> None:
    found = [v for p in layer_files() for v in violations(p)]
    assert not found, "imports against schema <- loaders <- graph <- queries <- hdkg:\n" + (
        "\n".join(found))


@pytest.mark.parametrize(("where", "source", "bad"), [
    ("graph/x.py", "from hdkg.queries.run import run_query\n", "hdkg.queries.run"),
    ("schema/x.py", "def f():\n    from hdkg.loaders import reference\n", "hdkg.loaders"),
    ("loaders/x.py", "def f():\n    import hdkg.graph.store\n", "hdkg.graph.store"),
    ("graph/neo4j/x.py", "from hdkg.cli import main\n", "hdkg.cli"),
    ("queries/x.py", "from hdkg import run_query\n", "hdkg"),
    ("loaders/x.py", "from hdkg import graph\n", "hdkg.graph"),
    ("graph/neo4j/x.py", "from ...queries import run\n", "hdkg.queries"),
    ("graph/x.py", "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                   "    from hdkg.queries.catalogue import QuerySpec\n", "hdkg.queries.catalogue"),
])
def test_the_check_finds_an_import_against_the_order(where: str, source: str, bad: str) -> None:
    found = violations(ROOT / where, source)
    assert len(found) == 1 and found[0].endswith(f"imports {bad}"), found


@pytest.mark.parametrize(("where", "source"), [
    ("graph/x.py", "from hdkg.schema.models import Entity\nfrom hdkg.loaders import curated\n"),
    ("graph/neo4j/x.py", "from hdkg.graph.neo4j.cypher import ENTITY\nfrom . import connect\n"),
    ("queries/x.py", "from hdkg.graph.store import open_graph\n"),
    ("hdkg/cli.py", "from hdkg import __version__\nfrom hdkg.queries.run import run_query\n"),
    ("schema/x.py", "import json\nfrom hdkg.schema import terms\n"),
])
def test_the_check_lets_imports_along_the_order_pass(where: str, source: str) -> None:
    assert violations(ROOT / where, source) == []
