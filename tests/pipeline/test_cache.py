"""`konflikt.cache`: start-up knowledge cached on disk across processes, same objects, never stale."""

from __future__ import annotations

import pytest

from konflikt import cache


@pytest.fixture()
def cache_in(tmp_path, monkeypatch):
    monkeypatch.setenv("KONFLIKT_CACHE_DIR", str(tmp_path / "c"))
    return tmp_path / "c"


def test_second_call_reads_the_pickle_without_building(cache_in):
    calls = []

    def build():
        calls.append(1)
        return {"a": [1, 2]}

    assert cache.cached("thing", build) == {"a": [1, 2]}
    assert cache.cached("thing", build) == {"a": [1, 2]}
    assert len(calls) == 1
    assert [p.name for p in cache_in.iterdir()] == [f"thing-{cache.fingerprint()}.pickle"]


def test_a_corrupt_entry_is_rebuilt(cache_in):
    cache.cached("thing", lambda: 1)
    (cache_in / f"thing-{cache.fingerprint()}.pickle").write_bytes(b"not a pickle")
    assert cache.cached("thing", lambda: 2) == 2


def test_off_builds_every_time(monkeypatch, tmp_path):
    monkeypatch.setenv("KONFLIKT_CACHE_DIR", "off")
    calls = []
    cache.cached("thing", lambda: calls.append(1))
    cache.cached("thing", lambda: calls.append(1))
    assert len(calls) == 2 and cache.cache_dir() is None


def test_other_source_files_are_another_entry(cache_in, tmp_path):
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.write_text("x", encoding="utf-8")
    b.write_text("x", encoding="utf-8")
    assert cache.cached("thing", lambda: "A", sources=[a]) == "A"
    assert cache.cached("thing", lambda: "B", sources=[b]) == "B"  # same bytes, another file
    a.write_text("y", encoding="utf-8")
    assert cache.cached("thing", lambda: "A2", sources=[a]) == "A2"  # edited
    assert cache.cached("thing", lambda: "?", sources=[b]) == "B"


def test_mappingproxy_values_survive(cache_in):
    from types import MappingProxyType

    cache.cached("proxy", lambda: MappingProxyType({"x": 1}))
    got = cache.cached("proxy", lambda: None)
    assert isinstance(got, MappingProxyType) and got["x"] == 1


def test_cached_knowledge_equals_freshly_built(cache_in):
    from konflikt.actors.kb import _build, default_paths
    from konflikt.events.lexicon import _load_file, default_lexicon_path

    fresh_kb = _build(default_paths())
    cache.cached("kb-test", lambda: fresh_kb)
    kb = cache.cached("kb-test", lambda: None)
    assert kb is not fresh_kb
    assert [(e.id, e.name, sorted(e.all_names())) for e in kb] == [
        (e.id, e.name, sorted(e.all_names())) for e in fresh_kb]
    fresh_lex = _load_file(default_lexicon_path("sv"), "sv")
    cache.cached("lex-test", lambda: fresh_lex)
    lex = cache.cached("lex-test", lambda: None)
    assert lex == fresh_lex and lex.lookup("attackera") == fresh_lex.lookup("attackera")
