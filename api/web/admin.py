"""The data staff's desk at ``/admin``: refresh runs and what they changed, each source's yield
and field coverage, the quarantine, stale facilities, and the serving index with a rollback.

Behind the API's admin keys (``IOP_ADMIN_API_KEY_HASHES``, :mod:`api.security`): a browser
signs in once with a key and carries a signed, expiring session cookie
(:mod:`api.web.admin_session`); a script may send ``X-API-Key`` instead. Runs are read with
the admin JSON route's own service (:func:`api.routes.admin.refresh_runs`), facilities and
indices through the index contract (:mod:`iop.indices`); a rollback is the contract's one
atomic alias move, asked for twice (a confirmation page first).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated, Any
from urllib.parse import parse_qsl

from elasticsearch import AsyncElasticsearch, NotFoundError
from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from api.deps import ElasticsearchDep
from api.routes.admin import refresh_runs
from api.security import (
    API_KEY_HEADER,
    AdminSettings,
    get_admin_settings,
    is_admin_key,
    key_hash,
)
from api.web.admin_session import (
    SESSION_COOKIE,
    SESSION_PATH,
    SESSION_SECONDS,
    new_session,
    read_session,
    same,
)
from api.web.admin_views import (
    CHART_RUNS,
    HELPERS,
    Run,
    parse_time,
    run_of,
    source_histories,
)
from api.web.render import page
from iop.facility import display_name
from iop.indices import ALIAS, INDEX_PATTERN, RUNS_INDEX, alias_move, rollback_target

router = APIRouter(include_in_schema=False)

RUNS_LISTED = 20
STALE_LISTED = 500
FORM_MAX_BYTES = 16_384
FORM_MAX_FIELDS = 20
# A desk page is private: never cached, never framed (the rollback form must not be clickable
# through someone else's page).
PRIVATE_HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": "frame-ancestors 'none'",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}
# Where a sign-in may return to: a desk page, nothing else.
DESK_PATH = re.compile(r"/admin(/[A-Za-z0-9_.\-/]*)?")
RUN_ID = re.compile(r"[A-Za-z0-9_.:\-]{1,64}")

# ---- access -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Desk:
    """Who is at the desk: ``refused`` is the page to answer instead when nobody is."""

    refused: HTMLResponse | None = None
    csrf: str | None = None  # the session's form token; None when a script sent X-API-Key

    @property
    def signed_in(self) -> bool:
        return self.csrf is not None


def desk_page(
    request: Request,
    template: str,
    *,
    status_code: int = 200,
    desk: Desk | None = None,
    **context: Any,
) -> HTMLResponse:
    desk = desk or Desk()
    response = page(
        request,
        template,
        status_code=status_code,
        signed_in=desk.signed_in,
        csrf=desk.csrf or "",
        **HELPERS,
        **context,
    )
    response.headers.update(PRIVATE_HEADERS)
    return response


def sign_in_page(
    request: Request,
    *,
    status_code: int = 401,
    error: str | None = None,
    notice: str | None = None,
    next_page: str = "/admin",
) -> HTMLResponse:
    response = desk_page(
        request,
        "admin_sign_in.html",
        status_code=status_code,
        error=error,
        notice=notice,
        next_page=next_page if DESK_PATH.fullmatch(next_page) else "/admin",
    )
    response.headers["WWW-Authenticate"] = "ApiKey"
    return response


def desk_off_page(request: Request) -> HTMLResponse:
    return desk_page(request, "admin_off.html", status_code=403)


async def desk_access(
    request: Request, settings: Annotated[AdminSettings, Depends(get_admin_settings)]
) -> Desk:
    """Every desk page's check: a session cookie, or ``X-API-Key`` (for scripts)."""
    hashes = settings.key_hashes
    if not hashes:
        return Desk(refused=desk_off_page(request))
    key = request.headers.get(API_KEY_HEADER)
    if key is not None:
        if is_admin_key(key, hashes):
            return Desk()
        return Desk(refused=sign_in_page(request, error="That is not an admin key."))
    cookie = request.cookies.get(SESSION_COOKIE)
    session = read_session(cookie, hashes)
    if session is None:
        notice = "Your sign-in has ended. Sign in again." if cookie else None
        back = request.url.path if request.method == "GET" else "/admin/index"
        return Desk(refused=sign_in_page(request, notice=notice, next_page=back))
    return Desk(csrf=session.csrf)


DeskDep = Annotated[Desk, Depends(desk_access)]


async def form_fields(request: Request) -> dict[str, str]:
    """A posted form's fields (``application/x-www-form-urlencoded``; the last value wins);
    none from a body larger or with more fields than a desk form sends."""
    body = await request.body()
    if len(body) > FORM_MAX_BYTES:
        return {}
    text = body.decode("utf-8", errors="replace")
    try:
        return dict(parse_qsl(text, keep_blank_values=True, max_num_fields=FORM_MAX_FIELDS))
    except ValueError:  # more fields than any desk form has
        return {}


