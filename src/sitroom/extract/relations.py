"""Placeholder step: relations (being written)."""

from __future__ import annotations

from sitroom.extract.context import Context


class RelationStep:
    name = "relations"
    version = "0"

    def __call__(self, ctx: Context) -> None:
        return None
