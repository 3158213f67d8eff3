"""Hostile pages for the extraction stage: a deterministic generator of broken, mis-encoded, huge,
deeply nested and non-HTML inputs, and a runner that reports crashes, failures, time and memory."""
from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extract import extract_article  # noqa: E402

_SENTENCES = (
    "Pemerintah kabupaten menyalurkan bantuan beras kepada warga yang terdampak banjir pekan lalu.",
    "Kepala dinas menyebut perbaikan jalan provinsi ditargetkan selesai sebelum arus mudik Lebaran.",
    "Warga berharap harga minyak goreng kembali stabil setelah pasokan dari pabrik lancar.",
    "Komisi pemilihan daerah mengimbau pemilih memeriksa namanya di daftar pemilih tetap.",
    "Café “Merdeka” di sudut alun-alun ramai dikunjungi pelajar sepulang sekolah — kata pemiliknya.",
)
HUGE_BYTES = 20 * 1024 * 1024


def article_html(rng: random.Random, paragraphs: int = 6, charset: str = "utf-8") -> str:
    body = "".join(f"<p>{rng.choice(_SENTENCES)} {rng.choice(_SENTENCES)}</p>\n" for _ in range(paragraphs))
    return (f'<!DOCTYPE html><html lang="id"><head><meta charset="{charset}"><title>Judul Berita Daerah '
            f'{rng.randint(1, 9999)} - Warta Uji</title></head><body><nav><a href="/">Beranda</a></nav>'
            f'<h1>Judul Berita Daerah</h1><div class="isi">{body}</div><footer>© 2024</footer></body></html>')


def _wrong_charset(rng):  # UTF-8 bytes that declare latin-1
    return article_html(rng, charset="iso-8859-1").encode("utf-8")


def _cp1252(rng):
    return article_html(rng, charset="utf-8").encode("cp1252", errors="replace")


def _cp1252_undeclared(rng):
    return article_html(rng).replace('<meta charset="utf-8">', "").encode("cp1252", errors="replace")


def _utf16_bom(rng):
    return article_html(rng, charset="utf-16").encode("utf-16")


def _utf16_no_bom(rng):
    return article_html(rng).encode(rng.choice(["utf-16-le", "utf-16-be"]))


def _utf32(rng):
    return article_html(rng).encode("utf-32")


def _truncated(rng):
    data = article_html(rng, paragraphs=8).encode("utf-8")
    return data[: rng.randint(1, len(data) - 1)]


def _deep(rng):
    depth = rng.choice([300, 1000, 5000])
    tag = rng.choice(["div", "span", "b", "li", "table"])
    return (f"<html><body>{f'<{tag}>' * depth}<p>{rng.choice(_SENTENCES)}</p>"
            f"{f'</{tag}>' * rng.choice([0, depth])}</body></html>").encode()


def _no_body(rng):
    return rng.choice([b"<html><head><title>Kosong</title></head></html>", b"<html></html>", b"<head><meta charset='utf-8'>",
                       b"", b"   \n\t ", b"<!-- hanya komentar -->", b"<?xml version='1.0'?><rss></rss>"])


def _binary(rng):
    magic = rng.choice([b"\x89PNG\r\n\x1a\n", b"\x1f\x8b\x08\x00", b"%PDF-1.7\n", b"GIF89a", b"PK\x03\x04", b""])
    return magic + bytes(rng.getrandbits(8) for _ in range(rng.randint(10, 4000)))


def _script_only(rng):
    code = "var x = '<p>bukan isi berita</p>';\n" * rng.randint(1, 200)
    return f"<html><head><script>{code}</script></head><body><script>{code}</script></body></html>".encode()


def _garbage_markup(rng):
    pieces = ["<div", ">", "</p>", "<p class='", "\"", "<![CDATA[", "]]>", "<table><tr><td>", "&#xD800;", "&bogus;",
              "\x00", "\x0b", "</html>", "<body>", rng.choice(_SENTENCES), "<a href='javascript:void(0)'>", "<br/>"]
    return "".join(rng.choice(pieces) for _ in range(rng.randint(50, 800))).encode("utf-8", errors="replace")


def _bad_metadata(rng):
    ld = rng.choice(['{"@type": "NewsArticle", "datePublished": "2024-13-45", "author": 42}',
                     '{"@type": ["NewsArticle"], "headline": null, "author": {"name": null}}',
                     '{"@graph": [[[[{"@type": "Article"}]]]]}', '{broken json', '[]', '"text"'])
    meta = rng.choice(['<meta property="article:published_time" content="0000-00-00">',
                       '<meta name="pubdate" content="kemarin sore">', '<link rel="canonical" href="javascript:alert(1)">'])
    html = article_html(rng).replace("</head>", f'<script type="application/ld+json">{ld}</script>{meta}</head>')
    return html.encode("utf-8")


def _str_input(rng):  # text with lone surrogates, NULs and an XML encoding declaration
    return '<?xml version="1.0" encoding="utf-8"?>' + article_html(rng).replace("Judul", "Judul\ud800\x00")


def _mutated(rng):
    data = bytearray(article_html(rng, paragraphs=10).encode("utf-8"))
    for _ in range(rng.randint(1, 60)):
        data[rng.randrange(len(data))] = rng.getrandbits(8)
    return bytes(data)


def _huge(rng):
    kind = rng.choice(["paragraphs", "script", "text"])
    if kind == "script":
        return b"<html><body><script>" + b"x" * HUGE_BYTES + b"</script>" + article_html(rng).encode() + b"</body></html>"
    if kind == "text":
        return b"kata " * (HUGE_BYTES // 5)
    para = f"<p>{_SENTENCES[0]}</p>".encode()
    return b"<html><body>" + para * (HUGE_BYTES // len(para)) + b"</body></html>"


KINDS = (_wrong_charset, _cp1252, _cp1252_undeclared, _utf16_bom, _utf16_no_bom, _utf32, _truncated, _deep,
         _no_body, _binary, _script_only, _garbage_markup, _bad_metadata, _str_input, _mutated)


def hostile_pages(count: int = 1000, seed: int = 7, huge: int = 3):
    """(name, page) pairs: COUNT pages cycling through the kinds, HUGE of them 20 MB."""
    rng = random.Random(seed)
    for n in range(count):
        maker = _huge if n < huge else KINDS[n % len(KINDS)]
        yield f"{n:04d}{maker.__name__}", maker(rng)


def run(count: int, huge: int) -> int:
    crashes, failures, slowest, start = [], 0, (0.0, ""), time.perf_counter()
    for name, page in hostile_pages(count, huge=huge):
        began = time.perf_counter()
        try:
            article = extract_article(page, f"https://uji.example/{name}")
        except Exception as exc:  # the point of the benchmark: count them instead of stopping
            crashes.append(f"{name}: {type(exc).__name__}: {exc}")
            continue
        spent = time.perf_counter() - began
        slowest = max(slowest, (spent, name))
        failures += article.error is not None
    elapsed = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{count} hostile pages ({huge} of 20 MB) in {elapsed:.1f}s: {len(crashes)} crashes, "
          f"{failures} recorded failures, slowest {slowest[0]:.2f}s ({slowest[1]}), peak RSS {peak_mb:.0f} MB")
    for line in crashes[:20]:
        print("  CRASH", line)
    return 1 if crashes else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--huge", type=int, default=3, help="how many of the pages are 20 MB")
    args = parser.parse_args()
    sys.exit(run(args.count, args.huge))
