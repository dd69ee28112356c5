# scanreport — see README.md. `make run` builds the sample report, `make test`
# runs every test (unit, race, end-to-end in headless Chromium).
GO      ?= go
BIN     := bin/scanreport
SCANS   ?= scans
SITE    ?= site

.PHONY: all run site build bundle deps test unit test-node e2e bench bench-go bench-browser lint samples golden types clean

all: build

# npm packages (TypeScript for type checks, browser libraries) from the lock file.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
deps: node_modules/.package-lock.json

# Browser bundles (static/gen, embedded by the binary), built with esbuild's Go API.
bundle: deps
	$(GO) run ./internal/bundle

# TAGS=nogcs,noazure leaves the GCS and Azure clients out (README, "Smaller binary").
TAGS    ?=
build: bundle
	CGO_ENABLED=0 $(GO) build -tags "$(TAGS)" -trimpath -ldflags "-s -w" -o $(BIN) ./cmd/scanreport

# Build the report of the sample scans and serve it on http://127.0.0.1:8080/,
# updating open pages as scans change (Ctrl-C stops; `make site` only builds).
run: build
	./$(BIN) serve --scans $(SCANS) --out $(SITE)

site: build
	./$(BIN) build --scans $(SCANS) --out $(SITE)

# Rewrite the committed sample scans (after changing the sample generator).
samples: build
	rm -rf $(SCANS).new && ./$(BIN) sample --samples --out $(SCANS).new && rm -rf $(SCANS) && mv $(SCANS).new $(SCANS)

# Rewrite the golden site (cmd/scanreport/testdata/golden) after a change that
# is meant to change the output; `git diff` then shows what it did.
golden: bundle
	$(GO) test -count=1 ./cmd/scanreport -run TestGoldenSite -args -update

# Rewrite static/src/data/shapes.gen.ts, the browser's types of the data
# files, from their Go types (internal/sitefmt) after changing them;
# TestTypeScript fails while the committed file is stale.
types:
	$(GO) test -count=1 ./internal/sitefmt -run TestTypeScript -args -update

lint: deps
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo "gofmt: files above need formatting"; exit 1; }
	$(GO) vet ./...
	cd e2e && $(GO) vet ./...
	@# The small build (README, "Smaller binary") compiles and names the tag it left out.
	$(GO) vet -tags nogcs,noazure ./publish/... ./cmd/...
	$(GO) test -count=1 -tags nogcs,noazure -run 'TestCheckDriver|TestNetworkError' ./cmd/scanreport ./publish
	npx --no-install tsc -p .
	npx --no-install tsc -p static/test/tsconfig.json --noEmit
	@# JavaScript shifts count modulo 32: 1 << 40 is 256. Write big constants as products.
	@! grep -rnE '<< *(3[2-9]|[4-9][0-9])' static/src static/test || { echo "a shift by 32 or more in browser code"; exit 1; }
	@# Layering: the pipeline, the importers and the lookups never import a face
	@# (server, watcher, CLI, publisher).
	@! $(GO) list -deps ./generator/... ./scan/... ./spiderfoot/... ./lookup/... ./decisions/... | grep -E 'scanreport/(cmd|serve|watch|publish)' || { echo "generator/scan/spiderfoot/lookup/decisions import a face"; exit 1; }
	@# generator is a face over the pipeline: the analysts' writes (decisions) call it, not the other way.
	@! $(GO) list -deps ./generator/... ./scan/... | grep -E 'scanreport/decisions' || { echo "generator/scan import decisions"; exit 1; }

unit: bundle
	CGO_ENABLED=1 $(GO) test -race -count=1 ./...

# Node tests of browser code that has no DOM (static/test/*.test.cjs): the
# TypeScript is compiled to CommonJS under static/gen/node-test first.
test-node: deps
	rm -rf static/gen/node-test
	npx --no-install tsc --outDir static/gen/node-test --module commonjs --moduleResolution node --target ES2020 \
		--lib ES2020,DOM --strict --skipLibCheck --rootDir static/src static/src/export/csv-defuse.ts static/src/export/csv.ts
	node --test static/test/
	@# TypeScript tests (static/test/*.test.ts, static/test/tsconfig.json), compiled
	@# into a temporary folder; run from the repository root.
	@d=$$(mktemp -d) && npx --no-install tsc -p static/test/tsconfig.json --outDir $$d && NODE_PATH=$(CURDIR)/node_modules node --test $$d/test/; s=$$?; rm -rf $$d; exit $$s

e2e: bundle
	cd e2e && $(GO) test -count=1 -timeout 45m ./...

test: lint unit test-node e2e

bench: bench-go bench-browser

bench-go: bundle
	$(GO) test -run '^$$' -bench . -benchtime 1x -timeout 30m ./bench/...

bench-browser: bundle
	cd e2e && SCANREPORT_BENCH=1 $(GO) test -run 'Bench' -count=1 -timeout 30m -v ./... 

clean:
	rm -rf bin $(SITE) static/gen/app.js static/gen/app.css
