# Sourced by bench/run.sh and bench/smoke.sh: builds, starts and stops what a bench run needs.
# Everything listens on and talks to loopback only; every process started here is recorded by PID
# and stopped by bench_stop_all, which the callers install as their EXIT/INT/TERM trap.

bench_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$bench_root/scripts/prerequisites.sh"
source "$bench_root/scripts/postgres.sh"

bench_pids=()
bench_pg_data=""
bench_dll="$bench_root/bench/Widget.Bench/bin/Release/net10.0/Widget.Bench.dll"
bare_dll="$bench_root/bench/BareHub/bin/Release/net10.0/BareHub.dll"
# The service runs from its published output: outside Development, MapStaticAssets serves the
# widget's CSS and script (and their precompressed copies) only from there.
service_dir="$bench_root/.data/bench/publish/web"
nchan_module=/usr/lib/nginx/modules/ngx_nchan_module.so

bench_log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# Stops every recorded process: TERM, up to 15 s to finish, then KILL; then the private Postgres.
bench_stop_all() {
  trap - EXIT INT TERM
  local pid deadline
  for pid in "${bench_pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  deadline=$((SECONDS + 15))
  for pid in "${bench_pids[@]}"; do
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  bench_pids=()
  if [[ -n $bench_pg_data ]]; then pg_stop "$bench_pg_data"; fi
}

# Stops the given recorded processes (TERM, then KILL after 30 s) and forgets them.
bench_stop() {
  local pid deadline kept=()
  for pid in "$@"; do kill -TERM "$pid" 2>/dev/null || true; done
  deadline=$((SECONDS + 30))
  for pid in "$@"; do
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  for pid in "${bench_pids[@]}"; do
    [[ " $* " == *" $pid "* ]] || kept+=("$pid")
  done
  bench_pids=("${kept[@]}")
}

# The first port from $1 up that nothing on 127.0.0.1 listens on. Servers take ports below the
# ephemeral range (see net.ipv4.ip_local_port_range) so that client sockets never collide with them.
bench_free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

bench_wait_http() {
  local url=$1 seconds=${2:-60} deadline
  deadline=$((SECONDS + seconds))
  until curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; do
    if ((SECONDS >= deadline)); then
      bench_log "no answer from $url after $seconds s"
      return 1
    fi
    sleep 0.3
  done
}

# Waits until a file holds a line matching a pattern, or fails after a time limit.
bench_wait_line() {
  local file=$1 pattern=$2 seconds=$3 deadline
  deadline=$((SECONDS + seconds))
  until [[ -f $file ]] && grep -q "$pattern" "$file"; do
    if ((SECONDS >= deadline)); then
      bench_log "no '$pattern' in $file after $seconds s"
      return 1
    fi
    sleep 0.2
  done
}

bench_raise_fd_limit() {
  ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
  bench_log "open files: $(ulimit -n) per process; ephemeral ports: $(sysctl -n net.ipv4.ip_local_port_range 2>/dev/null | tr -s '\t ' '-')"
}

bench_build() {
  ensure_postgres
  build_widget_script
  ensure_node_modules "$bench_root/tools/dev-oidc"
  bench_log "building the service, the bare hub and the generator (Release)"
  dotnet build "$bench_root/Widget.Web" -c Release -v quiet -nologo -clp:"ErrorsOnly;NoSummary"
  rm -rf "$service_dir"
  if [ "${BENCH_READY_TO_RUN:-0}" = 1 ]; then
    dotnet publish "$bench_root/Widget.Web" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$service_dir" -v quiet -nologo -clp:"ErrorsOnly;NoSummary"
  else
    dotnet publish "$bench_root/Widget.Web" -c Release --no-build -o "$service_dir" -v quiet -nologo -clp:"ErrorsOnly;NoSummary"
  fi
  dotnet build "$bench_root/bench/BareHub" -c Release -v quiet -nologo -clp:"ErrorsOnly;NoSummary"
  dotnet build "$bench_root/bench/Widget.Bench" -c Release -v quiet -nologo -clp:"ErrorsOnly;NoSummary"
}

