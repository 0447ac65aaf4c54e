# The project's commands. `make build` builds the site into public/,
# `make serve` previews it, `make test` installs what the tests need and
# runs them all.

GO      ?= go
OUT     ?= public
TESTOUT ?= test-output

.PHONY: build check serve test deps vet gotest site-test clean

build:
	$(GO) run ./gen build -out $(OUT)

check:
	$(GO) run ./gen check

test: vet gotest site-test

vet:
	@test -z "$$(gofmt -l gen)" || { echo "gofmt needed:"; gofmt -l gen; exit 1; }
	$(GO) vet ./...

gotest:
	$(GO) test ./...

# Build the real site the way Netlify does, into a folder of its own.
site-test:
	$(GO) run ./gen build -q -out $(TESTOUT)/public

clean:
	rm -rf $(OUT) $(TESTOUT)
