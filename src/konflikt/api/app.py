"""The HTTP API and the analyst's web UI (FastAPI): `create_app(settings, db_path, token)`.

Endpoints (OpenAPI schema at /openapi.json, interactive docs at /docs):

* `POST /api/code` — code a text (not stored): its events and the network of those events;
* `POST /api/documents` — code a text and store it in the corpus database;
* `GET /api/events` — stored events (from/to/actor/type filters, offset/limit paging; `recipient`
  with `actor` gives one dyad's evidence);
* `GET /api/network` — the JSON of `konflikt network` (from/to/level/count);
* `GET /api/actors/{id}` — one network actor: its relations and its evidence events;
* `/` — the single-page UI (package data `konflikt/web/static`).

One `Coder` per process, loaded on first use; coding and database access are serialised by locks
(DuckDB allows one writer; the database is opened per request, so `konflikt ingest` can use the
file while the server is idle). Security: request bodies over `max_body` bytes get 413; with a
token every /api call needs `Authorization: Bearer <token>` (401 otherwise).
"""

from __future__ import annotations

import datetime as dt
import hmac
import ipaddress
import json
import threading
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field, field_validator

from konflikt.config import Settings

MAX_BODY = 2 * 1024 * 1024
MAX_TEXT = 1_000_000
MAX_EVENTS_PAGE = 1000
MAX_ACTOR_EVENTS = 500

__all__ = ["MAX_BODY", "BindError", "check_bind", "create_app", "is_loopback"]


class BindError(Exception):
    """The server may not listen on this address as configured (one-line message)."""


def is_loopback(host: str) -> bool:
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(host: str, token: str | None) -> None:
    """Refuse a non-loopback address without a token."""
    if not is_loopback(host) and not token:
        raise BindError(f"refusing to listen on non-loopback address {host!r} without a token "
                        "(give --token or set KONFLIKT_TOKEN)")


# --------------------------------------------------------------------------------------------------
# request/response models


class CodeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=MAX_TEXT, description="The article (any supported language).")
    lang: str = Field(default="auto", description="Language (a code of data/languages.yaml), or auto-detect.")

    @field_validator("lang")
    @classmethod
    def _known_lang(cls, v: str) -> str:
        from konflikt.language.registry import lang_choices

        if v not in lang_choices():
            raise ValueError(f"lang must be one of {', '.join(lang_choices())}")
        return v
    date: dt.date | None = Field(default=None, description="Publication date YYYY-MM-DD.")


class DocumentRequest(CodeRequest):
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=4000)
    source: str | None = Field(default=None, max_length=1000, description="Where it came from (default 'api').")


class CodeResponse(BaseModel):
    doc_id: str
    language: str
    events: list[dict[str, Any]]
    network: dict[str, Any] = Field(description="As `konflikt network --format json`, each edge with its "
                                                "`evidence` (event ids).")


class StoredResponse(BaseModel):
    doc_id: str
    stored: bool = Field(description="False when the same content was already stored.")
    events: int
    language: str


class EventsPage(BaseModel):
    total: int
    offset: int
    limit: int
    events: list[dict[str, Any]]


# --------------------------------------------------------------------------------------------------
# middleware: body size limit, token


class BodyLimit:
    """Pure ASGI: 413 for request bodies over `limit` bytes (declared or streamed)."""

    def __init__(self, app, limit: int = MAX_BODY) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["method"] in {"GET", "HEAD", "OPTIONS"}:
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or ())
        declared = headers.get(b"content-length")
        if declared is not None:
            try:
                n = int(declared)
            except ValueError:
                await _send_json(send, 400, {"detail": "bad Content-Length"})
                return
            if n > self.limit:
                await _send_json(send, 413, {"detail": f"request body over {self.limit} bytes"})
                return
        body = bytearray()
        while True:
            msg = await receive()
            if msg["type"] == "http.disconnect":
                return
            body.extend(msg.get("body", b""))
            if len(body) > self.limit:
                await _send_json(send, 413, {"detail": f"request body over {self.limit} bytes"})
                return
            if not msg.get("more_body"):
                break
        sent = False

        async def replay():
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": bytes(body), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


async def _send_json(send, status: int, payload: dict) -> None:
    data = json.dumps(payload).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode())]})
    await send({"type": "http.response.body", "body": data})


# --------------------------------------------------------------------------------------------------
# the app


