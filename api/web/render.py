"""The pages' templates: one Jinja2 environment, and a page as an HTML response."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

HERE = Path(__file__).parent
STATIC_DIR = HERE / "static"

templates = Environment(
    loader=FileSystemLoader(HERE / "templates"),
    autoescape=select_autoescape(["html"]),
    undefined=StrictUndefined,
    auto_reload=False,  # templates ship with the code: no stat of each on every page
    trim_blocks=True,
    lstrip_blocks=True,
)


def page(
    request: Request, template: str, *, status_code: int = 200, **context: Any
) -> HTMLResponse:
    """A page: ``template`` rendered with ``context``, the request's path for the navigation."""
    html = templates.get_template(template).render(path=request.scope["path"], **context)
    return HTMLResponse(html, status_code=status_code)
