# The README's two set-up commands are `make demo` and `make test`.
# Both create .venv and install everything they need (CPU torch first).
VENV    ?= .venv
PY      := $(VENV)/bin/python
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False

.PHONY: demo test lint chromium install clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q -U pip
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

## Ask BudgetQA about the bundled sample disclosure (indexes it on first use).
demo: $(STAMP)
	$(BIN)/budgetqa ask "政府投资项目预算多少"
	$(BIN)/budgetqa ask "三公经费比上年增加多少"

## Lint, type-check and run every test, browser tests included.
test: $(STAMP) chromium lint
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy index assistant eval app.py

# Headless Chromium (Debian) for the browser tests, with CJK fonts so screenshots show Chinese.
chromium:
	@command -v chromium >/dev/null 2>&1 && fc-list :lang=zh | grep -q . || { apt-get update -qq && apt-get install -y -qq chromium chromium-driver fonts-noto-cjk >/dev/null; }

clean:
	rm -rf $(VENV) build *.egg-info .mypy_cache .ruff_cache .pytest_cache