def set_session_cookie(response: Response, request: Request, token: str) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=SESSION_SECONDS,
        path=SESSION_PATH,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )


@router.post("/admin", response_class=HTMLResponse)
async def sign_in(
    request: Request, settings: Annotated[AdminSettings, Depends(get_admin_settings)]
) -> Response:
    hashes = settings.key_hashes
    if not hashes:
        return desk_off_page(request)
    form = await form_fields(request)
    key, next_page = form.get("key", ""), form.get("next", "/admin")
    if not key.strip():
        return sign_in_page(request, error="Enter the admin key.", next_page=next_page)
    if not is_admin_key(key, hashes):
        return sign_in_page(request, error="That is not an admin key.", next_page=next_page)
    # The key's hash is the configured one it matched; the session is signed under it.
    session = new_session(key_hash(key))
    target = next_page if DESK_PATH.fullmatch(next_page) else "/admin"
    response = RedirectResponse(target, status_code=303)
    set_session_cookie(response, request, session.token)
    return response


@router.post("/admin/sign-out")
async def sign_out(request: Request) -> Response:
    response = RedirectResponse("/admin/signed-out", status_code=303)
    response.delete_cookie(
        SESSION_COOKIE,
        path=SESSION_PATH,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )
    return response


@router.get("/admin/signed-out", response_class=HTMLResponse)
async def signed_out(
    request: Request, settings: Annotated[AdminSettings, Depends(get_admin_settings)]
) -> HTMLResponse:
    if not settings.key_hashes:
        return desk_off_page(request)
    return sign_in_page(request, status_code=200, notice="You have signed out.")


# ---- refresh runs -------------------------------------------------------------------------


async def recent(es: AsyncElasticsearch, limit: int) -> list[Run]:
    """The latest refresh summaries, newest first, as ``GET /v1/admin/runs`` serves them."""
    return [run_of(summary) for summary in (await refresh_runs(es, limit)).runs]


@router.get("/admin", response_class=HTMLResponse)
async def runs_page(request: Request, desk: DeskDep, es: ElasticsearchDep) -> HTMLResponse:
    if desk.refused:
        return desk.refused
    runs = await recent(es, RUNS_LISTED)
    return desk_page(request, "admin_runs.html", desk=desk, runs=runs)


async def one_run(es: AsyncElasticsearch, run_id: str) -> Run | None:
    if not RUN_ID.fullmatch(run_id):
        return None
    # The index the admin route reads; a run's id is its document's id.
    try:
        response = await es.get(index=RUNS_INDEX, id=run_id)
    except NotFoundError:
        return None
    return run_of(response["_source"])


@router.get("/admin/runs/{run_id}", response_class=HTMLResponse)
async def run_page(
    request: Request, run_id: str, desk: DeskDep, es: ElasticsearchDep
) -> HTMLResponse:
    if desk.refused:
        return desk.refused
    run = await one_run(es, run_id)
    if run is None:
        return desk_page(
            request,
            "admin_message.html",
            status_code=404,
            desk=desk,
            title="No such refresh run",
            message="No refresh run has that id. It may be older than the runs kept.",
            back=("/admin", "See the refresh runs"),
        )
    return desk_page(request, "admin_run.html", desk=desk, run=run)


# ---- sources: yield and field coverage across runs ----------------------------------------


@router.get("/admin/sources", response_class=HTMLResponse)
async def sources_page(request: Request, desk: DeskDep, es: ElasticsearchDep) -> HTMLResponse:
    if desk.refused:
        return desk.refused
    runs = await recent(es, CHART_RUNS * 2)
    return desk_page(
        request, "admin_sources.html", desk=desk, sources=source_histories(runs), runs=runs
    )


@router.get("/admin/quarantine", response_class=HTMLResponse)
async def quarantine_page(request: Request, desk: DeskDep, es: ElasticsearchDep) -> HTMLResponse:
    if desk.refused:
        return desk.refused
    runs = [run for run in await recent(es, RUNS_LISTED) if run.sources]
    return desk_page(request, "admin_quarantine.html", desk=desk, runs=runs)


# ---- stale facilities ---------------------------------------------------------------------


@dataclass(frozen=True)
class StaleFacility:
    id: str
    name: str | None
    place: str
    missed_refreshes: int
    last_seen: datetime | None


