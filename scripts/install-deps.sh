#!/usr/bin/env bash
# Installs the Debian packages Award builds and tests with, only those missing.
# Usage: scripts/install-deps.sh           build dependencies
#        scripts/install-deps.sh --test    and what the tests need besides (node, npm, clang 14, time)
set -euo pipefail

pkgs=(
  cmake g++ make pkg-config
  antlr4 libantlr4-runtime-dev
  libfmt-dev catch2
  nlohmann-json3-dev libsimdjson-dev libcli11-dev
)

if [ "${1:-}" = "--test" ]; then
  # clang 14 and its runtimes for the fuzz targets (scripts/fuzz.sh); time
  # for /usr/bin/time, which measures peak memory in tests/cli/memory_test.sh
  pkgs+=(clang-14 libclang-rt-14-dev time)
  command -v node >/dev/null 2>&1 || pkgs+=(nodejs)
  command -v npm >/dev/null 2>&1 || pkgs+=(npm)
  pkgs+=(python3 time)  # bench/run.py, run by the bench test; GNU time for peak memory
fi

missing=()
for p in "${pkgs[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
