"""The generated Phoenix actor file (data/actors/phoenix.yaml, scripts/convert_phoenix.py)."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path

import pytest

from konflikt.actors.kb import load_kb

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "src" / "konflikt" / "data" / "actors" / "phoenix.yaml"


def _converter():
    spec = importlib.util.spec_from_file_location("convert_phoenix", ROOT / "scripts" / "convert_phoenix.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["convert_phoenix"] = mod  # dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


def test_parsing_helpers():
    conv = _converter()
    assert conv.pretty_name("VLADIMIR_PUTIN_") == ("Vladimir Putin", [])
    assert conv.pretty_name("MICHAEL_O'KENNEDY_") == ("Michael O'Kennedy", [])
    assert conv.pretty_name("PEOPLE'S_UNITED_FRONT_") == ("People's United Front", [])
    assert conv.pretty_name("ANIMAL_LIBERATION_FRONT_(ALF)_") == ("Animal Liberation Front", ["ALF"])
    assert conv.pretty_name("PKK") == ("PKK", [])
    assert conv.parse_day("991231") == date(1999, 12, 31)
    assert conv.parse_day("070423") == date(2007, 4, 23)
    assert conv.parse_day("19390322") == date(1939, 3, 22)
    assert conv.parse_day("991331") is None
    c = conv.parse_code("RUSGOV 991231-080507")
    assert (c.code, c.start, c.end) == ("RUSGOV", date(1999, 12, 31), date(2008, 5, 7))
    assert conv.parse_code("RUSELI >991231").end is None
    assert conv.parse_code("USAGOV <061231").start is None
    assert conv.parse_code("RUSGOV 080507-991231") is None  # backwards
    assert conv.merge([(date(2000, 1, 1), date(2001, 1, 1)), (date(2000, 6, 1), date(2002, 1, 1))]) == [
        (date(2000, 1, 1), date(2002, 1, 1))]


def test_a_single_common_word_is_no_name():
    """Phoenix lists "Youth", "Falcon" and "Zero" as names of armed groups; alone they are English words, and a
    youth front of Nigeria must not become a French rebel group."""
    conv = _converter()
    assert conv._dictionary_word("Youth") and conv._dictionary_word("Falcon")
    assert not conv._dictionary_word("Gazteriak") and not conv._dictionary_word("Hezbollah")
    names = {n for e in load_kb() if e.source.endswith("phoenix.yaml") for n in e.all_names("en")}
    assert not {"Youth", "Falcon", "Zero", "Mavericks"} & names


def test_blocks(tmp_path):
    conv = _converter()
    p = tmp_path / "x.actors.txt"
    p.write_text("# comment\nBORIS_YELTSIN_  # note\n+YELTSIN\nPRESIDENT_YELTSIN\n\t[RUSELI 490101-910710]\n"
                 "\t[RUSGOV 910710-991231]\nKREMLIN_ [RUSGOV]\nHAMAS_\n+ISLAMIC_RESISTANCE_MOVEMENT\n\t[PSEREB]\n",
                 encoding="utf-8")
    blocks = conv.parse_file(p)
    assert [b.names[0] for b in blocks] == ["BORIS_YELTSIN_", "KREMLIN_", "HAMAS_"]
    assert blocks[0].names == ["BORIS_YELTSIN_", "YELTSIN", "PRESIDENT_YELTSIN"]
    assert blocks[0].codes == ["RUSELI 490101-910710", "RUSGOV 910710-991231"]


def test_shipped_file_loads_with_dated_roles():
    kb = load_kb()
    phx = [e for e in kb if e.id.startswith("phx_")]
    assert 500 <= len(phx) <= 3000
    assert SHIPPED.stat().st_size < 3_000_000
    yeltsin = next(e for e in phx if e.name == "Boris Yeltsin")
    assert kb.code_for(yeltsin, date(1995, 1, 1))[0] == "RUSGOV"
    assert kb.code_for(yeltsin, date(2005, 1, 1))[0] == "RUS"
    assert kb.roll_up(yeltsin, date(1995, 1, 1)).id == "RUS"
    assert all(e.kind in {"person", "group"} for e in phx)


@pytest.mark.skipif(not (ROOT.parent / "shared" / "reference" / "phoenix").exists(), reason="no ../shared")
def test_shipped_file_is_up_to_date(tmp_path):
    """Re-run scripts/convert_phoenix.py after editing the curated actor files (people.yaml, groups.yaml)."""
    conv = _converter()
    out = tmp_path / "phoenix.yaml"
    conv.main(["--out", str(out)])
    assert out.read_text(encoding="utf-8") == SHIPPED.read_text(encoding="utf-8"), (
        "phoenix.yaml is stale: run .venv/bin/python scripts/convert_phoenix.py")
