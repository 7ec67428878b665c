# Handoff — one command per job. `make help` lists them.
GO      ?= go
TICKET  ?= testdata/tickets/zendesk-export-502
FORMAT  ?= md
FUZZTIME ?= 3s

.PHONY: help deps test vet unit fuzz draft bench

help:
	@echo "make draft   draft a handoff note offline for a bundled ticket (TICKET=path FORMAT=md|text|html|json)"
	@echo "make test    vet, unit, conformance and fuzz tests"
	@echo "make bench   benchmarks"

deps:
	$(GO) mod download

test: vet unit fuzz

vet:
	$(GO) vet ./...
	@test -z "$$(gofmt -l core wasm worker 2>/dev/null)" || { echo "gofmt needed:"; gofmt -l core wasm worker; exit 1; }

unit:
	$(GO) test -count=1 ./...
	$(GO) test -count=1 ./testdata/escalations/gen  # ./... skips testdata

# Each parser's fuzz target runs briefly; crashers land in testdata/fuzz and stay as seeds.
fuzz:
	@set -e; for pkg in $$($(GO) list ./core/...); do \
	  for t in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz' || true); do \
	    echo "fuzz $$pkg $$t"; \
	    $(GO) test -run='^$$' -fuzz="^$$t$$" -fuzztime=$(FUZZTIME) $$pkg; \
	  done; \
	done

draft:
	@$(GO) run ./core/cmd/handoff draft --format $(FORMAT) $(TICKET)

bench:
	$(GO) test -run='^$$' -bench=. -benchmem ./core/...

# Handoff's cleaner beside npm email-reply-parser on the conformance cases
# (reads ../shared/corpora): accuracy and messages per second of both.
.PHONY: bench-clean
bench-clean:
	cd core/clean/bench && npm ci --no-audit --no-fund --silent && node bench.mjs
