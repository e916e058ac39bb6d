# Two entry points for a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install browser bench clean messages

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/policygen build examples/exempel-support.yaml --out site

# What the browser tests need besides Python packages: Debian's Chromium (apt-get, when run as
# root) and axe-core (npm ci into tests/browser/node_modules). Quick when both are there; with CI
# set, a missing one is an error. See docs/build.md, "Browser tests".
browser:
	bash tests/browser/install.sh

test: $(STAMP) browser
	$(BIN)/python -m pytest

# Compile the Swedish interface catalogues (policygen/locale/sv/LC_MESSAGES/*.po → .mo) with Babel;
# `$(BIN)/python -m policygen.lang.catalogues missing` lists texts that still need a translation and exits 1 when there are any.
messages: $(STAMP)
	$(BIN)/python -m policygen.lang.catalogues compile

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python bench/check.py
	$(BIN)/python bench/build.py

clean:
	rm -rf $(VENV) site build dist tests/browser/node_modules tests/browser/.npm-cache
