# kansrijk — the two commands a newcomer needs are `make demo` and `make test`.
SHELL := /bin/bash
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' && { echo $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/kansrijk
PYTEST_ARGS ?=
# Two workers: CI has two cores.
PYTEST_WORKERS ?= 2

.PHONY: demo test test-sqlite test-postgres lint format bench bench-quick install install-test system-packages clean

$(BIN)/python:
	@test -n "$(PYTHON)" || { echo "Python 3.11 or newer is needed (python3.11, python3.12 …)."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@# deduce (story de-identification) builds its lookup cache on first use: do it once here
	$(BIN)/python -c "import deduce; deduce.Deduce()" >/dev/null 2>&1 || { \
		rm -rf $(VENV)/lib/python*/site-packages/deduce/data/lookup/cache; \
		$(BIN)/python -c "import deduce; deduce.Deduce()" >/dev/null; }
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

demo: install
	$(BIN)/kansrijk demo --port $(PORT)

system-packages:
	@scripts/ensure-system-packages.sh

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test-sqlite: install-test system-packages
	@echo "== Test suite on SQLite"
	env -u DATABASE_URL $(BIN)/pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

test-postgres: install-test system-packages
	@if $(BIN)/python scripts/pg_available.py "$(PG_URL)"; then \
		echo "== Test suite on PostgreSQL ($(PG_URL))"; \
		DATABASE_URL="$(PG_URL)" $(BIN)/pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS); \
	else \
		echo "== SKIPPING the PostgreSQL run: no PostgreSQL server answers at $(PG_URL)."; \
		echo "   Start one (or set PG_URL) to test on PostgreSQL too."; \
	fi

test: lint test-sqlite test-postgres

bench: install-test
	$(BIN)/python bench/run.py

bench-quick: install-test
	$(BIN)/python bench/run.py --quick

clean:
	rm -rf $(VENV) var/ .pytest_cache .ruff_cache
