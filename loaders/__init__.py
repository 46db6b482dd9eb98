"""Loaders: each kind of source into validated records (hdkg.schema)."""
