"""Renders one story as article page(s) of Warta Nusantara: full site chrome around the body."""
from __future__ import annotations

import functools
import html
import json
import random
from pathlib import Path
from string import Template
from urllib.parse import quote

from warta.demosite import lexicon
from warta.demosite.fillers import long_date
from warta.demosite.stories import Story, slugify

SITE_NAME = "Warta Nusantara"
SITE_HOST = "wartanusantara.test"
TEMPLATE_DIR = Path(__file__).with_name("templates")
MULTIPAGE_EVERY = 17  # every 17th story is split over two pages, as long features are on real sites


def esc(text: str) -> str:
    return html.escape(text, quote=True)


@functools.lru_cache(maxsize=None)
def template(name: str) -> Template:
    return Template((TEMPLATE_DIR / name).read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=None)
def menu_html() -> str:
    return "\n".join(f'<li><a href="/kanal/{slug}">{esc(label)}</a></li>' for slug, label, _ in lexicon.sections())


def section_label(slug: str) -> str:
    return next(label for s, label, _ in lexicon.sections() if s == slug)


def page_shell(chrome: dict, *, title: str, description: str, head: str, main: str, body_class: str) -> str:
    """The layout around any page; `chrome` carries origin, popular and trending fragments shared by all pages."""
    return template("layout.html").substitute(
        page_title=esc(title), description=esc(description), head=head, main=main, body_class=body_class,
        menu=menu_html(), origin=chrome["origin"], popular=chrome["popular"], trending=chrome["trending"],
    )


def display_date(story: Story) -> str:
    weekdays, _ = lexicon.calendar()
    day = story.published
    return f"{weekdays[day.weekday()]}, {long_date(day.date())} | {day:%H:%M} WIB"


def share_buttons(url: str, title: str) -> str:
    u, t = quote(url, safe=""), quote(title, safe="")
    return (
        f'<a class="share-fb" href="https://www.facebook.com/sharer/sharer.php?u={u}" rel="nofollow">Facebook</a> '
        f'<a class="share-x" href="https://twitter.com/intent/tweet?url={u}&amp;text={t}" rel="nofollow">X</a> '
        f'<a class="share-wa" href="https://api.whatsapp.com/send?text={t}%20{u}" rel="nofollow">WhatsApp</a> '
        f'<a class="share-tg" href="https://t.me/share/url?url={u}" rel="nofollow">Telegram</a> '
        '<button class="copy-link" type="button">Salin tautan</button>'
    )


def _baca_juga(rng: random.Random, linked: list[Story]) -> str:
    """One "Baca juga" box in one of the shapes outlets use (classed paragraph, list box, bare paragraph)."""
    links = [f'<a href="{s.path}">{esc(s.title)}</a>' for s in linked]
    shape = rng.randrange(3)
    if shape == 0:
        return f'<p class="baca-juga"><strong>Baca juga:</strong> {links[0]}</p>'
    if shape == 1:
        items = "".join(f"<li>{link}</li>" for link in links)
        return f'<div class="box-baca-juga"><span class="label">Baca Juga</span><ul>{items}</ul></div>'
    return f"<p><strong>Baca juga: </strong>{links[0]}</p>"


def body_html(rng: random.Random, story: Story, paragraphs: list[str], related: list[Story], first_page: bool) -> str:
    parts = []
    for number, text in enumerate(paragraphs):
        if number == 0 and first_page:
            parts.append(f"<p><strong>{esc(story.dateline)}, {SITE_HOST}</strong> - {esc(text)}</p>")
        else:
            parts.append(f"<p>{esc(text)}</p>")
        if number == 1 and related:
            parts.append(_baca_juga(rng, related[:2]))
        elif number == 2:
            parts.append('<div class="ads-inline"><span>ADVERTISEMENT</span></div>')
        elif number == 4 and len(related) > 2:
            parts.append(_baca_juga(rng, related[2:4]))
    return "\n".join(parts)


def comments_html(rng: random.Random, story: Story) -> tuple[int, str]:
    count = rng.randint(0, 4)
    names, texts = lexicon.word_list("commenters.txt"), lexicon.word_list("comments.txt")
    items = []
    for number in range(count):
        stamp = story.published.replace(hour=min(23, story.published.hour + number + 1))
        items.append(
            f'<div class="comment"><span class="comment-author">{esc(rng.choice(names))}</span> '
            f'<time>{stamp:%d/%m/%Y %H:%M}</time><p>{esc(rng.choice(texts))}</p></div>'
        )
    return count, "\n".join(items) or '<p class="no-comments">Belum ada komentar. Jadilah yang pertama!</p>'


