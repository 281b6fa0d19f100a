#!/usr/bin/env bash
# Runs every benchmark scenario against the service (on a fresh private Postgres, posts through the
# full path) and against the bare SignalR hub in bench/BareHub, one after the other in the same run,
# then prints the comparison table and writes it into docs/benchmarks.md. The connection, chat and
# hot-channel scenarios also run on two well-known servers doing the bare hub's job: nginx with nchan
# (bench/nchan) and socket.io 4 (bench/socketio).
#
#   bench/run.sh                      the whole set (about 17 minutes on 2 cores)
#   BENCH_QUICK=1 bench/run.sh        a few hundred viewers and a few seconds per scenario
#   BENCH_SCENARIOS=churn bench/run.sh
#                                     memory before, with and after 2,000 connections from one address, three
#                                     rounds (about 80 s for both targets); not in the whole set, so opt-in
#
# Every duration and size can be overridden (see the BENCH_* variables below). Loopback only;
# every process it starts is stopped on every path (trap), and each child has its own time limit.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
trap bench_stop_all EXIT INT TERM
cd "$bench_root"

if [[ ${BENCH_QUICK:-0} == 1 ]]; then
  : "${BENCH_VIEWERS:=600}" "${BENCH_CHANNELS:=60}" "${BENCH_HOLD_SECONDS:=3}" "${BENCH_CHAT_SECONDS:=4}"
  : "${BENCH_HOT_VIEWERS:=600}" "${BENCH_HOT_SECONDS:=4}" "${BENCH_HOT_RATES:=2 20}" "${BENCH_INGEST_SECONDS:=3}" "${BENCH_PAGE_SECONDS:=2}"
  : "${BENCH_USERS:=40}"
fi
VIEWERS=${BENCH_VIEWERS:-10000}                 # density and chat viewers
CHANNELS=${BENCH_CHANNELS:-1000}                # ... over this many channels
VIEWER_PROCESSES=${BENCH_VIEWER_PROCESSES:-2}   # one process holds at most ~19,000 sockets
HOLD_SECONDS=${BENCH_HOLD_SECONDS:-30}          # density: idle viewers held this long
CHAT_RATES=${BENCH_CHAT_RATES:-500 2000}        # chat: posts per second, one phase each
CHAT_SECONDS=${BENCH_CHAT_SECONDS:-20}
HOT_VIEWERS=${BENCH_HOT_VIEWERS:-10000}         # hot channel: all on one channel
HOT_RATES=${BENCH_HOT_RATES:-2 5 10 15 20 30 40 60 80}  # hot channel: a climb, one phase per rate, the same viewers throughout
HOT_RATE=${BENCH_HOT_RATE:-20}                  # ... of which this one is shown in full
HOT_SECONDS=${BENCH_HOT_SECONDS:-10}
INGEST_SECONDS=${BENCH_INGEST_SECONDS:-10}
INGEST_WORKERS=${BENCH_INGEST_WORKERS:-200}     # concurrent authors, closed loop
PAGE_SECONDS=${BENCH_PAGE_SECONDS:-8}
PAGE_CONCURRENCY=${BENCH_PAGE_CONCURRENCY:-1,16}
USERS=${BENCH_USERS:-200}                       # bench users signed in through the provider
POSTERS=${BENCH_POSTERS:-100}                   # posting connections in chat
CHURN_VIEWERS=${BENCH_CHURN_VIEWERS:-2000}      # churn: connections from one address, as a probe opens them
CHURN_CHANNELS=${BENCH_CHURN_CHANNELS:-20}      # ... over this many channels
CHURN_ROUNDS=${BENCH_CHURN_ROUNDS:-3}           # churn: connect, close, read, this many times
CHURN_WAIT=${BENCH_CHURN_WAIT:-10}              # churn: seconds from the close to the reading (presence grace 5 s + flush 1 s)
CHURN_SETTLE=${BENCH_CHURN_SETTLE:-30}          # ... and from that to the settled one (the service looks for a crowd gone every 15 s)
TARGETS=${BENCH_TARGETS:-service bare nchan socketio}
PEERS_SCENARIOS="density_chat hot"            # what nchan and socket.io run; the rest is SignalR-only
# BENCH_SCENARIOS: a subset of "density_chat hot ingest page", or "churn", for experiments; the report shows
# what ran. Such a run writes its report to BENCH_DOC only when that is set, so it never replaces the table
# of the whole set in docs/benchmarks.md.
if [[ -n ${BENCH_SCENARIOS:-} ]]; then DOC=${BENCH_DOC:-}; else DOC=${BENCH_DOC:-docs/benchmarks.md}; fi

