"""Bytes -> text. Never raises on content: doubtful input becomes a warning.

Order of decisions: a byte-order mark (UTF-32, UTF-8, UTF-16) wins; then strict
UTF-8; then UTF-16 without a BOM when NULs sit on every other byte; then
charset-normalizer's detection on a sample; then cp1252; then UTF-8 with
replacement characters, with a warning. Binary files (known magic numbers, or a
high share of control bytes) raise ``UnreadableInput``; the caller turns that into an
error record.
"""

from __future__ import annotations

import codecs
from pathlib import Path

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/XLSX)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "executable"),
    (b"RIFF", "RIFF media file"),
    (b"\x00\x00\x01\x00", "icon image"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"ID3", "MP3 audio"),
    (b"OggS", "Ogg media"),
    (b"\xd0\xcf\x11\xe0", "Office document"),
    (b"SQLite format 3\x00", "SQLite database"),
)

_SAMPLE = 64 * 1024
# The most newsx analyses of one input. No news article comes near it (long features
# run to 100,000 characters); a bigger input (a dump, a log, a disk image named .txt)
# is analysed up to here, with a warning, so time and memory per input stay bounded
# whatever the input. (spaCy's default max_length is the same figure.)
MAX_CHARS = 1_000_000
# Never more than that is read: at most 4 bytes a character, plus a BOM.
MAX_BYTES = 4 * MAX_CHARS + 4
# Control bytes that never appear in text (TAB, LF, VT, FF, CR and ESC excluded).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))


# Legacy encodings preferred when the detector finds them as good as its first guess.
_PREFERRED = ("cp1252", "cp1251", "cp1250", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258")


class UnreadableInput(Exception):
    """The input is not text newsx can read (binary, unreadable file)."""


def decode(data: bytes) -> tuple[str, list[str]]:
    """Decode ``data`` to text; return the text and warnings about repairs made."""
    warnings: list[str] = []
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            text = body.decode(encoding, errors="replace")
            if "\ufffd" in text and "\ufffd".encode(encoding) not in body:
                warnings.append(f"invalid {encoding.upper()} bytes replaced with U+FFFD")
            return text, warnings
    _reject_binary(data)
    try:
        return data.decode("utf-8"), warnings
    except UnicodeDecodeError:
        pass
    utf16 = _bomless_utf16(data)
    if utf16:
        text = data.decode(utf16, errors="replace")
        warnings.append(f"no byte-order mark: decoded as {utf16.upper()}")
        return text, warnings
    return _decode_legacy(data, warnings)


def read_path(path: str | Path, max_bytes: int = MAX_BYTES) -> tuple[str, list[str]]:
    """Read and decode a file; raise ``UnreadableInput`` with a clear reason.

    A file larger than ``max_bytes`` is read up to a line end near that size, with a
    warning, so memory stays bounded whatever the file (offsets index that prefix,
    which is also the start of the whole file).
    """
    p = Path(path)
    try:
        if p.is_dir():
            raise UnreadableInput("is a directory")
        with p.open("rb") as f:
            data = f.read(max_bytes + 1)
    except FileNotFoundError:
        if p.is_symlink():
            raise UnreadableInput("broken symbolic link") from None
        raise UnreadableInput("no such file") from None
    except PermissionError:
        raise UnreadableInput("permission denied") from None
    except IsADirectoryError:
        raise UnreadableInput("is a directory") from None
    except OSError as exc:
        raise UnreadableInput(exc.strerror or str(exc)) from None
    if len(data) <= max_bytes:
        return decode(data)
    data = _cut(data[:max_bytes])
    text, warnings = decode(data)
    warnings.append(f"file larger than {max_bytes:,} bytes: only the first {len(data):,} bytes were read")
    return text, warnings


def _cut(data: bytes) -> bytes:
    """Shorten a truncated read to just after its last line end (in its last tenth), keeping
    whole UTF-16/32 code units and whole UTF-8 sequences."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        unit = 4
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _bomless_utf16(data):
        unit = 2
    else:
        unit = 1
    end = data.rfind(b"\n", len(data) - len(data) // 10) + 1 or len(data)
    end += -end % unit
    if unit == 1 and end == len(data):
        while end > 0 and data[end - 1] & 0xC0 == 0x80:  # UTF-8 continuation bytes
            end -= 1
        if end > 0 and data[end - 1] >= 0xC0:  # a lead byte whose sequence was cut
            end -= 1
    return data[:min(end, len(data))]


def _reject_binary(data: bytes) -> None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise UnreadableInput(f"binary file ({kind}), not text")
    sample = data[:_SAMPLE]
    if not sample:
        return
    if _bomless_utf16(sample):
        return
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    if controls / len(sample) > 0.3:
        raise UnreadableInput("binary file (mostly control bytes), not text")


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM shows NULs on nearly every even (BE) or odd (LE) byte."""
    sample = data[:_SAMPLE]
    half = len(sample) // 2
    if half < 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    if odd_nuls > 0.7 * half and even_nuls < 0.1 * half:
        return "utf-16-le"
    if even_nuls > 0.7 * half and odd_nuls < 0.1 * half:
        return "utf-16-be"
    return None


def _decode_legacy(data: bytes, warnings: list[str]) -> tuple[str, list[str]]:
    """Non-UTF-8 bytes: detect the encoding on a sample, else cp1252, else replace."""
    encoding = _detect(data[:_SAMPLE])
    for candidate in (encoding, "cp1252"):
        if not candidate:
            continue
        try:
            text = data.decode(candidate)
        except (UnicodeDecodeError, LookupError):
            continue
        if _mostly_utf8(data):
            break  # a few bad bytes in UTF-8 text: replacing beats a wrong legacy guess
        warnings.append(f"not valid UTF-8: decoded as {codecs.lookup(candidate).name}")
        return text, warnings
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    warnings.append(f"not valid UTF-8: {bad} undecodable byte sequence(s) replaced with U+FFFD")
    return text, warnings


def _mostly_utf8(data: bytes) -> bool:
    """Multi-byte UTF-8 sequences outnumber the bytes that break UTF-8."""
    sample = data[:_SAMPLE]
    text = sample.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for c in text if ord(c) > 127 and c != "\ufffd")
    return good > 2 * bad


def _detect(sample: bytes) -> str | None:
    """charset-normalizer's guess, preferring Windows code pages among equal candidates.

    On short English samples several single-byte code pages decode the same bytes
    equally well (cp1250, cp775, ... for cp1252 text; mac-cyrillic for cp1251); the
    Windows pages are by far the most common in saved web pages and e-mails.
    """
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    matches = from_bytes(sample)
    best = matches.best()
    if best is None:
        return None
    candidates: list[str] = []
    for match in matches:
        if match.chaos <= best.chaos + 0.01 and match.coherence >= 0.6 * best.coherence:
            candidates.append(match.encoding)
            candidates.extend(match.could_be_from_charset)
    for preferred in _PREFERRED:
        if preferred in candidates:
            return preferred
    return best.encoding
