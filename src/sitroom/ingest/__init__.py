"""Readers that turn inputs into :class:`sitroom.records.Document` objects.

>>> for item in read_inputs(["articles/", "feed.xml", "-"]):
...     if isinstance(item, InputFailure):
...         print(f"skipped {item.where}: {item.reason}")
...     else:
...         process(item)

One module per format: :mod:`.text` (``.txt``), :mod:`.markdown` (``.md``), :mod:`.html`
(``.html``), :mod:`.feed` (RSS/Atom), :mod:`.jsonl` (``.jsonl``, ``.json``), :mod:`.warc`
(``.warc``, ``.warc.gz``); :mod:`.sniff` picks one, :mod:`.reader` walks paths and turns every
kind of bad input into an :class:`InputFailure` (``read_inputs`` never raises for bad input).

Each Document's text is cleaned (``\\n`` newlines, NFC, no NUL, no trailing whitespace); its
``id`` is the content hash unless the input gave one (JSON Lines); ``origin`` says where it came
from: ``path``, ``path:line`` (JSON Lines) or ``path#N`` (feed entry, WARC record, JSON array item).
"""

from __future__ import annotations

from sitroom.ingest.base import InputFailure, Item
from sitroom.ingest.reader import read_bytes, read_inputs, read_path

__all__ = ["InputFailure", "Item", "read_bytes", "read_inputs", "read_path"]
