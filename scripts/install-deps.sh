#!/usr/bin/env bash
# Installs the Debian packages Award builds and tests with, only those missing.
# Usage: scripts/install-deps.sh            (build + test dependencies)
set -euo pipefail

pkgs=(
  cmake g++ make pkg-config
  antlr4 libantlr4-runtime-dev
  libfmt-dev catch2
  nlohmann-json3-dev libsimdjson-dev libcli11-dev
)

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