bench() { dotnet "$bench_dll" "$@"; }

# bench_bg VAR SUBCOMMAND ARGS...: starts a generator child in the background (dotnet itself, so a
# TERM reaches it and it writes its results), records it, and stores its PID in VAR.
bench_bg() {
  local -n pid_out=$1
  shift
  dotnet "$bench_dll" "$@" &
  pid_out=$!
  bench_pids+=("$pid_out")
}

# bench_start_postgres DATA_DIR PORT: a fresh private cluster (durability settings left at their defaults).
bench_start_postgres() {
  local data=$1 port=$2
  pg_stop "$data" 2>/dev/null || true
  rm -rf "$data" "$data.log"
  mkdir -p "$(dirname "$data")"
  bench_pg_data=$data
  pg_start "$data" "$port"
  pg_ensure_database "$port" widget
}

bench_postmaster_pid() { head -n 1 "$(realpath -m "$1")/postmaster.pid"; }

# bench_start_oidc PORT WIDGET_PORT LOG
bench_start_oidc() {
  OIDC_PORT=$1 OIDC_REDIRECT_URIS="http://localhost:$2/signin-oidc/dev" \
    node "$bench_root/tools/dev-oidc/server.mjs" >"$3" 2>&1 &
  bench_pids+=($!)
  bench_wait_http "http://127.0.0.1:$1/.well-known/openid-configuration" 30
}

# bench_start_service PORT OIDC_PORT PG_PORT LOG; sets service_pid. Posting limits are raised for the
# bench (a few hundred bench users post thousands a second), and so are the per-address limits (thousands of
# viewers and hundreds of sign-ins come from a few loopback addresses); everything else is the shipped config.
# BENCH_CONNECTION_OPTIONS appends to the connection string, for experiments ("Max Auto Prepare=32").
bench_start_service() {
  local port=$1 oidc_port=$2 pg_port=$3 log=$4
  (
    cd "$service_dir" &&
      ASPNETCORE_ENVIRONMENT=Production \
      ConnectionStrings__Widget="$(pg_connection_string "$pg_port" widget)${BENCH_CONNECTION_OPTIONS:+;$BENCH_CONNECTION_OPTIONS}" \
      Diagnostics__ExposeStats=true \
      Hosting__PublicOrigin="http://localhost:$port" \
      Posting__RateLimitBurst=10000 \
      Posting__RateLimitPeriod=00:00:01 \
      Realtime__MaxConnectionsPerAddress=1000000 \
      Auth__PopupStartsPerMinute=100000 \
      Auth__Providers__dev__DisplayName="Dev login" \
      Auth__Providers__dev__Authority="http://localhost:$oidc_port" \
      Auth__Providers__dev__ClientId=widget-dev \
      Auth__Providers__dev__ClientSecret=widget-dev-secret \
      Auth__Providers__dev__RequireHttpsMetadata=false \
      exec dotnet Widget.Web.dll --urls "http://127.0.0.1:$port"
  ) >"$log" 2>&1 &
  service_pid=$!
  bench_pids+=("$service_pid")
  bench_wait_http "http://127.0.0.1:$port/_stats" 90
}

# bench_start_bare PORT LOG; sets bare_pid.
bench_start_bare() {
  local port=$1 log=$2
  (
    cd "$bench_root/bench/BareHub" &&
      ASPNETCORE_ENVIRONMENT=Production exec dotnet "$bare_dll" --urls "http://127.0.0.1:$port"
  ) >"$log" 2>&1 &
  bare_pid=$!
  bench_pids+=("$bare_pid")
  bench_wait_http "http://127.0.0.1:$port/_stats" 60
}

