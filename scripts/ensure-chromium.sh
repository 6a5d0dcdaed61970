#!/bin/sh
# Makes sure Debian's chromium is installed for the widget browser tests (tests/widget/).
# playwright-core drives it through executablePath; no browser is downloaded by npm.
set -eu

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"

if [ -x "$CHROMIUM" ]; then
  echo "chromium: found at $CHROMIUM"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "chromium: not found at $CHROMIUM and apt-get is not available; install Chromium by hand" >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "chromium: not found at $CHROMIUM; run this script as root to install it" >&2
    exit 1
  fi
fi

echo "chromium: installing Debian's chromium package"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium fonts-dejavu-core

if [ -x "$CHROMIUM" ]; then
  echo "chromium: installed at $CHROMIUM"
else
  echo "chromium: installation finished but $CHROMIUM is missing" >&2
  exit 1
fi
