# Interlock — the two commands of the quick start are `make run` and `make test`.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1
PORT   ?= 8000
MANAGE := $(BIN)/interlock

.PHONY: messages compile run test install migrate reference demo serve worker bench lint format types check clean

# pip -qq: quiet about warnings too (a machine's pip.conf may name index locations that do not
# exist, and pip warns about each); errors still show.
$(STAMP): requirements/base.txt requirements/dev.txt pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) is required (Python 3.11)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -qq --disable-pip-version-check uv==0.13.9
	$(BIN)/uv pip sync --quiet --python $(BIN)/python requirements/base.txt requirements/dev.txt
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

# Interface catalogues: `make messages` extracts new strings; .mo files are compiled, not kept.
messages: $(STAMP)
	$(BIN)/python -m tools.catalogue update

compile: $(STAMP)
	@$(BIN)/python -m tools.catalogue compile

migrate: compile
	$(MANAGE) migrate --no-input -v0

reference: migrate
	$(MANAGE) load_reference

demo: reference
	$(MANAGE) create_demo_accounts

run: demo
	$(MANAGE) collectstatic --no-input -v0
	@echo "Interlock is serving on http://$(HOST):$(PORT)/ (Ctrl-C stops it)"
	@echo "Reminder e-mails wait for the worker: run 'make worker' beside it, and 'interlock send_reminders' daily"
	$(BIN)/gunicorn interlock.wsgi:application -c python:interlock.gunicorn_conf \
	  --bind $(HOST):$(PORT) --workers 2 --threads 4 --access-logfile - --forwarded-allow-ips 127.0.0.1

worker: $(STAMP)
	$(MANAGE) db_worker

test: compile
	$(BIN)/python -m pytest -n 2 -q $(PYTEST_ARGS); status=$$?; [ $$status -eq 0 ] || [ $$status -eq 5 ] || exit $$status

bench: compile
	$(BIN)/python -m bench.run

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

types: $(STAMP)
	$(BIN)/mypy src

clean:
	rm -rf $(VENV) var/static