started=$SECONDS
run_id=$(date -u +%Y%m%dT%H%M%SZ)
out=.data/bench/results/$run_id
mkdir -p "$out"
results=$out/results.jsonl
bench_log "results and logs in $out"

bench_raise_fd_limit
bench_build
bench_prepare_peers "$TARGETS"
bench clock

pg_port=$(bench_free_port 15432)
bench_start_postgres .data/bench/pg "$pg_port"
pg_pid=$(bench_postmaster_pid .data/bench/pg)
web_port=$(bench_free_port 15080)
oidc_port=$(bench_free_port $((web_port + 1)))
bare_port=$(bench_free_port $((oidc_port + 1)))
bench_start_oidc "$oidc_port" "$web_port" "$out/oidc.log"
bench_start_service "$web_port" "$oidc_port" "$pg_port" "$out/service.log"
bench_start_bare "$bare_port" "$out/bare.log"
bench_log "service pid $service_pid on :$web_port, bare hub pid $bare_pid on :$bare_port, postgres :$pg_port"
if [[ " $TARGETS " == *" nchan "* ]]; then
  nchan_port=$(bench_free_port $((bare_port + 1)))
  bench_start_nchan "$nchan_port" "$bench_root/.data/bench/nchan" "$out/nchan.log"
  bench_log "nginx+nchan pid $nchan_pid (worker $nchan_worker) on :$nchan_port"
fi
if [[ " $TARGETS " == *" socketio "* ]]; then
  socketio_port=$(bench_free_port $((${nchan_port:-$bare_port} + 1)))
  bench_start_socketio "$socketio_port" "$out/socketio.log"
  bench_log "socket.io pid $socketio_pid on :$socketio_port"
fi

tokens=$out/tokens.txt
bench tokens --url "http://localhost:$web_port" --count "$USERS" --sources 127.0.0.2-127.0.0.9 --out "$tokens" --max-seconds 120

# use_target sets the address, protocol, PID (the one whose memory is read) and CPU watch list of one
# target; the peers have no /_stats, so they are read from /proc alone.
use_target() {
  target=$1
  case $target in
    service) port=$web_port pid=$service_pid protocol=signalr ;;
    bare) port=$bare_port pid=$bare_pid protocol=signalr ;;
    nchan) port=$nchan_port pid=$nchan_worker protocol=nchan ;;
    socketio) port=$socketio_port pid=$socketio_pid protocol=socketio ;;
    *) bench_log "unknown target $target"; return 1 ;;
  esac
  base=http://127.0.0.1:$port
  hub=$base
  stats_at=()
  if [[ $protocol == signalr ]]; then
    hub=$base/hubs/live
    stats_at=(--stats-url "$base/_stats")
  fi
  watch=(--watch "server=$pid" --watch "postgres=tree:$pg_pid")
}

stats() { # stats SCENARIO LABEL [--collect]
  bench stats --target "$target" --scenario "$1" --label "$2" ${3:+"$3"} --pid "$pid" "${stats_at[@]}" --out "$results" >&2
}

