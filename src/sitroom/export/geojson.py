"""GeoJSON for QGIS: one Point feature per geocoded event, flat properties (QGIS reads nested
objects as strings), coordinates in WGS 84 longitude, latitude order."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from sitroom.export.rows import RecordReader, event_rows

_DROP = ("lat", "lon")


def write_geojson(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Stream a FeatureCollection; returns the number of features (events without a place are left out)."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    count = 0
    for record, entities in RecordReader(records):
        for row in event_rows(record, entities):
            if row["lat"] is None or row["lon"] is None:
                continue
            feature = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
                       "properties": {k: v for k, v in row.items() if k not in _DROP}}
            out.write((",\n" if count else "") + json.dumps(feature, ensure_ascii=False))
            count += 1
    out.write("\n]}\n")
    return count
