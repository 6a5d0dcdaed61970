#!/usr/bin/env bash
# Makes sure what the tests need is here: PostgreSQL running (else its tests skip with a notice) and Debian's
# chromium installed (for the browser tests). Never fails: a missing piece is reported by the tests themselves.
cd "$(dirname "$0")/.."
[ -f scripts/ensure-postgres.sh ] && bash scripts/ensure-postgres.sh || true
[ -f scripts/ensure-chromium.sh ] && bash scripts/ensure-chromium.sh || true
exit 0
