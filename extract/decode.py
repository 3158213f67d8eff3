"""Turn page bytes into text lxml can parse: BOMs, UTF-16, declared charsets, binary and oversized input."""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from typing import Optional

MAX_CHARS = 1_500_000  # larger pages (real ones are < 300 KB of markup) are truncated, with a note, to bound time
_SNIFF = 4096
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
MAX_BYTES = 25_000_000  # bytes decoded at most; scripts are stripped from what is decoded
_SCRIPTS = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
# characters XML (and so lxml) refuses; NUL bytes of misdecoded UTF-16 land here too
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_BINARY_MAGIC = (
    b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"BZh", b"\x7fELF",
    b"RIFF", b"OggS", b"ID3", b"\x00\x00\x01\x00",
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class NotHtmlError(ValueError):
    """The bytes are not an HTML page (binary content, empty input)."""


@dataclass
class DecodedPage:
    text: str
    encoding: str
    notes: list[str] = field(default_factory=list)


def decode_html(html: bytes | str | None) -> DecodedPage:
    """Decode page bytes (UTF-8 first, whatever the page declares) and make the text safe for lxml."""
    notes: list[str] = []
    if html is None:
        raise NotHtmlError("empty page")
    if isinstance(html, str):
        text, encoding = html, "str"
    else:
        text, encoding = _decode_bytes(html, notes)
    if len(text) > MAX_CHARS:  # inline scripts and styles go first: they can be most of a big page
        text = _SCRIPTS.sub("", text)
    if len(text) > MAX_CHARS or (not isinstance(html, str) and len(html) > MAX_BYTES):
        notes.append(f"page truncated from {len(html)} to {MAX_CHARS} characters")
        text = text[:MAX_CHARS]
    text = _XML_DECL.sub("", text, count=1)
    if _XML_INVALID.search(text):
        text = _XML_INVALID.sub("", text)
    if not text.strip():
        raise NotHtmlError("empty page")
    return DecodedPage(text, encoding, notes)


def _decode_bytes(data: bytes, notes: list[str]) -> tuple[str, str]:
    if not data.strip():
        raise NotHtmlError("empty page")
    if len(data) > MAX_BYTES:  # cheap cap before decoding bounds memory
        data = data[:MAX_BYTES]
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, errors="replace"), encoding
    utf16 = _sniff_utf16(data[:_SNIFF])
    if utf16:
        return data.decode(utf16, errors="replace"), utf16
    if _looks_binary(data[:_SNIFF]):
        raise NotHtmlError("binary content, not HTML")
    try:  # real pages often declare latin-1 while serving UTF-8, so valid UTF-8 wins
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data[:_SNIFF * 4])
    if declared and declared not in ("utf-8", "utf8"):
        try:
            return data.decode(declared, errors="replace"), declared
        except LookupError:
            notes.append(f"unknown declared charset {declared!r}")
    notes.append("invalid UTF-8, decoded as windows-1252")
    return data.decode("cp1252", errors="replace"), "cp1252"


def _sniff_utf16(head: bytes) -> Optional[str]:
    """UTF-16 without BOM: ASCII markup leaves every other byte NUL."""
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _looks_binary(head: bytes) -> bool:
    if head.startswith(_BINARY_MAGIC):
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > 0.05 * len(head)


def _declared_charset(head: bytes) -> Optional[str]:
    match = _META_CHARSET.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name
