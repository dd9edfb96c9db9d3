#!/usr/bin/env bash
# Runs every test on a fresh machine: starts (installing if needed) a local PostgreSQL, installs Debian's chromium
# for the wallboard's browser tests when missing, then dotnet test.
set -euo pipefail
cd "$(dirname "$0")"

bash deploy/scripts/ensure-postgres.sh
bash deploy/scripts/ensure-chromium.sh

# The fault-injection run makes network namespaces and veth pairs with `ip` (Debian's iproute2).
if ! command -v ip >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q iproute2; else sudo apt-get update -q && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q iproute2; fi
fi

if [ -z "${CRM_TEST_POSTGRES:-}" ]; then
  port=$(pg_lsclusters -h | awk 'NR==1 {print $3}')
  export CRM_TEST_POSTGRES="Host=127.0.0.1;Port=${port:-5432};Username=crm;Password=crm"
fi

# The services the tests host log to the console at warning and above only, so a failure's details stay readable
# in the output; the tests' own log captures are not affected (they are not the console provider).
export Logging__Console__LogLevel__Default="${Logging__Console__LogLevel__Default:-Warning}"

# Each test project also writes a Markdown report; after a red run, the failures are printed again at the very end.
results="$(pwd)/TestResults"
rm -rf "$results"
status=0
dotnet test OrleansCrm.sln --report-xunit-markdown --results-directory "$results" "$@" || status=$?
if [ "$status" -ne 0 ]; then
  echo "==== failed tests (from $results) ===="
  find "$results" -name '*.md' -print0 | xargs -0 -r grep -l -E '❌|Failed' | while read -r report; do
    grep -v -E '^\s*$' "$report" | grep -v -E '^(✅|⌚|🧪)' | head -200
  done
fi
exit "$status"
