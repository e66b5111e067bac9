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
