"""`hdkg review duplicates`: pairs of entities that look alike but were not merged."""

from __future__ import annotations

import json
from pathlib import Path

from rich.console import Console
from rich.table import Table

from hdkg.graph.store import open_graph
from hdkg.schema.errors import UserError


def review_duplicates(graph_dir: Path, fmt: str, console: Console) -> list[dict]:
    """Print the review list a build wrote; an analyst settles each pair in identity.yaml."""
    g = open_graph(graph_dir)
    path = g.path / "review.json"
    pairs = json.loads(path.read_text(encoding="utf-8")) if path.exists() else []
    if fmt == "json":
        console.print_json(json.dumps(pairs))
    elif fmt == "table":
        table = Table(title=f"{len(pairs)} pair(s) to review "
                      "(settle them in data/curated/identity.yaml)")
        for col in ("a", "b", "score", "why not merged"):
            table.add_column(col)
        for p in pairs:
            table.add_row(f"{p['a_name']} ({p['a']})", f"{p['b_name']} ({p['b']})",
                          f"{p['score']:.2f}", p["reason"])
        console.print(table)
    else:
        raise UserError(f"unknown format {fmt!r}; one of table, json")
    return pairs
