"""A small hand-written Indonesian news site ("Kabar Pemilu") exercising every way the crawler discovers pages
and every kind of failure it must record."""
from __future__ import annotations

import time

from crawl_helpers import FIXTURES, html, xml

SITE = FIXTURES / "site"
MULTI = "/berita/2024/11/20/bawaslu-tegal-telusuri-politik-uang"
ARTICLES = {
    MULTI: None,
    "/berita/2024/11/19/kpu-tegal-distribusikan-logistik": (
        "KPU Kota Tegal Distribusikan Logistik ke 28 Kelurahan",
        "Komisi Pemilihan Umum (KPU) Kota Tegal mulai mendistribusikan kotak dan surat suara ke 28 kelurahan."),
    "/berita/2024/11/18/dkpp-periksa-ketua-kpps": (
        "DKPP Periksa Ketua KPPS yang Diadukan Tidak Netral",
        "Dewan Kehormatan Penyelenggara Pemilu (DKPP) menggelar sidang pemeriksaan terhadap seorang ketua KPPS."),
    "/berita/2024/11/17/gakkumdu-tangani-laporan-kampanye": (
        "Gakkumdu Tangani Laporan Kampanye di Tempat Ibadah",
        "Sentra Gakkumdu menerima laporan kampanye yang digelar di rumah ibadah pada akhir pekan lalu."),
    "/berita/2024/11/16/asn-tidak-netral-dilaporkan": (
        "Empat ASN Dilaporkan karena Unggah Dukungan di Media Sosial",
        "Empat aparatur sipil negara dilaporkan ke Bawaslu setelah mengunggah dukungan kepada calon bupati."),
    "/berita/2024/10/05/kpu-tetapkan-dpt": (
        "KPU Tetapkan DPT Pilkada Sebanyak 212.904 Pemilih",
        "KPU menetapkan daftar pemilih tetap dalam rapat pleno terbuka yang dihadiri saksi pasangan calon."),
    "/berita/2024/10/02/bawaslu-latih-pengawas-tps": (
        "Bawaslu Latih 1.120 Pengawas TPS",
        "Bawaslu menggelar bimbingan teknis bagi pengawas tempat pemungutan suara menjelang hari pencoblosan."),
    "/berita/2024/11/15/pengawas-ad-hoc-dilantik": (
        "Pengawas Ad Hoc Tingkat Kelurahan Dilantik",
        "Sebanyak 27 pengawas kelurahan dan desa dilantik di aula kantor wali kota, Jumat pagi."),
}
FAILING = {
    "/berita/2024/11/14/server-sibuk": "HTTP 500",
    "/berita/2024/11/13/tautan-berputar": "redirect",
    "/berita/2024/11/12/berita-dihapus": "HTTP 404",
    "/privat/berita/2024/11/11/draf-rilis": "robots",
    "/berita/2024/11/10/server-lambat": "timeout",
}
OLD = ("/berita/2024/10/05/kpu-tetapkan-dpt", "/berita/2024/10/02/bawaslu-latih-pengawas-tps")


def _article(title: str, lead: str) -> tuple:
    return html((SITE / "artikel.html").read_text(encoding="utf-8").format(title=title, lead=lead))


def _kanal(items: list[str], pager: str, suffix: str) -> tuple:
    links = "".join(f'<li><a href="{p}">Judul berita {i}</a></li>' for i, p in enumerate(items, 1))
    return html((SITE / "kanal.html").read_text(encoding="utf-8").format(items=links, pager=pager, suffix=suffix))


