"""Scale-out on Dask: `konflikt code --engine dask --scheduler ADDRESS SOURCES... --out DIR`.

`run_on_dask(sources, out, settings, scheduler)` expands the sources with fsspec (files, directories,
globs; local, s3://, gs://, ... whatever fsspec reads), splits the file list into contiguous partitions and
submits one task per partition to the Dask scheduler. A task reads its files through fsspec, decodes each
file into one document exactly as `konflikt code` does (`konflikt.ingest.read_text`: streamed, truncated),
codes them with the worker process's own `Coder` (models load once per worker process), stores them in a
scratch DuckDB store and writes that store's POLECAT-style event rows — the columns of `konflikt events
--format parquet` — to `DIR/part-NNNNN.parquet` through fsspec. Part files are numbered in input order,
rows in a part are in document and event order, so reading the parts in name order gives the local run's
order. Files that cannot be coded are reported (`DaskReport.skipped`), never stop the run.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from konflikt.config import Settings

__all__ = ["DaskReport", "expand_sources", "partition", "code_partition", "run_on_dask"]

MAX_PARTITIONS = 256
_CODERS: dict = {}


@dataclass
class DaskReport:
    coded: int = 0
    events: int = 0
    parts: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)

    def summary(self) -> str:
        return (f"dask: {self.coded} document(s) coded, {self.events} event(s) in {self.parts} Parquet part(s); "
                f"{len(self.skipped)} skipped")


def expand_sources(sources: list[str]) -> list[str]:
    """Every file the sources name, as fsspec URLs: globs expanded, directories walked (sorted), in order."""
    import fsspec

    out: list[str] = []
    for src in sources:
        fs, _token, paths = fsspec.core.get_fs_token_paths(src)
        for p in sorted(paths) if len(paths) > 1 else paths:
            files = sorted(fs.find(p)) if fs.isdir(p) else [p]
            out += [_url(fs, f, src) for f in files]
    return out


def _url(fs, path: str, given: str) -> str:
    """A local path stays a plain path (as `konflikt code` would name it); other filesystems keep their protocol."""
    return path if "://" not in given else fs.unstrip_protocol(path)


def partition(items: list, n: int) -> list[list]:
    """`items` in `n` contiguous parts of near-equal size (no empty part)."""
    n = max(1, min(n, len(items)))
    size, extra = divmod(len(items), n)
    out, start = [], 0
    for i in range(n):
        end = start + size + (1 if i < extra else 0)
        out.append(items[start:end])
        start = end
    return out


def _coder(settings: Settings):
    """This worker process's Coder for these settings (built once)."""
    key = repr(settings)
    if key not in _CODERS:
        from konflikt.pipeline import Coder

        _CODERS[key] = Coder(settings)
    return _CODERS[key]


def _read(url: str, settings: Settings):
    """One document from an fsspec URL, decoded and normalised like `konflikt.ingest.read_document`."""
    import fsspec

    from konflikt.ingest import read_text
    from konflikt.records import Document

    with fsspec.open(url, "rb") as f:  # streamed: at most max_doc_chars characters are held (issue #6)
        got = read_text(f, max_chars=settings.max_doc_chars)
    return Document(id=got.doc_id, text=got.text, source=url, date=settings.date,
                    language=None if settings.lang == "auto" else settings.lang, warnings=got.warnings)


def code_partition(index: int, urls: list[str], out: str, settings: Settings) -> dict:
    """Code one partition's files and write `out/part-<index>.parquet`; returns counts and skipped files."""
    import os
    import tempfile

    import fsspec

    from konflikt.corpus import _reason, node_function
    from konflikt.store import Store

    coder = _coder(settings)
    result = {"coded": 0, "events": 0, "skipped": []}
    with tempfile.TemporaryDirectory(prefix="konflikt-dask-") as tmp:
        db, part = os.path.join(tmp, "part.duckdb"), os.path.join(tmp, "part.parquet")
        with Store(db) as store:
            node_for = node_function(coder.kb)
            docs = []
            for url in urls:
                try:
                    docs.append(_read(url, settings))
                except Exception as exc:  # noqa: BLE001 - one bad file must not stop the partition
                    result["skipped"].append((url, str(exc) or type(exc).__name__))
            coded = []
            for doc, events, exc in coder.code_documents(docs):
                if exc is not None:
                    result["skipped"].append((doc.source, _reason(exc)))
                    continue
                coded.append((doc, events, None))
                result["coded"] += 1
                result["events"] += len(events)
            if coded:
                store.add_documents(coded, node_for=node_for)
            store.copy_to(*store.polecat_query(), part, "parquet")
        with open(part, "rb") as src, fsspec.open(f"{out.rstrip('/')}/part-{index:05d}.parquet", "wb") as dst:
            dst.write(src.read())
    return result


def run_on_dask(sources: list[str], out: str, settings: Settings, scheduler, *,
                partitions: int | None = None) -> DaskReport:
    """Code `sources` on the Dask cluster at `scheduler` (an address, or a `distributed.Client`) into
    partitioned Parquet under `out`."""
    import fsspec
    from distributed import Client

    urls = expand_sources(sources)
    report = DaskReport()
    if not urls:
        return report
    parts = partition(urls, partitions or min(len(urls), MAX_PARTITIONS))
    fs, _t, (root,) = fsspec.core.get_fs_token_paths(out)
    fs.makedirs(root, exist_ok=True)
    client = scheduler if isinstance(scheduler, Client) else Client(scheduler)
    try:
        futures = [client.submit(code_partition, i, p, out, settings, pure=False) for i, p in enumerate(parts)]
        for res in client.gather(futures):
            report.coded += res["coded"]
            report.events += res["events"]
            report.skipped += [tuple(s) for s in res["skipped"]]
        report.parts = len(parts)
    finally:
        if client is not scheduler:
            client.close()
    return report
