"""Ingest: decoding, document ids, paragraph segmentation."""

import pytest

from konflikt.ingest import InputError, decode_bytes, doc_id_for, normalise_text, read_document, segments


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
