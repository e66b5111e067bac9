"""The corpus store: one embedded DuckDB file holding documents, their sentences and coded events.

This is the only module that talks to DuckDB. It owns

* the **schema** (`SCHEMA_VERSION`, tables `meta`, `documents`, `sentences`, `events`, `event_actors`,
  `ingest_log` (every input an ingest run skipped, with the reason, and a line for the run),
  views `event_keys`, `happenings` and `events_polecat`; see docs/store.md),
* the **transactions**: `Store.add_document` writes a document with its sentences, events and
  actors in ONE transaction (`add_documents`: several documents in one), so a process killed at any
  moment leaves either the whole document or none of it, and re-running an ingest completes without
  duplicates (documents are keyed by content hash);
* the **queries**: stored event records (filtered by date, actor, type), POLECAT-style flat rows
  for CSV/Parquet, happenings (de-duplicated events with their mentions) and the rows the network
  is built from.

Event records are stored verbatim (the JSON that `konflikt code` prints) next to flat columns used
for filtering, so `konflikt events` gives back exactly what was coded.

De-duplication: every coded event is kept as evidence. Its *happening key* is the PLOVER type, the
negation flag and the sorted rolled-up node ids of its actors and recipients (computed at ingest by
the caller's `node_for` function). Mentions with the same key are grouped into windows of at most
two consecutive days (greedy from the earliest date: a window starting on day d holds d and d+1),
which makes the grouping independent of ingest order. Undated events and events with neither actor
nor recipient are happenings of their own.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path
from typing import Any

import duckdb

from konflikt.records import Actor, Document, Event

SCHEMA_VERSION = 1

__all__ = ["SCHEMA_VERSION", "POLECAT_COLUMNS", "Store", "StoreError", "parse_day"]


class StoreError(Exception):
    """The database cannot be opened or used; the message is one line."""


# --------------------------------------------------------------------------------------------------
# schema

_TABLES = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE SEQUENCE IF NOT EXISTS doc_seq START 1;
CREATE TABLE IF NOT EXISTS documents (
    doc_id      VARCHAR PRIMARY KEY,
    seq         BIGINT NOT NULL DEFAULT nextval('doc_seq'),
    source      VARCHAR NOT NULL,
    origin      VARCHAR,
    ext_id      VARCHAR,
    outlet      VARCHAR,
    url         VARCHAR,
    title       VARCHAR,
    pub_date    VARCHAR,
    language    VARCHAR,
    n_chars     INTEGER NOT NULL,
    n_sentences INTEGER NOT NULL,
    n_events    INTEGER NOT NULL,
    warnings    VARCHAR[],
    text        VARCHAR NOT NULL,
    ingested_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
CREATE TABLE IF NOT EXISTS sentences (
    doc_id         VARCHAR NOT NULL,
    sentence_index INTEGER NOT NULL,
    start_char     INTEGER NOT NULL,
    end_char       INTEGER NOT NULL,
    text           VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, sentence_index)
);
CREATE TABLE IF NOT EXISTS events (
    event_id       VARCHAR PRIMARY KEY,
    doc_id         VARCHAR NOT NULL,
    ord            INTEGER NOT NULL,
    sentence_index INTEGER NOT NULL,
    event_type     VARCHAR NOT NULL,
    mode           VARCHAR,
    date           VARCHAR,
    day            DATE,
    quad_code      INTEGER,
    intensity      DOUBLE,
    confidence     DOUBLE,
    negated        BOOLEAN NOT NULL,
    language       VARCHAR,
    span_start     INTEGER,
    span_end       INTEGER,
    actor_key      VARCHAR NOT NULL,
    recipient_key  VARCHAR NOT NULL,
    record         VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS event_actors (
    event_id   VARCHAR NOT NULL,
    role       VARCHAR NOT NULL,
    position   INTEGER NOT NULL,
    name       VARCHAR,
    raw_text   VARCHAR,
    country    VARCHAR,
    sector     VARCHAR,
    code       VARCHAR,
    entity_id  VARCHAR,
    node_id    VARCHAR,
    node_name  VARCHAR
);
"""

