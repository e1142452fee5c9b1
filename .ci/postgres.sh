#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the registry tests and exports its connection string.
# Sourced by .ci/run: installs the distribution's server if missing, initialises a fresh data folder,
# starts it on a local port as the unprivileged 'postgres' user and stops it when the shell exits.
# Afterwards QUALITYGATES_TEST_POSTGRES holds a key=value connection string for the superuser (trust
# auth over the socket and 127.0.0.1 only); the role qualitygates_password (password 'qualitygates')
# must give one, so the tests can see a wrong password refused. The server speaks TLS with a certificate
# for "localhost" from a throwaway CA (QUALITYGATES_TEST_POSTGRES_ROOTCERT), so the tests can see
# sslmode=verify-full and verify-ca checked; QUALITYGATES_TEST_POSTGRES_BIN names the server's programs,
# for tests that start, restart and crash a server of their own.

qg_postgres_port="${QUALITYGATES_TEST_POSTGRES_PORT:-55432}"

qg_postgres_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/pg_ctl" ] && echo "$dir"
  done | sort -V | tail -n 1
}

if [ -z "$(qg_postgres_bin)" ] || ! command -v openssl >/dev/null 2>&1; then
  echo "Installing PostgreSQL and OpenSSL from the distribution's packages..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql openssl >/dev/null
fi
qg_postgres_dir="$(qg_postgres_bin)"

# initdb and postgres refuse to run as root: run them as the 'postgres' user the package creates.
qg_as_postgres() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

qg_postgres_data="$(mktemp -d /tmp/qualitygates-pg.XXXXXX)"
[ "$(id -u)" = 0 ] && chown postgres: "$qg_postgres_data"
qg_as_postgres "$qg_postgres_dir/initdb" -D "$qg_postgres_data" -U postgres -A trust --no-sync -E UTF8 >/dev/null
cat > "$qg_postgres_data/pg_hba.conf" <<'HBA'
local all all trust
host all postgres 127.0.0.1/32 trust
host all all 127.0.0.1/32 scram-sha-256
HBA

# A CA and a server certificate for "localhost" (not 127.0.0.1: verify-full must refuse that name).
(
  cd "$qg_postgres_data"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj "/CN=QualityGates test CA" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign" -keyout ca.key -out ca.crt 2>/dev/null
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj "/CN=localhost" -keyout server.key -out server.csr 2>/dev/null
  printf 'subjectAltName=DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' > server.ext
  openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 -extfile server.ext -out server.crt 2>/dev/null
  chmod 600 server.key
  [ "$(id -u)" = 0 ] && chown postgres: server.key server.crt
  chmod 644 ca.crt
)

# Never share a port with another server: its data is not ours to use or stop.
if qg_as_postgres "$qg_postgres_dir/pg_isready" -q -h 127.0.0.1 -p "$qg_postgres_port"; then
  echo "error: port $qg_postgres_port is taken by another PostgreSQL; set QUALITYGATES_TEST_POSTGRES_PORT." >&2
  exit 1
fi

qg_postgres_stop() {
  qg_as_postgres "$qg_postgres_dir/pg_ctl" -D "$qg_postgres_data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$qg_postgres_data"
}
# Stopped when the sourcing shell exits (a caller that sets its own EXIT trap calls qg_postgres_stop in it).
trap qg_postgres_stop EXIT

qg_as_postgres "$qg_postgres_dir/pg_ctl" -D "$qg_postgres_data" -l "$qg_postgres_data/server.log" -w -t 60 \
  -o "-p $qg_postgres_port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200 -c ssl=on -c ssl_cert_file=server.crt -c ssl_key_file=server.key" start >/dev/null

qg_as_postgres "$qg_postgres_dir/psql" -q -h /tmp -p "$qg_postgres_port" -U postgres -d postgres \
  -c "CREATE ROLE qualitygates_password LOGIN PASSWORD 'qualitygates'" >/dev/null


# Without TLS, as most tests need no handshake; the TLS tests name their modes themselves.
export QUALITYGATES_TEST_POSTGRES="Host=127.0.0.1;Port=$qg_postgres_port;Username=postgres;Database=postgres;SSL Mode=Disable"
export QUALITYGATES_TEST_POSTGRES_ROOTCERT="$qg_postgres_data/ca.crt"
export QUALITYGATES_TEST_POSTGRES_BIN="$qg_postgres_dir"
echo "PostgreSQL $("$qg_postgres_dir/postgres" --version | awk '{print $3}') for the registry tests: $QUALITYGATES_TEST_POSTGRES"
