# Essex SEND Local Offer. `make run` serves the site; `make test` runs every test.
SHELL := /bin/bash
# Python may write bytecode: a shell with PYTHONDONTWRITEBYTECODE set would have every test
# process rewrite every test module's asserts and compile the app again (6 s each, several times a run).
unexport PYTHONDONTWRITEBYTECODE
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
FLASK := $(VENV)/bin/flask --app wsgi
PORT ?= 5000
WORKERS ?= 2
PYTEST_WORKERS ?= 2

.PHONY: help run test install assets translations messages db-upgrade demo search-rebuild bench audit clean

help:
	@echo "make run    - install, migrate, load demo data, index and serve on http://127.0.0.1:$(PORT)"
	@echo "make test   - install test tools and run the whole test suite"
	@echo "make bench  - benchmarks, every figure next to its target (N=5000; see bench/README.md)"
	@echo "make audit  - known vulnerabilities in the pinned Python and npm dependencies"

$(VENV)/.installed: requirements.txt
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.test-installed: $(VENV)/.installed requirements-test.txt
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

install: $(VENV)/.installed

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

localoffer/static/css/main.css: node_modules/.installed $(wildcard localoffer/assets/scss/*.scss) localoffer/assets/copy-govuk.mjs
	npm run --silent build

assets: localoffer/static/css/main.css

translations: $(VENV)/.installed
	@if ls localoffer/translations/*/LC_MESSAGES/messages.po >/dev/null 2>&1; then \
		$(VENV)/bin/pybabel -q compile -d localoffer/translations; fi

# Extract every marked string into the template and merge it into each language's catalogue.
messages: $(VENV)/.installed
	mkdir -p localoffer/translations
	$(VENV)/bin/pybabel extract -F babel.cfg -k _l -k lazy_gettext -k lazy_ngettext:1,2 -k plural_text:1,2 \
		--no-location --sort-output -o localoffer/translations/messages.pot . 2>/dev/null
	@for po in localoffer/translations/*/LC_MESSAGES/messages.po; do \
		[ -e "$$po" ] || continue; \
		$(VENV)/bin/pybabel update --no-fuzzy-matching --ignore-obsolete -i localoffer/translations/messages.pot \
			-d localoffer/translations -l $$(basename $$(dirname $$(dirname $$po))); done

db-upgrade: $(VENV)/.installed
	$(FLASK) db upgrade

demo: db-upgrade
	$(FLASK) demo load --if-empty

search-rebuild: $(VENV)/.installed
	$(FLASK) search check --quiet || $(FLASK) search rebuild

run: install assets translations demo search-rebuild
	@$(FLASK) demo accounts
	@$(FLASK) demo voice
	PORT=$(PORT) WORKERS=$(WORKERS) $(VENV)/bin/gunicorn -c gunicorn.conf.py wsgi:app

# Runs on SQLite, then again on PostgreSQL when TEST_DATABASE_URL is set: there only the tests
# that reach the database under test (tests/conftest.py); the browser and reliability tests
# serve make run's own SQLite site, so they run once.
test: $(VENV)/.test-installed assets translations
	$(VENV)/bin/pytest -n $(PYTEST_WORKERS) -p no:cacheprovider
	@if [ -n "$$TEST_DATABASE_URL" ]; then \
		echo "== the suite again on PostgreSQL =="; \
		DB_BACKEND=postgres $(VENV)/bin/pytest -n $(PYTEST_WORKERS) -p no:cacheprovider -m "not browser and not reliability"; fi

audit:
	python3 .ci/audit.py

# make bench [N=50000] [BENCH_BACKEND=postgres BENCH_DATABASE_URL=postgresql://...] [BENCH_ARGS=--quick]
N ?= 5000
BENCH_BACKEND ?= whoosh
bench: $(VENV)/.installed translations
	$(PY) -m bench.run --services $(N) --backend $(BENCH_BACKEND) \
		$(if $(BENCH_DATABASE_URL),--database-url $(BENCH_DATABASE_URL)) $(BENCH_ARGS)

clean:
	rm -rf $(VENV) node_modules localoffer/static/css localoffer/static/govuk
