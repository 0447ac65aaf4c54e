# The project's commands. `make build` builds the site into public/,
# `make test` installs what the tests need and runs them all.

GO      ?= go
OUT     ?= public
TESTOUT ?= test-output
SITE    := $(TESTOUT)/public
# Pages photographed for review by the browser checks.
SHOTS   := / /evenements/2022-10-17-cnil-sanction/

.PHONY: build check serve new test deps vet gotest journey site-test netlify-check html-check browser-check cms-check cms-update lighthouse fuzz bench clean FORCE

# The site, then its search index (tools/search.sh, Pagefind) written into the new folder
# before it replaces the old one.
build:
	$(GO) run ./gen build -out $(OUT) -then "bash tools/search.sh"

# gen check: the problems of your files first (FILES=…, or those changed since main), then one
# summary line. Content problems do not stop make with its own error lines: the summary says
# "not publishable" (gen check itself exits 1 then; CI runs it through make test).
check:
	@$(GO) build -o bin/gen ./gen
	@bin/gen check $(FILES) || [ $$? -eq 1 ]

# The dev server: http://127.0.0.1:1313/ (ADDR=host:port to change it).
serve:
	$(GO) run ./gen serve $(if $(ADDR),-addr $(ADDR))

# A new event in both languages: make new DATE=2024-05-16 COUNTRY=NL AUTHORITY=ap KIND=fine SLUG=ap-sanction
new:
	@$(GO) build -o bin/gen ./gen
	@bin/gen new -date "$(DATE)" -country "$(COUNTRY)" -authority "$(AUTHORITY)" -kind "$(KIND)" -slug "$(SLUG)" || [ $$? -eq 1 ]

# Everything CI runs. Each step also runs alone (make vet, make browser-check, …); the README's
# Tests section says how long each takes. The two browser steps run side by side, on the site
# built once: the CMS's tests mostly wait on the CMS (a quarter of their time is CPU), while
# the browser check keeps the cores busy.
test: deps vet gotest journey site-test netlify-check html-check
	$(MAKE) --no-print-directory -j2 -O -o deps -o site-test browser-check cms-check

# The Debian packages (chromium, Java) and the npm tools (tools/node_modules)
# the checks need; quiet when they are there.
deps:
	bash tools/deps.sh

# staticcheck and actionlint, pinned; go run fetches and builds each once, then caches it.
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
ACTIONLINT  := github.com/rhysd/actionlint/cmd/actionlint@v1.7.12

vet:
	@test -z "$$(gofmt -l gen bench)" || { echo "gofmt needed:"; gofmt -l gen bench; exit 1; }
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...
	$(GO) run $(ACTIONLINT) -shellcheck= -pyflakes= .github/workflows/ci.yml

# Each test once: with the race detector where goroutines run, without it elsewhere. RACE_PKGS
# start goroutines (the loader reads files in parallel, the share cards keep pools, the output
# is written by several goroutines, the dev server watches and serves): all their tests run
# with it. In site and cli, whose tests build the real site dozens of times, the tests that run
# their concurrent paths (RACE_TESTS) run with it, and the others without: the real site built
# on all cores twice and compared byte for byte, the dev server's cache shared by the renderers
# across edits, the dev server's watcher and live reload, the parallel check of external links,
# a failed build through the command. The share cards of the CNIL's fine (French and English)
# and of the longest title are copied to $(TESTOUT)/cards for review.
RACE_PKGS  := ./gen/internal/content ./gen/internal/memo ./gen/internal/publish ./gen/internal/serve ./gen/internal/share
RACE_TESTS := ^(TestDeterministic|TestCacheRendersOnlyWhatChanged|TestServeLiveReload|TestCheckExternal|TestBadEventKeepsPublic)$$
gotest:
	mkdir -p $(TESTOUT)/cards
	CARDS_OUT=$(abspath $(TESTOUT))/cards $(GO) test -skip '$(RACE_TESTS)' \
		$$($(GO) list ./... | grep -vxF $(foreach p,$(RACE_PKGS),-e timeline/$(p:./%=%)))
	$(GO) test -race $(RACE_PKGS)
	$(GO) test -race -run '$(RACE_TESTS)' ./gen/internal/site ./gen/internal/cli

# A journalist's first event, replayed with the real commands in a copy of the repository: a new
# authority, a context event, three mistakes each named with its fix, then a clean check.
journey:
	bash tools/journey.sh

# The fuzzers, for long runs (FUZZTIME=10m each by default); what they find
# lands in testdata/fuzz/ and becomes a seed of every later go test.
FUZZTIME ?= 10m
fuzz:
	$(GO) test ./gen/internal/content -run '^$$' -fuzz FuzzLoadEvent -fuzztime $(FUZZTIME)
	$(GO) test ./gen/internal/site -run '^$$' -fuzz FuzzBuild -fuzztime $(FUZZTIME)
	$(GO) test ./gen/internal/markdown -run '^$$' -fuzz FuzzFrench -fuzztime $(FUZZTIME)
	$(GO) test ./gen/internal/markdown -run '^$$' -fuzz FuzzEnglish -fuzztime $(FUZZTIME)
	$(GO) test ./gen/internal/share -run '^$$' -fuzz FuzzPainter -fuzztime $(FUZZTIME)

# The gen command, built once for the steps that run it.
bin/gen: FORCE
	$(GO) build -o bin/gen ./gen

# Build the real site the way Netlify does, with its search index, into a folder of its own:
# the one build that every check of the built site reads (make site-test, then any of the
# checks below alone, reuses it).
site-test: bin/gen
	bin/gen build -q -out $(SITE) -then "bash tools/search.sh"