_INGEST_LOG = """
CREATE TABLE IF NOT EXISTS ingest_log (
    run_id     VARCHAR NOT NULL,
    logged_at  TIMESTAMP NOT NULL DEFAULT current_timestamp,
    item       VARCHAR NOT NULL,
    outcome    VARCHAR NOT NULL,
    reason     VARCHAR
);
"""

_VIEWS = r"""
CREATE OR REPLACE VIEW event_keys AS
SELECT e.event_id, e.doc_id, e.day, e.event_type, e.negated, e.actor_key, e.recipient_key,
       e.event_type || CASE WHEN e.negated THEN '|not|' ELSE '|' END || e.actor_key || '>' || e.recipient_key
           AS hkey,
       (e.day IS NULL OR (e.actor_key = '' AND e.recipient_key = '')) AS alone
FROM events e;

CREATE OR REPLACE VIEW happenings AS
WITH RECURSIVE
d AS (SELECT DISTINCT hkey, day FROM event_keys WHERE NOT alone),
w(hkey, start) AS (
    SELECT hkey, min(day) FROM d GROUP BY hkey
    UNION ALL
    SELECT w.hkey, (SELECT min(d.day) FROM d WHERE d.hkey = w.hkey AND d.day > w.start + 1)
    FROM w WHERE w.start IS NOT NULL
)
SELECT k.event_id, k.doc_id, k.hkey, k.day,
       CASE WHEN k.alone THEN 'h' || substr(md5(k.event_id), 1, 15)
            ELSE 'h' || substr(md5(k.hkey || '#' || CAST(w.start AS VARCHAR)), 1, 15) END AS happening_id,
       w.start AS first_day
FROM event_keys k
LEFT JOIN w ON NOT k.alone AND w.hkey = k.hkey AND w.start IS NOT NULL AND k.day BETWEEN w.start AND w.start + 1;

CREATE OR REPLACE VIEW events_polecat AS
SELECT
    e.event_id                                   AS "Event ID",
    e.date                                       AS "Event Date",
    e.event_type                                 AS "Event Type",
    e.mode                                       AS "Event Mode",
    e.intensity                                  AS "Event Intensity",
    e.quad_code                                  AS "Quad Code",
    array_to_string(CAST(json_extract_string(e.record, '$.context[*]') AS VARCHAR[]), '; ') AS "Contexts",
    a.names                                      AS "Actor Name",
    a.countries                                  AS "Actor Country",
    a.sectors                                    AS "Actor Sector",
    a.codes                                      AS "Actor Code",
    a.raws                                       AS "Actor Name Raw",
    a.entities                                   AS "Actor Entity ID",
    a.nodes                                      AS "Actor Node",
    r.names                                      AS "Recipient Name",
    r.countries                                  AS "Recipient Country",
    r.sectors                                    AS "Recipient Sector",
    r.codes                                      AS "Recipient Code",
    r.raws                                       AS "Recipient Name Raw",
    r.entities                                   AS "Recipient Entity ID",
    r.nodes                                      AS "Recipient Node",
    json_extract_string(e.record, '$.location.name')        AS "Placename",
    json_extract_string(e.record, '$.location.country')     AS "Country",
    TRY_CAST(json_extract_string(e.record, '$.location.lat') AS DOUBLE) AS "Latitude",
    TRY_CAST(json_extract_string(e.record, '$.location.lon') AS DOUBLE) AS "Longitude",
    TRY_CAST(json_extract_string(e.record, '$.location.geonames_id') AS BIGINT) AS "GeoNames ID",
    json_extract_string(e.record, '$.location.raw_text')    AS "Raw Placename",
    d.source                                     AS "Source",
    d.pub_date                                   AS "Publication Date",
    e.language                                   AS "Language",
    e.doc_id                                     AS "Document ID",
    d.url                                        AS "URL",
    d.title                                      AS "Title",
    e.sentence_index                             AS "Sentence Index",
    json_extract_string(e.record, '$.event_text') AS "Event Text",
    json_extract_string(e.record, '$.trigger')   AS "Trigger",
    e.span_start                                 AS "Trigger Start",
    e.span_end                                   AS "Trigger End",
    json_extract_string(e.record, '$.cameo')     AS "CAMEO Code",
    e.negated                                    AS "Negated",
    array_to_string(CAST(json_extract_string(e.record, '$.modality[*]') AS VARCHAR[]), '; ') AS "Modality",
    json_extract_string(e.record, '$.source_speaker.name') AS "Source Speaker",
    json_extract_string(e.record, '$.date_precision') AS "Date Precision",
    e.confidence                                 AS "Confidence",
    array_to_string(CAST(json_extract_string(e.record, '$.warnings[*]') AS VARCHAR[]), '; ') AS "Warnings",
    d.seq                                        AS _seq,
    e.ord                                        AS _ord
FROM events e
JOIN documents d USING (doc_id)
LEFT JOIN (
    SELECT event_id,
           string_agg(name, '; ' ORDER BY position) AS names,
           string_agg(coalesce(country, ''), '; ' ORDER BY position) AS countries,
           string_agg(coalesce(sector, ''), '; ' ORDER BY position) AS sectors,
           string_agg(coalesce(code, ''), '; ' ORDER BY position) AS codes,
           string_agg(raw_text, '; ' ORDER BY position) AS raws,
           string_agg(coalesce(entity_id, ''), '; ' ORDER BY position) AS entities,
           string_agg(coalesce(node_id, ''), '; ' ORDER BY position) AS nodes
    FROM event_actors WHERE role = 'actor' GROUP BY event_id) a USING (event_id)
LEFT JOIN (
    SELECT event_id,
           string_agg(name, '; ' ORDER BY position) AS names,
           string_agg(coalesce(country, ''), '; ' ORDER BY position) AS countries,
           string_agg(coalesce(sector, ''), '; ' ORDER BY position) AS sectors,
           string_agg(coalesce(code, ''), '; ' ORDER BY position) AS codes,
           string_agg(raw_text, '; ' ORDER BY position) AS raws,
           string_agg(coalesce(entity_id, ''), '; ' ORDER BY position) AS entities,
           string_agg(coalesce(node_id, ''), '; ' ORDER BY position) AS nodes
    FROM event_actors WHERE role = 'recipient' GROUP BY event_id) r USING (event_id);
"""

