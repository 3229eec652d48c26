#!/usr/bin/env bash
# Installs the Debian packages Yardstick needs to build, test and run.
# Idempotent: packages already present are skipped, and nothing runs when all are there.
# Works as root or through sudo. Usage: scripts/install-deps.sh [--with-fuzz]
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config
  libyaml-cpp-dev libcli11-dev nlohmann-json3-dev libfmt-dev libsqlite3-dev libsodium-dev
  libcsv-dev libpq-dev postgresql libxlsxwriter-dev
  libcmark-gfm-dev libcmark-gfm-extensions-dev
  libeigen3-dev  # sparse matrices and conjugate gradients for calibration (engine/)
  libgtest-dev libgmock-dev libbenchmark-dev
  r-cran-lme4  # the reference fit the calibration benchmark compares against (bench/)
  libreoffice-calc-nogui  # the XLSX export test opens the files with LibreOffice
  clang clang-format clang-tidy
  python3 sqlite3 time  # CLI scenario tests; the import benchmark's floor and its timing (bench/)
)
if [[ "${1:-}" == "--with-fuzz" ]]; then
  packages+=(libclang-rt-14-dev)
fi

missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo_cmd=(sudo)
  else
    echo "install-deps: need root or sudo to install: ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
