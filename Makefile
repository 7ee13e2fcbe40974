# craftreview — make run · make test · make e2e · make bench
VENV ?= .venv
PY := $(VENV)/bin/python
FLASK := $(VENV)/bin/flask --app craftreview
PORT ?= 5000
PYTEST_ARGS ?=
# The suite runs on pytest-xdist workers (each with its own PostgreSQL database); 0 runs it in one process.
PYTEST_WORKERS ?= 2

.PHONY: run test e2e bench fuzz-full lint install install-runtime migrate seed clean-instance

# Two stamps: `make run` needs only the runtime requirements; tests and benchmarks add their tools.
PIP := $(PY) -m pip --disable-pip-version-check

$(VENV)/.runtime: requirements.txt
	@echo "==> [1/4] setting up the Python environment in $(VENV) (runtime requirements only; a minute or two the first time)"
	@test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) install --progress-bar off -r requirements.txt | grep -v '^Requirement already satisfied' || true
	@$(PY) -c "import flask, sqlalchemy, numpy" || (echo "installing the runtime requirements failed" >&2; exit 1)
	@touch $@

$(VENV)/.installed: $(VENV)/.runtime requirements-dev.txt
	@echo "==> installing the test tools (pytest, playwright, axe, ruff) into $(VENV)"
	$(PIP) install --progress-bar off -r requirements-dev.txt | grep -v '^Requirement already satisfied' || true
	@$(PY) -c "import pytest, playwright, axe_playwright_python" || (echo "installing the test tools failed" >&2; exit 1)
	@touch $@

install-runtime: $(VENV)/.runtime

install: $(VENV)/.installed

migrate: install-runtime
	@echo "==> [2/4] migrating the database"
	$(FLASK) migrate

seed: migrate
	@echo "==> [3/4] adding demo data if the database is empty (about a minute on first run)"
	$(FLASK) seed-demo --if-empty
	$(FLASK) rescore --if-missing
	@$(FLASK) search check > /dev/null || { echo "==> the search index differs from the database (an upgrade changed how text is indexed, or it is incomplete): rebuilding it"; $(FLASK) search rebuild; }

run: seed
	@echo "==> [4/4] craftreview is serving on http://127.0.0.1:$(PORT) (Ctrl+C to stop)"
	CRAFTREVIEW_PUBLIC_URL=$${CRAFTREVIEW_PUBLIC_URL:-http://127.0.0.1:$(PORT)} $(FLASK) run --host 127.0.0.1 --port $(PORT)

test: install
	$(PY) -m pytest -m "not e2e" -n $(PYTEST_WORKERS) --durations=15 $(PYTEST_ARGS)

# Full-page screenshots (1280 and 360 px) and the axe summary land here: look at them.
E2E_SCREENSHOTS ?= e2e-screenshots
e2e: install
	CRAFTREVIEW_E2E_SCREENSHOTS=$(E2E_SCREENSHOTS) $(PY) -m pytest tests/e2e -m e2e $(PYTEST_ARGS)

# The issue's full fuzz run: 300 examples per form and page on SQLite and PostgreSQL (hours on 2 cores;
# `make test` runs 40). Per-endpoint figures go to $(FUZZ_REPORT) and are printed as Markdown at the end.
FUZZ_REPORT ?= fuzz-report.tsv
fuzz-full: install
	rm -f $(FUZZ_REPORT)
	FUZZ_EXAMPLES=300 FUZZ_REPORT=$(FUZZ_REPORT) $(PY) -m pytest tests/fuzz -n $(PYTEST_WORKERS) $(PYTEST_ARGS)
	$(PY) -m bench.fuzz $(FUZZ_REPORT)

bench: install
	$(PY) -m bench.scoring
	$(PY) -m bench.search
	$(PY) -m bench.seed
	$(PY) -m bench.web
	$(PY) -m bench.writes

lint: install
	$(VENV)/bin/ruff check craftreview tests bench

clean-instance:
	rm -rf instance
