"""Saved queries as pandas DataFrames, for notebooks.

Analysts work in tables: a DataFrame sorts, filters, groups and plots in one line, where a
`QueryResult` would need a loop. The runner does all the work (parameter checks, entity
resolution, the same rows from either backend); this only changes the shape of its answer.
pandas is imported inside the function because it comes with the optional `notebooks` extra
and the rest of hdkg must import without it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from hdkg.queries.run import run_query

if TYPE_CHECKING:
    import pandas


def query_frame(name: str, backend: str = "rdf", graph_dir: str | Path = "hdkg-out",
                driver: Any = None, **params: Any) -> pandas.DataFrame:
    """The rows of the saved query `name` as a DataFrame, columns in the query's order.

    Parameters are keywords (`query_frame("chairs", actor="Indonesia")`); a parameter left
    out means no filter, as in `hdkg query`. List columns (sources, signatories) hold Python
    lists; pandas picks the other columns' dtypes, so an unset date is pandas' missing value
    (test it with `isna()`, not `is None`). An empty answer still has the query's columns,
    so code that selects a column works whether or not anything matched.
    """
    import pandas as pd

    result = run_query(name, params, backend=backend, graph_dir=Path(graph_dir),
                       driver=driver)
    return pd.DataFrame.from_records(result.rows, columns=result.columns)
