"""One `konflikt ingest DIR` over Swedish, Bokmål, English, Nynorsk and German files (our own sentences):
each supported one coded in its own language, the others named in one line each, nothing lost."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from konflikt.cli import app
from konflikt.language.registry import installed

runner = CliRunner()
pytestmark = pytest.mark.skipif("nb" not in installed(), reason="no trained nb pipeline installed")

FILES = {
    "sv.txt": "Turkiet fördömde på tisdagen Rysslands flyganfall mot staden Idlib. Regeringen i Ankara kallade upp "
              "den ryska ambassadören och krävde att attackerna skulle upphöra omedelbart.",
    "nb.txt": "Tyrkia fordømte på tirsdag Russlands flyangrep mot byen Idlib. Regjeringen i Ankara kalte inn den "
              "russiske ambassadøren og krevde at angrepene måtte stanse umiddelbart.",
    "en.txt": "Turkey on Tuesday condemned Russia's air strikes on the city of Idlib. The government in Ankara "
              "summoned the Russian ambassador and demanded that the attacks stop immediately.",
    "nn.txt": "Tyrkia fordømde tysdag dei russiske flyåtaka mot byen Idlib. Regjeringa i Ankara kalla inn den "
              "russiske ambassadøren og kravde at åtaka måtte stanse med ein gong, og det er ikkje første gong.",
    "de.txt": "Die Türkei hat am Dienstag die russischen Luftangriffe auf die Stadt Idlib verurteilt. Die Regierung "
              "in Ankara bestellte den russischen Botschafter ein und forderte ein sofortiges Ende der Angriffe.",
}


def test_mixed_directory(tmp_path):
    src = tmp_path / "news"
    src.mkdir()
    for name, text in FILES.items():
        (src / name).write_text(text, encoding="utf-8")
    db = tmp_path / "k.duckdb"
    r = runner.invoke(app, ["ingest", str(src), "--db", str(db), "--date", "2024-03-15", "--workers", "1",
                            "--no-progress"])
    assert r.exit_code == 3, r.output  # some inputs skipped, the others coded
    skipped = [ln for ln in r.output.splitlines() if "skipped" in ln]
    assert any("de.txt" in ln and "'de'" in ln for ln in skipped), r.output
    assert any("nn.txt" in ln and "Nynorsk" in ln for ln in skipped), r.output
    assert "Traceback" not in r.output
    events = [json.loads(x) for x in runner.invoke(app, ["events", "--db", str(db)]).stdout.splitlines() if x]
    by_lang: dict[str, set[str]] = {}
    for e in events:
        by_lang.setdefault(e["language"], set()).add(e["event"])
    assert set(by_lang) == {"sv", "nb", "en"}
    for lang in ("sv", "nb", "en"):
        assert "ACCUSE" in by_lang[lang] or "REQUEST" in by_lang[lang], (lang, by_lang)