def json_ld(story: Story, url: str, origin: str, image: str) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "headline": story.title,
        "image": [image],
        "datePublished": story.published.isoformat(),
        "dateModified": story.published.isoformat(),
        "author": {"@type": "Person", "name": story.author},
        "editor": {"@type": "Person", "name": story.editor},
        "publisher": {"@type": "Organization", "name": SITE_NAME,
                      "logo": {"@type": "ImageObject", "url": f"{origin}/static/logo.png"}},
        "articleSection": section_label(story.section),
        "keywords": story.tags,
        "description": story.paragraphs[0][:200],
    }
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


def article_head(story: Story, url: str, origin: str, image: str, rel_links: str) -> str:
    title, summary = esc(story.title), esc(story.paragraphs[0][:200])
    return "\n".join([
        f'<link rel="canonical" href="{url}">',
        '<meta property="og:type" content="article">',
        f'<meta property="og:title" content="{title}">',
        f'<meta property="og:description" content="{summary}">',
        f'<meta property="og:url" content="{url}">',
        f'<meta property="og:image" content="{image}">',
        f'<meta property="og:site_name" content="{SITE_NAME}">',
        f'<meta property="article:published_time" content="{story.published.isoformat()}">',
        f'<meta property="article:section" content="{esc(section_label(story.section))}">',
        f'<meta name="author" content="{esc(story.author)}">',
        f'<meta name="keywords" content="{esc(", ".join(story.tags))}">',
        rel_links,
        f'<script type="application/ld+json">{json_ld(story, url, origin, image)}</script>',
    ])


def _pager(story: Story, page: int) -> str:
    first, second = story.path, f"{story.path}?page=2"
    if page == 1:
        return (f'<div class="article-pages">Halaman: <span class="current">1</span> <a href="{second}">2</a> '
                f'<a href="{second}" rel="next">Selanjutnya &raquo;</a></div>')
    return (f'<div class="article-pages">Halaman: <a href="{first}" rel="prev">&laquo; Sebelumnya</a> '
            f'<a href="{first}">1</a> <span class="current">2</span></div>')


def render_story(story: Story, related: list[Story], chrome: dict) -> dict[str, str]:
    """Path -> HTML for the story's page(s): one page, or two for every MULTIPAGE_EVERY-th long story."""
    rng = random.Random(f"warta-demo-render:{story.story_id}")
    origin = chrome["origin"]
    image = f"{origin}/img/{story.published:%Y/%m/%d}/{story.story_id}.jpg"
    paragraphs = story.paragraphs
    split = len(paragraphs) // 2 if story.index % MULTIPAGE_EVERY == 5 and len(paragraphs) >= 6 else 0
    chunks = [paragraphs[:split], paragraphs[split:]] if split else [paragraphs]
    pages = {}
    for page, chunk in enumerate(chunks, start=1):
        path = story.path if page == 1 else f"{story.path}?page={page}"
        url = origin + path
        rel_links = ""
        if len(chunks) > 1:
            rel_links = (f'<link rel="next" href="{origin}{story.path}?page=2">' if page == 1
                         else f'<link rel="prev" href="{origin}{story.path}">')
        count, comments = comments_html(rng, story)
        main = template("article.html").substitute(
            section=story.section, section_label=esc(section_label(story.section)), story_id=story.story_id,
            title=esc(story.title), title_attr=esc(story.title), author=esc(story.author),
            author_slug=slugify(story.author), editor=esc(story.editor),
            iso_date=story.published.isoformat(), display_date=display_date(story),
            share=share_buttons(url, story.title), image=image, caption=esc(story.caption),
            photographer=esc(story.author.split()[0]),
            body=body_html(rng, story, chunk, related, first_page=page == 1),
            pager=_pager(story, page) if len(chunks) > 1 else "",
            tags=" ".join(f'<a href="/tag/{slugify(t)}">{esc(t)}</a>' for t in story.tags),
            related="\n".join(f'<li><a href="{s.path}">{esc(s.title)}</a> <time>{display_date(s)}</time></li>'
                              for s in related),
            comment_count=count, comments=comments,
        )
        suffix = "" if page == 1 else f" (Halaman {page})"
        pages[path] = page_shell(
            chrome, title=f"{story.title}{suffix} - {SITE_NAME}", description=story.paragraphs[0][:200],
            head=article_head(story, url, origin, image, rel_links), main=main, body_class="page-article",
        )
    return pages
