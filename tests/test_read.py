"""Reading: every encoding newsx meets becomes text whose offsets are the decoded input's."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from newsx.read import UnreadableInput, decode, read_path

ARTICLE = "Minister’s “plan” for the café – approved\r\n\r\nHe said the works would start soon.\n"


@pytest.mark.parametrize(("bom", "encoding"), [
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
])
def test_byte_order_mark_is_dropped_and_text_kept_exactly(bom: bytes, encoding: str) -> None:
    text, warnings = decode(bom + ARTICLE.encode(encoding))
    assert text == ARTICLE
    assert warnings == []


def test_strict_utf8_keeps_crlf_cr_and_nul_as_they_are() -> None:
    raw = b"Head\x00line\r\nSecond\rThird\n"
    assert decode(raw) == ("Head\x00line\r\nSecond\rThird\n", [])


@pytest.mark.parametrize(("encoding", "name"), [("utf-16-le", "UTF-16-LE"), ("utf-16-be", "UTF-16-BE")])
def test_utf16_without_bom_is_recognised(encoding: str, name: str) -> None:
    text, warnings = decode(ARTICLE.encode(encoding))
    assert text == ARTICLE
    assert warnings == [f"no byte-order mark: decoded as {name}"]


def test_cp1252_curly_quotes_decode_as_cp1252() -> None:
    body = "The mayor said “the bridge will open in May” – and it did. " * 20
    text, warnings = decode(body.encode("cp1252"))
    assert text == body
    assert warnings == ["not valid UTF-8: decoded as cp1252"]


def test_short_cp1252_text_is_not_taken_for_another_latin_code_page() -> None:
    body = "Le ministre a déclaré qu'il était très heureux. " * 3
    assert decode(body.encode("cp1252")) == (body, ["not valid UTF-8: decoded as cp1252"])


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r"])
def test_cyrillic_legacy_encodings_are_detected(encoding: str) -> None:
    body = "Министр сказал, что мост будет построен к маю. " * 40
    text, warnings = decode(body.encode(encoding))
    assert text == body
    assert warnings == [f"not valid UTF-8: decoded as {codecs.lookup(encoding).name}"]


def test_a_few_bad_bytes_in_utf8_text_are_replaced_with_a_warning() -> None:
    body = "Việt Nam’s ministry said the plan works. " * 10
    raw = body.encode() + b"\xff" + body.encode()
    text, warnings = decode(raw)
    assert text == body + "\ufffd" + body
    assert warnings == ["not valid UTF-8: 1 undecodable byte sequence(s) replaced with U+FFFD"]


def test_invalid_bytes_after_a_bom_are_replaced_with_a_warning() -> None:
    text, warnings = decode(codecs.BOM_UTF8 + b"Good start \xc3 bad")
    assert text == "Good start \ufffd bad"
    assert warnings == ["invalid UTF-8 bytes replaced with U+FFFD"]


def test_invalid_utf8_every_other_byte_still_decodes_to_text_of_the_same_length() -> None:
    raw = bytes(b for i in range(2000) for b in (0x41 + i % 26, 0x80 + i % 64))
    text, warnings = decode(raw)
    assert len(text) == 4000
    assert len(warnings) == 1 and warnings[0].startswith("not valid UTF-8")


@pytest.mark.parametrize(("raw", "kind"), [
    (b"\x89PNG\r\n\x1a\n" + bytes(200), "PNG image"),
    (b"%PDF-1.7\n" + bytes(100), "PDF document"),
    (bytes(range(1, 9)) * 100, "mostly control bytes"),
])
def test_binary_input_is_unreadable(raw: bytes, kind: str) -> None:
    with pytest.raises(UnreadableInput, match=kind):
        decode(raw)


def test_empty_input_is_empty_text() -> None:
    assert decode(b"") == ("", [])


def test_read_path_reasons(tmp_path: Path) -> None:
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    with pytest.raises(UnreadableInput, match="broken symbolic link"):
        read_path(link)
    with pytest.raises(UnreadableInput, match="no such file"):
        read_path(tmp_path / "missing.txt")
    with pytest.raises(UnreadableInput, match="is a directory"):
        read_path(tmp_path)


def test_read_path_decodes_a_bom_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"))
    assert read_path(path) == (ARTICLE, [])


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "utf-32"])
def test_a_file_over_the_read_limit_is_read_up_to_a_line_end(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "big.txt"
    line = "Mưa lớn ở Hà Nội, the ministry said.\n"
    path.write_bytes((line * 40).encode(encoding))
    text, warnings = read_path(path, max_bytes=len((line * 10).encode(encoding)) + 7)
    assert text == line * 10
    assert warnings[-1].startswith("file larger than")


def test_a_file_over_the_read_limit_without_line_ends_keeps_whole_characters(tmp_path: Path) -> None:
    path = tmp_path / "one-line.txt"
    path.write_bytes("ệ".encode() * 100)  # three bytes each
    text, warnings = read_path(path, max_bytes=31)
    assert text == "ệ" * 10
    assert warnings == ["file larger than 31 bytes: only the first 30 bytes were read"]
