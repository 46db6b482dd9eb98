"""The review list a build wrote: pairs of entities that look alike but were not merged.

`hdkg review duplicates` prints it; an analyst settles each pair in identity.yaml.
"""

from __future__ import annotations

import json
from pathlib import Path

from hdkg.graph.store import open_graph


def duplicate_pairs(graph_dir: Path) -> list[dict]:
    """The pairs of the built graph's `review.json` (none when the build wrote none)."""
    g = open_graph(graph_dir)
    path = g.path / "review.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []
