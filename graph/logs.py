"""Logging and progress for the library and the CLI.

Library modules log through `logging.getLogger(__name__)` (all under the `hdkg` logger) and
print nothing themselves; the CLI's `-v/-q` set the level and `setup_logging` sends records
to the terminal through rich's handler. Long work (extraction, a Neo4j load) shows a rich
progress bar on stderr when its caller asks for one (`progress=True`; the CLI does unless
`-q`).
"""

from __future__ import annotations

import logging

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

LOGGER = "hdkg"


def setup_logging(level: int = logging.INFO) -> None:
    """Send the `hdkg` loggers' records at `level` and above to stderr, through rich."""
    from rich.logging import RichHandler

    root = logging.getLogger(LOGGER)
    for h in list(root.handlers):
        if getattr(h, "_hdkg", False):
            root.removeHandler(h)
    handler = RichHandler(console=Console(stderr=True), show_time=False, show_path=False,
                          markup=False, rich_tracebacks=False, show_level=level < logging.INFO)
    handler._hdkg = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    root.propagate = False


def progress_bar(enabled: bool, *, transient: bool = True, width: int = 0) -> Progress:
    """A rich progress bar on stderr, or a disabled one that costs nothing."""
    description = f"{{task.description:<{width}}}" if width else "{task.description}"
    return Progress(TextColumn(description), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=Console(stderr=True), transient=transient,
                    disable=not enabled)
