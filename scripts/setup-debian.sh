#!/usr/bin/env bash
# Installs the Debian 12 packages dyad builds and tests with. Idempotent.
set -euo pipefail
packages=(
  g++ cmake ninja-build pkg-config
  libsqlite3-dev sqlite3        # the embedded event store
  nlohmann-json3-dev            # JSON Lines input and output
  libxxhash-dev                 # stable article ids
  libcli11-dev                  # command-line parsing
  libgtest-dev                  # tests
  libcairo2-dev                 # analysis pictures: SVG and PNG (dyad timeline/network --plot)
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi
