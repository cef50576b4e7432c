# The README's quick start is exactly `make demo` and `make test`; both bootstrap .venv from
# nothing with Python 3.11.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export SEMGREP_ENABLE_VERSION_CHECK := 0
export SEMGREP_SEND_METRICS := off

.PHONY: setup demo test lint typecheck unit rules bench clean test-tools lock test-latest

setup: $(STAMP)

# Exact, hash-checked versions from the committed lock (requirements/*.txt, written by
# `make lock`), so a fresh machine installs what CI tested, whatever PyPI serves that day.
# auditkit itself goes in last, without resolving anything again.
LOCK := requirements/lock.txt
PIP_LOCK := requirements/pip.txt

$(STAMP): pyproject.toml setup.py $(LOCK) $(PIP_LOCK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r $(PIP_LOCK)
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	# pip byte-compiles a regular install; an editable one is compiled here, so that the
	# pre-commit hook starts as fast from a checkout as from a wheel.
	$(BIN)/python -m compileall -q auditkit
	touch $(STAMP)

# Rewrite the lock from pyproject.toml's ranges, keeping today's pins. To move an engine
# forward: `make lock UPGRADE="--upgrade-package semgrep"` (or UPGRADE=--upgrade for all),
# then `make test`, which says which generated files that engine changes.
UV_COMPILE := $(BIN)/uv pip compile --quiet --generate-hashes --python-version 3.11 --universal --no-header
lock: $(STAMP)
	$(UV_COMPILE) $(UPGRADE) pyproject.toml --extra dev -o $(LOCK)
	$(UV_COMPILE) $(UPGRADE) requirements/pip.in -o $(PIP_LOCK)

# Not in CI: the whole suite in a throw-away venv with the newest versions pyproject.toml's
# ranges allow, so that drift shows before users meet it.
LATEST := .venv-latest
test-latest: test-tools
	rm -rf $(LATEST)
	$(PYTHON) -m venv $(LATEST)
	$(LATEST)/bin/python -m pip install --quiet --upgrade pip
	$(LATEST)/bin/python -m pip install --quiet --upgrade -e '.[dev]'
	$(LATEST)/bin/python -m pip freeze --exclude-editable > $(LATEST)/versions.txt
	$(LATEST)/bin/python -m pytest -q -n 2 tests

demo: $(STAMP)
	$(BIN)/python scripts/demo.py

lint: $(STAMP)
	$(BIN)/ruff check auditkit tests scripts benchmarks
	$(BIN)/ruff format --check auditkit tests scripts benchmarks
	$(BIN)/lint-imports --no-cache

typecheck: $(STAMP)
	$(BIN)/mypy

# Tools the report tests drive: a real browser for the HTML report and Microsoft's SARIF
# validator. Installed once; the tests skip with a reason only when they truly cannot be had.
TOOLS := .tools
SARIF_MULTITOOL := $(TOOLS)/node_modules/.bin/sarif-multitool

test-tools:
	@if [ ! -x /usr/bin/chromium ]; then \
		( apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium ) \
			|| echo "test-tools: chromium could not be installed; the browser tests will be skipped"; \
	fi
	@if [ ! -x $(SARIF_MULTITOOL) ]; then \
		npm install --prefix $(TOOLS) --no-fund --no-audit @microsoft/sarif-multitool \
			|| echo "test-tools: sarif-multitool could not be installed; the SARIF validation test will be skipped"; \
	fi

unit: $(STAMP) test-tools
	$(BIN)/python -m pytest -q -n 2 tests

test: lint typecheck unit

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_scan.py

clean:
	rm -rf $(VENV) $(LATEST) build dist *.egg-info
