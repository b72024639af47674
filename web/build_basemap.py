"""Build ``src/sitroom/serve/static/world.geojson``: the offline basemap of the event map.

Source: the country outlines shipped in the ``countryinfo`` PyPI package (1.0.1, already a
build-time source of the geocoder, see ``sitroom/resolve/geo_build.py``). Coordinates are rounded
to 0.05 degrees and consecutive duplicate points dropped, which keeps every country recognisable
at the zoom levels a world/regional map uses while making the file a few hundred kB.

Run: ``.venv/bin/python web/build_basemap.py`` (output is committed; nothing runs at serve time).
"""

from __future__ import annotations

import glob
import json
from pathlib import Path
from typing import Any

import countryinfo

STEP = 0.05
OUT = Path(__file__).resolve().parents[1] / "src" / "sitroom" / "serve" / "static" / "world.geojson"


def _snap(value: float) -> float:
    return round(round(value / STEP) * STEP, 2)


def simplify_ring(ring: list[list[float]]) -> list[list[float]] | None:
    """The ring on the coarse grid without repeated points; None when it collapses (tiny islands)."""
    out: list[list[float]] = []
    for lon, lat, *_ in ring:
        point = [_snap(lon), _snap(lat)]
        if not out or out[-1] != point:
            out.append(point)
    if len(out) < 4:
        return None
    if out[0] != out[-1]:
        out.append(out[0])
    return out


def simplify_polygon(polygon: list[list[list[float]]]) -> list[list[list[float]]] | None:
    rings = [r for r in (simplify_ring(ring) for ring in polygon) if r]
    return rings if rings and rings[0] else None


def country_features() -> list[dict[str, Any]]:
    folder = Path(countryinfo.__file__).resolve().parent / "data"
    features = []
    for path in sorted(glob.glob(str(folder / "*.json"))):
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        for feature in (data.get("geoJSON") or {}).get("features", []):
            geometry = feature.get("geometry") or {}
            polygons = geometry.get("coordinates") or []
            if geometry.get("type") == "Polygon":
                polygons = [polygons]
            kept = [p for p in (simplify_polygon(poly) for poly in polygons) if p]
            if kept:
                iso = (data.get("ISO") or {}).get("alpha3") or feature.get("id")
                features.append({"type": "Feature", "properties": {"iso": iso, "name": data.get("name")},
                                 "geometry": {"type": "MultiPolygon", "coordinates": kept}})
    return features


def main() -> None:
    features = country_features()
    OUT.write_text(json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":")),
                   encoding="utf-8")
    print(f"{OUT}: {len(features)} countries, {OUT.stat().st_size // 1024} kB")


if __name__ == "__main__":
    main()
