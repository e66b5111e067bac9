"""Our own Bokmål rendering of the seed article (examples/seed_nb.txt) through `konflikt ingest` +
`konflikt network`: the same two camps as the Swedish seed. Needs the nb pipeline (skipped without it)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from konflikt.cli import app
from konflikt.language.registry import installed

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()
pytestmark = pytest.mark.skipif("nb" not in installed(), reason="no trained nb pipeline installed")


@pytest.fixture(scope="module")
def net(tmp_path_factory):
    db = tmp_path_factory.mktemp("seed_nb") / "k.duckdb"
    r = runner.invoke(app, ["ingest", str(ROOT / "examples" / "seed_nb.txt"), "--db", str(db),
                            "--date", "2019-12-27", "--workers", "1"])
    assert r.exit_code == 0, r.output
    out = json.loads(runner.invoke(app, ["network", "--db", str(db), "--format", "json"]).stdout)
    events = [json.loads(x) for x in runner.invoke(app, ["events", "--db", str(db)]).stdout.splitlines() if x]
    return out, events


def _camp_of(out, node_id):
    return next((i for i, c in enumerate(out["camps"]) if node_id in c), None)


def test_detected_and_coded_as_bokmal(net):
    _, events = net
    assert events and {e["language"] for e in events} == {"nb"}


def test_turkey_backs_the_gna_and_the_lna_fights_it(net):
    out, _ = net
    kinds = {(e["actor"], e["recipient"]): e["kind"] for e in out["edges"]}
    assert kinds.get(("TUR", "gna")) == "cooperative"
    assert kinds.get(("lna", "gna")) == "conflictual"
    assert _camp_of(out, "TUR") == _camp_of(out, "gna") != _camp_of(out, "lna")


def test_russia_backs_haftar(net):
    out, _ = net
    assert _camp_of(out, "RUS") == _camp_of(out, "lna") is not None  # "russerne sluttet seg til Haftar-styrkene"


@pytest.mark.xfail(strict=False, reason="nb: 'Haftars styrker får på sin side støtte fra De forente arabiske emirater "
                                        "og Egypt' is coded without its recipient")
def test_the_gulf_and_egyptian_backers_of_haftar(net):
    out, _ = net
    lna = _camp_of(out, "lna")
    assert lna is not None and all(_camp_of(out, c) == lna for c in ("ARE", "EGY"))
