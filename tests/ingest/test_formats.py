"""Input formats of `konflikt ingest`: text, Markdown, HTML, JSONL, RSS/Atom, directories; per-item errors."""

from __future__ import annotations

import json
from pathlib import Path

from konflikt.ingest import InputError, doc_id_for
from konflikt.ingest.formats import (
    IngestedDocument,
    detect_format,
    html_fragment_to_text,
    iso_date,
    iter_documents,
    markdown_to_text,
)


def _all(path, **kw):
    return list(iter_documents(str(path), **kw))


def test_text_file(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Ryssland skickade vapen till Haftar.\r\n", encoding="utf-8")
    (doc,) = _all(p, date="2024-01-02", lang="sv")
    assert isinstance(doc, IngestedDocument)
    assert doc.text == "Ryssland skickade vapen till Haftar.\n" and doc.id == doc_id_for(doc.text)
    assert (doc.date, doc.language, doc.origin, doc.source) == ("2024-01-02", "sv", str(p), str(p))


def test_latin1_text_decodes(tmp_path):
    p = tmp_path / "b.txt"
    p.write_bytes("Sverige fördömde attacken mot Göteborg.".encode("latin-1"))
    (doc,) = _all(p)
    assert "fördömde" in doc.text


def test_binary_and_empty_files_are_errors(tmp_path):
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 50)
    (tmp_path / "empty.txt").write_bytes(b"")
    (err,) = _all(tmp_path / "bin.txt")
    assert isinstance(err, InputError) and err.where.endswith("bin.txt") and "binary" in str(err)
    (err,) = _all(tmp_path / "empty.txt")
    assert isinstance(err, InputError) and "empty" in str(err)
    (err,) = _all(tmp_path / "nope.txt")
    assert isinstance(err, InputError) and "no such file" in str(err)


def test_markdown():
    md = "# Rubrik\n\nTurkiet **stödjer** [regeringen](http://x.se) i `Tripoli`.\n\n- punkt ett\n\n```\nkod\n```\n"
    text = markdown_to_text(md)
    assert text == "Rubrik\n\nTurkiet stödjer regeringen i Tripoli.\n\npunkt ett\n"


def test_markdown_file(tmp_path):
    p = tmp_path / "n.md"
    p.write_text("## Nyhet\n\nEgypten *kritiserade* Turkiet.\n", encoding="utf-8")
    (doc,) = _all(p)
    assert doc.text == "Nyhet\n\nEgypten kritiserade Turkiet.\n"


def test_markdown_front_matter(tmp_path):
    p = tmp_path / "f.md"
    p.write_text("---\ntitle: \"Striderna\"\ndate: 2020-01-05\nlang: sv\ntags:\n  - libyen\n---\n"
                 "# Striderna\n\nLNA attackerade Tripoli.\n", encoding="utf-8")
    (doc,) = _all(p, date="2024-01-01")
    assert doc.text == "Striderna\n\nLNA attackerade Tripoli.\n"
    assert (doc.date, doc.title, doc.language) == ("2020-01-05", "Striderna", "sv")
    q = tmp_path / "g.md"
    q.write_text("Text utan metadata.\n\n---\n\nMer text.\n", encoding="utf-8")
    (doc,) = _all(q, date="2024-01-01")
    assert doc.date == "2024-01-01" and "Mer text." in doc.text


def test_html_main_text_and_date(tmp_path):
    page = """<!DOCTYPE html><html><head><title>Turkiet skickar trupper</title>
    <meta property="article:published_time" content="2019-12-27T10:00:00Z"></head>
    <body><nav><a href="/">Hem</a> <a href="/n">Nyheter</a> <a href="/s">Sport</a></nav>
    <article><h1>Turkiet skickar trupper</h1>
    <p>Turkiet har erbjudit militärstöd till den libyska regeringen, uppger källor i Ankara på fredagen.</p>
    <p>Ryssland skickade vapen till Haftar under hösten enligt FN:s experter som granskat leveranserna.</p>
    </article><footer>Kontakta oss | Annonsera | Cookies</footer></body></html>"""
    p = tmp_path / "page.html"
    p.write_text(page, encoding="utf-8")
    (doc,) = _all(p, date="2024-01-01")
    assert "erbjudit militärstöd" in doc.text and "Ryssland skickade vapen" in doc.text
    assert "Annonsera" not in doc.text and "Sport" not in doc.text
    assert doc.date == "2019-12-27"  # the page's own date wins over the default
    assert doc.title == "Turkiet skickar trupper"


def test_html_without_text_is_an_error(tmp_path):
    p = tmp_path / "x.html"
    p.write_text("<html><body><script>var a = 1;</script></body></html>")
    (err,) = _all(p)
    assert isinstance(err, InputError)


