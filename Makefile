# The two commands a new user needs: `make site` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
# MkDocs 1.6 prints a notice about 2.0 on every run; we pin <2 on purpose.
export NO_MKDOCS_2_WARNING := 1

.PHONY: site city check serve serve-city test fuzz lint schema bench bench-city update-golden constraints clean system-site system-test

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $@

# Debian packages (.ci/system-packages: installed when root, else the command to run).
system-site:
	@PYTHON=$(PYTHON) bash .ci/system-packages site
system-test:
	@PYTHON=$(PYTHON) bash .ci/system-packages test

site: system-site $(VENV)/.installed ## validate content/, generate pages, build site/
	$(PY) -m generator build

city: system-site $(VENV)/.installed ## the example city (examples/kota: three kelurahan) into site-kota/
	$(PY) -m generator build --content examples/kota --site-dir site-kota

check: $(VENV)/.installed ## validate content/ only (messages in Bahasa Indonesia)
	$(PY) -m generator check

serve: $(VENV)/.installed ## live preview on http://127.0.0.1:8000/ ; editing YAML refreshes the page
	$(PY) -m generator serve

serve-city: system-site $(VENV)/.installed ## the example city's live preview on http://127.0.0.1:8000/
	$(PY) -m generator serve --content examples/kota

# The YAML language server (what VS Code's YAML extension runs), for tests/test_editor.py.
tests/editor/node_modules/.installed: tests/editor/package-lock.json
	npm ci --prefix tests/editor --no-audit --no-fund --silent
	touch $@

# axe-core, the accessibility rules engine, for tests/test_a11y.py.
tests/a11y/node_modules/.installed: tests/a11y/package-lock.json
	npm ci --prefix tests/a11y --no-audit --no-fund --silent
	touch $@

# Decap CMS and decap-server (its local backend), for the /admin/ form's tests/test_cms.py.
tests/cms/node_modules/.installed: tests/cms/package-lock.json
	npm ci --prefix tests/cms --no-audit --no-fund --silent
	touch $@

test: system-test $(VENV)/.installed tests/editor/node_modules/.installed tests/a11y/node_modules/.installed tests/cms/node_modules/.installed ## every test: real MkDocs, headless Chromium, a real YAML language server, axe-core, Decap CMS
	$(PY) -m pytest

fuzz: $(VENV)/.installed ## the property tests with many more examples (minutes)
	HYPOTHESIS_PROFILE=fuzz $(PY) -m pytest tests/test_properties.py

lint: $(VENV)/.installed ## ruff, and the workflows against GitHub's schema and zizmor
	$(PY) -m ruff check generator tests
	$(PY) -m ruff format --check generator tests
	$(VENV)/bin/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
	$(VENV)/bin/zizmor --offline .github/workflows

bench: $(VENV)/.installed ## our build vs plain MkDocs on the same pages, 100/1,000/5,000 vendors (minutes)
	cd bench && ../$(PY) run.py

bench-city: $(VENV)/.installed ## a synthetic city, 34 kelurahan × 150 vendors, against plain MkDocs (long)
	cd bench && ../$(PY) city.py && ../$(PY) city_bytes.py

schema: $(VENV)/.installed ## regenerate schema/*.json after changing the model or the categories
	$(PY) -m generator schema
	$(PY) -m generator schema --content examples/kota

update-golden: $(VENV)/.installed ## regenerate tests/golden/ after an intended change; review the diff
	$(PY) -m pytest tests/test_golden.py --update-golden

constraints: ## after changing dependencies: record the exact versions that pass the tests
	{ sed -n '/^#/p' constraints.txt; $(PY) -m pip freeze --exclude-editable | grep -v '^katalog'; } > constraints.new
	mv constraints.new constraints.txt

clean:
	rm -rf site site-kota build .cache
