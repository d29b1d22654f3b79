"""FastAPI service: facility search and referral matching over the ``facilities`` alias.

Routes (``/docs`` has the full contract):

* ``GET /v1/facilities/search``: location (``lat``+``lon``, ``zip`` or ``near``), required
  ``services`` (default ``iop``), ``prefer``, ``payment``, ``ownership``, ``languages``,
  ``max_days_to_intake``, ``accepting_new_patients``, ``include_unknown|virtual|stale``,
  ``sort`` (best, distance, wait), ``facets``, ``cursor``; each hit says why it is there.
* ``GET /v1/facilities/{id}``: every field with provenance; ``/hsds``: Open Referral HSDS 3.0.
* ``POST /v1/referrals/match`` and ``GET /v1/referrals/sheet`` (HTML or CSV): patient needs
  in, ranked facilities and a printable sheet out; nothing logged or kept.
* ``GET /v1/export/hsds``: every facility as HSDS NDJSON, streamed.
* ``/healthz``, ``/readyz``, ``/metrics``; admin routes under :mod:`api.routes.admin`.

Layout: :mod:`api.search` is the library (request → query → explained hits, no HTTP);
:mod:`api.params` and :mod:`api.routes` are the thin HTTP layer over it.
"""
