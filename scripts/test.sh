#!/usr/bin/env bash
# The test command: builds everything and runs every test suite (unit, mini-cluster, Hadoop
# contract suites: mvn -B verify), then the command-line end-to-end check (scripts/cli-test.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B install "$@"
scripts/cli-test.sh
