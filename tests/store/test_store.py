"""The corpus store: schema, one transaction per document, queries, happenings (de-duplication)."""

from __future__ import annotations

import json

import duckdb
import pytest

from konflikt.records import Actor, Document, Event
from konflikt.store import POLECAT_COLUMNS, Filters, Store, StoreError, parse_day


def _actor(name, entity=None, country=None, sector=None):
    return Actor(raw_text=name.lower(), name=name, entity_id=entity, country=country, sector=sector,
                 code=(country or "") + (sector or "") or None)


def _doc(text, source="test", date=None):
    from konflikt.ingest import doc_id_for

    return Document(id=doc_id_for(text), text=text, source=source, date=date, language="sv")


def _ev(doc, n, etype, actors, recipients, date="2024-01-01", negated=False, conf=0.8, sent=0, intensity=-5.0):
    return Event(id=f"{doc.id}:{sent}:{n}", doc_id=doc.id, sentence_index=sent, event_text=doc.text[:20],
                 sentence_span=(0, 20), span=(0, 4), trigger=doc.text[:4], event=etype, quad_code=4,
                 intensity=intensity, language="sv", confidence=conf, actor=actors, recipient=recipients,
                 negated=negated, date=date, context=["military"], modality=["reported"])


RUS = _actor("Russia", "RUS", "RUS")
TUR = _actor("Turkey", "TUR", "TUR")
LNA = _actor("Libyan National Army", "LNA", "LBY", "MIL")
GNA = _actor("Government of National Accord", "GNA", "LBY", "GOV")


def test_parse_day():
    assert str(parse_day("2019-12-27")) == "2019-12-27"
    assert str(parse_day("2019-12-27T10:00:00Z")) == "2019-12-27"
    assert str(parse_day("2019-12")) == "2019-12-01"
    assert str(parse_day("2019")) == "2019-01-01"
    assert parse_day("igår") is None and parse_day(None) is None


def test_add_document_round_trip_and_idempotent(tmp_path):
    db = tmp_path / "k.duckdb"
    doc = _doc("Ryssland skickade vapen till LNA. LNA attackerade GNA.", date="2024-01-01")
    evs = [_ev(doc, 0, "AID", [RUS], [LNA], intensity=7.0), _ev(doc, 1, "ASSAULT", [LNA], [GNA], sent=1)]
    with Store(db) as st:
        assert st.add_document(doc, evs, outlet="SVT")
        assert not st.add_document(doc, evs)  # same content: nothing added
        assert st.has_document(doc.id)
        assert st.stored_ids([doc.id, "not-stored", doc.id]) == {doc.id} and st.stored_ids([]) == set()
        c = st.counts()
        assert (c["documents"], c["events"], c["event_actors"], c["sentences"]) == (1, 2, 4, 2)
        assert st.check() == []
        # the records come back verbatim, in order
        assert list(st.event_records()) == [e.model_dump_json() for e in evs]
        assert [e.id for e in st.events()] == [e.id for e in evs]
        assert st.document(doc.id)["text"] == doc.text
    # the file persists and reopens read-only
    with Store(db, read_only=True) as st:
        assert st.counts()["events"] == 2


def test_filters(tmp_path):
    doc = _doc("a b c d e f")
    evs = [_ev(doc, 0, "AID", [RUS], [LNA], date="2024-01-01"),
           _ev(doc, 1, "ASSAULT", [LNA], [GNA], date="2024-02-01"),
           _ev(doc, 2, "SUPPORT", [TUR], [GNA], date="2024-03-01")]
    with Store(tmp_path / "k.duckdb") as st:
        st.add_document(doc, evs)
        ids = lambda f: [e.id.rsplit(":", 1)[1] for e in st.events(f)]  # noqa: E731
        assert ids(Filters()) == ["0", "1", "2"]
        assert ids(Filters(date_from=parse_day("2024-01-15"))) == ["1", "2"]
        assert ids(Filters(date_to=parse_day("2024-02-01"))) == ["0", "1"]
        assert ids(Filters(types=("AID", "SUPPORT"))) == ["0", "2"]
        assert ids(Filters(actor="gna")) == ["1", "2"]  # entity id, case-insensitive
        assert ids(Filters(actor="Libyan National Army")) == ["0", "1"]
        assert ids(Filters(actor="nobody")) == []


def test_polecat_rows(tmp_path):
    doc = _doc("Förenade Arabemiraten och Egypten stöder LNA.")
    ev = _ev(doc, 0, "SUPPORT", [_actor("United Arab Emirates", "ARE", "ARE"), _actor("Egypt", "EGY", "EGY")], [LNA])
    with Store(tmp_path / "k.duckdb") as st:
        st.add_document(doc, [ev])
        names, rows = st.rows(*st.polecat_query())
        rows = list(rows)
        assert tuple(names) == POLECAT_COLUMNS
        row = dict(zip(names, rows[0], strict=True))
        assert row["Event ID"] == ev.id and row["Event Type"] == "SUPPORT"
        assert row["Actor Name"] == "United Arab Emirates; Egypt" and row["Actor Country"] == "ARE; EGY"
        assert row["Recipient Name"] == "Libyan National Army" and row["Recipient Sector"] == "MIL"
        assert row["Contexts"] == "military" and row["Modality"] == "reported"
        out = tmp_path / "e.parquet"
        st.copy_to(*st.polecat_query(), out, "parquet")
    assert duckdb.connect().execute(f"SELECT count(*) FROM '{out}'").fetchone()[0] == 1


