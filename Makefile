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

.PHONY: site test serve offline check bench export clean chromium npm-deps

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Stamps, so that an edit of pyproject.toml reinstalls and nothing else does.
$(VENV)/.site-installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.test-installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'
	touch $@ $(VENV)/.site-installed

site: $(VENV)/.site-installed
	$(BIN)/mkdocs build --strict
	@echo "The site is in $(CURDIR)/site (make serve to preview it with live reload)."

serve: $(VENV)/.site-installed
	$(BIN)/mkdocs serve --dirty

# A copy of the site that works from file:// (search included), for a USB stick or an intranet share.
offline: $(VENV)/.site-installed
	WERKPLAATS_OFFLINE=true $(BIN)/mkdocs build --strict --site-dir site-offline
	@echo "Open $(CURDIR)/site-offline/index.html in a browser."

check: $(VENV)/.site-installed
	$(BIN)/werkplaats check

export: $(VENV)/.site-installed
	$(BIN)/werkplaats export scorm
	$(BIN)/werkplaats export cc
	$(BIN)/werkplaats export qti
	$(BIN)/werkplaats export moodle
	$(BIN)/werkplaats export brightspace
	$(BIN)/werkplaats export print

bench: $(VENV)/.site-installed
	$(BIN)/werkplaats bench --pages 2000 --repeat 3
	$(BIN)/werkplaats bench --serve --pages 1000

# Debian's packages: Chromium for the browser tests; Pango and a font for WeasyPrint's PDF workbooks.
DEB_PACKAGES := chromium libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core

chromium:
	@missing=$$(for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

npm-deps: $(NPM_DIR)/.installed

$(NPM_DIR)/.installed: tests/package.json
	mkdir -p $(NPM_DIR)
	cp tests/package.json $(NPM_DIR)/package.json
	cd $(NPM_DIR) && npm install --no-audit --no-fund --loglevel=error
	touch $@

test: $(VENV)/.test-installed chromium npm-deps
	$(BIN)/werkplaats check
	$(BIN)/pytest

clean:
	rm -rf site site-offline dist schemas $(NPM_DIR) .pytest_cache