POLECAT_COLUMNS: tuple[str, ...] = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Actor Sector", "Actor Code", "Actor Name Raw", "Actor Entity ID", "Actor Node",
    "Recipient Name", "Recipient Country", "Recipient Sector", "Recipient Code", "Recipient Name Raw",
    "Recipient Entity ID", "Recipient Node",
    "Placename", "Country", "Latitude", "Longitude", "GeoNames ID", "Raw Placename",
    "Source", "Publication Date", "Language", "Document ID", "URL", "Title",
    "Sentence Index", "Event Text", "Trigger", "Trigger Start", "Trigger End", "CAMEO Code", "Negated", "Modality",
    "Source Speaker", "Date Precision", "Confidence", "Warnings",
)
"""Columns of CSV/Parquet exports (POLECAT names where POLECAT has the field); multiple actors are
joined with '; ' in one cell, as POLECAT does."""

DEDUP_COLUMNS: tuple[str, ...] = ("Happening ID", "Num Mentions", "Num Sources", "Num Documents",
                                  "First Date", "Last Date", "Mention Event IDs")


# --------------------------------------------------------------------------------------------------
# helpers


def parse_day(value: str | None) -> Date | None:
    """The first day an ISO date (YYYY-MM-DD, YYYY-MM or YYYY, maybe with a time) stands for."""
    if not value:
        return None
    v = value.strip()
    for n, fill in ((10, ""), (7, "-01"), (4, "-01-01")):
        try:
            return Date.fromisoformat(v[:n] + fill)
        except ValueError:
            continue
    return None


