"""`konflikt.nlp.dictionary`: simplemma's lemmas from an on-disk table, the same as simplemma's own."""

from __future__ import annotations

import os
import threading

import pytest
import simplemma

from konflikt.nlp import dictionary

WORDS = {"sv": ["anföll", "attackerade", "soldaterna", "förhandlingar", "hotade", "stöd", "Ryssland", "xqzv",
                "drönarattackerna", "gick", "sköt"],
         "en": ["attacked", "soldiers", "negotiations", "threatened", "went", "fought", "xqzv", "Russia"]}


def _fresh(monkeypatch, where) -> dictionary.SqliteDictionaryFactory:
    monkeypatch.setenv("KONFLIKT_CACHE_DIR", str(where))
    return dictionary.SqliteDictionaryFactory()


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_table_gives_simplemmas_lemmas(monkeypatch, tmp_path, lang):
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy

    factory = _fresh(monkeypatch, tmp_path)
    mapping = factory.get_dictionary(lang)
    assert isinstance(mapping, dictionary.SqliteMap)
    assert dictionary.table_path(lang).is_file()
    lem = Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=factory))
    for w in WORDS[lang]:
        assert lem.lemmatize(w, lang) == simplemma.lemmatize(w, lang=lang), w
    assert dictionary.lemmatize("anföll", "sv") == simplemma.lemmatize("anföll", lang="sv") == "anfalla"
    assert dictionary.is_known("soldaterna", "sv") and not dictionary.is_known("xqzv", "sv")


def test_a_second_factory_reads_the_table_without_rebuilding(monkeypatch, tmp_path):
    _fresh(monkeypatch, tmp_path).get_dictionary("en")
    path = dictionary.table_path("en")
    stamp = path.stat().st_mtime_ns
    mapping = dictionary.SqliteDictionaryFactory().get_dictionary("en")
    assert path.stat().st_mtime_ns == stamp
    assert mapping.get("went") == "go" and mapping.get("xqzv") is None
    assert len(mapping) > 100_000 and "went" in mapping


def test_cache_off_or_unwritable_falls_back_to_memory(monkeypatch, tmp_path):
    monkeypatch.setenv("KONFLIKT_CACHE_DIR", "off")
    mapping = dictionary.SqliteDictionaryFactory().get_dictionary("en")
    assert not isinstance(mapping, dictionary.SqliteMap) and mapping.get("went") == "go"
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    mapping = _fresh(monkeypatch, blocker / "cache").get_dictionary("en")
    assert not isinstance(mapping, dictionary.SqliteMap) and mapping.get("went") == "go"
    assert not any(p.name.endswith(".tmp") for p in tmp_path.iterdir())


def test_threads_and_forked_children_have_their_own_connection(monkeypatch, tmp_path):
    mapping = _fresh(monkeypatch, tmp_path).get_dictionary("en")
    assert mapping.get("fought") == "fight"
    seen = []
    t = threading.Thread(target=lambda: seen.append(mapping.get("went")))
    t.start()
    t.join()
    assert seen == ["go"]
    if not hasattr(os, "fork"):  # pragma: no cover
        return
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.write(w, (mapping.get("soldiers") or "").encode())
        os._exit(0)
    os.waitpid(pid, 0)
    assert os.read(r, 100) == b"soldier"


def test_a_damaged_table_is_written_again(monkeypatch, tmp_path):
    monkeypatch.setenv("KONFLIKT_CACHE_DIR", str(tmp_path))
    path = dictionary.table_path("en")
    path.write_bytes(b"this is not an SQLite database" * 100)
    mapping = dictionary.SqliteDictionaryFactory().get_dictionary("en")
    assert isinstance(mapping, dictionary.SqliteMap) and mapping.get("went") == "go"
    assert dictionary._readable(path)
