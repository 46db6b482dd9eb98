"""YAML with line numbers: the one helper behind every `file:line: field: message`.

Curated facts, identity decisions and the reference data are YAML that analysts write by
hand, and each of their loaders names the line of a problem. They all parse with `load` (the
data and its node tree, in one parse) and find a line with `line_at` (the place a pydantic
error location - mapping keys and list indexes - points to).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import yaml

# libyaml's parser where PyYAML was built with it (the wheels are): the same data and the
# same node marks, several times faster on the reference data read at every start.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(text: str) -> tuple[Any, yaml.Node | None]:
    """What `yaml.safe_load(text)` gives and the node tree `yaml.compose(text)` gives, from
    one parse. Raises `yaml.YAMLError` as they do; an empty document gives (None, None)."""
    loader = _LOADER(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return data, node


def line_at(node: yaml.Node | None, loc: Iterable[Any], *, key_line: bool = False) -> int | None:
    """The 1-based line of the deepest place in `node` that `loc` reaches, following mapping
    keys (compared as strings; a repeated key means its last value, as in the data) and list
    indexes; where `loc` leaves the tree, the last place reached. A mapping entry's line is
    its value's, or its key's with `key_line` (the two differ for a value on the next lines,
    a missing field's line is then the key it sits under). None for no document."""
    if node is None:
        return None
    line = node.start_mark.line + 1
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            entry = None
            for k, v in node.value:
                if str(k.value) == str(part):
                    entry = (k, v)
            if entry is None:
                break
            node = entry[1]
            line = (entry[0] if key_line else node).start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) \
                and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line
