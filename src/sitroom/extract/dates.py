"""Placeholder step: dates (being written)."""

from __future__ import annotations

from sitroom.extract.context import Context


class DateStep:
    name = "dates"
    version = "0"

    def __call__(self, ctx: Context) -> None:
        return None
