# cohort: the two everyday commands are `make report` and `make test`.
SWIFT ?= swift
EXAMPLE ?= examples/orders.csv
OUT ?= output

.PHONY: all deps build report test example clean

all: report

deps:
	@scripts/install-system-deps.sh

build: deps
	$(SWIFT) build -c release --product cohort

## Writes the report for the bundled example data into output/<as-of>/.
report: build
	.build/release/cohort report $(EXAMPLE) --out $(OUT)

## Runs every test.
test: deps
	$(SWIFT) test

## Regenerates the bundled example data (deterministic).
example: build
	.build/release/cohort sample --out $(EXAMPLE)

clean:
	rm -rf .build
