"""The pages people use: search, results, a facility, and the data staff's desk.

Server-rendered (Jinja2) on the same services the JSON routes call, so a page and the API
never disagree; every asset is served by the app itself (``/static``), no CDN. Pages work
without JavaScript (plain forms and links); ``static/app.js`` only improves them.
"""
