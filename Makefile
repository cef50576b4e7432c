# The README's quick start is exactly `make demo` and `make test`; both bootstrap .venv from
# nothing with Python 3.11.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export SEMGREP_ENABLE_VERSION_CHECK := 0
export SEMGREP_SEND_METRICS := off

.PHONY: setup demo test lint typecheck unit rules bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml setup.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/python scripts/demo.py

lint: $(STAMP)
	$(BIN)/ruff check auditkit tests scripts benchmarks
	$(BIN)/ruff format --check auditkit tests scripts benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/python -m pytest -q -n 2 tests

test: lint typecheck unit

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_scan.py

clean:
	rm -rf $(VENV) build dist *.egg-info
