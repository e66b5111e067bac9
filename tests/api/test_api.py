"""The HTTP API (konflikt.api) through FastAPI's TestClient: every endpoint, size limits, malformed
requests (422/400, never 500), the token, and the refusal to bind a public address without one."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from konflikt.api import MAX_BODY, BindError, check_bind, create_app, is_loopback
from konflikt.config import Settings

SEED_DATE = "2019-12-27"
EN_TEXT = "Turkey sent troops to Libya on Monday to support the Government of National Accord against Haftar."


@pytest.fixture(scope="module")
def seed_text(shared_dir):
    return (shared_dir / "seed" / "000_55b182ca055ce355.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def client(coder, tmp_path_factory):
    app = create_app(Settings(), str(tmp_path_factory.mktemp("api") / "k.duckdb"))
    app.state.konflikt._coder = coder  # share the session's models
    with TestClient(app) as c:
        yield c


@pytest.fixture(scope="module")
def stored(client, seed_text):
    r = client.post("/api/documents", json={"text": seed_text, "date": SEED_DATE, "title": "Seed"})
    assert r.status_code == 201, r.text
    return r.json()


def _edge(net, actor_name, recipient_name):
    name = {n["id"]: n["name"] for n in net["nodes"]}
    for e in net["edges"]:
        if name[e["actor"]] == actor_name and name[e["recipient"]] == recipient_name:
            return e
    raise AssertionError(f"no edge {actor_name} -> {recipient_name}")


def test_code_seed(client, seed_text):
    r = client.post("/api/code", json={"text": seed_text, "lang": "auto", "date": SEED_DATE})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["language"] == "sv" and body["events"]
    net = body["network"]
    assert set(net) >= {"nodes", "edges", "camps", "level", "window", "frustration"}
    e = _edge(net, "Russia", "Libyan National Army")
    assert e["kind"] == "cooperative" and e["evidence"]
    ids = {ev["id"] for ev in body["events"]}
    assert set(e["evidence"]) <= ids
    ev = next(ev for ev in body["events"] if ev["id"] in e["evidence"] and "ryssarnas" in ev["event_text"])
    s0 = ev["sentence_span"][0]
    assert ev["event_text"][ev["span"][0] - s0:ev["span"][1] - s0]  # the trigger offsets fall in the sentence
    camp = {m: i for i, c in enumerate(net["camps"]) for m in c}
    name = {n["name"]: n["id"] for n in net["nodes"]}
    assert camp[name["Russia"]] == camp[name["Libyan National Army"]] != camp[name["Turkey"]]


def test_code_english(client):
    r = client.post("/api/code", json={"text": EN_TEXT, "lang": "en", "date": "2020-01-06"})
    assert r.status_code == 200, r.text
    assert r.json()["language"] == "en"


@pytest.mark.parametrize("payload", [
    {"text": ""}, {"text": "   \n "}, {"text": "x", "date": "2019-13-45"}, {"text": "x", "lang": "de"},
    {"lang": "sv"}, {"text": 5}, {"text": "x", "extra": 1}, [], "text",
])
def test_code_malformed_422(client, payload):
    r = client.post("/api/code", json=payload)
    assert r.status_code == 422, r.text


def test_code_not_json(client):
    r = client.post("/api/code", content=b"\xff\xfe not json", headers={"Content-Type": "application/json"})
    assert r.status_code in (400, 422)
    r = client.post("/api/code", content=b"text=hello", headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code in (400, 422)


def test_oversized_413(client):
    big = "a" * (MAX_BODY + 10)
    r = client.post("/api/code", json={"text": big})
    assert r.status_code == 413
    r = client.post("/api/documents", content=(b"x" * (MAX_BODY + 1) for _ in range(1)),
                    headers={"Content-Type": "application/json"})  # streamed, no Content-Length
    assert r.status_code == 413
    r = client.post("/api/code", content=b"{}", headers={"Content-Length": "abc", "Content-Type": "application/json"})
    assert r.status_code == 400


def test_documents_store_and_dedup(client, stored, seed_text):
    assert stored["stored"] is True and stored["events"] > 0 and stored["language"] == "sv"
    again = client.post("/api/documents", json={"text": seed_text, "date": SEED_DATE})
    assert again.status_code == 200 and again.json()["stored"] is False


def test_events_filters_and_paging(client, stored):
    r = client.get("/api/events", params={"limit": 5})
    assert r.status_code == 200
    page = r.json()
    assert page["total"] == stored["events"] and len(page["events"]) == 5
    assert page["events"][0]["document"]["title"] == "Seed"
    rest = client.get("/api/events", params={"offset": 5, "limit": 1000}).json()
    assert len(rest["events"]) == page["total"] - 5
    assert {e["id"] for e in rest["events"]}.isdisjoint(e["id"] for e in page["events"])
    assert client.get("/api/events", params={"to": "2000-01-01"}).json()["total"] == 0
    typed = client.get("/api/events", params={"type": "assault,support", "limit": 1000}).json()
    assert typed["total"] and all(e["event"] in {"ASSAULT", "SUPPORT"} for e in typed["events"])
    turkey = client.get("/api/events", params={"actor": "Turkiet", "limit": 1000}).json()  # any KB name
    assert turkey["total"] and turkey["total"] < page["total"]


def test_events_of_edge(client, stored):
    net = client.get("/api/network").json()
    e = _edge(net, "Russia", "Libyan National Army")
    r = client.get("/api/events", params={"actor": e["actor"], "recipient": e["recipient"]})
    assert r.status_code == 200
    evs = r.json()["events"]
    assert evs and any("ryssarnas militära stöd" in ev["event_text"] for ev in evs)


@pytest.mark.parametrize("params", [
    {"from": "2019-02-30"}, {"from": "2020-01-01", "to": "2019-01-01"}, {"type": "BOMB"}, {"limit": 0},
    {"limit": 100000}, {"offset": -1}, {"recipient": "Turkey"},
])
def test_events_malformed_422(client, params):
    assert client.get("/api/events", params=params).status_code == 422


def test_network(client, stored):
    r = client.get("/api/network")
    assert r.status_code == 200
    net = r.json()
    assert net["level"] == "org" and len(net["camps"]) >= 2
    _edge(net, "Russia", "Libyan National Army")
    empty = client.get("/api/network", params={"from": "2030-01-01"}).json()
    assert empty["nodes"] == [] and empty["window"] == {"from": "2030-01-01", "to": None}
    assert client.get("/api/network", params={"level": "state"}).status_code == 200
    assert client.get("/api/network", params={"level": "planet"}).status_code == 422
    assert client.get("/api/network", params={"to": "not-a-date"}).status_code == 422


def test_actor(client, stored):
    net = client.get("/api/network").json()
    rus = next(n["id"] for n in net["nodes"] if n["name"] == "Russia")
    r = client.get(f"/api/actors/{rus}")
    assert r.status_code == 200, r.text
    a = r.json()
    assert a["name"] == "Russia" and a["camp"] is not None and a["relations"] and a["events"]
    assert any(rel["other_name"] == "Libyan National Army" and rel["direction"] == "out" for rel in a["relations"])
    assert client.get("/api/actors/Ryssland").json()["id"] == rus  # any name of it
    assert client.get("/api/actors/Nobody%20Known").status_code == 404
    assert client.get(f"/api/actors/{rus}", params={"limit": 0}).status_code == 422


def test_openapi_and_ui(client):
    schema = client.get("/openapi.json").json()
    assert {"/api/code", "/api/documents", "/api/events", "/api/network", "/api/actors/{actor_id}"} <= set(
        schema["paths"])
    ui = client.get("/")
    assert ui.status_code == 200 and 'id="paste-text"' in ui.text
    for path in ("/static/app.js", "/static/i18n/sv.json", "/static/vendor/world-atlas/countries-110m.json"):
        assert client.get(path).status_code == 200, path
    assert client.get("/static/../../config.py").status_code == 404


def test_no_database(coder, tmp_path):
    app = create_app(Settings(), None)
    app.state.konflikt._coder = coder
    c = TestClient(app)
    assert c.get("/api/events").status_code == 503
    assert c.post("/api/documents", json={"text": EN_TEXT}).status_code == 503
    missing = TestClient(create_app(Settings(), str(tmp_path / "none.duckdb")))
    assert missing.get("/api/events").json()["total"] == 0
    assert missing.get("/api/network").json()["nodes"] == []
    assert missing.get("/api/actors/Russia").status_code == 404
    assert not (tmp_path / "none.duckdb").exists()  # reading creates nothing


def test_token(coder, tmp_path):
    app = create_app(Settings(), str(tmp_path / "k.duckdb"), token="s3cret")
    app.state.konflikt._coder = coder
    c = TestClient(app)
    assert c.get("/api/network").status_code == 401
    assert c.get("/api/network", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert c.post("/api/code", json={"text": EN_TEXT}).status_code == 401
    ok = {"Authorization": "Bearer s3cret"}
    assert c.get("/api/network", headers=ok).status_code == 200
    assert c.post("/api/code", json={"text": EN_TEXT, "lang": "en"}, headers=ok).status_code == 200
    assert c.get("/").status_code == 200  # the page itself is static; its API calls carry the token


def test_bind_rules():
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1") and is_loopback("[::1]")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5") and not is_loopback("example.org")
    check_bind("127.0.0.1", None)
    check_bind("0.0.0.0", "t")
    with pytest.raises(BindError):
        check_bind("0.0.0.0", None)


def test_serve_refuses_public_without_token(monkeypatch):
    from typer.testing import CliRunner

    from konflikt.cli import app

    monkeypatch.delenv("KONFLIKT_TOKEN", raising=False)
    r = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0", "--port", "8765"])
    assert r.exit_code == 2
    assert "non-loopback" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    r = CliRunner().invoke(app, ["serve", "--port", "0"])
    assert r.exit_code == 2
