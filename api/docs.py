"""The API's documentation pages, ``/docs`` (Swagger UI) and ``/redoc`` (ReDoc), with their
scripts and styles served by the API itself.

FastAPI's own pages load Swagger UI and ReDoc from a CDN (and ReDoc its fonts from Google): on
a closed network they stay blank, and elsewhere they tell a third party who reads them. The
files come from the ``fastapi-offline`` package, which ships them; the pages are FastAPI's,
pointed at those files, with nothing else that reaches out (Swagger UI's online validator is
off). The app is made with ``docs_url=None, redoc_url=None``; the OpenAPI document stays at
``app.openapi_url``.
"""

from __future__ import annotations

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

# Swagger UI's colours that fail WCAG 2.1 AA contrast (4.5:1), darkened until they pass; they
# follow its stylesheet, so they win by coming later.
SWAGGER_UI_CONTRAST = """
.swagger-ui .info .title small { background: #5b6270; }
.swagger-ui .info .title small.version-stamp { background: #4d7a00; }
.swagger-ui .info .base-url, .swagger-ui .info a, .swagger-ui .info .url { color: #1c62b9; }
.swagger-ui .btn.authorize { color: #1a7f4b; border-color: #1a7f4b; }
.swagger-ui .btn.authorize svg { fill: #1a7f4b; }
.swagger-ui .opblock.opblock-get .opblock-summary-method { background: #1f6fb8; }
.swagger-ui .opblock.opblock-post .opblock-summary-method { background: #1a7f4b; }
.swagger-ui .json-schema-2020-12-expand-deep-button { color: #555; }
.swagger-ui .parameter__in, .swagger-ui .parameter__extension { color: #555; }
.swagger-ui .btn.cancel { color: #c62828; border-color: #c62828; }
.swagger-ui .btn.execute { background: #1f6fb8; border-color: #1f6fb8; }
.swagger-ui .download-contents { background: #5b6270; }
"""
# A code sample that scrolls cannot be scrolled from the keyboard: it shows whole instead.
SWAGGER_UI_WRAPPING = """
.swagger-ui .highlight-code > .microlight { max-height: none; overflow: visible; }
"""


def install_docs(app: FastAPI) -> None:
    """Serve Swagger UI at ``/docs`` and ReDoc at ``/redoc`` from the app's own files."""
    if app.openapi_url is None:
        raise ValueError("the documentation pages need the app's OpenAPI document")
    openapi_url = app.openapi_url
    app.mount(ASSETS_URL, StaticFiles(directory=ASSETS_DIR), name="docs-assets")

    @app.get(DOCS_URL, include_in_schema=False)
    async def swagger_ui(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return _with_style(
            get_swagger_ui_html(
                openapi_url=f"{root}{openapi_url}",
                title=f"{app.title}: API documentation (Swagger UI)",
                swagger_js_url=f"{root}{ASSETS_URL}/swagger-ui-bundle.js",
                swagger_css_url=f"{root}{ASSETS_URL}/swagger-ui.css",
                swagger_favicon_url=f"{root}{ASSETS_URL}/favicon.png",
                swagger_ui_parameters=SWAGGER_UI_PARAMETERS,
            ),
            SWAGGER_UI_CONTRAST + SWAGGER_UI_WRAPPING,
        )

    @app.get(REDOC_URL, include_in_schema=False)
    async def redoc(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return _with_style(
            get_redoc_html(
                openapi_url=f"{root}{openapi_url}",
                title=f"{app.title}: API documentation (ReDoc)",
                redoc_js_url=f"{root}{ASSETS_URL}/redoc.standalone.js",
                redoc_favicon_url=f"{root}{ASSETS_URL}/favicon.png",
                with_google_fonts=False,
            ),
            "",
        )


def _with_style(page: HTMLResponse, css: str) -> HTMLResponse:
    """FastAPI's page with the language its text is in (screen readers need it), ``css``
    after its own styles, and the policy that keeps it on this server."""
    html = bytes(page.body).decode()
    html = html.replace("<html>", '<html lang="en">', 1)
    if css:
        html = html.replace("</head>", f"<style>{css}</style>\n</head>", 1)
    return HTMLResponse(
        html,
        status_code=page.status_code,
        headers={"Content-Security-Policy": CONTENT_SECURITY_POLICY},
    )
