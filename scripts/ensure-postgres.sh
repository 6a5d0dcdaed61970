#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers on 127.0.0.1:5432 for the store tests, starting the local cluster when
# it is installed but down. Never fails: when PostgreSQL cannot be started, its tests are skipped with a notice.
HOST=127.0.0.1
PORT=5432

ready() { command -v pg_isready >/dev/null 2>&1 && pg_isready -q -h "$HOST" -p "$PORT" -t 2; }

if ready; then
  echo "ensure-postgres: PostgreSQL is running on $HOST:$PORT"
  exit 0
fi

if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ ! -d /etc/postgresql ]; then
  echo "ensure-postgres: PostgreSQL is not installed here; its tests will be skipped"
  exit 0
fi

for version in $(ls /etc/postgresql 2>/dev/null); do
  echo "ensure-postgres: starting cluster $version/main"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>&1 | sed 's/^/  /' || true
done

for _ in $(seq 1 20); do
  if ready; then
    echo "ensure-postgres: PostgreSQL is running on $HOST:$PORT"
    # The tests use the database "test"; create it when missing (ignore errors: it may exist, or rights may lack).
    if command -v psql >/dev/null 2>&1; then
      psql -h "$HOST" -p "$PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'test'" 2>/dev/null | grep -q 1 ||
        psql -h "$HOST" -p "$PORT" -U postgres -c "CREATE DATABASE test" >/dev/null 2>&1 || true
    fi
    exit 0
  fi
  sleep 0.5
done

echo "ensure-postgres: could not start PostgreSQL; its tests will be skipped"
exit 0
