# The two commands of the README, and a few everyday targets.
#   make run    install what is missing, build, run the main job
#   make test   install what is missing, build, run every test (normal and ASan/UBSan builds)
.PHONY: run test deps web build build-dev build-asan check format format-check tidy fuzz clean

WERROR := $(if $(CI),ON,OFF)
SITE_DIR ?= build/site

deps:
	@scripts/install-deps.sh

# The web app (web/: Preact + TypeScript, bundled by Vite into web/dist/, which `yardstick serve
# --web-root web/dist` serves): type-checked and rebuilt when a source changed.
WEB_SOURCES := $(shell find web/src -type f 2>/dev/null) web/index.html web/vite.config.ts \
               web/tsconfig.json web/package.json web/package-lock.json
web: web/dist/index.html
web/dist/index.html: $(WEB_SOURCES) | deps
	@npm run typecheck --prefix web --silent
	@npm run build --prefix web --silent -- --logLevel warn

build: deps web
	@cmake --preset release -DYARDSTICK_WERROR=$(WERROR) >/dev/null
	@cmake --build --preset release

run: build
	@scripts/run.sh build/release/yardstick $(SITE_DIR)

build-dev: deps web
	@cmake --preset dev -DYARDSTICK_WERROR=$(WERROR) >/dev/null
	@cmake --build --preset dev

build-asan: deps web
	@cmake --preset asan -DYARDSTICK_WERROR=$(WERROR) >/dev/null
	@cmake --build --preset asan

# The fast inner loop: the optimised build's tests only.
check: build-dev
	@ctest --preset dev

test: build-dev build-asan
	@ctest --preset dev
	@ctest --preset asan

format: deps
	@git ls-files '*.cc' '*.h' | xargs clang-format -i

format-check: deps
	@git ls-files '*.cc' '*.h' | xargs clang-format --dry-run --Werror

tidy: build-dev
	@git ls-files 'src/*.cc' | xargs clang-tidy -p build/dev --quiet

fuzz:
	@scripts/install-deps.sh --with-fuzz
	@scripts/fuzz.sh $(or $(SECONDS_PER_TARGET),60)

clean:
	@rm -rf build web/dist
