"""Progress of long work (a build, a Neo4j load) on stderr, when its caller asks for it.

Library modules log through `logging.getLogger(__name__)` (all under the `hdkg` logger) and
print nothing themselves; the command line (`hdkg.cli`) sets where log records go. Long work
shows a rich progress bar on stderr when its caller asks for one (`progress=True`; the
command line does unless `-q`).
"""

from __future__ import annotations

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn


def progress_bar(enabled: bool, *, transient: bool = True, width: int = 0) -> Progress:
    """A rich progress bar on stderr, or a disabled one that costs nothing."""
    description = f"{{task.description:<{width}}}" if width else "{task.description}"
    return Progress(TextColumn(description), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=Console(stderr=True), transient=transient,
                    disable=not enabled)
