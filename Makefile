# craftreview — make run · make test · make e2e · make bench
VENV ?= .venv
PY := $(VENV)/bin/python
FLASK := $(VENV)/bin/flask --app craftreview
PORT ?= 5000
PYTEST_ARGS ?=

.PHONY: run test e2e bench lint install migrate seed clean-instance

$(VENV)/.installed: requirements.txt requirements-dev.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

migrate: install
	$(FLASK) migrate

seed: migrate
	$(FLASK) seed-demo --if-empty
	$(FLASK) rescore --if-missing

run: seed
	@echo "craftreview is serving on http://127.0.0.1:$(PORT) (Ctrl+C to stop)"
	$(FLASK) run --host 127.0.0.1 --port $(PORT)

test: install
	$(PY) -m pytest -m "not e2e" $(PYTEST_ARGS)

e2e: install
	$(PY) -m pytest tests/e2e -m e2e $(PYTEST_ARGS)

bench: install
	$(PY) -m bench.scoring
	$(PY) -m bench.search
	$(PY) -m bench.seed
	$(PY) -m bench.web

lint: install
	$(VENV)/bin/ruff check craftreview tests bench

clean-instance:
	rm -rf instance
