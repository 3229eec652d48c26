# The two commands of the README, and a few everyday targets.
#   make run    install what is missing, build, run the main job
#   make test   install what is missing, build, run every test (normal and ASan/UBSan builds)
.PHONY: run test deps build build-dev build-asan check format format-check tidy fuzz clean

WERROR := $(if $(CI),ON,OFF)
SITE_DIR ?= build/site

deps:
	@scripts/install-deps.sh

build: deps
	@cmake --preset release -DYARDSTICK_WERROR=$(WERROR) >/dev/null
	@cmake --build --preset release

run: build
	@scripts/run.sh build/release/yardstick $(SITE_DIR)

build-dev: deps
	@cmake --preset dev -DYARDSTICK_WERROR=$(WERROR) >/dev/null
	@cmake --build --preset dev

build-asan: deps
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
	@rm -rf build
