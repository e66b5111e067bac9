"""`konflikt ingest`, `konflikt events`, `konflikt network` end to end (small Swedish documents)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from konflikt.cli import app

runner = CliRunner()

DOC_A = "Ryssland skickade vapen till LNA.\n\nTurkiet attackerade LNA på måndagen.\n"
DOC_B = "Egypten fördömde Turkiet.\n\nQatar stödjer GNA.\n"


def run(*args, input=None):
    return runner.invoke(app, [str(a) for a in args], input=input)


@pytest.fixture()
def docs(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(DOC_A, encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text(DOC_B, encoding="utf-8")
    return tmp_path


def test_ingest_then_events_equal_code_output(docs):
    db = docs / "k.duckdb"
    r = run("ingest", docs / "in", "--db", db, "--date", "2024-03-15", "--lang", "sv")
    assert r.exit_code == 0, r.output
    assert "2 document(s) coded" in r.stderr
    coded = run("code", docs / "in" / "a.txt", docs / "in" / "b.txt", "--date", "2024-03-15", "--lang", "sv")
    assert coded.exit_code == 0
    stored = run("events", "--db", db)
    assert stored.exit_code == 0
    assert stored.stdout == coded.stdout and stored.stdout.count("\n") >= 3
    # ingesting the same files again adds nothing and leaves the events unchanged
    again = run("ingest", docs / "in", "--db", db, "--date", "2024-03-15")
    assert again.exit_code == 0 and "2 already stored" in again.stderr
    assert run("events", "--db", db).stdout == stored.stdout


def test_bad_inputs_are_named_and_skipped(docs, monkeypatch):
    from konflikt.ingest import formats

    (docs / "in" / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (docs / "in" / "lines.jsonl").write_text(json.dumps({"text": DOC_B + "Iran stödjer Hamas.\n"}) + "\n{oops\n",
                                             encoding="utf-8")
    (docs / "in" / "locked.txt").write_text("Israel bombade Hamas.\n", encoding="utf-8")
    real_open = open

    def fake_open(path, *a, **k):
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *a, **k)

    monkeypatch.setattr(formats, "open", fake_open, raising=False)
    db = docs / "k.duckdb"
    r = run("ingest", docs / "in", docs / "missing.txt", "--db", db, "--date", "2024-03-15")
    assert r.exit_code == 3, r.output
    lines = [ln for ln in r.stderr.splitlines() if "skipped" in ln and "ingest:" not in ln]
    assert len(lines) == 4
    assert any("binary.txt: skipped: binary" in ln for ln in lines)
    assert any("lines.jsonl:2: skipped: malformed JSON" in ln for ln in lines)
    assert any("locked.txt: skipped: cannot read (Permission denied)" in ln for ln in lines)
    assert any("missing.txt: skipped: no such file" in ln for ln in lines)
    assert "Traceback" not in r.output
    assert "3 document(s) coded" in r.stderr  # a.txt, b.txt and the good JSONL line


def test_nothing_ingested_is_exit_4(tmp_path):
    (tmp_path / "x.txt").write_bytes(b"\x00\x01\x02" * 1000)
    r = run("ingest", tmp_path / "x.txt", "--db", tmp_path / "k.duckdb")
    assert r.exit_code == 4 and "skipped" in r.stderr
    (tmp_path / "empty").mkdir()
    r = run("ingest", tmp_path / "empty", "--db", tmp_path / "k.duckdb")
    assert r.exit_code == 4 and "no documents" in r.stderr


def test_usage_errors(docs):
    db = docs / "k.duckdb"
    assert run("events", "--db", docs / "nope.duckdb").exit_code == 2
    assert run("ingest", docs / "in", "--db", db, "--lang", "de").exit_code == 2
    assert run("ingest", docs / "in", "--db", db, "--date", "27/12/2019").exit_code == 2
    assert run("ingest", docs / "in", "--db", docs / "in").exit_code == 2          # a directory
    run("ingest", docs / "in", "--db", db)
    assert run("events", "--db", db, "--format", "xml").exit_code == 2
    assert run("events", "--db", db, "--format", "parquet").exit_code == 2        # needs --out
    assert run("events", "--db", db, "--type", "BOMB").exit_code == 2
    assert run("events", "--db", db, "--from", "2024-02-01", "--to", "2024-01-01").exit_code == 2
    assert run("network", "--db", db, "--level", "planet").exit_code == 2
    r = run("network", "--db", db, "--format", "svg")
    assert r.exit_code == 2 and "Traceback" not in r.output


def test_exports_csv_parquet(docs):
    import duckdb
    import pandas as pd

    from konflikt.store import POLECAT_COLUMNS

    db = docs / "k.duckdb"
    run("ingest", docs / "in", "--db", db, "--date", "2024-03-15")
    n = run("events", "--db", db).stdout.count("\n")
    csv_out = run("events", "--db", db, "--format", "csv")
    assert csv_out.exit_code == 0
    import io

    df = pd.read_csv(io.StringIO(csv_out.stdout))
    assert list(df.columns) == list(POLECAT_COLUMNS) and len(df) == n
    run("events", "--db", db, "--format", "csv", "--out", docs / "e.csv")
    assert len(pd.read_csv(docs / "e.csv")) == n
    r = run("events", "--db", db, "--format", "parquet", "--out", docs / "e.parquet")
    assert r.exit_code == 0
    pq = pd.read_parquet(docs / "e.parquet")
    assert len(pq) == n and set(pq["Event Type"]) <= set(df["Event Type"])
    con = duckdb.connect()
    assert con.execute(f"SELECT count(*) FROM read_parquet('{docs / 'e.parquet'}')").fetchone()[0] == n
    only = run("events", "--db", db, "--type", "ASSAULT", "--format", "csv")
    assert set(pd.read_csv(io.StringIO(only.stdout))["Event Type"]) == {"ASSAULT"}
    turkey = run("events", "--db", db, "--actor", "turkey")
    assert turkey.stdout and run("events", "--db", db, "--actor", "Turkiet").stdout == turkey.stdout
    for line in turkey.stdout.splitlines():
        ev = json.loads(line)
        assert "Turkey" in [a["name"] for a in ev["actor"] + ev["recipient"]]


def test_dedup_one_happening_many_mentions(tmp_path):
    rows = [{"text": "Ryssland skickade vapen till LNA.", "source": "SVT", "date": "2020-01-10"},
            {"text": "Ryssland skickade vapen till LNA, uppger källor.", "source": "DN", "date": "2020-01-11"},
            {"text": "Ryssland har skickat vapen till LNA.", "source": "DN", "date": "2020-01-11"},
            {"text": "Ryssland skickade vapen till LNA igen.", "source": "SVT", "date": "2020-03-01"}]
    p = tmp_path / "w.jsonl"
    p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    db = tmp_path / "k.duckdb"
    assert run("ingest", p, "--db", db, "--lang", "sv").exit_code == 0
    plain = [json.loads(x) for x in run("events", "--db", db, "--type", "AID").stdout.splitlines()]
    assert len(plain) == 4, "the pipeline should code each report as AID Russia -> LNA"
    hap = [json.loads(x) for x in run("events", "--db", db, "--type", "AID", "--dedup").stdout.splitlines()]
    assert [h["num_mentions"] for h in hap] == [3, 1]
    h = hap[0]
    assert h["num_sources"] == 2 and h["num_documents"] == 3
    assert {m["event_id"] for m in h["mentions"]} == {e["id"] for e in plain[:3]}
    for m in h["mentions"]:
        ev = next(e for e in plain if e["id"] == m["event_id"])
        assert m["span"] == ev["span"] and m["sentence_index"] == ev["sentence_index"]
    # the network counts the happening once, its mentions three times
    net = json.loads(run("network", "--db", db, "--format", "json").stdout)
    (edge,) = [e for e in net["edges"] if e["actor"] == "RUS"]
    assert (edge["events"], edge["mentions"]) == (2, 4)
    net_m = json.loads(run("network", "--db", db, "--format", "json", "--count", "mentions").stdout)
    assert [e["events"] for e in net_m["edges"] if e["actor"] == "RUS"] == [4]
    csv_d = run("events", "--db", db, "--type", "AID", "--dedup", "--format", "csv")
    assert csv_d.stdout.splitlines()[0].startswith("Happening ID,Num Mentions,Num Sources")


def test_network_time_windows(tmp_path):
    rows = [{"text": "Turkiet stödjer GNA.", "date": "2019-06-01"},
            {"text": "Turkiet attackerade LNA på måndagen.", "date": "2019-06-02"},
            {"text": "Ryssland skickade vapen till LNA.", "date": "2020-02-01"},
            {"text": "Egypten fördömde Turkiet.", "date": "2020-02-03"}]
    p = tmp_path / "w.jsonl"
    p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    db = tmp_path / "k.duckdb"
    assert run("ingest", p, "--db", db, "--lang", "sv").exit_code == 0

    def edges(*opts):
        out = run("network", "--db", db, "--format", "json", *opts)
        assert out.exit_code == 0, out.output
        data = json.loads(out.stdout)
        return data, {(e["actor"], e["recipient"]): e for e in data["edges"]}

    _, everything = edges()
    data19, e19 = edges("--from", "2019-01-01", "--to", "2019-12-31")
    _, e20 = edges("--from", "2020-01-01")
    assert e19 and e20 and set(e19) | set(e20) == set(everything) and not set(e19) & set(e20)
    assert all("2019-01-01" <= e["first"] <= e["last"] <= "2019-12-31" for e in e19.values())
    assert data19["window"] == {"from": "2019-01-01", "to": "2019-12-31"}
    assert {n["id"] for n in data19["nodes"]} == {x for k in e19 for x in k}
    # --actor: only that actor's dyads
    data, focused = edges("--actor", "Turkiet")
    assert focused and all("TUR" in k for k in focused)
    table = run("network", "--db", db)
    assert table.exit_code == 0 and "Turkey" in table.stdout and "Camp 1" in table.stdout


def test_workers_store_the_same(docs):
    (docs / "in" / "c.txt").write_text("Israel bombade Hamas.\n\nIran stödjer Hamas.\n", encoding="utf-8")
    one, two = docs / "one.duckdb", docs / "two.duckdb"
    assert run("ingest", docs / "in", "--db", one, "--date", "2024-03-15").exit_code == 0
    r = run("ingest", docs / "in", "--db", two, "--date", "2024-03-15", "--workers", "2")
    assert r.exit_code == 0, r.output
    assert run("events", "--db", one).stdout == run("events", "--db", two).stdout
    assert run("ingest", docs / "in", "--db", two, "--workers", "0").exit_code == 2


def test_ingest_from_standard_input(tmp_path):
    db = tmp_path / "k.duckdb"
    lines = "".join(json.dumps({"text": t, "date": "2021-05-01"}, ensure_ascii=False) + "\n"
                    for t in ("Israel bombade Hamas.", "Iran stödjer Hamas."))
    r = run("ingest", "-", "--db", db, "--lang", "sv", input=lines)
    assert r.exit_code == 0 and "2 document(s) coded" in r.stderr, r.output
    r = run("ingest", "-", "--db", db, "--lang", "sv", "--date", "2021-05-02", input="Egypten fördömde Turkiet.\n")
    assert r.exit_code == 0 and "1 document(s) coded" in r.stderr
    dates = {json.loads(x)["date"] for x in run("events", "--db", db).stdout.splitlines()}
    assert dates <= {"2021-05-01", "2021-05-02"} and "2021-05-02" in dates
