# The README's quick start is exactly `make demo` and `make test`; both bootstrap .venv from
# nothing with Python 3.11.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export SEMGREP_ENABLE_VERSION_CHECK := 0
export SEMGREP_SEND_METRICS := off

.PHONY: setup demo test lint typecheck unit rules bench clean test-tools

setup: $(STAMP)

$(STAMP): pyproject.toml setup.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	# pip byte-compiles a regular install; an editable one is compiled here, so that the
	# pre-commit hook starts as fast from a checkout as from a wheel.
	$(BIN)/python -m compileall -q auditkit
	touch $(STAMP)

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
	rm -rf $(VENV) build dist *.egg-info
