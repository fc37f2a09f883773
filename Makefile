# The two commands: `make run` and `make test`. Both set everything up on a fresh clone and are fast the
# second time (each step is skipped when its inputs have not changed).

PYTHON ?= python3
UV_VERSION := 0.13.9
VENV := .venv
PY := $(VENV)/bin/python
UV := .tools/bin/uv
HOST ?= 127.0.0.1
PORT ?= 8000
PO_FILES := $(wildcard locale/*/LC_MESSAGES/django.po locale/vendor/*/LC_MESSAGES/django.po)
MO_STAMP := var/.messages-compiled
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run dev test setup db db-force messages makemessages lint format check-deploy system-deps bench ci clean

run: setup db ## Set up and serve the site on http://127.0.0.1:8000 (SQLite, tasks inline, mail to var/mail)
	@echo "Serving on http://$(HOST):$(PORT)/ (mail goes to var/mail/, admin at /admin/)"
	$(PY) manage.py runserver --noreload --skip-checks $(HOST):$(PORT)

dev: setup db ## As `make run`, reloading the server when the code changes
	$(PY) manage.py runserver $(HOST):$(PORT)

test: setup system-deps lint ## Set up and run the whole suite (unit, integration, browser)
	$(PY) -m pytest $(PYTEST_ARGS)

setup: $(VENV)/.synced $(MO_STAMP)

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.synced: uv.lock pyproject.toml | $(UV)
	$(UV) sync --frozen --quiet
	@touch $@

$(MO_STAMP): $(PO_FILES) | $(VENV)/.synced
	@mkdir -p var
	$(PY) manage.py translations compile
	@touch $@

# Migrate and seed (idempotent: it never loses data). Skipped while the database exists and no migration,
# seed data or locked dependency is newer than the last run.
DB_STAMP := var/.db-ready
DB_INPUTS := uv.lock $(wildcard */migrations/*.py) $(wildcard */*/migrations/*.py) $(wildcard volunteers/data/*) volunteers/reference.py volunteers/stages_default.py \
	volunteers/clubs/crafts.py volunteers/reporting/wages.py volunteers/reporting/data/wages.csv \
	$(wildcard volunteers/services/*.py) volunteers/reference_consent.py cms/services.py \
	events/services/days.py events/services/demo.py cms/demo.py cms/demo_training.py cms/demo_path.py cms/demo_mentoring.py cms/demo_clubs.py cms/demo_figures.py cms/images.py
db: setup
	@if [ -n "$$DATABASE_URL" ] || [ ! -f var/db.sqlite3 ] || [ ! -f $(DB_STAMP) ] \
		|| [ -n "$$(find $(DB_INPUTS) -newer $(DB_STAMP) 2>/dev/null | head -n 1)" ]; then \
		echo "$(PY) manage.py seed --migrate"; $(PY) manage.py seed --migrate && touch $(DB_STAMP); \
	else echo "Database up to date (make db-force migrates and seeds anyway)."; fi

db-force: setup
	$(PY) manage.py seed --migrate && touch $(DB_STAMP)

makemessages: $(VENV)/.synced ## Extract the project's strings into locale/ (needs GNU gettext)
	$(PY) manage.py makemessages -l kk -l ru -l en --no-location --no-obsolete \
		--ignore='.venv/*' --ignore='.tools/*' --ignore='var/*' --ignore='tests/*' --ignore='locale/*'
	$(PY) manage.py translations fill-source

lint: $(VENV)/.synced ## ruff: lint and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.synced
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

check-deploy: setup ## The production checks, with a throw-away production environment
	DJANGO_ENV=production SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(64))') \
		ALLOWED_HOSTS=volunteers.example.kz $(PY) manage.py check --deploy --fail-level WARNING

# The browser tests need Debian's chromium, the Celery tests a real redis-server, the PDFs DejaVu fonts.
SYSTEM_PACKAGES := chromium redis-server fonts-dejavu-core
system-deps:
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v redis-server >/dev/null || missing="$$missing redis-server"; \
	[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="$$missing fonts-dejavu-core"; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "Installing Debian packages:$$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
		else \
			echo "Missing Debian packages:$$missing (run: sudo apt-get install$$missing)"; exit 1; \
		fi; \
	fi

bench: setup ## Benchmarks (figures for the issue notes)
	$(PY) bench/run.py
	$(PY) bench/events.py
	$(PY) bench/training.py
	$(PY) bench/stages.py
	$(PY) bench/mentoring.py --mode both
	$(PY) bench/clubs.py
	$(PY) bench/reporting.py

ci: ## What CI runs: the suite on SQLite, then on a real PostgreSQL
	bash .ci/run

clean:
	rm -rf $(VENV) .tools var
