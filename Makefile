# LKj as code. `make help` lists the targets.
# Every target creates or reuses .venv from requirements.lock by itself.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-from-lock
SITE   := site

export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.DEFAULT_GOAL := help
.PHONY: help build check test lint serve system-deps lock bench clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

build: $(STAMP) system-deps ## Check data, build the website and the PDF; replace site/ only if all succeeded
	$(BIN)/python scripts/build_site.py

check: $(STAMP) ## Check data/ without building (exit 0: no errors, 1: errors, 2: cannot run)
	$(BIN)/python -m macros.check

test: $(STAMP) system-deps ## Run the whole test suite (unit tests and full builds)
	$(BIN)/pytest

lint: $(STAMP) ## Check the Python code's style (ruff)
	$(BIN)/ruff check macros lkj_pdf tests scripts pdf_event_hook.py
	$(BIN)/ruff format --check macros lkj_pdf tests scripts pdf_event_hook.py

serve: $(STAMP) ## Preview the website while writing (no PDF; rebuilds on every save)
	$(BIN)/mkdocs serve --livereload

bench: $(STAMP) ## Time a website rebuild as `make serve` does it
	$(BIN)/python scripts/bench_build.py

system-deps: ## Install the Debian libraries WeasyPrint needs, if missing
	@PYTHON=$(PYTHON) scripts/system-deps.sh

lock: ## Re-pin requirements.lock from pyproject.toml (needs the package index)
	rm -rf build/lock-venv && $(PYTHON) -m venv build/lock-venv
	build/lock-venv/bin/pip install --quiet --upgrade pip
	build/lock-venv/bin/pip install --quiet $$($(PYTHON) scripts/direct_deps.py)
	(echo "# Exact versions, tested together. Regenerate with 'make lock'; edit pyproject.toml, not this file."; \
	 build/lock-venv/bin/pip freeze --all --exclude pip --exclude setuptools --exclude wheel) > requirements.lock
	rm -rf build/lock-venv

clean: ## Remove the built site and the virtual environment
	rm -rf $(SITE) .site-baru-* $(VENV) build .pytest_cache

$(STAMP): requirements.lock | system-deps
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	touch $(STAMP)
