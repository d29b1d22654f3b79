"""The API's documentation pages, ``/docs`` (Swagger UI) and ``/redoc`` (ReDoc), with their
scripts and styles served by the API itself.

FastAPI's own pages load Swagger UI and ReDoc from a CDN (and ReDoc its fonts from Google): on
a closed network they stay blank, and elsewhere they tell a third party who reads them. The
files come from the ``fastapi-offline`` package, which ships them; the pages are FastAPI's,
pointed at those files, with nothing else that reaches out (Swagger UI's online validator is
off). Each page also loads a stylesheet and a script of ours from the pages' folder
(``api/web/static/``) that hold it to WCAG 2.1 AA with no part left out: Swagger UI's colours
darkened and its selects and copy buttons named as they render; ReDoc started with a theme of
its options whose colours pass contrast, and its side menu's roles mended. The app is made with
``docs_url=None, redoc_url=None``; the OpenAPI document stays at ``app.openapi_url``.
"""

from __future__ import annotations

from html import escape
from importlib.resources import files
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

DOCS_URL = "/docs"
REDOC_URL = "/redoc"
# Under the pages' own /static, so it must be mounted before it (a mount answers every path
# below it, and the pages' folder has no docs/).
ASSETS_URL = "/static/docs"
ASSETS_DIR = Path(str(files("fastapi_offline") / "static"))

SWAGGER_UI_PARAMETERS: dict[str, Any] = {
    # Swagger UI sends the document to validator.swagger.io for a badge unless told not to.
    "validatorUrl": None,
    # A deep link is a link inside each operation's toggle button, which screen readers and
    # keyboards cannot reach as such (WCAG 4.1.2); the toggle is what a reader needs.
    "deepLinking": False,
    # Its highlighting colours (inline styles) fail WCAG contrast on its dark code blocks.
    "syntaxHighlight": False,
}

# What the pages may load: their own files, the app's document, and nothing from elsewhere,
# enforced by the browser. (ReDoc shows its maker's logo from a CDN: refused, it hides it.)
# Inline scripts and styles are FastAPI's start-up script and the viewers' own styling.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "worker-src 'self' blob:",
        "connect-src 'self'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ]
)

# Each viewer's stylesheet and script of ours, in the pages' folder (served at /static), that
# hold it to WCAG 2.1 AA.
SWAGGER_UI_STYLESHEET = "swagger-ui-accessible.css"
SWAGGER_UI_SCRIPT = "swagger-ui-accessible.js"
REDOC_STYLESHEET = "redoc-accessible.css"
REDOC_SCRIPT = "redoc-accessible.js"
# The mount that serves the pages' own folder (api.main mounts it as "static").
STATIC_ROUTE = "static"


def install_docs(app: FastAPI) -> None:
    """Serve Swagger UI at ``/docs`` and ReDoc at ``/redoc`` from the app's own files."""
    if app.openapi_url is None:
        raise ValueError("the documentation pages need the app's OpenAPI document")
    openapi_url = app.openapi_url
    app.mount(ASSETS_URL, StaticFiles(directory=ASSETS_DIR), name="docs-assets")

    @app.get(DOCS_URL, include_in_schema=False)
    async def swagger_ui(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        page = get_swagger_ui_html(
            openapi_url=f"{root}{openapi_url}",
            title=f"{app.title}: API documentation (Swagger UI)",
            swagger_js_url=f"{root}{ASSETS_URL}/swagger-ui-bundle.js",
            swagger_css_url=f"{root}{ASSETS_URL}/swagger-ui.css",
            swagger_favicon_url=f"{root}{ASSETS_URL}/favicon.png",
            swagger_ui_parameters=SWAGGER_UI_PARAMETERS,
        )
        return _with_assets(
            request, _html(page), stylesheet=SWAGGER_UI_STYLESHEET, script=SWAGGER_UI_SCRIPT
        )

    @app.get(REDOC_URL, include_in_schema=False)
    async def redoc(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        spec_url = f"{root}{openapi_url}"
        page = get_redoc_html(
            openapi_url=spec_url,
            title=f"{app.title}: API documentation (ReDoc)",
            redoc_js_url=f"{root}{ASSETS_URL}/redoc.standalone.js",
            redoc_favicon_url=f"{root}{ASSETS_URL}/favicon.png",
            with_google_fonts=False,
        )
        # ReDoc starts itself on a <redoc> element with its default theme; a plain element
        # lets the page's script start it with its options instead.
        html = _replace_once(
            _html(page),
            f'<redoc spec-url="{spec_url}"></redoc>',
            f'<div id="redoc" data-spec-url="{escape(spec_url)}"></div>',
        )
        return _with_assets(request, html, stylesheet=REDOC_STYLESHEET, script=REDOC_SCRIPT)


def _html(page: HTMLResponse) -> str:
    return bytes(page.body).decode()


def _static_url(request: Request, name: str) -> str:
    root = request.scope.get("root_path", "")
    return escape(f"{root}{request.app.url_path_for(STATIC_ROUTE, path=name)}")


def _with_assets(request: Request, html: str, *, stylesheet: str, script: str) -> HTMLResponse:
    """FastAPI's page with the language its text is in (screen readers need it), the pages'
    ``stylesheet`` after its own styles and ``script`` after its own scripts, and the policy
    that keeps it on this server."""
    html = _replace_once(html, "<html>", '<html lang="en">')
    link = f'<link rel="stylesheet" href="{_static_url(request, stylesheet)}">'
    html = _replace_once(html, "</head>", f"{link}\n</head>")
    tag = f'<script src="{_static_url(request, script)}"></script>'
    html = _replace_once(html, "</body>", f"{tag}\n</body>")
    return HTMLResponse(html, headers={"Content-Security-Policy": CONTENT_SECURITY_POLICY})


def _replace_once(html: str, old: str, new: str) -> str:
    """``html`` with its first ``old`` replaced; FastAPI's page no longer having it is a bug
    here, not a page to serve half made."""
    if old not in html:
        raise RuntimeError(f"FastAPI's documentation page no longer has {old!r}")
    return html.replace(old, new, 1)
