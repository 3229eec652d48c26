#!/usr/bin/env bash
# Installs the Debian packages Yardstick needs to build, test and run, then the npm packages of
# web/ (pinned by web/package-lock.json: the web app's toolchain and the libraries the HTML reports
# bundle into their pages).
# Idempotent: packages already present are skipped, nothing runs when all are there, and npm runs
# only when web/node_modules is missing or older than web/package-lock.json.
# Works as root or through sudo. Usage: scripts/install-deps.sh [--with-fuzz]
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake ninja-build ccache pkg-config
  libyaml-cpp-dev libcli11-dev nlohmann-json3-dev libfmt-dev libsqlite3-dev libsodium-dev
  libcsv-dev libpq-dev postgresql libxlsxwriter-dev
  libboost-dev  # the web server (server/): Boost.Beast and Boost.Asio, headers only
  libcmark-gfm-dev libcmark-gfm-extensions-dev
  libeigen3-dev  # sparse matrices and conjugate gradients for calibration (engine/)
  libgtest-dev libgmock-dev libbenchmark-dev
  r-cran-lme4  # the reference fit the calibration benchmark compares against (bench/)
  libreoffice-calc-nogui  # the XLSX export test opens the files with LibreOffice
  clang clang-format clang-tidy
  python3 sqlite3 time  # CLI scenario tests; the import benchmark's floor and its timing (bench/)
  chromium  # the report page and the web app are checked in a real browser (tests/cli, tests/web)
)
if ! command -v npm >/dev/null 2>&1; then
  packages+=(nodejs npm)  # web/: the web app (Vite, TypeScript) and what the HTML reports bundle
fi
if [[ "${1:-}" == "--with-fuzz" ]]; then
  packages+=(libclang-rt-14-dev)
fi

missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

install_packages() {
  echo "install-deps: installing $*"
  local sudo_cmd=()
  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo_cmd=(sudo)
    else
      echo "install-deps: need root or sudo to install: $*" >&2
      exit 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "$@"
}

if [[ ${#missing[@]} -gt 0 ]]; then
  install_packages "${missing[@]}"
fi

# npm writes node_modules/.package-lock.json on every install: older than the lock file means the
# lock file changed since (or nothing was installed yet).
installed=web/node_modules/.package-lock.json
if [[ ! -e $installed || web/package-lock.json -nt $installed ]]; then
  echo "install-deps: npm ci --prefix web"
  npm ci --prefix web --no-audit --no-fund --loglevel=error >/dev/null
  touch "$installed"
fi
