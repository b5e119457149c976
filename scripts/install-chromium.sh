#!/usr/bin/env bash
# Installs Debian's chromium (/usr/bin/chromium) when it is missing: the headless browser that
# scripts/report-test.sh and the web UI test (minicluster-tests WebUiInBrowserTest) render in.
set -euo pipefail
if ! command -v chromium >/dev/null 2>&1; then
  echo "install-chromium: installing chromium"
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi
