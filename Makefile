# werkplaats: two commands on a fresh machine.
#   make site   virtual environment, install, strict build of the site into site/
#   make test   everything the tests need (Chromium from Debian's packages included), then the whole suite

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
NPM_DIR := tests/.npm
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: site test lint serve offline check bench export clean chromium print-libs npm-deps properdocs wheel assets

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Stamps, so that an edit of pyproject.toml reinstalls and nothing else does.
$(VENV)/.site-installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.print-installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[print]'
	touch $@ $(VENV)/.site-installed

$(VENV)/.test-installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test,print]'
	touch $@ $(VENV)/.site-installed $(VENV)/.print-installed

site: $(VENV)/.site-installed
	$(BIN)/mkdocs build --strict
	@echo "The site is in $(CURDIR)/site (make serve to preview it with live reload)."

serve: $(VENV)/.site-installed
	$(BIN)/mkdocs serve --dirty

# A copy of the site that works from file:// (search included), for a USB stick or an intranet share.
offline: $(VENV)/.site-installed
	WERKPLAATS_OFFLINE=true $(BIN)/mkdocs build --strict --site-dir site-offline
	@echo "Open $(CURDIR)/site-offline/index.html in a browser."

# ProperDocs, the maintained fork of MkDocs 1.x, in its own virtual environment (it answers `import mkdocs` with
# itself, so it stays out of .venv): the same site built with it must give the same pages as with MkDocs.
PROPERDOCS_VENV := .venv-properdocs
PROPERDOCS      := properdocs>=1.6.7,<2

$(PROPERDOCS_VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(PROPERDOCS_VENV)
	$(PROPERDOCS_VENV)/bin/pip install -q -e . '$(PROPERDOCS)'
	touch $@

properdocs: $(VENV)/.site-installed $(PROPERDOCS_VENV)/.installed
	$(BIN)/mkdocs build --strict
	$(PROPERDOCS_VENV)/bin/properdocs build --strict -f mkdocs.yml --site-dir site-properdocs
	$(BIN)/python -m werkplaats.sitediff site site-properdocs

# The package as a wheel (templates, assets, theme partials, schemas and the `werkplaats init` skeleton included).
wheel: $(VENV)/.test-installed
	$(BIN)/python -m build --outdir dist/wheel
	@echo "Install it into a programme's own project: pip install $(CURDIR)/dist/wheel/werkplaats-*.whl"

check: $(VENV)/.site-installed
	$(BIN)/werkplaats check

export: $(VENV)/.print-installed print-libs
	$(BIN)/werkplaats export scorm
	$(BIN)/werkplaats export cc
	$(BIN)/werkplaats export qti
	$(BIN)/werkplaats export moodle
	$(BIN)/werkplaats export brightspace
	$(BIN)/werkplaats export print

bench: $(VENV)/.site-installed
	$(BIN)/werkplaats bench --pages 2000 --repeat 3
	$(BIN)/werkplaats bench --serve --pages 1000

# Debian's packages: Pango and a font for WeasyPrint's PDF workbooks (`make export`); with Chromium for the browser
# tests (`make test`).
PRINT_DEB_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core
DEB_PACKAGES := chromium $(PRINT_DEB_PACKAGES)
apt_install = @missing=$$(for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

chromium:
	$(call apt_install,$(DEB_PACKAGES))

print-libs:
	$(call apt_install,$(PRINT_DEB_PACKAGES))

npm-deps: $(NPM_DIR)/.installed

$(NPM_DIR)/.installed: tests/package.json
	mkdir -p $(NPM_DIR)
	cp tests/package.json $(NPM_DIR)/package.json
	cd $(NPM_DIR) && npm install --no-audit --no-fund --loglevel=error
	touch $@

# The shipped script and stylesheet (werkplaats/assets/dist/, committed) from the sources in werkplaats/assets/:
# run it after editing a source; the tests fail while dist/ is stale. Only this needs Node, building a site does not.
assets: $(VENV)/.site-installed npm-deps
	$(BIN)/python -m werkplaats.minify --tools $(NPM_DIR)/node_modules/.bin

# ruff (more than line length, see pyproject.toml) on the package and the tests, mypy on the package.
lint: $(VENV)/.test-installed
	$(BIN)/ruff check werkplaats tests
	$(BIN)/mypy

# Lint first (seconds), then the content check and the whole suite.
test: lint chromium npm-deps $(PROPERDOCS_VENV)/.installed
	$(BIN)/werkplaats check
	$(BIN)/pytest

clean:
	rm -rf site site-offline site-properdocs dist schemas $(NPM_DIR) .pytest_cache
