# Konflikt — developer entry points. Every target creates/uses the virtualenv in .venv/.
PY      ?= python3.11
VENV    := .venv
BIN     := $(VENV)/bin
DATA    ?= ../shared/data
SEED    ?= ../shared/seed/000_55b182ca055ce355.txt

.PHONY: setup run test lint eval models models-sv models-en models-nb clean browser

$(BIN)/konflikt: pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[dev]"
	touch $(BIN)/konflikt

setup: $(BIN)/konflikt

## Code the bundled seed article and print the events and the camps.
run: setup
	$(BIN)/konflikt demo

## Headless Chromium + chromedriver (Debian packages) for tests/web; installs them when run as root.
browser:
	@if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ]; then apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	else echo "tests/web needs Chromium: run 'sudo apt-get install -y chromium chromium-driver'" >&2; fi

## Set up and run the whole test suite (what CI runs).
test: setup browser
	$(BIN)/ruff check src tests scripts
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check src tests scripts

## Score the seed article against the hand-made gold.
eval: setup
	$(BIN)/konflikt eval ../shared/eval/seed.gold.json

models: models-sv models-en models-nb

models-sv: setup
	$(BIN)/python -m konflikt.nlp.train --lang sv --data $(DATA) --out src/konflikt/nlp/models/sv \
		--set components.parser.model.hidden_width=128

models-en: setup
	$(BIN)/python -m konflikt.nlp.train --lang en --data $(DATA) --out src/konflikt/nlp/models/en \
		--set components.parser.model.hidden_width=128 --max-steps 8000 --ner-max-steps 4000

# Bokmål in two runs: the NER (its core discarded: --max-steps 1), then the core on the UD slices and the
# converted NDT trees with that NER (docs/nlp.md)
models-nb: setup
	$(BIN)/python -m konflikt.nlp.train --lang nb --data $(DATA) --out build/nlp/nb-ner-stage \
		--work build/nlp/nb-ner --max-steps 1 --ner-max-steps 2750
	$(BIN)/python -m konflikt.nlp.train --lang nb --data $(DATA) --out src/konflikt/nlp/models/nb \
		--set components.parser.model.hidden_width=128 --max-steps 7000 --eval-frequency 500 --patience 3000 \
		--ner-from build/nlp/nb-ner-stage

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache
