"""Ingest: decoding, document ids, paragraph segmentation, streamed reading."""

import io

import pytest

from konflikt.ingest import InputError, decode_bytes, doc_id_for, normalise_text, read_document, read_text, segments


def test_utf8_latin1_utf16_decode_to_same_text():
    text = "Sudans armé anföll Khartoum på måndagen, uppger källor."
    assert decode_bytes(text.encode("utf-8"))[0] == text
    assert decode_bytes(text.encode("utf-8-sig"))[0] == text
    assert decode_bytes(text.encode("utf-16"))[0] == text
    assert decode_bytes(text.encode("latin-1"))[0] == text


def test_binary_is_refused():
    with pytest.raises(InputError):
        decode_bytes(bytes(range(256)) * 20)


def test_crlf_normalised():
    assert normalise_text("a\r\nb\rc") == "a\nb\nc"


def test_doc_id_is_content_hash():
    assert doc_id_for("abc") == doc_id_for("abc") != doc_id_for("abd")


def test_segments_split_on_blank_lines_and_sentence_final_newlines():
    text = "Första stycket slutar här.\nAndra raden.\n\nTredje stycket är\nradbrutet mitt i meningen.\n"
    segs = [text[s:e] for s, e in segments(text)]
    assert segs == ["Första stycket slutar här.", "Andra raden.", "Tredje stycket är\nradbrutet mitt i meningen."]


def test_segments_offsets_point_into_text():
    text = "  Hamas avvisade förslaget.  \n\n\nIsrael svarade. "
    for s, e in segments(text):
        assert text[s:e] == text[s:e].strip() and text[s:e]


def test_read_document_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_document(str(tmp_path / "missing.txt"))
    (tmp_path / "empty.txt").write_text("   \n")
    with pytest.raises(InputError, match="empty"):
        read_document(str(tmp_path / "empty.txt"))
    with pytest.raises(InputError, match="directory"):
        read_document(str(tmp_path))


# --------------------------------------------------------------------------------------------------
# streamed reading (bounded memory on huge inputs)

SV = "Ryssland skickade vapen till LNA i Benghazi. Sudan fördömde Ryssland för vapnen på måndagen.\r\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-32", "cp1252"])
@pytest.mark.parametrize("chunk", [7, 1000, 1 << 20])
@pytest.mark.parametrize("text", [SV * 700, SV * 3, SV * 700 + "\r", "x\r"])
def test_read_text_in_chunks_matches_the_whole(encoding, chunk, text):
    """Chunk boundaries inside a character, a BOM or a CRLF change nothing: same text, same id."""
    if encoding == "cp1252" and chunk == 7:
        pytest.skip("seven ASCII bytes look like UTF-8 (see test_read_text_replaces_later_undecodable_bytes)")
    whole = normalise_text(text)
    got = read_text(io.BytesIO(text.encode(encoding)), max_chars=100, chunk_bytes=chunk)
    assert got.doc_id == doc_id_for(whole)
    assert got.text == whole[:100] and got.total_chars == len(whole)
    assert got.warnings == ([f"document truncated at 100 characters (of {len(whole)})"] if len(whole) > 100 else [])


def test_read_text_keeps_everything_without_a_limit():
    got = read_text(io.BytesIO((SV * 50).encode("utf-16")), chunk_bytes=64)
    assert got.text == normalise_text(SV * 50) and got.warnings == [] and got.encoding == "utf-16"


def test_read_text_replaces_later_undecodable_bytes():
    """The encoding is chosen on the first chunk; bytes invalid in it further on are replaced, with a warning."""
    data = ("a" * 100 + SV).encode("cp1252")
    got = read_text(io.BytesIO(data), chunk_bytes=64)
    assert got.encoding == "utf-8" and "\ufffd" in got.text
    assert got.warnings == ["bytes invalid in utf-8 after byte 128 replaced (U+FFFD)"]


@pytest.mark.parametrize("chunk", [16, 1 << 20])
def test_read_text_refuses_binary_and_empty(chunk):
    with pytest.raises(InputError, match="binary"):
        read_text(io.BytesIO(bytes(range(256)) * 20), chunk_bytes=chunk)
    with pytest.raises(InputError, match="empty"):
        read_text(io.BytesIO(b" \r\n\t" * 100), chunk_bytes=chunk)
    with pytest.raises(InputError, match="empty"):
        read_text(io.BytesIO(b""), chunk_bytes=chunk)


def test_read_document_truncates_with_a_warning(tmp_path):
    path = tmp_path / "long.txt"
    path.write_bytes((SV * 40).encode("utf-8"))
    doc = read_document(str(path), max_chars=150)
    whole = normalise_text(SV * 40)
    assert doc.text == whole[:150] and doc.id == doc_id_for(whole)
    assert doc.warnings == [f"document truncated at 150 characters (of {len(whole)})"]
