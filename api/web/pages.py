"""The referrer's pages: the search form at ``/``, results at ``/search``, a facility page, and
``/sheet``, which turns ticked results into the referral sheet.

Each page calls the service its JSON route calls (:func:`api.params.parse_search`,
:func:`api.search.service.search`), with the same parameter names: a results page's URL is the
search, to bookmark or send. A parameter the API would answer 422 comes back as the form with
the reason next to the field.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse

from api.deps import ElasticsearchDep, SettingsDep
from api.params import get_geocoder, parse_search
from api.routes.facilities import fetch_document
from api.search.service import search
from api.web import form, results
from api.web.facility_view import facility_sections
from api.web.render import page
from iop.documents import from_document
from iop.facility import display_name
from iop.geocoding import Geocoder

router = APIRouter(include_in_schema=False)
GeocoderDep = Annotated[Geocoder | None, Depends(get_geocoder)]
# What the sheet form carries over from the search: the criteria the sheet was made for.
SHEET_CRITERIA = ("lat", "lon", "zip", "near", "radius_miles", "services", "prefer", "payment")


def _form_context(query: dict[str, str], errors: dict[str, str]) -> dict[str, Any]:
    return {
        "query": query,
        "errors": errors,
        "form": form,
        "required": set(form.listed(query, "services") or ([] if "services" in query else ["iop"])),
        "preferred": set(form.listed(query, "prefer")),
        "payment": set(form.listed(query, "payment")),
    }


def _errors(error: RequestValidationError) -> dict[str, str]:
    """``{parameter: the reason in words}`` of a 422, for the form."""
    said: dict[str, str] = {}
    for problem in error.errors():
        name = str(problem["loc"][-1]) if problem.get("loc") else "near"
        said.setdefault(name, str(problem["msg"]).removeprefix("Value error, "))
    return said


@router.get("/", response_class=HTMLResponse)
async def search_form(request: Request) -> HTMLResponse:
    """The form, empty or filled in with a search to change (``/?near=…&services=…``)."""
    query = {k: v for k, v in form.api_query(request.query_params).items() if k != "cursor"}
    return page(request, "search_form.html", **_form_context(query, {}))


@router.get("/search", response_class=HTMLResponse)
async def results_page(
    request: Request, es: ElasticsearchDep, settings: SettingsDep, geocoder: GeocoderDep
) -> HTMLResponse:
    query = form.api_query(request.query_params)
    if not any(query.get(where) for where in ("near", "zip", "lat")):
        errors = {"near": "Enter a ZIP code, a city and state, or an address"}
        return page(request, "search_form.html", status_code=422, **_form_context(query, errors))
    try:
        parsed = await parse_search({**form.PAGE_DEFAULTS, **query}, settings, geocoder)
    except RequestValidationError as error:
        context = _form_context(query, _errors(error))
        return page(request, "search_form.html", status_code=422, **context)
    outcome = await search(es, parsed.request, settings.ranking, settings.max_radius_miles)
    links = form.SearchLinks(query)  # every link of the page changes this search
    return page(
        request,
        "results.html",
        **_form_context(query, {}),
        parsed=parsed,
        outcome=outcome,
        items=results.result_items(parsed.request, outcome.results, 1),
        first_number=1,
        continued="cursor" in query,
        next_page=links.link(cursor=outcome.next_cursor) if outcome.next_cursor else None,
        first_page=links.link() if "cursor" in query else None,
        map_svg=results.map_svg(
            parsed.origin.point,
            parsed.request.radius_miles,
            outcome.results,
            1,
            settings.map_tiles_url,
        ),
        facets=results.facet_choices(links, outcome),
        relaxations=results.relaxation_links(links, outcome),
        criteria=results.hidden_inputs([(k, v) for k, v in query.items() if k in SHEET_CRITERIA]),
        change_search=links.form(),
    )


@router.get("/sheet")
async def sheet(request: Request) -> RedirectResponse:
    """The ticked results' referral sheet: a form ticks ``ids`` once per program; the sheet
    takes them comma-separated, with the criteria and the language and format asked for."""
    ids = [i for i in request.query_params.getlist("ids") if i]
    query = {k: v for k, v in form.api_query(request.query_params).items() if k != "ids"}
    if not ids:  # nothing ticked: back to the results, on this site only
        back = urlsplit(request.headers.get("referer") or "/")
        same_site = not back.netloc or back.netloc == request.url.netloc
        target = f"{back.path or '/'}?{back.query}" if same_site and back.query else "/"
        return RedirectResponse(target if same_site else "/", status_code=303)
    return RedirectResponse(
        "/v1/referrals/sheet?" + urlencode({"ids": ",".join(ids), **query}), status_code=303
    )


@router.get("/facilities/{facility_id}", response_class=HTMLResponse)
async def facility_page(request: Request, facility_id: str, es: ElasticsearchDep) -> HTMLResponse:
    try:
        facility = from_document(await fetch_document(es, facility_id))
    except HTTPException as error:
        if error.status_code != 404:
            raise
        return page(request, "not_found.html", status_code=404)
    return page(
        request,
        "facility.html",
        facility=facility,
        name=display_name(facility.name, facility.operator) or facility.id,
        sections=facility_sections(facility),
    )