def _insert(con, table: str, rows: Sequence[tuple]) -> None:
    """Insert `rows` in one statement, one list parameter per column unnested side by side (binds a
    handful of values instead of one per cell: ~6x faster than a multi-row VALUES, far faster than
    executemany in DuckDB)."""
    if not rows:
        return
    columns = [list(c) for c in zip(*rows, strict=True)]
    con.execute(f"INSERT INTO {table} SELECT " + ", ".join(["unnest(?)"] * len(columns)), columns)


def _document_rows(doc: Document, events: Sequence[Event], outlet: str | None, node_for: NodeFor | None):
    """The rows one document adds: (documents row without seq, sentences rows, events rows, actor rows)."""
    sentences: dict[int, tuple[int, int, str]] = {}
    event_rows: list[tuple] = []
    actor_rows: list[tuple] = []
    for ord_, ev in enumerate(events):
        if ev.doc_id != doc.id:
            raise StoreError(f"event {ev.id} belongs to document {ev.doc_id}, not {doc.id}")
        sentences.setdefault(ev.sentence_index, (ev.sentence_span[0], ev.sentence_span[1], ev.event_text))
        keys: dict[str, list[str | None]] = {"actor": [], "recipient": []}
        for role, actors in (("actor", ev.actor), ("recipient", ev.recipient)):
            for pos, a in enumerate(actors):
                node = node_for(a, ev.date) if node_for else ((a.entity_id or a.name), a.name)
                node_id, node_name = node if node else (None, None)
                keys[role].append(node_id)
                actor_rows.append((ev.id, role, pos, a.name, a.raw_text, a.country, a.sector, a.code,
                                   a.entity_id, node_id, node_name))
        event_rows.append((
            ev.id, doc.id, ord_, ev.sentence_index, ev.event, ev.mode, ev.date, parse_day(ev.date),
            ev.quad_code, ev.intensity, ev.confidence, ev.negated, ev.language, ev.span[0], ev.span[1],
            _key(keys["actor"]), _key(keys["recipient"]), ev.model_dump_json()))
    row = (doc.id, doc.source, getattr(doc, "origin", None) or doc.source, getattr(doc, "ext_id", None),
           outlet if outlet is not None else getattr(doc, "outlet", None), doc.url, doc.title, doc.date,
           doc.language or (events[0].language if events else None), len(doc.text), len(sentences),
           len(events), list(doc.warnings), doc.text)
    return row, [(doc.id, i, s, e, t) for i, (s, e, t) in sorted(sentences.items())], event_rows, actor_rows


def _key(ids: Iterable[str | None]) -> str:
    return "|".join(sorted({i for i in ids if i}))


NodeFor = Callable[[Actor, str | None], "tuple[str, str] | None"]
"""(actor, event date) -> (node id, node name) of the rolled-up node, or None."""


@dataclass(frozen=True)
class Filters:
    """Selection of stored events: inclusive date bounds (on the event day), actor, PLOVER types."""

    date_from: Date | None = None
    date_to: Date | None = None
    actor: str | tuple[str, ...] | None = None
    """A name, entity id or code (or several: any of them) of an actor or recipient."""
    types: tuple[str, ...] = ()

    def where(self, alias: str = "e") -> tuple[str, list[Any]]:
        parts: list[str] = []
        params: list[Any] = []
        if self.date_from is not None:
            parts.append(f"{alias}.day >= ?")
            params.append(self.date_from)
        if self.date_to is not None:
            parts.append(f"{alias}.day <= ?")
            params.append(self.date_to)
        if self.types:
            parts.append(f"{alias}.event_type IN ({', '.join('?' for _ in self.types)})")
            params.extend(self.types)
        if self.actor:
            names = (self.actor,) if isinstance(self.actor, str) else tuple(self.actor)
            ors = []
            for name in names:
                ors.append("lower(x.name) = lower(?) OR lower(x.node_name) = lower(?) "
                           "OR lower(x.raw_text) = lower(?) OR upper(x.entity_id) = upper(?) "
                           "OR upper(x.node_id) = upper(?) OR upper(x.code) = upper(?)")
                params.extend([name] * 6)
            parts.append(f"EXISTS (SELECT 1 FROM event_actors x WHERE x.event_id = {alias}.event_id AND ("
                         + " OR ".join(ors) + "))")
        return (" AND ".join(parts) or "TRUE"), params