@router.get("/admin/stale", response_class=HTMLResponse)
async def stale_page(request: Request, desk: DeskDep, es: ElasticsearchDep) -> HTMLResponse:
    if desk.refused:
        return desk.refused
    try:
        response = await es.search(
            index=ALIAS,
            query={"term": {"status": "stale"}},
            sort=[{"missed_refreshes": "desc"}, {"last_seen": "asc"}, {"id": "asc"}],
            size=STALE_LISTED,
            track_total_hits=True,
            source_includes=["id", "name", "operator", "address", "missed_refreshes", "last_seen"],
        )
    except NotFoundError:  # nothing indexed yet
        return desk_page(request, "admin_stale.html", desk=desk, indexed=False, stale=[], total=0)
    stale = []
    for hit in response["hits"]["hits"]:
        doc = hit["_source"]
        address = doc.get("address") or {}
        place = ", ".join(p for p in (address.get("city"), address.get("state")) if p)
        stale.append(
            StaleFacility(
                id=doc.get("id", hit["_id"]),
                name=display_name(doc.get("name"), doc.get("operator")),
                place=place,
                missed_refreshes=int(doc.get("missed_refreshes") or 0),
                last_seen=parse_time(doc.get("last_seen")),
            )
        )
    total = response["hits"]["total"]["value"]
    return desk_page(request, "admin_stale.html", desk=desk, indexed=True, stale=stale, total=total)


# ---- the serving index and rollback -------------------------------------------------------


@dataclass(frozen=True)
class IndexInfo:
    name: str
    documents: int
    created: datetime | None
    role: str


@dataclass(frozen=True)
class Indices:
    serving: str | None
    target: str | None  # what a rollback returns to
    listed: list[IndexInfo]

    def info(self, name: str | None) -> IndexInfo | None:
        return next((i for i in self.listed if i.name == name), None)


def role_of(name: str, serving: str | None, target: str | None) -> str:
    if name == serving:
        return "Serving every search"
    if name == target:
        return "Previous: a rollback returns to it"
    if serving is not None and name > serving:
        return "Newer, not serving (rolled back from)"
    return "Older, kept"


async def indices_state(es: AsyncElasticsearch) -> Indices:
    """The alias's indices, newest first, with their documents, creation and role."""
    created = (
        await es.indices.get_settings(
            index=INDEX_PATTERN, name="index.creation_date", expand_wildcards="open"
        )
    ).body
    try:
        serving = next(iter((await es.indices.get_alias(name=ALIAS)).body), None)
    except NotFoundError:
        serving = None
    names = sorted(created, reverse=True)
    target = rollback_target(names, serving) if serving else None
    listed = []
    for name in names:
        millis = created[name]["settings"]["index"].get("creation_date")
        documents = (await es.count(index=name))["count"]
        listed.append(
            IndexInfo(
                name=name,
                documents=documents,
                created=datetime.fromtimestamp(int(millis) / 1000, UTC) if millis else None,
                role=role_of(name, serving, target),
            )
        )
    return Indices(serving, target, listed)


@router.get("/admin/index", response_class=HTMLResponse)
async def index_page(request: Request, desk: DeskDep, es: ElasticsearchDep) -> HTMLResponse:
    if desk.refused:
        return desk.refused
    state = await indices_state(es)
    rolled_back = request.query_params.get("rolled_back") == "1"
    return desk_page(
        request, "admin_index.html", desk=desk, state=state, alias=ALIAS, rolled_back=rolled_back
    )


def unchanged_page(request: Request, desk: Desk, title: str, message: str) -> HTMLResponse:
    return desk_page(
        request,
        "admin_message.html",
        status_code=409,
        desk=desk,
        title=title,
        message=message,
        back=("/admin/index", "Back to the serving index"),
    )


@router.post("/admin/index/rollback", response_class=HTMLResponse)
async def rollback(request: Request, desk: DeskDep, es: ElasticsearchDep) -> Response:
    """The first POST asks for confirmation; the second, ``confirm=yes`` with the indices it
    was asked about, moves the alias, unless the serving index changed in between."""
    if desk.refused:
        return desk.refused
    form = await form_fields(request)
    if desk.csrf is not None and not same(form.get("csrf", ""), desk.csrf):
        return desk_page(
            request,
            "admin_message.html",
            status_code=403,
            desk=desk,
            title="This form has expired",
            message="The form was not made for your sign-in. Nothing was changed: "
            "open the serving index page again and use its button.",
            back=("/admin/index", "Back to the serving index"),
        )
    state = await indices_state(es)
    if state.serving is None or state.target is None:
        reason = (
            f"The alias {ALIAS} points at no index yet."
            if state.serving is None
            else f"{state.serving} is serving and no older index is kept."
        )
        reason += " Nothing was changed."
        return unchanged_page(request, desk, "Nothing to roll back to", reason)
    if form.get("confirm") != "yes":
        return desk_page(
            request,
            "admin_rollback_confirm.html",
            desk=desk,
            serving=state.info(state.serving),
            target=state.info(state.target),
        )
    asked = (form.get("from"), form.get("to"))
    changed = "The serving index changed since you were asked: {} serves now. Nothing was changed."
    if asked != (state.serving, state.target):
        return unchanged_page(request, desk, "Not rolled back", changed.format(state.serving))
    try:
        await es.indices.update_aliases(actions=alias_move(state.serving, state.target))
    except NotFoundError:  # the alias moved between the check and the call
        return unchanged_page(request, desk, "Not rolled back", changed.format("another index"))
    return RedirectResponse("/admin/index?rolled_back=1", status_code=303)
