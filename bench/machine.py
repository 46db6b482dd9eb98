"""One description of the machine for every benchmark, so figures from different scripts
can be compared (and a table in the README says where it was measured).

The benchmarks run as scripts (`python bench/x.py`), so they import this file by name:
`from machine import machine` works because Python puts the script's folder on sys.path.
"""

from __future__ import annotations

import os
import platform
from pathlib import Path


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def memory_gib() -> float | None:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (OSError, ValueError, AttributeError):
        return None


def machine() -> str:
    """OS, CPU, cores, memory, Python and the storage libraries whose speed is measured."""
    mem = memory_gib()
    parts = [f"{platform.system()} {platform.release()}", cpu_model(),
             f"{os.cpu_count()} CPUs"]
    if mem is not None:
        parts.append(f"{mem:.0f} GiB RAM")
    libs = [f"Python {platform.python_version()}"]
    for name in ("pyoxigraph", "pydantic", "neo4j"):
        try:
            from importlib.metadata import version

            libs.append(f"{name} {version(name)}")
        except Exception:  # noqa: BLE001 - a missing library is simply not named
            continue
    return ", ".join(parts) + "; " + ", ".join(libs)
