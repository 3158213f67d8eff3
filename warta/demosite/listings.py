"""Non-article pages of the demo site: home, paginated section/tag/author listings, static pages."""
from __future__ import annotations

import functools

from warta.demosite import lexicon
from warta.demosite.render import SITE_NAME, display_date, esc, page_shell, template
from warta.demosite.stories import Story, slugify

PER_PAGE = 10


def _item(story: Story) -> str:
    return (f'<li class="news-item"><a class="title" href="{story.path}">{esc(story.title)}</a> '
            f'<time>{display_date(story)}</time><p class="excerpt">{esc(story.paragraphs[0][:160])}...</p></li>')


def _pager(base: str, page: int, last: int) -> str:
    links = []
    if page > 1:
        links.append(f'<a href="{_page_path(base, page - 1)}" rel="prev">&laquo; Sebelumnya</a>')
    for number in range(max(1, page - 2), min(last, page + 2) + 1):
        links.append(f'<span class="current">{number}</span>' if number == page
                     else f'<a href="{_page_path(base, number)}">{number}</a>')
    if page < last:
        links.append(f'<a href="{_page_path(base, page + 1)}" rel="next">Selanjutnya &raquo;</a>')
    return f'<nav class="pagination">{" ".join(links)}</nav>'


def _page_path(base: str, page: int) -> str:
    return base if page == 1 else f"{base}?page={page}"


def listing_pages(base: str, heading: str, intro: str, stories: list[Story], chrome: dict,
                  per_page: int = PER_PAGE) -> dict[str, str]:
    """Path -> HTML for a listing split into pages: base, base?page=2, ... with rel=prev/next links."""
    last = max(1, -(-len(stories) // per_page))
    pages = {}
    for page in range(1, last + 1):
        chunk = stories[(page - 1) * per_page: page * per_page]
        path = _page_path(base, page)
        head = [f'<link rel="canonical" href="{chrome["origin"]}{path}">',
                '<meta property="og:type" content="website">']
        if page > 1:
            head.append(f'<link rel="prev" href="{chrome["origin"]}{_page_path(base, page - 1)}">')
        if page < last:
            head.append(f'<link rel="next" href="{chrome["origin"]}{_page_path(base, page + 1)}">')
        main = template("listing.html").substitute(
            heading=esc(heading), intro=esc(intro), items="\n".join(_item(s) for s in chunk),
            pager=_pager(base, page, last) if last > 1 else "",
        )
        suffix = f" - Halaman {page}" if page > 1 else ""
        pages[path] = page_shell(chrome, title=f"{heading}{suffix} - {SITE_NAME}", description=intro,
                                 head="\n".join(head), main=main, body_class="page-listing")
    return pages


def home_page(stories: list[Story], chrome: dict) -> str:
    blocks = [f'<section class="headline"><h2>Berita Utama</h2><ul class="news-list">'
              f'{"".join(_item(s) for s in stories[:8])}</ul></section>']
    for slug, label, _ in lexicon.sections():
        picks = [s for s in stories if s.section == slug][:4]
        items = "".join(f'<li><a href="{s.path}">{esc(s.title)}</a></li>' for s in picks)
        blocks.append(f'<section class="section-block"><h2><a href="/kanal/{slug}">{esc(label)}</a></h2>'
                      f'<ul>{items}</ul><a class="more" href="/kanal/{slug}">Selengkapnya</a></section>')
    main = f'<main class="content home">{"".join(blocks)}</main>'
    head = f'<link rel="canonical" href="{chrome["origin"]}/">\n<meta property="og:type" content="website">'
    return page_shell(chrome, title=f"{SITE_NAME} - Berita Terkini dari Seluruh Nusantara",
                      description="Berita politik, hukum, daerah, ekonomi dan olahraga.", head=head, main=main,
                      body_class="page-home")


def section_pages(stories: list[Story], chrome: dict) -> dict[str, str]:
    pages = {}
    for slug, label, description in lexicon.sections():
        picks = [s for s in stories if s.section == slug]
        pages |= listing_pages(f"/kanal/{slug}", f"Kanal {label}", description, picks, chrome)
    return pages


def tag_pages(stories: list[Story], chrome: dict) -> dict[str, str]:
    by_tag: dict[str, list[Story]] = {}
    for story in stories:
        for tag in story.tags:
            by_tag.setdefault(tag, []).append(story)
    pages = {}
    for tag, picks in sorted(by_tag.items()):
        pages |= listing_pages(f"/tag/{slugify(tag)}", f"Tag: {tag}", f"Kumpulan berita dengan tag {tag}.",
                               picks, chrome, per_page=20)
    return pages


def author_pages(stories: list[Story], chrome: dict) -> dict[str, str]:
    pages = {}
    for author in sorted({s.author for s in stories}):
        picks = [s for s in stories if s.author == author]
        pages |= listing_pages(f"/penulis/{slugify(author)}", f"Penulis: {author}",
                               f"Berita yang ditulis {author} untuk {SITE_NAME}.", picks, chrome, per_page=20)
    return pages


@functools.lru_cache(maxsize=None)
def _static_texts() -> list[tuple[str, str, list[str]]]:
    """(path, heading, paragraphs) from data/static_pages.txt."""
    entries: list[tuple[str, str, list[str]]] = []
    for line in lexicon.word_list("static_pages.txt"):
        if line.startswith("== "):
            path, _, heading = line[3:].partition(" | ")
            entries.append((path.strip(), heading.strip(), []))
        else:
            entries[-1][2].append(line)
    return entries


def static_pages(chrome: dict) -> dict[str, str]:
    pages = {}
    for path, heading, paragraphs in _static_texts():
        body = "\n".join(f"<p>{esc(p)}</p>" for p in paragraphs)
        main = template("static_page.html").substitute(heading=esc(heading), body=body)
        head = f'<link rel="canonical" href="{chrome["origin"]}{path}">'
        pages[path] = page_shell(chrome, title=f"{heading} - {SITE_NAME}", description=paragraphs[0][:160],
                                 head=head, main=main, body_class="page-static")
    return pages