# netlify.toml through Netlify's own parser (offline; fails on any warning); then its header
# rules, read by Netlify's own headers parser, against every file of the built site (one rule
# per header, one policy per page, frame-ancestors * for the embed alone, 'none' and
# X-Frame-Options DENY elsewhere, no 'unsafe-inline'/'unsafe-eval'), after that check's own test.
netlify-check: deps site-test
	bash tools/netlify-config.sh --out $(TESTOUT)/netlify-config.json
	node --test --test-reporter=dot tools/headers-check.test.mjs
	node tools/headers-check.mjs --dir $(SITE) --netlify netlify.toml

# The Nu HTML checker on every page, in one run.
html-check: site-test
	bash tools/vnu.sh $(SITE)

# The browser checks run on Playwright's test runner (tools/playwright.config.mjs), in one
# Debian Chromium, a test per page or part on as many workers as there are cores. PW_FLAGS adds
# the runner's own flags (--grep, --workers, --update-snapshots, --trace=retain-on-failure, …).
# $(call PLAYWRIGHT,NAME) names its reports $(TESTOUT)/NAME-report.json and NAME-report/.
PLAYWRIGHT = cd tools && CHECKS_NAME=$(1) SITE_DIR=$(abspath $(SITE)) NETLIFY_TOML=$(abspath netlify.toml) \
	GEN=$(abspath bin/gen) CMS_CONFIG=$(abspath $(TESTOUT))/cms/config.yml \
	CHECKS_SHOT_DIR=$(abspath $(TESTOUT))/screenshots CHECKS_SHOTS="$(SHOTS)" \
	node_modules/.bin/playwright test

# In Chromium, every page served with the headers of netlify.toml (by Netlify's own engine),
# but /admin/ (the CMS: not a page of the site, checked by cms-check): axe-core, light and dark,
# 375 and 1280 px wide, CSP violations, console errors, reflow and the charts (also at 320 px);
# screenshots for review in $(TESTOUT)/screenshots. Then the timeline to embed, framed by another
# origin: it shows and resizes its frame, the other pages are refused. Then, on a phone, the
# event pages with the most caveats: date and amount on the first screen, before the caveats,
# and the citation's copy buttons. Reports: $(TESTOUT)/browser-report.json and browser-report/.
browser-check: deps site-test
	node --test --test-reporter=dot tools/checks/sample.test.mjs
	$(call PLAYWRIGHT,browser) --project browser --project embed --project reading --project search $(PW_FLAGS)

# The CMS at /admin/ (gen/internal/cms, Sveltia CMS): its script is the pinned package's, byte
# for byte, and its configuration (the built one, the test one and gen/internal/cms's goldens)
# is valid by the JSON schema that package ships; then, in Chromium, with the headers of
# netlify.toml, the CMS is driven with its own test backend on a copy of the content: an event
# created through the form (its files held to tools/testdata/cms), every event and page edited
# and saved (one field changed, nothing else), the interface in French and with its locale
# file failing, the sign-in pop-up; no CSP violation, no request but the CMS's known ones.
# PW_FLAGS=--update-snapshots rewrites the created event's goldens.
cms-check: deps site-test
	mkdir -p $(TESTOUT)/cms
	rm -rf $(TESTOUT)/cms/saved
	$(GO) run ./gen/internal/cms/testconfig -out $(TESTOUT)/cms/config.yml
	CMS_CONFIGS=$(SITE)/admin/config.yml:$(TESTOUT)/cms/config.yml node --test --test-reporter=dot tools/cms.test.mjs
	$(call PLAYWRIGHT,cms) --project cms --project cms-saved $(PW_FLAGS)

# Sveltia CMS, once a new version is pinned in tools/package.json (cd tools && npm install
# --save-exact @sveltia/cms@X): copies its script into static/admin/, and its version into the
# address of its locale files in netlify.toml's /admin/* policy. Then run make test.
cms-update: deps
	cp tools/node_modules/@sveltia/cms/dist/sveltia-cms.js static/admin/sveltia-cms.js
	v=$$(node -p "require('./tools/package.json').dependencies['@sveltia/cms']") && \
	sed -i -E "s#(https://unpkg\.com/@sveltia/cms@)[0-9]+\.[0-9]+\.[0-9]+(/locales/)#\1$$v\2#" netlify.toml && \
	grep -q "unpkg.com/@sveltia/cms@$$v/locales/" netlify.toml && \
	echo "cms-update: static/admin/sveltia-cms.js and netlify.toml at @sveltia/cms $$v"

# Lighthouse on the home page and an event page, served with the headers of netlify.toml:
# every category at 0.95 or more in the median of 5 runs. Lighthouse is pinned in
# tools/lighthouse/package.json, installed there when missing (make test does not need it).
lighthouse: deps site-test
	@test -f tools/lighthouse/node_modules/.stamp -a tools/lighthouse/node_modules/.stamp -nt tools/lighthouse/package-lock.json || \
		{ (cd tools/lighthouse && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) && touch tools/lighthouse/node_modules/.stamp; }
	node tools/lighthouse/run.mjs --dir $(SITE) --netlify netlify.toml --page / --page /evenements/2022-10-17-cnil-sanction/

# Benchmarks against Hugo, Eleventy and a floor program; as root, 10–45 minutes (bench/README.md).
# BENCH_N="100 1000" and BENCH_RUNS=9 override the sizes and the runs per tool.
bench:
	bash bench/run.sh

clean:
	rm -rf $(OUT) $(TESTOUT) bin
