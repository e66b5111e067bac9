"""Place data files: packaged files valid, the validators' errors, centroids, the document's country context."""

from __future__ import annotations

import pytest

from konflikt.places import document_countries, dominant_country
from konflikt.places.data import (
    EXONYMS_PATH,
    PREPOSITIONS_PATH,
    PlaceDataError,
    load_centroids,
    load_exonyms,
    validate_exonyms_file,
    validate_prepositions_file,
)

GOOD = """version: 1
places:
  - id: tobruk
    geonames_id: 81302
    names: {sv: [Tobruk], en: [Tobruk]}
  - id: mediterranean
    kind: sea
    name: Mediterranean Sea
    country: null
    lat: 35.0
    lon: 18.0
    names: {sv: [Medelhavet], en: [Mediterranean]}
"""


def test_packaged_files_valid():
    assert validate_exonyms_file(EXONYMS_PATH) == []
    assert validate_prepositions_file(PREPOSITIONS_PATH) == []
    ids = {p.id for p in load_exonyms()}
    assert {"tripoli-libya", "tobruk", "kharkiv", "kyiv", "damascus", "mediterranean", "gaza-strip",
            "west-bank"} <= ids


def test_good_file(tmp_path):
    f = tmp_path / "exonyms.yaml"
    f.write_text(GOOD, encoding="utf-8")
    assert validate_exonyms_file(f) == []
    assert [p.id for p in load_exonyms(f)] == ["tobruk", "mediterranean"]


@pytest.mark.parametrize(("change", "reason", "line"), [
    (("geonames_id: 81302", "geonames_id: 12"), "not a GeoNames city", 4),
    (("en: [Mediterranean]", "en: [Tobruk]"), "already belongs to tobruk", 12),
    (("country: null", "country: XYZ"), "unknown country code XYZ", 9),
    (("    lat: 35.0\n", ""), "is not valid under any of the given schemas", 6),
    (("    kind: sea\n", "    kind: ocean\n"), "'ocean' is not one of", 7),
    (("id: tobruk", "id: Tobruk!"), "does not match", 3),
    (("version: 1\n", "version: 1\nowner: me\n"), "unknown field 'owner'", 2),
])
def test_errors(tmp_path, change, reason, line):
    f = tmp_path / "exonyms.yaml"
    f.write_text(GOOD.replace(*change), encoding="utf-8")
    errors = validate_exonyms_file(f)
    assert any(reason in e.reason for e in errors), errors
    assert any(e.line == line for e in errors), errors
    with pytest.raises(PlaceDataError):
        load_exonyms(f)


def test_bad_yaml_and_prepositions(tmp_path):
    f = tmp_path / "exonyms.yaml"
    f.write_text("places: [\n", encoding="utf-8")
    (err,) = validate_exonyms_file(f)
    assert "bad YAML" in err.reason
    p = tmp_path / "prepositions.yaml"
    p.write_text('version: 1\nlanguages:\n  en:\n    prepositions: [in, "on"]\n', encoding="utf-8")
    assert validate_prepositions_file(p) == []
    p.write_text("version: 1\nlanguages:\n  en:\n    prepositions: [in, on]\n", encoding="utf-8")  # YAML: on = true
    assert any("True is not of type 'string'" in e.reason for e in validate_prepositions_file(p))
    p.write_text("version: 1\nlanguages:\n  en:\n    prepositions: [in, at]\n    directional: [to]\n"
                 "    not_location: [in]\n", encoding="utf-8")
    reasons = [e.reason for e in validate_prepositions_file(p)]
    assert "en: directional 'to' is not one of its prepositions" in reasons
    assert "en: 'in' is both a preposition and not_location" in reasons


def test_centroids_cover_the_knowledge_base():
    from konflikt.actors.kb import load_kb

    centroids = load_centroids()
    missing = [e.id for e in load_kb().entities("country") if e.id not in centroids]
    assert missing == []
    lat, lon = centroids["LBY"]
    assert 24 < lat < 30 and 15 < lon < 21
    lat, lon = centroids["SWE"]
    assert 58 < lat < 66 and 13 < lon < 20


def test_document_countries():
    text = ("Libyen har varit i kaos sedan 2011. Den libyska regeringen i Tripoli får stöd från Turkiet, "
            "medan ryssarna stöder Haftar. Libyens grannar oroas. Turkiska trupper kan skickas.")
    counts = document_countries(text)
    assert counts["LBY"] == 3 and counts["TUR"] == 2 and counts["RUS"] == 1
    assert dominant_country(counts) == "LBY"
    assert document_countries("The Libyan government and Libya's neighbours; Turkey's troops.")["LBY"] == 2


@pytest.mark.parametrize(("counts", "expected"), [
    ({"LBY": 3, "TUR": 2}, "LBY"), ({"LBY": 2, "TUR": 2}, None), ({"LBY": 1}, None), ({}, None),
])
def test_dominant_country(counts, expected):
    assert dominant_country(counts) == expected


def test_check_commands(capsys):
    from konflikt.dates.lexicon import check_command as dates_check
    from konflikt.places.data import check_command as places_check

    assert places_check() == 0 and dates_check() == 0
    out = capsys.readouterr().out
    assert "2 place file(s) checked, 0 error(s)" in out and "3 date file(s) checked, 0 error(s)" in out


def test_no_import_circle_between_data_and_gazetteer():
    """places.data (validators) and places.gazetteer both take GeoNames from places.geonames; data imports
    neither gazetteer nor anything that imports it, and geonames imports no other module of the package."""
    import ast
    from pathlib import Path

    import konflikt.places as pkg

    root = Path(pkg.__file__).parent

    def imports(name: str) -> set[str]:
        tree = ast.parse((root / f"{name}.py").read_text(encoding="utf-8"))
        out = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                out.add(node.module)
                out.update(f"{node.module}.{a.name}" for a in node.names)
            elif isinstance(node, ast.Import):
                out.update(a.name for a in node.names)
        return {m for m in out if m.startswith("konflikt.places")}

    assert not any(m.startswith("konflikt.places.gazetteer") for m in imports("data"))
    assert imports("geonames") == set()
    assert "konflikt.places.geonames" in imports("gazetteer") and "konflikt.places.geonames" in imports("data")