def test_happenings_group_same_dyad_type_within_a_day(tmp_path):
    d1 = _doc("first report", source="a")
    d2 = _doc("second report", source="b")
    d3 = _doc("third report", source="b")
    with Store(tmp_path / "k.duckdb") as st:
        st.add_document(d1, [_ev(d1, 0, "ASSAULT", [LNA], [GNA], date="2024-01-01"),
                             _ev(d1, 1, "AID", [RUS], [LNA], date="2024-01-01")], outlet="a")
        st.add_document(d2, [_ev(d2, 0, "ASSAULT", [LNA], [GNA], date="2024-01-02", conf=0.95),
                             _ev(d2, 1, "ASSAULT", [LNA], [GNA], date="2024-01-05"),      # another day
                             _ev(d2, 2, "ASSAULT", [LNA], [GNA], date="2024-01-01", negated=True)], outlet="b")
        st.add_document(d3, [_ev(d3, 0, "ASSAULT", [LNA], [GNA], date="2024-01-02")], outlet="b")
        hs = list(st.happenings())
        assert st.counts()["happenings"] == len(hs) == 4
        big = [h for h in hs if h["num_mentions"] > 1]
        assert len(big) == 1
        h = big[0]
        assert h["num_mentions"] == 3 and h["num_sources"] == 2 and h["num_documents"] == 3
        assert {m["event_id"] for m in h["mentions"]} == {f"{d1.id}:0:0", f"{d2.id}:0:0", f"{d3.id}:0:0"}
        assert h["representative"] == f"{d2.id}:0:0"  # highest confidence
        assert (h["first_date"], h["last_date"]) == ("2024-01-01", "2024-01-02")
        assert all(set(m) == {"doc_id", "sentence_index", "event_id", "span"} for m in h["mentions"])


def test_happening_windows_do_not_chain(tmp_path):
    """Daily reports over a week are several happenings (windows of two days), not one chain."""
    with Store(tmp_path / "k.duckdb") as st:
        for day in range(1, 8):
            d = _doc(f"report {day}")
            st.add_document(d, [_ev(d, 0, "ASSAULT", [LNA], [GNA], date=f"2024-01-0{day}")])
        hs = list(st.happenings())
        assert [h["num_mentions"] for h in hs] == [2, 2, 2, 1]


def test_happenings_independent_of_ingest_order(tmp_path):
    docs = [_doc(f"r{i}") for i in range(5)]
    days = ["2024-01-03", "2024-01-01", "2024-01-04", "2024-01-02", "2024-01-06"]
    groups = []
    for n, order in enumerate((range(5), reversed(range(5)))):
        with Store(tmp_path / f"k{n}.duckdb") as st:
            for i in order:
                st.add_document(docs[i], [_ev(docs[i], 0, "COERCE", [RUS], [TUR], date=days[i])])
            groups.append(sorted(sorted(m["event_id"] for m in h["mentions"]) for h in st.happenings()))
    assert groups[0] == groups[1]


def test_undated_and_actorless_events_stand_alone(tmp_path):
    d = _doc("x y z")
    with Store(tmp_path / "k.duckdb") as st:
        st.add_document(d, [_ev(d, 0, "ASSAULT", [], [], date="2024-01-01"),
                            _ev(d, 1, "ASSAULT", [], [], date="2024-01-01"),
                            _ev(d, 2, "ASSAULT", [LNA], [GNA], date=None),
                            _ev(d, 3, "ASSAULT", [LNA], [GNA], date=None)])
        assert st.counts()["happenings"] == 4


def test_failed_transaction_leaves_nothing(tmp_path):
    d = _doc("one two")
    bad = [_ev(d, 0, "AID", [RUS], [LNA]), _ev(d, 0, "AID", [RUS], [LNA])]  # duplicate event id
    with Store(tmp_path / "k.duckdb") as st:
        with pytest.raises(duckdb.Error):
            st.add_document(d, bad)
        assert st.counts()["documents"] == 0 and st.counts()["events"] == 0
        assert st.add_document(d, bad[:1])
        assert st.check() == []


def test_open_errors(tmp_path):
    with pytest.raises(StoreError, match="no such database"):
        Store(tmp_path / "missing.duckdb", read_only=True)
    with pytest.raises(StoreError, match="directory"):
        Store(tmp_path)
    other = tmp_path / "other.duckdb"
    con = duckdb.connect(str(other))
    con.execute("CREATE TABLE t(x INT)")
    con.close()
    with pytest.raises(StoreError, match="not a Konflikt database"):
        Store(other)
    junk = tmp_path / "junk.duckdb"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError):
        Store(junk)


