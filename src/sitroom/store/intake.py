"""How both backends take records in: new ones from extraction, or records read back from an export."""

from __future__ import annotations

import json
from typing import Any

from sitroom.records import DocumentRecord
from sitroom.store.serialize import record_from_json


class RecordIntake:
    """``add_record`` and ``import_record`` over the backend's ``_add(record, raw_json)``."""

    def _add(self, record: DocumentRecord, raw_json: str | None) -> bool:
        raise NotImplementedError

    def add_record(self, record: DocumentRecord) -> bool:
        return self._add(record, None)

    def import_record(self, data: dict[str, Any]) -> bool:
        record = record_from_json(data, where=f"record {data.get('document', {}).get('id', '?')!r}")
        # The stored JSON is what was read, so fields added by a newer extractor survive the trip.
        return self._add(record, json.dumps(data, ensure_ascii=False))
