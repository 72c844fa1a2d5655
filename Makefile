# LKj as code. `make help` lists the targets.
# Every target creates or reuses .venv from the lock files by itself (hashes checked).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-from-lock
# the regency portal's workflows (`lkj portal ci`)
PORTAL_CI := src/lkj_site/portal/ci
SITE   := site
PYTHON_CODE := src macros tests scripts hooks.py pdf_event_hook.py

export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.DEFAULT_GOAL := help
.PHONY: help build check test test-fast lint serve new diff system-deps lock bench clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

build: $(STAMP) system-deps ## Check data, build the website and the PDF; switch site/ only if all succeeded
	$(BIN)/lkj build

# `make check` keeps the exit code of `lkj check` (0 no errors, 1 errors found, 2 cannot run): GNU make
# says 2 for any recipe that fails, so the check runs while make reads this file, and its result
# decides how make answers: nothing to do (0), or, in make's question mode, "not up to date" (1).
ifeq ($(MAKECMDGOALS),check)
CHECKED := $(shell $(MAKE) --no-print-directory -s $(STAMP) >&2 && $(BIN)/lkj check >&2; echo $$?)
ifeq ($(CHECKED),0)
check: ; @:
else ifeq ($(CHECKED),1)
MAKEFLAGS += -q
check: galat-ditemukan
	@true
galat-ditemukan:
else
$(error pemeriksaan tidak dapat dijalankan (lihat pesan di atas))
endif
else
check: $(STAMP) ## Check data/ and the chapters without publishing (exit 0: no errors, 1: errors, 2: cannot run)
	$(BIN)/lkj check
endif

test: $(STAMP) system-deps ## Run the whole test suite (unit tests, full builds, the site in Chromium), on every core
	@PYTHON=$(PYTHON) scripts/system-deps.sh --browser
	$(BIN)/pytest -n auto --dist loadfile

test-fast: $(STAMP) ## The inner loop: unit tests and small reports built without a PDF (-m "not lambat")
	$(BIN)/pytest -m "not lambat" -n auto

lint: $(STAMP) ## Check the Python code's style (ruff) and the CI workflows (schema, zizmor)
	$(BIN)/ruff check $(PYTHON_CODE)
	$(BIN)/ruff format --check $(PYTHON_CODE)
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml $(PORTAL_CI)/github.yml
	$(BIN)/check-jsonschema --builtin-schema vendor.gitlab-ci .gitlab-ci.yml $(PORTAL_CI)/gitlab-ci.yml
	$(BIN)/zizmor --offline --no-progress .github/workflows $(PORTAL_CI)/github.yml

serve: $(STAMP) ## Preview the website while writing: rebuilt on every save of a chapter, data, settings or code (no PDF)
	$(BIN)/lkj serve

diff: $(STAMP) ## What a change moves (figures, data, text, warnings) from BASE to HEAD: make diff BASE=origin/main
	$(BIN)/lkj diff "$(BASE)" $(if $(HEAD),"$(HEAD)",)

new: $(STAMP) ## Start a report for another office or year: make new DIR=../x INSTANSI="Dinas …" DAERAH="Kota …" TAHUN=2025
	$(BIN)/lkj new "$(DIR)" --instansi "$(INSTANSI)" --daerah "$(DAERAH)" --tahun "$(TAHUN)"

bench: $(STAMP) ## Measure the build against its floors (plain mkdocs, WeasyPrint alone), serve, growth, a regency, the tests
	$(BIN)/python scripts/bench.py
	$(BIN)/python scripts/bench_regency.py
	$(BIN)/python scripts/bench_tests.py

system-deps: ## Install the Debian libraries WeasyPrint needs, if missing
	@PYTHON=$(PYTHON) scripts/system-deps.sh

# The newest versions allowed by pyproject.toml, with the SHA-256 of every file on the index.
PIP_COMPILE := CUSTOM_COMPILE_COMMAND="make lock" lock-venv/bin/pip-compile --quiet --upgrade --generate-hashes \
	--allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links
lock: ## Re-pin requirements.lock and requirements-bootstrap.lock, with hashes (needs the package index)
	rm -rf build/lock-venv && mkdir -p build && $(PYTHON) -m venv build/lock-venv
	build/lock-venv/bin/python -m pip install --quiet pip-tools==7.6.2
	$(PYTHON) scripts/direct_deps.py | tr ' ' '\n' > build/requirements.in
	printf 'pip\nsetuptools\nwheel\n' > build/bootstrap.in
	cd build && $(PIP_COMPILE) -o ../requirements.lock requirements.in
	cd build && $(PIP_COMPILE) -o ../requirements-bootstrap.lock bootstrap.in
	rm -rf build/lock-venv

clean: ## Remove the built site and the virtual environment
	rm -rf $(SITE) .site-versi .site-baru-* $(VENV) build .pytest_cache

# Every file installed is checked against the SHA-256 in the lock files: first pip itself,
# setuptools and wheel (so that what follows installs with a known pip), then the rest,
# built, where a package ships only its source, with those same pinned tools.
$(STAMP): requirements.lock requirements-bootstrap.lock pyproject.toml | system-deps
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-bootstrap.lock
	$(BIN)/python -m pip install --quiet --require-hashes --no-build-isolation -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation --editable .   # the toolkit itself (src/)
	touch $(STAMP)