# The peers beside the bare hub (bench/nchan, bench/socketio), installed only when a run wants them.
bench_prepare_peers() { # bench_prepare_peers "TARGETS"
  if [[ " $* " == *" nchan "* ]]; then
    ensure_apt_package nginx nginx
    [[ -e $nchan_module ]] || ensure_apt_package "$nchan_module" libnginx-mod-nchan
  fi
  if [[ " $* " == *" socketio "* ]]; then
    ensure_node_modules "$bench_root/bench/socketio"
  fi
}

# A root caller runs the peers as nobody: they need no privilege, and a bench server should have none.
# setpriv execs, so the PID the script records is the server's own.
bench_unprivileged=()
[[ $EUID -ne 0 ]] || bench_unprivileged=(setpriv --reuid=nobody --regid=nogroup --clear-groups --)

# bench_start_nchan PORT DIR LOG: nginx with nchan, its prefix, pid and temp files in DIR; sets nchan_pid
# (the master) and nchan_worker (its one worker, which holds the connections).
bench_start_nchan() {
  local port=$1 dir=$2 log=$3
  rm -rf "$dir"
  mkdir -p "$dir"
  sed -e "s|@PREFIX@|$dir|g" -e "s|@PORT@|$port|g" \
    "$bench_root/bench/nchan/nginx.conf.template" >"$dir/nginx.conf"
  [[ $EUID -ne 0 ]] || chown -R nobody:nogroup "$dir"
  # The nchan module has nginx create its compiled-in temporary directories whatever the configuration names, and
  # as nobody it cannot; Debian's package leaves them to nginx's first start as root, which a fresh machine never had.
  [[ $EUID -ne 0 ]] || nginx -V 2>&1 | tr ' ' '\n' | sed -n 's/^--http-.*-temp-path=//p' | xargs -r mkdir -p
  (exec "${bench_unprivileged[@]}" nginx -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log") >"$log" 2>&1 &
  nchan_pid=$!
  bench_pids+=("$nchan_pid")
  bench_wait_http_status "http://127.0.0.1:$port/" 404 30
  nchan_worker=$(ps -o pid= --ppid "$nchan_pid" | head -n 1 | tr -d ' ')
}

# bench_start_socketio PORT LOG; sets socketio_pid.
bench_start_socketio() {
  local port=$1 log=$2
  (cd "$bench_root/bench/socketio" && exec "${bench_unprivileged[@]}" node server.mjs "$port") >"$log" 2>&1 &
  socketio_pid=$!
  bench_pids+=("$socketio_pid")
  bench_wait_http_status "http://127.0.0.1:$port/" 404 30
}

# Waits until a URL answers with the given status (the peers answer 404 outside their paths).
bench_wait_http_status() {
  local url=$1 status=$2 seconds=$3 deadline
  deadline=$((SECONDS + seconds))
  until [[ $(curl -sS -o /dev/null -w '%{http_code}' --max-time 2 "$url" 2>/dev/null) == "$status" ]]; do
    if ((SECONDS >= deadline)); then
      bench_log "no $status from $url after $seconds s"
      return 1
    fi
    sleep 0.3
  done
}

bench_machine() {
  printf 'cores=%s;memory=%s;cpu=%s;os=%s;kernel=%s;dotnet=%s;postgres=%s;service=%s' \
    "$(nproc)" \
    "$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)" \
    "$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)" \
    "$(. /etc/os-release && echo "$PRETTY_NAME")" \
    "$(uname -r)" \
    "SDK $(dotnet --version), runtime $(dotnet --list-runtimes | awk '/Microsoft.AspNetCore.App/ {v=$2} END {print v}')" \
    "$("$(pg_bin_dir)/postgres" --version | awk '{print $3}')" \
    "commit $(git -C "$bench_root" rev-parse --short HEAD 2>/dev/null || echo unknown)$(bench_dirty)"
}

# What the measured service was built from besides its commit: uncommitted changes outside bench/.
bench_dirty() {
  local n
  n=$(git -C "$bench_root" status --porcelain -- . ':!bench' ':!docs/benchmarks.md' 2>/dev/null | wc -l)
  ((n == 0)) || echo " with $n uncommitted file(s) outside bench/"
}
