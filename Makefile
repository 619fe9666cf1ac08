# SendGuard. Two commands are all a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
UV := $(BIN)/uv
UV_VERSION := 0.13.9
HOST ?= 127.0.0.1
PORT ?= 8000
# Tests use their own PostgreSQL database (created and dropped by the suite) on this server.
TEST_POSTGRES_URL ?= postgresql://postgres@127.0.0.1:5432/postgres

.PHONY: admin run serve install install-dev test test-sqlite lint format bench eval learn-eval fuzz load soak mutate migrate demo-data clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(UV): $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.installed: $(UV) requirements.lock pyproject.toml
	$(UV) pip install --quiet --python $(BIN)/python -r requirements.lock
	$(UV) pip install --quiet --python $(BIN)/python --no-deps -e .
	touch $@

$(VENV)/.installed-dev: $(UV) requirements-dev.lock pyproject.toml
	$(UV) pip install --quiet --python $(BIN)/python -r requirements-dev.lock
	$(UV) pip install --quiet --python $(BIN)/python --no-deps -e .
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# The admin console (Fluent web components) is bundled from frontend/admin into frontend/admin/dist.
ADMIN_SOURCES := $(wildcard frontend/admin/src/*.js frontend/admin/src/screens/*.js) frontend/admin/admin.css frontend/admin/index.html frontend/admin/build.mjs
ADMIN_BUNDLE := frontend/admin/dist/admin.js

## make run: install, migrate, load the demo tenant, serve on http://127.0.0.1:8000 (docs at /docs, admin at /admin)
run: install $(ADMIN_BUNDLE)
	AUTH_MODE=dev MAILBOX_PROVIDER=fake $(BIN)/python -m app.cli migrate
	AUTH_MODE=dev MAILBOX_PROVIDER=fake $(BIN)/python -m app.cli demo-data
	AUTH_MODE=dev MAILBOX_PROVIDER=fake UVICORN_HOST=$(HOST) PUBLIC_BASE_URL=$${PUBLIC_BASE_URL:-http://$(HOST):$(PORT)} \
		$(BIN)/uvicorn app.main:app --host $(HOST) --port $(PORT)

# Browser tests drive Debian's chromium through playwright-core (never `npx playwright install`).
CHROMIUM ?= /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

$(CHROMIUM):
	$(SUDO) apt-get update
	$(SUDO) apt-get install -y chromium fonts-wqy-microhei

# The add-in's JS test tools (office-addin-mock, office-addin-manifest, playwright-core), again when the lock changes.
frontend/node_modules/.package-lock.json: frontend/package-lock.json frontend/package.json
	npm ci --prefix frontend --no-audit --no-fund
	touch $@

$(ADMIN_BUNDLE): frontend/node_modules/.package-lock.json $(ADMIN_SOURCES)
	npm run --prefix frontend build

admin: $(ADMIN_BUNDLE)

## make test: install what the tests need and run the whole suite (add-in JS tests, then SQLite and PostgreSQL)
test: install-dev $(CHROMIUM) frontend/node_modules/.package-lock.json $(ADMIN_BUNDLE)
	npm test --prefix frontend
	TEST_POSTGRES_URL=$(TEST_POSTGRES_URL) $(BIN)/python -m pytest

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: install-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## make fuzz: the API fuzzer with many more examples per operation
fuzz: install-dev
	FUZZ_EXAMPLES=300 FUZZ_RANDOM=1 TEST_POSTGRES_URL=$(TEST_POSTGRES_URL) $(BIN)/python -m pytest tests/test_fuzz.py -q

## make mutate: mutation testing (mutmut) of app/analysis, app/checks, app/incidents, app/scheduling, app/auth;
## not part of `make test`. One mutmut run per package, judged by tests/<package> (bench/mutate.py), all within
## MUTATE_MINUTES; MUTATE_PACKAGES narrows it, e.g. MUTATE_PACKAGES=incidents. Results stay in build/mutate/<package>.
MUTATE_CHILDREN ?= 2
MUTATE_MINUTES ?= 30
MUTATE_PACKAGES ?=
mutate: install-dev
	$(BIN)/python -m bench.mutate --minutes $(MUTATE_MINUTES) --children $(MUTATE_CHILDREN) $(MUTATE_PACKAGES)
	$(BIN)/python -m bench.mutation_scores --write

## make load: HTTP load on loopback (bounded), figures into bench/RESULTS.md
load: install-dev
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(BIN)/python -m bench.load

## make soak: well-behaved users while a fault script sends hostile inputs and takes PostgreSQL away (black hole,
## outage, recovery); proves no scheduled send or incident was lost or doubled (bounded, loopback), into bench/RESULTS.md
soak: install-dev
	TEST_POSTGRES_URL=$(TEST_POSTGRES_URL) $(BIN)/python -m bench.soak

bench: install-dev
	$(BIN)/python -m bench.check_bench

## make learn-eval: learn a synthetic year of sent mail through the fake Graph and score it against its truth
learn-eval: install-dev
	$(BIN)/python -m bench.learn_eval --write

## make eval: recall and false warnings of the engine on the labelled drafts in tests/eval (fails under 97 % / over 3 %)
eval: install-dev
	$(BIN)/python -m bench.eval --write

clean:
	rm -rf $(VENV) data .pytest_cache .mypy_cache .ruff_cache
