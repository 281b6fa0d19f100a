# Sourced by run.sh and test.sh: a private PostgreSQL cluster that listens on
# 127.0.0.1 only, keeps its Unix socket inside its own data directory, and runs
# with the default durability settings (fsync and synchronous_commit on) so that
# benchmarks measure what production would do.

pg_bin_dir() {
  local newest
  newest=$(_pg_newest_bin_dir)
  if [[ -z $newest ]]; then
    if [[ $EUID -ne 0 ]]; then
      echo "PostgreSQL is not installed and installing it needs root" >&2
      return 1
    fi
    apt-get update >&2 && apt-get install -y postgresql >&2 || return 1
    newest=$(_pg_newest_bin_dir)
  fi
  [[ -n $newest ]] || return 1
  echo "$newest"
}

pg_start() {
  local data_dir port bin log
  data_dir=$(realpath -m "$1") || return 1
  port=$2
  bin=$(pg_bin_dir) || return 1
  log="$data_dir.log"

  # pg_ctl hands its options to a shell, and Postgres splits socket lists on
  # commas, so the path goes into the socket option only if it needs no quoting.
  if [[ ! $data_dir =~ ^[[:alnum:]/._+@-]+$ ]]; then
    echo "pg_start: data directory path needs quoting, choose another: $data_dir" >&2
    return 1
  fi

  mkdir -p "$data_dir" || return 1
  touch "$log" || return 1
  if [[ $EUID -eq 0 ]]; then
    chown postgres: "$data_dir" "$log" || return 1
    _pg_make_traversable "$(dirname "$data_dir")" || return 1
  fi
  chmod 700 "$data_dir" || return 1

  if [[ ! -f $data_dir/PG_VERSION ]]; then
    _pg_as_owner "$bin/initdb" -D "$data_dir" --auth=trust -U postgres \
      --encoding=UTF8 --locale="$(_pg_locale)" >>"$log" || return 1
  fi

  _pg_wait_for_reaped_postmaster "$data_dir" || return 1
  if ! _pg_as_owner "$bin/pg_ctl" -D "$data_dir" status >/dev/null 2>&1; then
    _pg_as_owner "$bin/pg_ctl" -D "$data_dir" -l "$log" -w -t 60 \
      -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$data_dir" \
      start >/dev/null || { tail -n 20 "$log" >&2; return 1; }
  fi

  for _ in $(seq 1 60); do
    "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" && return 0
    sleep 0.5
  done
  echo "pg_start: PostgreSQL in $data_dir is not accepting connections on port $port" >&2
  return 1
}

pg_stop() {
  local data_dir bin pid=""
  data_dir=$(realpath -m "$1") || return 1
  [[ -f $data_dir/postmaster.pid ]] || return 0
  bin=$(pg_bin_dir) || return 1
  # Read before stopping: a clean shutdown removes the file.
  read -r pid <"$data_dir/postmaster.pid" || true

  _pg_as_owner "$bin/pg_ctl" -D "$data_dir" stop -m fast -w -t 30 >/dev/null 2>&1 || true
  if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid" 2>/dev/null || true
  fi
  return 0
}

pg_connection_string() {
  echo "Host=127.0.0.1;Port=$1;Username=postgres;Database=$2"
}

pg_ensure_database() {
  local port=$1 db=$2 bin
  bin=$(pg_bin_dir) || return 1
  "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -X -q -v ON_ERROR_STOP=1 \
    -v db="$db" >/dev/null <<'SQL'
SELECT format('CREATE DATABASE %I', :'db')
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db')
\gexec
SQL
}

_pg_newest_bin_dir() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    if [[ -x $dir/pg_ctl ]]; then
      echo "$dir"
    fi
  done | sort -V | tail -n 1
}

# A killed postmaster lingers as a zombie until PID 1 reaps it, and meanwhile both
# pg_ctl and postgres take its stale postmaster.pid for a running server.
_pg_wait_for_reaped_postmaster() {
  local pid="" stat state
  [[ -f $1/postmaster.pid ]] || return 0
  read -r pid <"$1/postmaster.pid" || return 0
  for _ in $(seq 1 60); do
    stat=$(cat "/proc/$pid/stat" 2>/dev/null) || return 0
    # The state follows the command name, which is in parentheses.
    state=${stat##*) }
    [[ ${state%% *} == Z ]] || return 0
    sleep 0.5
  done
  echo "pg_start: postmaster $pid in $1 was never reaped" >&2
  return 1
}

# Postgres refuses to run as root, so a root caller runs the server as postgres.
_pg_as_owner() {
  if [[ $EUID -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

_pg_locale() {
  if [[ $(locale -a 2>/dev/null) =~ (^|$'\n')C\.(utf8|UTF-8)($'\n'|$) ]]; then
    echo C.UTF-8
  else
    echo C
  fi
}

# The postgres user has to reach its data directory through every ancestor;
# walking down from / names the directory that actually blocks it.
_pg_make_traversable() {
  local path="" part
  local -a parts
  IFS=/ read -ra parts <<<"${1#/}"
  for part in "${parts[@]}"; do
    path="$path/$part"
    if ! runuser -u postgres -- test -x "$path"; then
      echo "postgres.sh: allowing others to traverse $path" >&2
      chmod o+x "$path" || return 1
    fi
  done
}
