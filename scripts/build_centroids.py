#!/usr/bin/env python3
"""Build `src/konflikt/data/places/country_centroids.csv` (ISO alpha-3 -> lat/lon) from countryinfo.

Run from the repository root with the build-only extra (`pip install countryinfo==1.0.1`, MIT):

    .venv/bin/python scripts/build_centroids.py            # writes the CSV
    .venv/bin/python scripts/build_centroids.py --check    # exit 1 if the committed CSV is stale

For each country in the actor knowledge base (`data/actors/countries.yaml`):

* `polygon`: the area-weighted centroid of the largest polygon of the country's outline in countryinfo's
  GeoJSON (the mainland: Alaska, overseas territories and small islands do not pull the point away),
  computed in lon/lat with the shoelace formula. If that point falls outside the polygon (a crescent-shaped
  country), the representative point below is used instead.
* `latlng`: countryinfo's `latlng` representative point (from the REST Countries data set), for countries
  without an outline in countryinfo (mostly small islands, where it is as good as a centroid).
* `curated`: the table `CURATED` below, for codes countryinfo lacks (e.g. XKX Kosovo); values are rounded
  centroids of the territory.

Coordinates are rounded to 4 decimals (about 10 m). The runtime never imports countryinfo.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
KB = ROOT / "src" / "konflikt" / "data" / "actors" / "countries.yaml"
OUT = ROOT / "src" / "konflikt" / "data" / "places" / "country_centroids.csv"

CURATED: dict[str, tuple[float, float]] = {
    "XKX": (42.5833, 20.9167),  # Kosovo (not in ISO 3166-1)
    "PSE": (31.9000, 35.2000),  # State of Palestine: West Bank and Gaza, point in the West Bank
    "ALA": (60.2500, 20.0000),  # Åland
    "BES": (12.1800, -68.2500),  # Bonaire, Sint Eustatius and Saba (Bonaire)
    "BLM": (17.9000, -62.8333),  # Saint Barthélemy
    "BVT": (-54.4200, 3.3600),  # Bouvet Island
    "CUW": (12.1700, -69.0000),  # Curaçao
    "MAF": (18.0700, -63.0500),  # Saint Martin (French part)
    "SXM": (18.0400, -63.0700),  # Sint Maarten (Dutch part)
    "TCA": (21.7500, -71.5800),  # Turks and Caicos Islands
    "UMI": (19.2800, 166.6500),  # United States Minor Outlying Islands (Wake Island)
    "VGB": (18.4200, -64.6400),  # British Virgin Islands
    "VIR": (18.3400, -64.9000),  # United States Virgin Islands
}


def ring_area_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """Signed area and centroid (lon, lat) of a closed ring of [lon, lat] points (shoelace formula)."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    a /= 2.0
    if a == 0:
        xs, ys = zip(*ring, strict=True)
        return 0.0, sum(xs) / len(xs), sum(ys) / len(ys)
    return a, cx / (6 * a), cy / (6 * a)


def inside(ring: list[list[float]], x: float, y: float) -> bool:
    """Even-odd point-in-polygon test."""
    hit = False
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y0 > y) != (y1 > y) and x < (x1 - x0) * (y - y0) / (y1 - y0) + x0:
            hit = not hit
    return hit


def polygons(geojson: dict) -> list[list[list[list[float]]]]:
    """All polygons (lists of rings) of a GeoJSON FeatureCollection / Feature / geometry."""
    if geojson.get("type") == "FeatureCollection":
        return [p for f in geojson["features"] for p in polygons(f)]
    if geojson.get("type") == "Feature":
        return polygons(geojson["geometry"])
    if geojson.get("type") == "Polygon":
        return [geojson["coordinates"]]
    if geojson.get("type") == "MultiPolygon":
        return list(geojson["coordinates"])
    return []


def centroid(info: dict) -> tuple[float, float, str] | None:
    """(lat, lon, method) for one countryinfo record."""
    latlng = info.get("latlng") or []
    polys = polygons(info.get("geoJSON") or {})
    if polys:
        best = max(polys, key=lambda p: abs(ring_area_centroid(p[0])[0]))
        _, x, y = ring_area_centroid(best[0])
        if inside(best[0], x, y) or len(latlng) != 2:
            return y, x, "polygon"
    if len(latlng) == 2:
        return float(latlng[0]), float(latlng[1]), "latlng"
    return None


def build() -> str:
    import json
    from importlib import resources

    by_iso3: dict[str, dict] = {}
    for path in sorted(resources.files("countryinfo").joinpath("data").iterdir()):
        if not path.name.endswith(".json"):
            continue
        info = json.loads(path.read_text(encoding="utf-8"))
        iso3 = ((info.get("ISO") or {}).get("alpha3") or "").upper()
        if iso3:
            by_iso3[iso3] = info
    kb = yaml.safe_load(KB.read_text(encoding="utf-8"))
    rows, missing = [], []
    for ent in kb["entities"]:
        iso3 = ent["id"]
        if iso3 in CURATED:
            lat, lon = CURATED[iso3]
            rows.append((iso3, ent["name"], lat, lon, "curated"))
            continue
        got = centroid(by_iso3[iso3]) if iso3 in by_iso3 else None
        if got is None:
            missing.append(iso3)
            continue
        lat, lon, method = got
        rows.append((iso3, ent["name"], lat, lon, method))
    if missing:
        print("no centroid for: " + " ".join(missing), file=sys.stderr)
    buf = io.StringIO()
    buf.write("# Country centroids, GENERATED by scripts/build_centroids.py from countryinfo 1.0.1 (MIT; outlines and\n"
              "# representative points from the REST Countries / world.geo.json data). Do not edit by hand.\n")
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["iso3", "name", "lat", "lon", "method"])
    for iso3, name, lat, lon, method in sorted(rows):
        w.writerow([iso3, name, f"{lat:.4f}", f"{lon:.4f}", method])
    return buf.getvalue()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if the committed CSV differs")
    args = ap.parse_args()
    text = build()
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{OUT} is stale: re-run scripts/build_centroids.py")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({text.count(chr(10)) - 3} countries)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
