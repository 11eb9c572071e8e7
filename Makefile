# The commands people type. `make demo` and `make test` are the README's two commands.
PYTHON ?= python3
VENV := .venv
TOOLS := .tools
UV := $(TOOLS)/bin/uv
PY := $(VENV)/bin/python
PORT ?= 8000
HOST ?= 127.0.0.1

.PHONY: install demo demo-data serve test test-fast lint typecheck migrations-check check-deploy worker beat clean

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check "uv==0.13.9"

$(PY): pyproject.toml uv.lock | $(UV)
	UV_PROJECT_ENVIRONMENT=$(VENV) $(UV) sync --frozen --python $(PYTHON)
	@touch $(PY)

install: $(PY) ## set up the environment (.venv from uv.lock)

demo: install ## embedded demo: SQLite under var/, synthetic data, http://$(HOST):$(PORT)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py demo_data
	$(PY) manage.py runserver $(HOST):$(PORT)

demo-data: install
	$(PY) manage.py demo_data

test: install ## the whole suite; uses PostgreSQL/Redis when DATABASE_URL/CELERY_BROKER_URL are set
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: install
	$(VENV)/bin/mypy hdv trajecten aanbod deelname rapportage

migrations-check: install
	$(PY) manage.py makemigrations --check --dry-run

check-deploy: install
	DJANGO_DEBUG=false DJANGO_SECRET_KEY=ci-$$(date +%s)-a-long-random-secret-key-for-the-deploy-check-only \
	DJANGO_ALLOWED_HOSTS=hdv.example.org $(PY) manage.py check --deploy --fail-level WARNING

worker: install
	$(VENV)/bin/celery -A hdv worker --loglevel=INFO

beat: install
	$(VENV)/bin/celery -A hdv beat --loglevel=INFO

clean:
	rm -rf $(VENV) $(TOOLS) var/hdv.sqlite3*
