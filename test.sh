#!/usr/bin/env bash
# Runs every test on a fresh machine: starts (installing if needed) a local PostgreSQL, then dotnet test.
set -euo pipefail
cd "$(dirname "$0")"

bash deploy/scripts/ensure-postgres.sh

if [ -z "${CRM_TEST_POSTGRES:-}" ]; then
  port=$(pg_lsclusters -h | awk 'NR==1 {print $3}')
  export CRM_TEST_POSTGRES="Host=127.0.0.1;Port=${port:-5432};Username=crm;Password=crm"
fi

dotnet test OrleansCrm.sln "$@"
