"""hdkg's data shipped in the package: the reference data (countries, the gazetteer of
bodies) every build reads, and the sample corpus. Read with importlib.resources."""
