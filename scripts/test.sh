#!/usr/bin/env bash
# The test command: builds everything and runs every test suite (unit, mini-cluster, contract).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B verify "$@"