# --------------------------------------------------------------------------------------------------
# the store


class Store:
    """An open corpus database. Use as a context manager; one writer process at a time."""

    def __init__(self, path: str | Path, *, read_only: bool = False, create: bool = True) -> None:
        self.path = str(path)
        p = Path(self.path)
        if p.is_dir():
            raise StoreError(f"{self.path}: is a directory, not a database file")
        if not p.exists() and (read_only or not create):
            raise StoreError(f"{self.path}: no such database (run 'konflikt ingest' first)")
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.IOException as exc:
            msg = str(exc).splitlines()[0]
            if "lock" in msg.lower():
                raise StoreError(f"{self.path}: database is in use by another process") from None
            raise StoreError(f"{self.path}: cannot open database ({msg})") from None
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: not a Konflikt database ({str(exc).splitlines()[0]})") from None
        self.read_only = read_only
        self._commit_delay = float(os.environ.get("KONFLIKT_DEBUG_COMMIT_DELAY", "0") or 0)
        self._init_schema()

    # lifecycle -------------------------------------------------------------------------------------
    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if getattr(self, "con", None) is not None:
            self.con.close()
            self.con = None

    def _init_schema(self) -> None:
        has_meta = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'").fetchone()[0]
        if has_meta:
            row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            version = int(row[0]) if row else None
            if version != SCHEMA_VERSION:
                raise StoreError(f"{self.path}: schema version {version}, this Konflikt needs {SCHEMA_VERSION}")
            if not self.read_only:  # views are code: keep them those of this version
                self.con.execute(_INGEST_LOG)  # added within version 1: a store made before it gets it
                self.con.execute(_VIEWS)
            return
        others = self.con.execute("SELECT count(*) FROM information_schema.tables").fetchone()[0]
        if others:
            raise StoreError(f"{self.path}: not a Konflikt database (it has other tables)")
        if self.read_only:
            raise StoreError(f"{self.path}: empty database")
        self.con.execute("BEGIN TRANSACTION")
        self.con.execute(_TABLES)
        self.con.execute(_INGEST_LOG)
        self.con.execute(_VIEWS)
        self.con.execute("INSERT INTO meta VALUES ('schema_version', ?), "
                         "('created', CAST(current_timestamp AS VARCHAR))", [str(SCHEMA_VERSION)])
        self.con.execute("COMMIT")

    # writing ---------------------------------------------------------------------------------------
    def log_ingest(self, run_id: str, skipped: Sequence[tuple[str, str]], summary: str) -> None:
        """Record an ingest run in `ingest_log`, in one transaction: a row per skipped input (`outcome`
        'skipped', the one-line reason) and one for the run (`item` '', `outcome` 'run', the summary)."""
        rows = [(run_id, item, "skipped", reason) for item, reason in skipped] + [(run_id, "", "run", summary)]
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.executemany(
                "INSERT INTO ingest_log (run_id, item, outcome, reason) VALUES (?, ?, ?, ?)", rows)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    def ingest_log(self, run_id: str | None = None) -> list[dict[str, Any]]:
        """The rows of `ingest_log` (of one run, or all), oldest first: {run_id, logged_at, item, outcome, reason}."""
        has = self.con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'ingest_log'"
                               ).fetchone()[0]
        if not has:  # a read-only store made before the log existed
            return []
        sql = "SELECT run_id, CAST(logged_at AS VARCHAR), item, outcome, reason FROM ingest_log"
        rows = self.con.execute(sql + (" WHERE run_id = ?" if run_id else "") + " ORDER BY logged_at, rowid",
                                [run_id] if run_id else []).fetchall()
        return [dict(zip(("run_id", "logged_at", "item", "outcome", "reason"), r, strict=True)) for r in rows]

    def has_document(self, doc_id: str) -> bool:
        return self.con.execute("SELECT 1 FROM documents WHERE doc_id = ?", [doc_id]).fetchone() is not None

    def stored_ids(self, doc_ids: Sequence[str]) -> set[str]:
        """Those of `doc_ids` already stored (one query for the lot: ingest checks its input in batches)."""
        if not doc_ids:
            return set()
        rows = self.con.execute("SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest(?))",
                                [list(doc_ids)]).fetchall()
        return {r[0] for r in rows}

    def add_document(self, doc: Document, events: Sequence[Event], *, outlet: str | None = None,
                     node_for: NodeFor | None = None) -> bool:
        """Store a document with its evidence sentences, events and actors in one transaction.

        Returns False (and writes nothing) when a document with the same id is already stored.
        `outlet` (default: the document's own `outlet`, if it has one) is the publisher counted by
        `num_sources`; `node_for` gives each actor's rolled-up network node (the de-duplication key)."""
        return self.add_documents([(doc, events, outlet)], node_for=node_for)[0]

    def add_documents(self, batch: Sequence[tuple[Document, Sequence[Event], str | None]], *,
                      node_for: NodeFor | None = None) -> list[bool]:
        """Store several (document, events, outlet) in one transaction, in order (a few statements for the
        whole batch instead of several per document: ingest's fast path). Per item: True if stored, False if
        that content was already stored (or came earlier in the batch). All or nothing on failure."""
        docs: list[tuple] = []
        sentence_rows: list[tuple] = []
        event_rows: list[tuple] = []
        actor_rows: list[tuple] = []
        for doc, events, outlet in batch:
            d, s_rows, e_rows, a_rows = _document_rows(doc, events, outlet, node_for)
            docs.append(d)
            sentence_rows.append(s_rows)
            event_rows.append(e_rows)
            actor_rows.append(a_rows)
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            ids = list(dict.fromkeys(d[0] for d in docs))
            known = self.stored_ids(ids)
            new = []
            for d in docs:
                new.append(d[0] not in known)
                known.add(d[0])
            if not any(new):
                con.execute("ROLLBACK")
                return new
            keep = [i for i, n in enumerate(new) if n]
            seqs = [r[0] for r in con.execute(
                "SELECT nextval('doc_seq') FROM range(?) ORDER BY range", [len(keep)]).fetchall()]
            _insert(con, "documents (doc_id, seq, source, origin, ext_id, outlet, url, title, pub_date, language, "
                    "n_chars, n_sentences, n_events, warnings, text)",
                    [(docs[i][0], seq, *docs[i][1:]) for i, seq in zip(keep, seqs, strict=True)])
            _insert(con, "sentences", [r for i in keep for r in sentence_rows[i]])
            _insert(con, "events", [r for i in keep for r in event_rows[i]])
            _insert(con, "event_actors", [r for i in keep for r in actor_rows[i]])
            if self._commit_delay:  # test hook: widen the window in which a kill lands mid-transaction
                time.sleep(self._commit_delay)
            con.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(duckdb.Error):
                con.execute("ROLLBACK")
            raise
        return new

    # reading ---------------------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        out = {}
        for table in ("documents", "sentences", "events", "event_actors"):
            out[table] = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        out["happenings"] = self.con.execute("SELECT count(DISTINCT happening_id) FROM happenings").fetchone()[0]
        return out

    def check(self) -> list[str]:
        """Consistency problems (empty list = consistent): every document has exactly the events and
        sentences it says, no event or actor row without its parent."""
        problems: list[str] = []
        q = {
            "events without a document":
                "SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.doc_id = e.doc_id)",
            "sentences without a document":
                "SELECT count(*) FROM sentences s WHERE NOT EXISTS "
                "(SELECT 1 FROM documents d WHERE d.doc_id = s.doc_id)",
            "actor rows without an event":
                "SELECT count(*) FROM event_actors a WHERE NOT EXISTS "
                "(SELECT 1 FROM events e WHERE e.event_id = a.event_id)",
            "documents whose event count differs":
                "SELECT count(*) FROM documents d WHERE n_events <> "
                "(SELECT count(*) FROM events e WHERE e.doc_id = d.doc_id)",
            "documents whose sentence count differs":
                "SELECT count(*) FROM documents d WHERE n_sentences <> "
                "(SELECT count(*) FROM sentences s WHERE s.doc_id = d.doc_id)",
            "events whose actor rows differ from the record":
                "SELECT count(*) FROM events e WHERE json_array_length(e.record, '$.actor') + "
                "json_array_length(e.record, '$.recipient') <> "
                "(SELECT count(*) FROM event_actors a WHERE a.event_id = e.event_id)",
        }
        for what, sql in q.items():
            n = self.con.execute(sql).fetchone()[0]
            if n:
                problems.append(f"{n} {what}")
        return problems

    def document(self, doc_id: str) -> dict | None:
        cur = self.con.execute("SELECT * FROM documents WHERE doc_id = ?", [doc_id])
        row = cur.fetchone()
        if row is None:
            return None
        return dict(zip([c[0] for c in cur.description], row, strict=True))

    def _select(self, sql: str, params: Sequence[Any], batch: int = 2000) -> Iterator[tuple]:
        cur = self.con.cursor()
        cur.execute(sql, list(params))
        while True:
            rows = cur.fetchmany(batch)
            if not rows:
                break
            yield from rows
        cur.close()

    def event_records(self, filters: Filters | None = None) -> Iterator[str]:
        """Stored event records (JSON text, as `konflikt code` printed them), in ingest order."""
        where, params = (filters or Filters()).where("e")
        sql = (f"SELECT e.record FROM events e JOIN documents d USING (doc_id) WHERE {where} "
               "ORDER BY d.seq, e.ord")
        for (rec,) in self._select(sql, params):
            yield rec

    def events(self, filters: Filters | None = None) -> Iterator[Event]:
        for rec in self.event_records(filters):
            yield Event.model_validate_json(rec)

    def polecat_query(self, filters: Filters | None = None, dedup: bool = False) -> tuple[str, list[Any]]:
        """SQL (and parameters) giving the POLECAT-style rows (one per event, or per happening)."""
        where, params = (filters or Filters()).where("e")
        cols = ", ".join(f'p."{c}"' for c in POLECAT_COLUMNS)
        if not dedup:
            sql = (f"SELECT {cols} FROM events_polecat p JOIN events e ON e.event_id = p.\"Event ID\" "
                   f"WHERE {where} ORDER BY p._seq, p._ord")
            return sql, params
        sql = f"""
            WITH sel AS (
                SELECT h.happening_id, e.event_id, e.doc_id, e.confidence, e.day, d.seq, e.ord,
                       coalesce(d.outlet, d.doc_id) AS outlet
                FROM happenings h JOIN events e USING (event_id) JOIN documents d ON d.doc_id = e.doc_id
                WHERE {where}),
            agg AS (
                SELECT happening_id,
                       arg_max(event_id, (confidence, -seq, -ord)) AS rep,
                       count(*) AS n_mentions, count(DISTINCT outlet) AS n_sources,
                       count(DISTINCT doc_id) AS n_docs, min(day) AS first_day, max(day) AS last_day,
                       string_agg(event_id, '; ' ORDER BY seq, ord) AS ids, min(seq) AS seq0, min(ord) AS ord0
                FROM sel GROUP BY happening_id)
            SELECT a.happening_id AS "Happening ID", a.n_mentions AS "Num Mentions", a.n_sources AS "Num Sources",
                   a.n_docs AS "Num Documents", CAST(a.first_day AS VARCHAR) AS "First Date",
                   CAST(a.last_day AS VARCHAR) AS "Last Date", a.ids AS "Mention Event IDs", {cols}
            FROM agg a JOIN events_polecat p ON p."Event ID" = a.rep
            ORDER BY a.seq0, a.ord0, a.happening_id"""
        return sql, params

    def rows(self, sql: str, params: Sequence[Any]) -> tuple[list[str], Iterator[tuple]]:
        cur = self.con.cursor()
        cur.execute(sql, list(params))
        names = [c[0] for c in cur.description]

        def gen() -> Iterator[tuple]:
            while True:
                batch = cur.fetchmany(2000)
                if not batch:
                    break
                yield from batch
            cur.close()

        return names, gen()

    def copy_to(self, sql: str, params: Sequence[Any], out: str | Path, fmt: str) -> None:
        """Write a query's rows to a CSV (with header) or Parquet file, streaming inside DuckDB."""
        opts = "FORMAT parquet" if fmt == "parquet" else "FORMAT csv, HEADER true"
        target = str(out).replace("'", "''")
        self.con.execute(f"COPY ({sql}) TO '{target}' ({opts})", list(params))

    def happenings(self, filters: Filters | None = None) -> Iterator[dict]:
        """One dict per happening: the representative event record (highest confidence, then first
        ingested) plus `happening_id`, `mentions`, `num_mentions`, `num_sources`, `num_documents`,
        `first_date`, `last_date`. Only mentions that pass the filters are counted."""
        where, params = (filters or Filters()).where("e")
        sql = f"""
            SELECT h.happening_id, e.event_id, e.doc_id, e.sentence_index, e.span_start, e.span_end,
                   e.confidence, CAST(e.day AS VARCHAR), coalesce(d.outlet, d.doc_id), e.record, d.seq, e.ord
            FROM happenings h JOIN events e USING (event_id) JOIN documents d ON d.doc_id = e.doc_id
            WHERE {where}
            ORDER BY h.happening_id, d.seq, e.ord"""
        groups: dict[str, list[tuple]] = {}
        order: dict[str, tuple[int, int]] = {}
        for row in self._select(sql, params):
            groups.setdefault(row[0], []).append(row)
            order.setdefault(row[0], (row[10], row[11]))
        for hid in sorted(groups, key=lambda h: (order[h], h)):
            rows = groups[hid]
            rep = max(rows, key=lambda r: (r[6], -r[10], -r[11]))
            rec = json.loads(rep[9])
            days = [r[7] for r in rows if r[7]]
            rec.update(
                happening_id=hid, representative=rep[1],
                mentions=[{"doc_id": r[2], "sentence_index": r[3], "event_id": r[1], "span": [r[4], r[5]]}
                          for r in rows],
                num_mentions=len(rows), num_sources=len({r[8] for r in rows}),
                num_documents=len({r[2] for r in rows}),
                first_date=min(days) if days else None, last_date=max(days) if days else None)
            yield rec

    def network_events(self, filters: Filters | None = None) -> Iterator[tuple[str, LiteEvent]]:
        """(happening id, event) for every stored event that passes the filters, in ingest order.

        The events are light read-only views (`LiteEvent`, `LiteActor`) with the fields the network
        needs, not full records: a corpus of millions of events fits in memory."""
        where, params = (filters or Filters()).where("e")
        sql = f"""
            SELECT h.happening_id, e.event_id, e.event_type, e.date, e.intensity, e.confidence, e.negated,
                   (SELECT list((x.role, x.name, x.raw_text, x.country, x.sector, x.code, x.entity_id)
                                ORDER BY x.role, x.position)
                    FROM event_actors x WHERE x.event_id = e.event_id) AS actors
            FROM events e JOIN documents d USING (doc_id) JOIN happenings h USING (event_id)
            WHERE {where} ORDER BY d.seq, e.ord"""
        for hid, eid, etype, date, intensity, conf, negated, actors in self._select(sql, params):
            act, rec = [], []
            for a in actors or ():
                vals = tuple(a.values()) if isinstance(a, dict) else tuple(a)
                (act if vals[0] == "actor" else rec).append(LiteActor(*vals[1:]))
            yield hid, LiteEvent(eid, etype, date, intensity, conf, negated, act, rec)


@dataclass(frozen=True, slots=True)
class LiteActor:
    """The actor fields the network needs (duck-types `records.Actor`)."""

    name: str | None
    raw_text: str | None
    country: str | None
    sector: str | None
    code: str | None
    entity_id: str | None


@dataclass(frozen=True, slots=True)
class LiteEvent:
    """The event fields the network needs (duck-types `records.Event` for `network.dyads`)."""

    id: str
    event: str
    date: str | None
    intensity: float
    confidence: float
    negated: bool
    actor: list[LiteActor]
    recipient: list[LiteActor]