# start_viewers SCENARIO COUNT CHANNELS PREFIX [PROCESSES]: COUNT viewers over PROCESSES processes
# (VIEWER_PROCESSES), each from its own source address (127.0.0.2, .3, ...); waits until all have joined.
# Sets viewer_pids.
start_viewers() {
  local scenario=$1 count=$2 channels=$3 prefix=$4 processes=${5:-$VIEWER_PROCESSES} p per first vp
  per=$(((count + processes - 1) / processes))
  viewer_pids=()
  for ((p = 0; p < processes; p++)); do
    first=$((p * per))
    ((first < count)) || break
    bench_bg vp viewers --url "$hub" --protocol "$protocol" --target "$target" --scenario "$scenario" --process "$p" \
      --count $((count - first < per ? count - first : per)) --first "$first" --channels "$channels" \
      --channel-prefix "$prefix" --sources "127.0.0.$((2 + p))" --out "$out/viewers-$target-$scenario-$p.jsonl" --max-seconds 400
    viewer_pids+=("$vp")
  done
  for ((p = 0; p < ${#viewer_pids[@]}; p++)); do
    bench_wait_line "$out/viewers-$target-$scenario-$p.jsonl" viewers-ready 240
  done
}

# stop_viewers [discard]: TERM makes each write its tally; then their lines join the results, unless
# discarded.
stop_viewers() {
  bench_stop "${viewer_pids[@]}"
  [[ ${1:-} == discard ]] || cat "$out"/viewers-"$target"-*.jsonl >>"$results"
  rm -f "$out"/viewers-"$target"-*.jsonl
  viewer_pids=()
}

# warm_up: a small crowd joins, the chat's posters post to it in 10 s rounds until a round costs the
# server under 100 ms of JIT (at most 8 rounds), and it leaves, so one-time costs (JIT, query plans,
# connection pools) fall before the readings and are charged to no viewer and no post.
warm_up() {
  start_viewers warmup 200 "$CHANNELS" warmup_
  bench post --url "$hub" --protocol "$protocol" --tokens "$tokens" --connections "$POSTERS" --channels "$CHANNELS" --channel-prefix warmup_ \
    --phase "0:warmup:500:10" --rounds 8 --settled-jit-ms 100 --target "$target" --scenario warmup \
    --sources 127.0.0.10 --out "$out/warmup.jsonl" --pid "$pid" "${stats_at[@]}" --max-seconds 150 |
    sed 's/^/  /' >&2
  stop_viewers discard
  rm -f "$out/warmup.jsonl"
  sleep 2
}

gen_watch() { local IFS=+; echo "generator=self${viewer_pids:++${viewer_pids[*]}}"; }

scenario_density_chat() {
  local phases=() id=1 rate sampler
  warm_up
  stats density before --collect
  bench_bg sampler sample --target "$target" --scenario density --pid "$pid" "${stats_at[@]}" --out "$results" --interval 2 --max-seconds 600
  start_viewers density "$VIEWERS" "$CHANNELS" chat_
  bench_log "$target: $VIEWERS viewers joined; holding them idle for $HOLD_SECONDS s"
  sleep "$HOLD_SECONDS"
  stats density held --collect
  for rate in $CHAT_RATES; do phases+=(--phase "$id:chat$rate:$rate:$CHAT_SECONDS"); id=$((id + 1)); done
  bench post --url "$hub" --protocol "$protocol" --tokens "$tokens" --connections "$POSTERS" --channels "$CHANNELS" --channel-prefix chat_ \
    "${phases[@]}" --target "$target" --scenario chat --sources 127.0.0.10 --out "$results" \
    --pid "$pid" "${stats_at[@]}" "${watch[@]}" --watch "$(gen_watch)" --max-seconds 300
  sleep 3
  stats chat loaded
  stop_viewers
  bench_stop "$sampler"
  sleep 2
  stats density after --collect
}

# hot: one channel of HOT_VIEWERS, posted to at each of HOT_RATES in turn, lowest first, up to HOT_RATE and then on
# until a viewer the poster holds sees a phase not kept up with; the report finds the highest rate every lower one of
# which was kept up with too. A phase past what the target keeps up with leaves a backlog that the phases after it
# inherit, which is why the sweep climbs, stops, and counts only an unbroken run.
scenario_hot() {
  local phases=() id=10 rate
  # Run on its own, it gets the warm-up the connection and chat scenario would have given it.
  [[ " ${BENCH_SCENARIOS:-density_chat} " == *" density_chat "* ]] || warm_up
  stats hot before --collect
  start_viewers hot "$HOT_VIEWERS" 1 hot
  for rate in $HOT_RATES; do phases+=(--phase "$id:hot$rate:$rate:$HOT_SECONDS"); id=$((id + 1)); done
  bench post --url "$hub" --protocol "$protocol" --tokens "$tokens" --connections 2 --channels 1 --channel-prefix hot \
    "${phases[@]}" --sweep-from "$HOT_RATE" --target "$target" --scenario hot --sources 127.0.0.10 --out "$results" \
    --pid "$pid" "${stats_at[@]}" "${watch[@]}" --watch "$(gen_watch)" --max-seconds 600
  sleep 3
  stop_viewers
  stats hot after --collect
}

scenario_ingest() {
  local mode channels url
  for mode in hub http; do
    for channels in 1 "$CHANNELS"; do
      url=$base
      [[ $mode == hub ]] && url=$base/hubs/live
      bench ingest --mode "$mode" --url "$url" --tokens "$tokens" --workers "$INGEST_WORKERS" --channels "$channels" \
        --channel-prefix "ingest_${mode}_${channels}_" --seconds "$INGEST_SECONDS" --warmup 2 --target "$target" \
        --name "$mode-$([[ $channels == 1 ]] && echo one || echo many)" --sources 127.0.0.10-127.0.0.13 --out "$results" \
        "${watch[@]}" --watch generator=self --max-seconds 120
    done
  done
}

scenario_page() {
  # The page shows the newest 50 posts: put 50 in its channel first, through the hub.
  bench post --url "$base/hubs/live" --tokens "$tokens" --connections 1 --channels 1 --channel-prefix page \
    --phase 0:seed:50:1 --target "$target" --scenario seed --out "$out/seed.jsonl" --pid "$pid" --max-seconds 60 >/dev/null
  bench page --url "$base/w/page0" --concurrency "$PAGE_CONCURRENCY" --seconds "$PAGE_SECONDS" --warmup 2 \
    --target "$target" --sources 127.0.0.10 --out "$results" "${watch[@]}" --watch generator=self --max-seconds 120
  bench transfer --url "$base/w/page0" --target "$target" --out "$results" --max-seconds 60
}

# churn: viewers from one address, in one process, join and leave, CHURN_ROUNDS times. Read before
# (collected), with them held, CHURN_WAIT s after they closed, CHURN_SETTLE s after that (what the node gave back
# by itself), and then again after a full collection: a leak is a collected heap that grows round after round, not
# a heap the collector has not yet visited.
scenario_churn() {
  local round
  stats churn before --collect
  for ((round = 1; round <= CHURN_ROUNDS; round++)); do
    start_viewers churn "$CHURN_VIEWERS" "$CHURN_CHANNELS" churn_ 1
    stats churn "held.$round"
    stop_viewers
    sleep "$CHURN_WAIT"
    stats churn "closed.$round"
    sleep "$CHURN_SETTLE"
    stats churn "settled.$round"
    stats churn "closed-collected.$round" --collect
  done
}

# Scenario by scenario, each target in turn, so a change in the machine's load (other work on it)
# hits both sides of a comparison alike.
for scenario in ${BENCH_SCENARIOS:-density_chat hot ingest page}; do
  for t in $TARGETS; do
    [[ $t == service || $t == bare || " $PEERS_SCENARIOS " == *" $scenario "* ]] || continue
    use_target "$t"
    bench_log "== $scenario on $target"
    "scenario_$scenario"
  done
done

elapsed=$((SECONDS - started))
bench_log "all scenarios done, $elapsed s since the start; writing the report"
command="bench/run.sh"
for v in $(compgen -e | grep '^BENCH_' | sort); do command="$v=${!v} $command"; done
bench report --results "$results" ${DOC:+--doc "$DOC"} --machine "$(bench_machine)" --command "$command" --elapsed "$elapsed" \
  --viewers "$VIEWERS" --hot-viewers "$HOT_VIEWERS" --hot-headline "hot$HOT_RATE"
