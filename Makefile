# Every target creates .venv and installs the pinned dependencies on first use.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= demo.duckdb

.PHONY: demo test lint bench bench-extract bench-web eval lock clean

# The last step writes our modules' bytecode once: where PYTHONDONTWRITEBYTECODE is set (as on
# this machine), every run would otherwise compile them again (about 0.2 s of CPU per start).
$(STAMP): requirements-bootstrap.txt requirements.lock pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-bootstrap.txt
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/python -m compileall -q src
	touch $(STAMP)

demo: $(STAMP)
	rm -f $(DB)
	$(BIN)/newsledger ingest examples/ --db $(DB)
	$(BIN)/newsledger figures --db $(DB)
	$(BIN)/newsledger checks --db $(DB)
	@echo
	@echo "Review it in the browser: $(BIN)/newsledger serve --db $(DB)"
	@echo "then open http://127.0.0.1:8765/documents (the login link it prints lets you review)"

test: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/mypy
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy

# One table: start-up, ours against spaCy's full pipeline on news-like and short texts, ingest of
# 1,000 documents into an empty and a 10,000-document ledger, peak memory (README, Speed).
bench: $(STAMP)
	$(BIN)/python -m newsledger.bench_table

# Extraction throughput and memory on 2,000 generated documents, and long documents.
bench-extract: $(STAMP)
	$(BIN)/python -m newsledger.bench --docs 2000

# Page times of `newsledger serve` on a 5,000-document ledger (built once into bench-web.duckdb).
bench-web: $(STAMP)
	$(BIN)/python -m newsledger.bench_web --docs 5000

eval: $(STAMP)
	$(BIN)/newsledger eval ../shared/corpus/dev

lock:
	uv pip compile requirements.in --generate-hashes --python-version 3.11 -o requirements.lock

clean:
	rm -rf $(VENV) $(DB) bench-web.duckdb .pytest_cache .mypy_cache .ruff_cache