class _State:
    def __init__(self, settings: Settings, db_path: str | None) -> None:
        self.settings = settings
        self.db_path = db_path
        self._coder = None
        self.code_lock = threading.Lock()
        self.db_lock = threading.Lock()
        self._kb = None

    @property
    def coder(self):
        with self.code_lock:
            if self._coder is None:
                from konflikt.pipeline import Coder

                self._coder = Coder(self.settings)
            return self._coder

    @property
    def kb(self):
        if self._kb is None:
            from konflikt.actors.kb import load_kb

            self._kb = load_kb()
        return self._kb

    def code(self, text: str, lang: str, date: dt.date | None, **meta):
        from konflikt.ingest import doc_id_for, normalise_text
        from konflikt.pipeline import UnsupportedLanguage
        from konflikt.records import Document

        text = normalise_text(text)
        if not text.strip():
            raise HTTPException(422, "text is empty")
        doc = Document(id=doc_id_for(text), text=text, source=meta.pop("source", None) or "api",
                       date=date.isoformat() if date else None, language=None if lang == "auto" else lang, **meta)
        coder = self.coder
        with self.code_lock:
            try:
                events = coder.code_document(doc)
                language = coder.language_of(doc)
            except UnsupportedLanguage as exc:
                from konflikt.language.registry import unsupported_reason

                raise HTTPException(422, unsupported_reason(str(exc), self.settings.languages)) from None
        return doc, events, language

    def store(self, write: bool = False):
        """An open Store, or None when read-only and there is no database yet."""
        from konflikt.store import Store, StoreError

        if not self.db_path:
            raise HTTPException(503, "no database configured (start the server with --db FILE)")
        if not write and not Path(self.db_path).exists():
            return None
        try:
            return Store(self.db_path, read_only=False)
        except StoreError as exc:
            raise HTTPException(503, str(exc)) from None


def _filters(date_from: dt.date | None, date_to: dt.date | None, actor=None, types: str | None = None):
    """The store's filters (`konflikt.query`); HTTP 422 for an unknown type or a window that ends first."""
    from konflikt.query import QueryError, event_filters

    try:
        return event_filters(date_from, date_to, actor, types)
    except QueryError as exc:
        raise HTTPException(422, f"type: {exc}" if exc.field == "type" else str(exc)) from None


def _network_dict(net, evidence: bool = False) -> dict:
    from konflikt.network.export import to_dict

    out = to_dict(net)
    if evidence:
        for e in out["edges"]:
            e["evidence"] = list(net.dyads[(e["actor"], e["recipient"])].evidence)
    return out


def _doc_info(store, cache: dict, doc_id: str) -> dict | None:
    if doc_id not in cache:
        d = store.document(doc_id)
        cache[doc_id] = None if d is None else {
            "doc_id": doc_id, "source": d.get("source"), "title": d.get("title"), "url": d.get("url"),
            "date": d.get("pub_date"), "language": d.get("language")}
    return cache[doc_id]


def static_dir() -> Path:
    return Path(str(resources.files("konflikt.web").joinpath("static")))


