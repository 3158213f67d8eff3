"""Response headers that keep crawled content inert, and error pages for CSRF failures and forbidden actions."""
from __future__ import annotations

import logging

from flask import Flask, render_template
from flask_wtf.csrf import CSRFError

LOG = logging.getLogger(__name__)

# No inline script or style at all: even if some markup slipped through escaping, the browser would not run it.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; "
       "frame-ancestors 'none'; base-uri 'none'")


def install(app: Flask) -> None:
    @app.after_request
    def harden(response):
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Referrer-Policy"] = "same-origin"  # CSRF referrer check over HTTPS needs it
        response.headers["Cache-Control"] = "no-store"
        return response

    @app.errorhandler(CSRFError)
    def csrf_failed(exc):
        LOG.warning("refused a form without a valid CSRF token: %s", exc.description)
        return render_template("error.html", title="Form refused",
                               message=f"{exc.description} Reload the page and try again."), 400

    @app.errorhandler(403)
    def forbidden(_exc):
        return render_template("error.html", title="Not allowed",
                               message="Your role may read but not decide. Ask for a monitor account."), 403

    @app.errorhandler(404)
    def not_found(_exc):
        return render_template("error.html", title="Not found", message="No such page or article."), 404
