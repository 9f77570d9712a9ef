# The two commands of the README: `make demo` and `make test`. Each sets itself up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

LOCALE := src/debateprep/locale

.PHONY: demo test bench catalog clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,postgres]'
	touch $(STAMP)

## Open the terminal UI on the bundled sample debate (its own database in .demo/).
demo: $(STAMP)
	$(BIN)/debateprep --db .demo/debateprep.db demo

## Run the whole test suite (SQLite, plus PostgreSQL when a server can run), one worker per core
## (pytest-xdist; each worker starts its own PostgreSQL server; a test file stays on one worker).
test: $(STAMP)
	$(BIN)/python -m pytest -n auto --dist loadfile

## Run the benchmarks on ../shared/data (not part of the tests).
bench: $(STAMP)
	for b in benchmarks/bench_*.py; do $(BIN)/python $$b || exit 1; done

## Refresh the translation catalogs after changing interface strings: extract them (Babel), merge
## them into each language's .po (translate what is new there: `make test` fails until every string
## is translated), compile the .mo files the package ships.
catalog: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg -k N_ -c TRANSLATORS: --project debateprep --sort-output \
		--add-location file --no-wrap -o $(LOCALE)/debateprep.pot .
	$(BIN)/pybabel update -i $(LOCALE)/debateprep.pot -d $(LOCALE) -D debateprep --no-fuzzy-matching \
		--ignore-obsolete --no-wrap
	$(BIN)/pybabel compile -d $(LOCALE) -D debateprep --statistics

clean:
	rm -rf $(VENV) .demo .pytest_cache
