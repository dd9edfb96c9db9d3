#!/usr/bin/env bash
# Makes sure a local PostgreSQL server answers on 127.0.0.1:5432 with the test role crm/crm:
# installs Debian's postgresql when it is missing, creates and starts a cluster, creates the role.
# Skipped entirely when CRM_TEST_POSTGRES names a server of your own.
set -euo pipefail

if [ -n "${CRM_TEST_POSTGRES:-}" ]; then
  echo "ensure-postgres: using CRM_TEST_POSTGRES, nothing to set up"
  exit 0
fi

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "ensure-postgres: installing postgresql"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql
fi

if ! pg_lsclusters -h | grep -q .; then
  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  echo "ensure-postgres: creating cluster $version/main"
  as_root pg_createcluster "$version" main
fi

read -r version cluster port status _ < <(pg_lsclusters -h | head -n 1)
if [ "$status" != "online" ]; then
  echo "ensure-postgres: starting cluster $version/$cluster"
  as_root pg_ctlcluster "$version" "$cluster" start
fi

for _ in $(seq 1 60); do
  pg_isready -q -h 127.0.0.1 -p "$port" && break
  sleep 1
done
pg_isready -h 127.0.0.1 -p "$port"

if ! as_postgres psql -p "$port" -tAc "SELECT 1 FROM pg_roles WHERE rolname = 'crm'" | grep -q 1; then
  echo "ensure-postgres: creating role crm"
  as_postgres psql -p "$port" -qc "CREATE ROLE crm LOGIN CREATEDB PASSWORD 'crm'"
fi
# A test database is dropped WITH (FORCE) when its class ends; an autovacuum worker still in it counts as another
# role's process, which only a member of pg_signal_backend may end (42501 otherwise). Idempotent.
as_postgres psql -p "$port" -qc "GRANT pg_signal_backend TO crm"

if [ "$port" != 5432 ]; then
  echo "ensure-postgres: the server listens on port $port; tests read CRM_TEST_POSTGRES=Host=127.0.0.1;Port=$port;Username=crm;Password=crm"
fi
echo "ensure-postgres: PostgreSQL $version ready on 127.0.0.1:$port"