def create_app(settings: Settings | None = None, db_path: str | None = None, token: str | None = None,
               max_body: int = MAX_BODY) -> FastAPI:
    """The API and UI app. `db_path` None: only POST /api/code works (the others answer 503)."""
    state = _State(settings or Settings(), db_path)
    app = FastAPI(title="Konflikt", version="0.1.0",
                  description="Code Swedish/English news into PLOVER events and the conflict network.")
    app.state.konflikt = state
    app.add_middleware(BodyLimit, limit=max_body)

    @app.middleware("http")
    async def require_token(request: Request, call_next):
        if token and request.url.path.startswith("/api"):
            got = request.headers.get("authorization", "")
            if not hmac.compare_digest(got.encode(), f"Bearer {token}".encode()):
                return JSONResponse({"detail": "missing or wrong token (Authorization: Bearer ...)"},
                                    status_code=401, headers={"WWW-Authenticate": "Bearer"})
        return await call_next(request)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):  # pragma: no cover - last resort, one line
        return JSONResponse({"detail": f"internal error ({type(exc).__name__})"}, status_code=500)

    @app.get("/api/health")
    def health() -> dict:
        return {"ok": True, "db": db_path, "token": bool(token)}

    @app.post("/api/code", response_model=CodeResponse)
    def code(req: CodeRequest) -> dict:
        """Code a text (nothing is stored): its events and the network of those events."""
        from konflikt.network.export import build

        doc, events, language = state.code(req.text, req.lang, req.date)
        net = build(events, state.kb)
        return {"doc_id": doc.id, "language": language, "events": [e.model_dump(mode="json") for e in events],
                "network": _network_dict(net, evidence=True)}

    @app.post("/api/documents", response_model=StoredResponse, status_code=201)
    def add_document(req: DocumentRequest) -> Any:
        """Code a text and store it (with its sentences and events) in the corpus database."""
        from konflikt.corpus import node_function

        meta = {"title": req.title, "url": req.url, "source": req.source}
        doc, events, language = state.code(req.text, req.lang, req.date, **meta)
        with state.db_lock:
            store = state.store(write=True)
            try:
                stored = store.add_document(doc, events, node_for=node_function(state.kb))
            finally:
                store.close()
        body = {"doc_id": doc.id, "stored": stored, "events": len(events), "language": language}
        return body if stored else JSONResponse(body, status_code=200)

    @app.get("/api/events", response_model=EventsPage)
    def events(
        date_from: Annotated[dt.date | None, Query(alias="from")] = None,
        date_to: Annotated[dt.date | None, Query(alias="to")] = None,
        actor: Annotated[str | None, Query(max_length=500, description="Actor or recipient: name, id, code.")]
        = None,
        recipient: Annotated[str | None, Query(max_length=500, description="With actor: only the evidence of the "
                                                                          "network edge actor -> recipient.")] = None,
        type: Annotated[str | None, Query(max_length=500, description="PLOVER type(s), comma-separated.")] = None,  # noqa: A002
        offset: Annotated[int, Query(ge=0)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_EVENTS_PAGE)] = 100,
    ) -> dict:
        """Stored event records (as `konflikt code` prints them), each with its `document`."""
        from konflikt.query import actor_names

        if recipient and not actor:
            raise HTTPException(422, "recipient needs actor")
        filters = _filters(date_from, date_to, actor_names(actor, state.kb) if actor else None, type)
        with state.db_lock:
            store = state.store()
            if store is None:
                return {"total": 0, "offset": offset, "limit": limit, "events": []}
            try:
                keep = None
                if recipient:
                    net = _net(store, state.kb, date_from, date_to)
                    keep = set()
                    for a in net.find(actor, state.kb):
                        for r in net.find(recipient, state.kb):
                            d = net.dyads.get((a, r))
                            if d:
                                keep.update(d.evidence)
                    filters = _filters(date_from, date_to, None, type)
                total, page, docs = 0, [], {}
                for rec in store.event_records(filters):
                    if keep is not None and json.loads(rec)["id"] not in keep:
                        continue
                    if offset <= total < offset + limit:
                        ev = json.loads(rec)
                        ev["document"] = _doc_info(store, docs, ev["doc_id"])
                        page.append(ev)
                    total += 1
            finally:
                store.close()
        return {"total": total, "offset": offset, "limit": limit, "events": page}

    @app.get("/api/network")
    def network(
        date_from: Annotated[dt.date | None, Query(alias="from")] = None,
        date_to: Annotated[dt.date | None, Query(alias="to")] = None,
        level: Literal["entity", "org", "state"] = "org",
        count: Literal["happenings", "mentions"] = "happenings",
    ) -> dict:
        """The JSON of `konflikt network --format json` for a time window."""
        _filters(date_from, date_to)
        with state.db_lock:
            store = state.store()
            if store is None:
                from konflikt.network.export import build

                return _network_dict(build([], state.kb, window=_window(date_from, date_to)))
            try:
                net = _net(store, state.kb, date_from, date_to, level, count)
            finally:
                store.close()
        return _network_dict(net)

    @app.get("/api/actors/{actor_id}")
    def actor(
        actor_id: str,
        date_from: Annotated[dt.date | None, Query(alias="from")] = None,
        date_to: Annotated[dt.date | None, Query(alias="to")] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_ACTOR_EVENTS)] = 100,
    ) -> dict:
        """A network actor (node id or any name of it): its camp, relations and evidence events."""
        _filters(date_from, date_to)
        with state.db_lock:
            store = state.store()
            if store is None:
                raise HTTPException(404, f"no actor {actor_id!r} (the database is empty)")
            try:
                net = _net(store, state.kb, date_from, date_to)
                ids = [actor_id] if actor_id in net.nodes else net.find(actor_id, state.kb)
                if not ids:
                    raise HTTPException(404, f"no actor {actor_id!r} in the network")
                nid = ids[0]
                node = net.nodes[nid]
                relations, evidence = [], set()
                for (a, r), d in sorted(net.dyads.items(), key=lambda kv: (-kv[1].events, kv[0])):
                    if nid not in (a, r):
                        continue
                    other = net.nodes[r if a == nid else a]
                    relations.append({"direction": "out" if a == nid else "in", "other": other.id,
                                      "other_name": other.name, "actor": a, "recipient": r, "kind": d.kind,
                                      "events": d.events, "types": dict(sorted(d.types.items())),
                                      "first": d.first, "last": d.last})
                    evidence.update(d.evidence)
                evs, docs, total = [], {}, 0
                for rec in store.event_records(_filters(date_from, date_to)):
                    ev = json.loads(rec)
                    if ev["id"] in evidence:
                        total += 1
                        if len(evs) < limit:
                            ev["document"] = _doc_info(store, docs, ev["doc_id"])
                            evs.append(ev)
            finally:
                store.close()
        return {"id": node.id, "name": node.name, "country": node.country, "sector": node.sector,
                "camp": net.camp_of(nid), "relations": relations, "total_events": total, "events": evs}

    web = static_dir()

    @app.get("/", include_in_schema=False)
    def index():
        return FileResponse(web / "index.html")

    app.mount("/static", StaticFiles(directory=str(web)), name="static")
    return app


def _window(date_from, date_to):
    return (date_from.isoformat() if date_from else None, date_to.isoformat() if date_to else None)


def _net(store, kb, date_from, date_to, level: str = "org", count: str = "happenings"):
    from konflikt.query import stored_network

    _filters(date_from, date_to)
    return stored_network(store, kb, date_from, date_to, level, count)