def test_jsonl_items_and_bad_lines(tmp_path):
    lines = [
        json.dumps({"text": "Ryssland attackerade Ukraina.", "id": "a1", "date": "2022-02-24T05:00:00",
                    "url": "https://www.svt.se/x", "title": "T", "lang": "sv"}),
        "{not json",
        json.dumps({"id": "no-text"}),
        json.dumps(["a list"]),
        "",
        json.dumps({"text": "Egypt condemned Turkey.", "source": "Reuters", "date": "yesterday", "extra": 1}),
    ]
    p = tmp_path / "docs.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = _all(p, date="2024-05-05", lang=None)
    assert [type(i).__name__ for i in items] == ["IngestedDocument", "InputError", "InputError", "InputError",
                                                 "IngestedDocument"]
    a, bad, notext, notobj, b = items
    assert (a.ext_id, a.date, a.url, a.language, a.title, a.outlet, a.origin) == (
        "a1", "2022-02-24", "https://www.svt.se/x", "sv", "T", "svt.se", f"{p}:1")
    assert bad.where == f"{p}:2" and "malformed JSON" in str(bad)
    assert notext.where == f"{p}:3" and "text" in str(notext)
    assert notobj.where == f"{p}:4"
    assert b.source == "Reuters" and b.outlet == "Reuters" and b.date == "2024-05-05"
    assert any("unreadable date" in w for w in b.warnings) and any("extra" in w for w in b.warnings)


def test_jsonl_streams(tmp_path):
    """Items come out one by one: the first is available before the file is read to the end."""
    p = tmp_path / "big.jsonl"
    with p.open("w") as f:
        for i in range(5000):
            f.write(json.dumps({"text": f"Dokument nummer {i} om Libyen."}) + "\n")
    seen = []
    it = iter_documents(str(p), on_bytes=seen.append)
    first = next(it)
    assert first.text.startswith("Dokument nummer 0")
    assert sum(seen) < p.stat().st_size
    rest = list(it)
    assert len(rest) == 4999 and sum(seen) == p.stat().st_size


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Nyheter Utrikes</title><link>https://example.se</link>
<item><title>Turkiet stödjer regeringen</title><link>https://example.se/1</link><guid>g1</guid>
<description>&lt;p&gt;Turkiet har lovat &lt;b&gt;militärt stöd&lt;/b&gt;.&lt;/p&gt;
&lt;p&gt;Andra stycket.&lt;/p&gt;</description>
<pubDate>Fri, 27 Dec 2019 10:00:00 +0100</pubDate></item>
<item><title>Tomt</title></item>
<item><description></description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>World</title>
<entry><title>Russia sends arms</title><link href="https://ex.com/a"/><id>urn:1</id>
<updated>2020-01-05T12:00:00Z</updated><summary type="html">Russia sent arms to Haftar.</summary></entry>
</feed>"""


def test_rss(tmp_path):
    p = tmp_path / "feed.rss"
    p.write_text(RSS, encoding="utf-8")
    items = _all(p, date="2024-01-01")
    a, b, c = items
    assert a.text == "Turkiet stödjer regeringen\n\nTurkiet har lovat militärt stöd.\n\nAndra stycket."
    assert (a.date, a.url, a.ext_id, a.outlet, a.origin) == (
        "2019-12-27", "https://example.se/1", "g1", "Nyheter Utrikes", f"{p}#1")
    assert b.text == "Tomt" and b.date == "2024-01-01"
    assert isinstance(c, InputError) and c.where == f"{p}#3"


def test_atom_by_content_sniffing(tmp_path):
    p = tmp_path / "feed.unknown"
    p.write_text(ATOM, encoding="utf-8")
    (a,) = _all(p)
    assert a.text == "Russia sends arms\n\nRussia sent arms to Haftar."
    assert (a.date, a.url, a.outlet) == ("2020-01-05", "https://ex.com/a", "World")


def test_malformed_feed_keeps_earlier_items(tmp_path):
    p = tmp_path / "broken.xml"
    p.write_text(RSS.replace("</channel></rss>", "<item><title>x</ti"), encoding="utf-8")
    items = _all(p)
    assert isinstance(items[0], IngestedDocument) and isinstance(items[-1], InputError)
    assert "malformed feed" in str(items[-1])


def test_directory_recursive_sorted_every_file_named(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Två.")
    (tmp_path / "1.md").write_text("Ett.")
    (tmp_path / "notes").write_text("Tre.")  # no extension: read by its content
    (tmp_path / ".hidden.txt").write_text("Dold.")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("x")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    items = _all(tmp_path)
    docs = [d for d in items if isinstance(d, IngestedDocument)]
    assert [d.text.strip() for d in docs] == ["Ett.", "Tre.", "Två."]
    errors = {Path(e.where).name: str(e) for e in items if isinstance(e, InputError)}
    assert errors == {".git": "hidden directory (not read)", ".hidden.txt": "hidden file (not read)",
                      "image.png": "unsupported file type (.png; not read)"}


def test_detect_format():
    assert detect_format("x.JSONL", b"") == "jsonl"
    assert detect_format("x", b'{"text": "a"}\n{"text": "b"}') == "jsonl"
    assert detect_format("x", b"<?xml version='1.0'?>\n<rss>") == "feed"
    assert detect_format("x", b"  <!DOCTYPE html><html>") == "html"
    assert detect_format("x", b"Vanlig text.") == "text"


def test_iso_date_and_fragment():
    assert iso_date("Fri, 27 Dec 2019 10:00:00 +0100") == "2019-12-27"
    assert iso_date("2019-13-45") is None and iso_date("nonsense") is None
    assert html_fragment_to_text("a &amp; b<br>c<script>x</script>") == "a & b\n\nc"
