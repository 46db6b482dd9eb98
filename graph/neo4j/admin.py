"""CSV files for `neo4j-admin database import full`: the offline path for big graphs.

The import tool builds a new store from CSV without transactions, orders of magnitude faster
than Bolt, but only into an empty database with the server stopped. The files hold exactly
what `load.load_graph` writes (same labels, properties, Document nodes, STATES
relationships and the derived WITHIN relationships of sub-units), so either path gives the
same graph; constraints are not part of an import
and are created when `hdkg neo4j import` starts the server (or by `schema/neo4j.cypher`).

Arrays (and the two labels of a node in the :LABEL column) are joined with U+001F (unit
separator) rather than the default `;`, which occurs in names and evidence sentences.
"""

from __future__ import annotations

import csv
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from hdkg.graph.model import GraphData
from hdkg.graph.neo4j.cypher import ENTITY, STATES
from hdkg.graph.neo4j.load import NODE_SCALARS, Plan
from hdkg.graph.within import within_pairs
from hdkg.schema.models import NEO4J_WITHIN

ARRAY_DELIMITER = "\x1f"
ID_SPACE = ENTITY

# Column headers with their neo4j-admin types, in row order.
NODE_COLUMNS = [f"id:ID({ID_SPACE})", ":LABEL", *NODE_SCALARS, "aliases:string[]",
                "fields:string[]", "sources:string[]"]
REL_COLUMNS = [f":START_ID({ID_SPACE})", f":END_ID({ID_SPACE})", ":TYPE", "fact_id", "role",
               "start", "end", "date", "sources:string[]", "evidence:string[]",
               "confidence:double"]
STATES_COLUMNS = [f":START_ID({ID_SPACE})", f":END_ID({ID_SPACE})", ":TYPE"]
WITHIN_COLUMNS = STATES_COLUMNS


def _array(values: list[str]) -> str | None:
    return ARRAY_DELIMITER.join(v.replace(ARRAY_DELIMITER, " ") for v in values) or None


def _write_csv(path: Path, header: list[str], rows: Iterable[list]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    return path


def write_admin_import(data: GraphData, out_dir: Path) -> list[Path]:
    """Write one node file per label and one relationship file per type into `out_dir`.

    File names say what they hold (`nodes-Country.csv`, `rels-MEMBER_OF.csv`,
    `rels-STATES.csv`, `rels-WITHIN.csv`); `admin_import_args(paths)` turns the list into
    tool arguments.
    Empty value = no property (the tool skips empty fields).
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    plan = Plan(data)
    paths: list[Path] = []
    for label, rows in plan.nodes.items():
        if rows:
            labels = f"{ENTITY}{ARRAY_DELIMITER}{label}"  # :LABEL splits on the array delimiter
            paths.append(_write_csv(out_dir / f"nodes-{label}.csv", NODE_COLUMNS, (
                [row["id"], labels, *(row["props"].get(k) for k in NODE_SCALARS),
                 _array(row["aliases"]), _array(row["fields"]), _array(row["sources"])]
                for row in rows)))
    for rel_type, rows in plan.rels.items():
        if rows:
            paths.append(_write_csv(out_dir / f"rels-{rel_type}.csv", REL_COLUMNS, (
                [row["s"], row["o"], rel_type, row["fact_id"], p.get("role"), p.get("start"),
                 p.get("end"), p.get("date"), _array(row["sources"]), _array(row["evidence"]),
                 row["confidence"]]
                for row in rows for p in (row["props"],))))
    if plan.states:
        paths.append(_write_csv(out_dir / f"rels-{STATES}.csv", STATES_COLUMNS,
                                ([row["d"], row["e"], STATES] for row in plan.states)))
    within = within_pairs(data)
    if within:
        paths.append(_write_csv(out_dir / f"rels-{NEO4J_WITHIN}.csv", WITHIN_COLUMNS,
                                ([unit, above, NEO4J_WITHIN] for unit, above in within)))
    return paths


def admin_import_args(paths: list[Path], database: str = "neo4j") -> list[str]:
    """Arguments after `neo4j-admin database import full` for the files of
    `write_admin_import`. Label and type come from the :LABEL/:TYPE columns."""
    args = [database, "--overwrite-destination=true", f"--array-delimiter=U+{0x1f:04X}",
            "--multiline-fields=true", "--skip-duplicate-nodes=false",
            "--bad-tolerance=0", "--high-parallel-io=on"]
    for p in paths:
        kind = "--nodes" if p.name.startswith("nodes-") else "--relationships"
        args.append(f"{kind}={p.resolve()}")
    return args


def import_graph_dir(graph_dir: Path, data: Path, bolt_port: int = 7687,
                     http_port: int = 7474) -> dict[str, Any]:
    """`hdkg neo4j import`: a built graph into the local server's store in bulk, then serve it.

    The first load of a large graph: Bolt MERGE writes 15-20k relationships/s on two cores,
    the import tool several times that. It replaces the store's database, so it runs only
    on a stopped server; the server is then started and given the schema's constraints
    (an import makes none), so that later `hdkg load neo4j` increments MERGE on indexes.
    """
    from hdkg.graph.neo4j import server as neo4j_server
    from hdkg.graph.neo4j.connect import Settings, connect
    from hdkg.graph.neo4j.load import create_constraints, graph_counts, read_graph_dir

    started = time.monotonic()
    graph = read_graph_dir(graph_dir)
    with tempfile.TemporaryDirectory(prefix="hdkg-import-") as tmp:
        paths = write_admin_import(graph, Path(tmp))
        neo4j_server.admin_import(data, admin_import_args(paths))
    imported = time.monotonic() - started
    server = neo4j_server.start(data, bolt_port=bolt_port, http_port=http_port)
    driver = connect(Settings(uri=server["bolt_uri"]))
    try:
        create_constraints(driver)
    finally:
        driver.close()
    counts = graph_counts(graph)
    return {"nodes": sum(counts["nodes"].values()),
            "relationships": sum(counts["relationships"].values()),
            "import_seconds": round(imported, 1),
            "seconds": round(time.monotonic() - started, 1), **server}
