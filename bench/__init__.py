"""Benchmarks that print figures, and the synthetic generator (`bench.synthetic`).

Not part of the installed package. The scripts run as `python bench/NAME.py` and import
their neighbours by name (`from synthetic import ...`); tests import `bench.synthetic` (the
repository root is on pytest's `pythonpath`).
"""
