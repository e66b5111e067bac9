"""`konflikt.parallel.code_stream`: all cores, same events, input order (issue #8)."""

from __future__ import annotations

from konflikt.config import Settings
from konflikt.parallel import chunks, code_stream, default_workers
from konflikt.records import Document

TEXTS = ["Ryssland attackerade Ukraina i natt. Turkiet fördömde attacken.",
         "Israel launched air strikes on Gaza. Egypt condemned the strikes.",
         "Vädret var fint i Göteborg.",
         "Sverige skickade vapen till Ukraina.",
         "Iran backs Hezbollah, the US said on Monday."]


def _docs():
    docs = [Document(id=f"d{i}", text=t, source=f"t{i}", date="2024-03-15") for i, t in enumerate(TEXTS)]
    docs.insert(2, "an unreadable input")  # passes through in its place
    docs.append(Document(id="de", text="Das Wetter ist heute schön und die Sonne scheint.", source="de",
                         language="de"))
    return docs


def _dump(results):
    return [(item.id if isinstance(item, Document) else item,
             None if events is None else [e.model_dump(mode="json") for e in events],
             type(exc).__name__ if exc else None) for item, events, exc in results]


def test_chunks_and_default_workers():
    assert list(chunks(range(5), 2)) == [[0, 1], [2, 3], [4]]
    assert default_workers() >= 1


def test_worker_processes_give_the_serial_result_in_input_order():
    settings = Settings(date="2024-03-15")
    serial = _dump(code_stream(_docs(), settings, workers=1))
    parallel = _dump(code_stream(_docs(), settings, workers=2, chunk=1))  # chunk=1: really uses the pool
    assert parallel == serial
    assert [r[0] for r in serial] == ["d0", "d1", "an unreadable input", "d2", "d3", "d4", "de"]
    assert serial[2][1:] == (None, None)
    assert serial[-1][1] is None and serial[-1][2] == "UnsupportedLanguage"
    assert sum(len(r[1] or []) for r in serial) >= 4


def test_workers_come_from_a_fork_server_that_has_imported_the_pipeline():
    import multiprocessing as mp

    from konflikt.parallel import PRELOAD, _context

    ctx = _context()
    if "forkserver" in mp.get_all_start_methods():
        assert ctx.get_start_method() == "forkserver"
        assert "konflikt.pipeline" in PRELOAD
    else:  # pragma: no cover - platforms without a fork server
        assert ctx.get_start_method() == "spawn"


def test_prestart_only_when_the_input_will_go_to_workers(tmp_path):
    import multiprocessing as mp

    from konflikt.parallel import CHUNK, PRESTART_BYTES, _big_enough, prestart

    small = tmp_path / "small"
    small.mkdir()
    (small / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    assert not _big_enough([str(small)]) and not _big_enough(["-"])
    assert prestart(4, [str(small)]) is False
    many = tmp_path / "many"
    many.mkdir()
    for i in range(2 * CHUNK):
        (many / f"{i}.txt").write_text(TEXTS[i % len(TEXTS)], encoding="utf-8")
    big = tmp_path / "big.jsonl"
    big.write_text("x" * PRESTART_BYTES, encoding="utf-8")
    assert _big_enough([str(many)]) and _big_enough([str(big)])
    assert prestart(1, [str(many)]) is False  # one worker: everything is coded in this process
    assert prestart(2, [str(many)]) is ("forkserver" in mp.get_all_start_methods())