def news_sitemap(base: str, lastmods: dict[str, str]) -> str:
    entries = []
    for path in list(ARTICLES)[:4]:
        entries.append(
            f"<url><loc>{base}{path}</loc><lastmod>{lastmods.get(path, '2024-11-20T08:00:00+07:00')}</lastmod>"
            "<news:news><news:publication><news:name>Kabar Pemilu</news:name><news:language>id</news:language>"
            "</news:publication><news:publication_date>2024-11-20T07:00:00+07:00</news:publication_date>"
            "<news:title>Judul</news:title></news:news></url>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">' + "".join(entries) + "</urlset>")


def build_routes(base: str, lastmods: dict[str, str] | None = None) -> dict:
    routes = {path: _article(*spec) for path, spec in ARTICLES.items() if spec}
    for number in (1, 2, 3):
        page = html((SITE / f"artikel-tiga-halaman-{number}.html").read_text(encoding="utf-8")
                    .replace("{base}", base))
        routes[MULTI if number == 1 else f"{MULTI}?page={number}"] = page
    amp = "/berita/2024/11/16/asn-tidak-netral-dilaporkan"
    routes["/amp" + amp] = routes[amp]
    routes["/berita/2024/11/17/gakkumdu-tangani-laporan-kampanye?utm_source=rss&utm_medium=feed"] = \
        routes["/berita/2024/11/17/gakkumdu-tangani-laporan-kampanye"]
    routes["/berita/2024/11/14/server-sibuk"] = (500, {"Content-Type": "text/html"}, b"<h1>Galat server</h1>")
    loop = "/berita/2024/11/13/tautan-berputar"
    routes[loop] = (302, {"Location": loop + "?putar=1"}, b"")
    routes[loop + "?putar=1"] = (302, {"Location": loop}, b"")
    routes["/privat/berita/2024/11/11/draf-rilis"] = _article("Draf", "Draf rilis yang belum terbit.")

    def slow():
        time.sleep(2.5)
        return _article("Lambat", "Halaman yang terlalu lama dimuat.")

    routes["/berita/2024/11/10/server-lambat"] = slow
    routes["/robots.txt"] = (200, {"Content-Type": "text/plain"},
                             f"User-agent: *\nDisallow: /privat/\nSitemap: {base}/sitemap_index.xml\n".encode())
    routes["/sitemap_index.xml"] = xml(
        '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{base}/sitemap-news.xml</loc><lastmod>2024-11-20T08:00:00+07:00</lastmod></sitemap>"
        f"<sitemap><loc>{base}/sitemap-2024-10.xml.gz</loc><lastmod>2024-10-06T00:00:00+07:00</lastmod></sitemap>"
        "</sitemapindex>")
    routes["/sitemap-news.xml"] = xml(news_sitemap(base, lastmods or {}))
    routes["/sitemap-2024-10.xml.gz"] = xml(
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + "".join(f"<url><loc>{base}{p}</loc><lastmod>2024-10-05T10:00:00Z</lastmod></url>" for p in OLD)
        + "</urlset>", gz=True)
    routes["/rss.xml"] = (200, {"Content-Type": "application/rss+xml"}, (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Kabar Pemilu</title>'
        f"<item><title>Gakkumdu</title><link>{base}/berita/2024/11/17/gakkumdu-tangani-laporan-kampanye"
        "?utm_source=rss&amp;utm_medium=feed</link><pubDate>Sun, 17 Nov 2024 09:00:00 +0700</pubDate></item>"
        f"<item><title>ASN</title><link>{base}/amp{amp}</link>"
        "<pubDate>Sat, 16 Nov 2024 09:00:00 +0700</pubDate></item>"
        "</channel></rss>").encode())
    routes["/atom.xml"] = (200, {"Content-Type": "application/atom+xml"}, (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Kabar</title>'
        f'<entry><title>DKPP</title><link href="{base}/berita/2024/11/18/dkpp-periksa-ketua-kpps"/>'
        "<updated>2024-11-18T10:00:00+07:00</updated></entry></feed>").encode())
    routes["/kanal/pemilu"] = _kanal([amp, *FAILING], '<a href="/kanal/pemilu?page=2">Berikutnya</a>', "")
    routes["/kanal/pemilu?page=2"] = _kanal(["/berita/2024/11/15/pengawas-ad-hoc-dilantik",
                                             "/berita/2024/11/19/kpu-tegal-distribusikan-logistik"], "", " (2)")
    return routes


def sources_toml(base: str) -> str:
    return f"""
[[source]]
name = "kabar"
domains = ["127.0.0.1"]
sitemaps = ["{base}/sitemap_index.xml"]
feeds = ["{base}/rss.xml", "{base}/atom.xml"]
sections = ["{base}/kanal/pemilu"]
article_patterns = ['/berita/\\d{{4}}/\\d{{2}}/\\d{{2}}/[a-z0-9-]+$',
                    '/berita/\\d{{4}}/\\d{{2}}/\\d{{2}}/[a-z0-9-]+\\?utm']
follow_patterns = ['/kanal/pemilu\\?page=\\d+$']
"""
