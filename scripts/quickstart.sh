#!/usr/bin/env bash
# Quick start: install what is missing (Debian 12), build, ingest the example
# articles into an SQLite store, and print a summary of what was coded.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup-debian.sh
cmake --preset release >/dev/null
cmake --build --preset release -j"$(nproc)"
db=${DYAD_DB:-dyad.db}
./build/release/dyad ingest examples/articles --db "$db" || [ $? -eq 2 ]
./build/release/dyad stats --db "$db" --top 12 --events 12
