"""simplemma's lemma dictionaries, looked up on disk: `lemmatize(word, lang)` and `is_known(word, lang)`.

simplemma decodes a language's whole dictionary into memory on first use (Swedish: 964,000 forms, ~0.8 s
and ~100 MB in every process, every worker of `--workers` and of a Dask cluster). Here the first process
on a machine writes it once as an SQLite table (`simplemma-<version>-<lang>.sqlite` in the cache directory
of `konflikt.cache`, written atomically) and every process then reads the forms it meets from that file,
opened read-only. Results are simplemma's own (its lemmatisation strategies over the same mapping). With
the cache off (`KONFLIKT_CACHE_DIR=off`) or a directory that cannot be written, simplemma's in-memory
dictionary is used; a damaged table is written again.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
import threading
from collections.abc import Iterator, Mapping
from functools import lru_cache
from pathlib import Path

from simplemma import Lemmatizer
from simplemma.strategies import DefaultStrategy, DictionaryLookupStrategy
from simplemma.strategies.dictionaries.dictionary_factory import (
    DEFAULT_DICTIONARY_FACTORY,
    CachingDictionaryFactory,
    DecodedStrMapping,
)
from simplemma.utils import normalize_token

__all__ = ["is_known", "lemmatize", "table_path"]


def table_path(lang: str) -> Path | None:
    """Where the table of `lang` lives (None: the cache is off)."""
    from importlib.metadata import version

    from konflikt.cache import cache_dir

    where = cache_dir()
    return None if where is None else where / f"simplemma-{version('simplemma')}-{lang}.sqlite"


def _build(path: Path, source: Mapping[str, str]) -> None:
    """Write `source` as the table at `path` (via a temporary file: readers never see half a table)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        with con:
            con.execute("CREATE TABLE d (k TEXT PRIMARY KEY, v TEXT NOT NULL) WITHOUT ROWID")
            con.executemany("INSERT INTO d VALUES (?, ?)", ((k, source[k]) for k in source))
        con.close()
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


class SqliteMap(DecodedStrMapping):
    """A read-only str -> str view of one table; a connection per process and thread."""

    __slots__ = ("_path", "_local", "_memo")
    MEMO = 200_000
    """Looked-up keys remembered per process (lemmatising and `is_known` ask for the same forms)."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._local = threading.local()
        self._memo: dict[str, str | None] = {}

    def _con(self) -> sqlite3.Connection:
        local = self._local
        if getattr(local, "pid", None) != os.getpid():  # a forked child opens its own
            local.con = sqlite3.connect(f"file:{self._path}?mode=ro&immutable=1", uri=True)
            local.pid = os.getpid()
        return local.con

    def _lookup(self, key: str) -> str | None:
        memo = self._memo
        if key in memo:
            return memo[key]
        row = self._con().execute("SELECT v FROM d WHERE k = ?", (key,)).fetchone()
        if len(memo) >= self.MEMO:
            memo.clear()
        value = memo[key] = row[0] if row else None
        return value

    def __iter__(self) -> Iterator[str]:
        return (k for (k,) in self._con().execute("SELECT k FROM d ORDER BY k"))

    def __len__(self) -> int:
        return self._con().execute("SELECT count(*) FROM d").fetchone()[0]


class SqliteDictionaryFactory(CachingDictionaryFactory):
    """simplemma's dictionary of a language as an `SqliteMap` (built on first use), else its in-memory one."""

    __slots__ = ()

    def _get_dictionary_uncached(self, lang: str) -> Mapping[str, str]:
        path = table_path(lang)
        if path is None:
            return DEFAULT_DICTIONARY_FACTORY.get_dictionary(lang)
        if path.is_file() and _readable(path):
            return SqliteMap(path)
        source = DEFAULT_DICTIONARY_FACTORY.get_dictionary(lang)  # missing, or damaged: (re)build it
        try:
            _build(path, source)
        except (OSError, sqlite3.Error):  # cannot write the cache: stay in memory
            return source
        return SqliteMap(path) if _readable(path) else source


def _readable(path: Path) -> bool:
    """The file is a table this module wrote (not a damaged or foreign file)."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            con.execute("SELECT k, v FROM d LIMIT 1").fetchall()
        finally:
            con.close()
        return True
    except sqlite3.Error:
        return False


@lru_cache(maxsize=1)
def _strategies() -> tuple[Lemmatizer, DictionaryLookupStrategy]:
    factory = SqliteDictionaryFactory()
    return Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=factory)), \
        DictionaryLookupStrategy(factory)


def lemmatize(word: str, lang: str) -> str:
    """simplemma's lemma of `word` (`simplemma.lemmatize(word, lang=lang)`)."""
    return _strategies()[0].lemmatize(word, lang)


@lru_cache(maxsize=200_000)
def is_known(word: str, lang: str) -> bool:
    """Whether simplemma's dictionary has `word` as a form (`simplemma.is_known(word, lang=lang)`)."""
    return _strategies()[1].get_lemma(normalize_token(word), lang) is not None
