"""The trigger lexicon (`triggers.yaml`): the words of each predicate, kept as data.

Rules decide who and what a trigger connects; the lexicon only says which words trigger,
so that a phrase real text uses is added without touching the rules.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

import yaml


@cache
def lexicon() -> dict[str, dict[str, list[str]]]:
    """The whole lexicon, read once from the package."""
    text = files("hdkg.loaders.text").joinpath("triggers.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ValueError("triggers.yaml: expected a mapping of predicates")
    return data


@cache
def trigger_pattern(predicate: str, group: str) -> re.Pattern[str]:
    """One regex for a group of triggers, longest first, at word boundaries.

    An entry that starts with a capital letter matches case-sensitively (a name-like phrase);
    the others ignore case.
    """
    phrases = lexicon()[predicate][group]
    parts = []
    for p in sorted(phrases, key=len, reverse=True):
        parts.append(p if p[:1].isupper() else f"(?i:{p})")
    return re.compile(r"(?<![\w\-])(?:" + "|".join(parts) + r")(?![\w\-])")


@cache
def any_trigger(predicate: str) -> re.Pattern[str]:
    """One regex for every trigger of a predicate: a first look at a sentence, so that the
    rules of a predicate run only where one of its words stands."""
    parts = [trigger_pattern(predicate, group).pattern for group in lexicon()[predicate]]
    return re.compile("|".join(f"(?:{p})" for p in parts))
