"""A generated local Indonesian news site ("Warta Nusantara") for demos, crawler tests and benchmarks."""
from warta.demosite.server import serve_site
from warta.demosite.site import BROKEN_PATH, MISSING_PATH, SITE_ORIGIN, article_paths, build_site

__all__ = ["build_site", "serve_site", "article_paths", "BROKEN_PATH", "MISSING_PATH", "SITE_ORIGIN"]
