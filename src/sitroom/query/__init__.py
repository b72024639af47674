"""What the CLI and the web app both call to ask a store and shape the answer.

The store is the source of truth (:mod:`sitroom.store`); these functions only turn its rows into
JSON-ready dicts and human-readable text, so both front ends show the same thing.

- :mod:`sitroom.query.search`: snippets for a terminal or HTML, search hits as dicts
- :mod:`sitroom.query.profile`: an actor profile as a dict or as text lines
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any


def as_dict(row: Any) -> dict[str, Any]:
    """A result dataclass (:mod:`sitroom.store.base`) as a JSON-ready dict, nested rows included."""
    if not dataclasses.is_dataclass(row) or isinstance(row, type):
        raise TypeError(f"expected a result row, got {type(row).__name__}")
    return dataclasses.asdict(row)


def as_dicts(rows: Iterable[Any]) -> list[dict[str, Any]]:
    return [as_dict(r) for r in rows]
