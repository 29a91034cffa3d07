# Two entry points a newcomer needs (see README): `make demo` and `make test`.
# Both create ./.venv on first use, so nothing is installed into the system Python.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: demo explore test venv test-deps browser spreadsheet harness clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# An editable install leaves the sources uncompiled, and with PYTHONDONTWRITEBYTECODE set no
# command ever writes .pyc: compile once here, or every command recompiles ~100 modules.
BYTECODE := $(BIN)/python -m compileall -q -j0 stratgraph graph loaders cypher viz cli

venv: $(BIN)/python
	$(BIN)/pip install -q -e .
	$(BYTECODE)

## The demo's own graph file: the fictional example plans never mix into the default graph
## (.stratgraph/graph.db) that a user's first real `stratgraph build` adds to.
DEMO_GRAPH ?= .stratgraph/examples.db

## Install, build the example corpus into its own graph file, and draw it.
demo: venv
	$(BIN)/stratgraph build examples --graph $(DEMO_GRAPH)
	$(BIN)/stratgraph viz --graph $(DEMO_GRAPH) -o stratgraph-examples.html
	@echo "built the example plans into $(DEMO_GRAPH) (your own builds go to .stratgraph/graph.db)"
	@echo "ask it: $(BIN)/stratgraph query orphan-actions --graph $(DEMO_GRAPH)"
	@echo "open stratgraph-examples.html in a browser"

## Build the example plans into their own graph file and explore them in a browser; the
## explorer's corrections go to their own curation file, applied again by the next build.
DEMO_CURATION ?= .stratgraph/examples-curation.toml
explore: venv
	$(BIN)/stratgraph build examples --graph $(DEMO_GRAPH) \
	  $(if $(wildcard $(DEMO_CURATION)),--curation $(DEMO_CURATION))
	$(BIN)/stratgraph serve --graph $(DEMO_GRAPH) --documents examples --curation $(DEMO_CURATION)

test-deps: $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'
	$(BYTECODE)

## Debian's Chromium drives the browser tests (Playwright's own download is not reachable).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; fi; }

## LibreOffice Calc and Writer, headless: the CSV tests open exports in a real spreadsheet
## engine; the .odt/.ods/.doc/.rtf tests read files LibreOffice saves (and .doc/.rtf are read
## through it).
spreadsheet:
	@command -v soffice >/dev/null 2>&1 && [ -n "$$(ls /usr/lib/libreoffice/program/libswlo.so 2>/dev/null)" ] || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq libreoffice-calc-nogui libreoffice-writer-nogui >/dev/null; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq libreoffice-calc-nogui libreoffice-writer-nogui >/dev/null; fi; }

## The in-process Neo4j 5.26 the tests start (jars fetched by Maven, kept out of git).
harness:
	bash tests/neo4j_harness/build.sh

## Every test, against a real Neo4j; Neo4j tests fail rather than skip when it cannot start.
test: test-deps browser spreadsheet harness
	STRATGRAPH_REQUIRE_NEO4J=1 STRATGRAPH_REQUIRE_BROWSER=1 STRATGRAPH_REQUIRE_SPREADSHEET=1 \
	  $(BIN)/python -m pytest -ra

clean:
	rm -rf $(VENV) .stratgraph tests/neo4j_harness/lib tests/neo4j_harness/target