def test_check_reports_inconsistency(tmp_path):
    d = _doc("p q")
    with Store(tmp_path / "k.duckdb") as st:
        st.add_document(d, [_ev(d, 0, "AID", [RUS], [LNA])])
        st.con.execute("DELETE FROM events")
        assert any("event count" in p for p in st.check())


def test_record_json_is_valid_event(tmp_path):
    d = _doc("r s")
    ev = _ev(d, 0, "AID", [RUS], [LNA])
    with Store(tmp_path / "k.duckdb") as st:
        st.add_document(d, [ev])
        rec = next(st.event_records())
    assert Event.model_validate(json.loads(rec)) == ev


def test_network_events_are_light_views(tmp_path):
    d = _doc("u v w")
    evs = [_ev(d, 0, "SUPPORT", [_actor("United Arab Emirates", "ARE", "ARE"), _actor("Egypt", "EGY", "EGY")], [LNA]),
           _ev(d, 1, "ASSAULT", [LNA], [], date="2024-01-02")]
    with Store(tmp_path / "k.duckdb") as st:
        st.add_document(d, evs)
        got = list(st.network_events())
        assert [e.id for _h, e in got] == [e.id for e in evs]
        (h0, e0), (_h1, e1) = got
        assert [a.entity_id for a in e0.actor] == ["ARE", "EGY"] and [a.name for a in e0.recipient] == [LNA.name]
        assert (e0.event, e0.date, e0.confidence, e0.negated) == ("SUPPORT", "2024-01-01", 0.8, False)
        assert e1.recipient == [] and e1.actor[0].sector == "MIL"
        assert h0 == next(h["happening_id"] for h in st.happenings() if h["representative"] == e0.id)
        assert [e.id for _h, e in st.network_events(Filters(types=("ASSAULT",)))] == [evs[1].id]


def test_a_batch_stores_every_column_as_given(tmp_path):
    """One statement per table and batch (column lists unnested side by side): empty and filled lists, missing
    values in some rows or in all, dates, flags and texts all come back as they went in, row for row."""
    a = Document(id="a1", text="Ryssland attackerade Ukraina.", source="s", date="2024-01-02", language="sv",
                 warnings=["text cut at 10 characters"], title="Rubrik")
    b = Document(id="b2", text="Inget hände.", source="s", language="sv")
    c = _doc("LNA attackerade GNA i Tripoli. Turkiet fördömde attacken.", date="2024-02-03")
    ev_a = _ev(a, 0, "ASSAULT", [RUS], [_actor("Ukraine", "UKR", "UKR")], date=None, negated=True)
    ev_c = [_ev(c, 0, "ASSAULT", [LNA], [GNA], sent=0), _ev(c, 1, "ACCUSE", [TUR], [], sent=1, conf=0.5)]
    with Store(tmp_path / "k.duckdb") as st:
        assert st.add_documents([(a, [ev_a], "SVT"), (b, [], None), (c, ev_c, None)]) == [True, True, True]
        rows = st.con.execute("SELECT doc_id, outlet, title, pub_date, n_events, warnings, text FROM documents "
                              "ORDER BY seq").fetchall()
        assert rows == [("a1", "SVT", "Rubrik", "2024-01-02", 1, ["text cut at 10 characters"], a.text),
                        ("b2", None, None, None, 0, [], b.text),
                        (c.id, None, None, "2024-02-03", 2, [], c.text)]
        assert list(st.event_records()) == [e.model_dump_json() for e in [ev_a, *ev_c]]
        ev = st.con.execute("SELECT e.event_id, e.negated, e.day, e.recipient_key FROM events e "
                             "JOIN documents d USING (doc_id) ORDER BY d.seq, e.ord").fetchall()
        assert [(e[0], e[1], e[2] is None) for e in ev] == [(ev_a.id, True, True), (ev_c[0].id, False, False),
                                                              (ev_c[1].id, False, False)]
        assert ev[2][3] == ""
        assert st.check() == []


def test_ingest_log(tmp_path):
    """Skipped inputs and a line per run, oldest first; a store made before the log existed gets it when opened
    for writing, and reads as an empty log when opened read-only."""
    db = tmp_path / "k.duckdb"
    with Store(db) as st:
        st.log_ingest("r1", [("a.bin", "binary or undecodable content"), ("e.txt", "empty document")], "ingest: 1")
        st.log_ingest("r2", [], "ingest: 2")
        log = st.ingest_log()
        assert [(r["run_id"], r["item"], r["outcome"], r["reason"]) for r in log] == [
            ("r1", "a.bin", "skipped", "binary or undecodable content"), ("r1", "e.txt", "skipped", "empty document"),
            ("r1", "", "run", "ingest: 1"), ("r2", "", "run", "ingest: 2")]
        assert [r["item"] for r in st.ingest_log("r2")] == [""]
        st.con.execute("DROP TABLE ingest_log")  # as a store made before the log
    with Store(db, read_only=True) as st:
        assert st.ingest_log() == []
    with Store(db) as st:
        assert st.ingest_log() == []
        st.log_ingest("r3", [], "ingest: 3")
        assert len(st.ingest_log()) == 1
