# The targets the README names. Everything installs itself into .venv and .cache.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: help install browser demo test test-cluster lint typecheck es-start es-stop lock clean bench bench-crawl bench-index bench-api soak

help:
	@echo "make demo   set up, start Elasticsearch and the API replica, crawl, index, serve :8000"
	@echo "make test   set up, start Elasticsearch and install Chromium if missing, run the test suite"
	@echo "make test-cluster  three Elasticsearch nodes on loopback: searches while a node is down"
	@echo "make lint   ruff; make typecheck: mypy strict on iop/, indexer/, api/ and cli/"
	@echo "make lock   re-resolve requirements.lock from pyproject.toml"
	@echo "make bench  every benchmark, one after the other: bench-crawl, bench-index, bench-api"
	@echo "make soak   10 minutes of mixed load on the API through two rebuilds: 0 errors, memory +10% at most"

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(STAMP)

# The page tests drive Debian's Chromium through Playwright (Playwright's own browser download
# is not used). Installed with apt when missing: as root, or through sudo.
CHROMIUM := /usr/bin/chromium

browser:
	@if [ ! -x $(CHROMIUM) ]; then \
		if [ "$$(id -u)" = 0 ]; then sudo=; \
		elif command -v sudo >/dev/null 2>&1; then sudo=sudo; \
		else \
			echo "make browser: $(CHROMIUM) is missing and this user can neither install it nor sudo;" >&2; \
			echo "  as root run: apt-get update && apt-get install -y --no-install-recommends chromium" >&2; \
			exit 1; \
		fi; \
		echo "make browser: installing Debian's chromium for the page tests"; \
		$$sudo apt-get update && \
		DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y --no-install-recommends chromium; \
	fi

es-start: install
	$(BIN)/iop es start

es-stop: install
	$(BIN)/iop es stop

demo: es-start
	$(BIN)/iop demo

test: es-start browser
	$(BIN)/pytest

# Three Elasticsearch nodes of its own on loopback (512 MB heaps), stopped at the end: searches
# and rebuilds while a node is down (tests/cluster, marker `cluster`; a few minutes).
test-cluster: install
	$(BIN)/pytest -m cluster tests/cluster

# Benchmarks print numbers; run them one at a time on an otherwise idle machine.
bench: bench-crawl bench-index bench-api

bench-crawl: install
	$(BIN)/python bench/crawl_websites.py
	$(BIN)/python bench/crawl_sources.py

bench-index: es-start
	$(BIN)/python bench/index_bench.py

bench-api: es-start
	$(BIN)/python bench/api_bench.py

# Not in `make bench` nor `make test`: ten minutes (bench/soak.py --minutes N for fewer) of
# searches, facility views, matches and sheets through two rebuilds; exits 1 on any error or
# if the API's memory grew more than 10% from the first minute to the last.
soak: es-start
	$(BIN)/python bench/soak.py

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install
	$(BIN)/mypy --strict iop indexer api cli

# requirements.lock: everything, development tools included (make install). Then
# requirements-runtime.lock: the same versions (constrained by the first), without the dev
# extra, plus the build backend: what the Docker image installs.
lock:
	$(BIN)/pip-compile --quiet --generate-hashes --extra dev --strip-extras --no-emit-index-url \
		--no-emit-find-links --allow-unsafe -o requirements.lock pyproject.toml
	$(BIN)/pip-compile --quiet --generate-hashes --strip-extras --no-emit-index-url \
		--no-emit-find-links --allow-unsafe --build-deps-for wheel -c requirements.lock \
		-o requirements-runtime.lock pyproject.toml

clean:
	-$(BIN)/iop es stop
	rm -rf $(VENV) .cache var
