#!/usr/bin/env bash
# A few seconds of the benchmark's delivery path, for the test run: a few hundred viewers on the
# service (and with --both on the bare hub too), posts through the hub, and a check that every post
# reached every viewer of its channel exactly once. No timing is asserted. Exits non-zero if a
# delivery was lost or duplicated, a post was refused, a viewer dropped, or the generator broke.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
trap bench_stop_all EXIT INT TERM
cd "$bench_root"

targets=service
[[ ${1:-} == --both ]] && targets="service bare"
VIEWERS=${SMOKE_VIEWERS:-300}
CHANNELS=${SMOKE_CHANNELS:-30}
RATE=${SMOKE_RATE:-100}
SECONDS_OF_POSTS=${SMOKE_SECONDS:-3}

out=.data/bench/smoke
rm -rf "$out"
mkdir -p "$out"
results=$out/results.jsonl

bench_raise_fd_limit
bench_build
bench clock

pg_port=$(bench_free_port 16432)
bench_start_postgres .data/bench/smoke-pg "$pg_port"
web_port=$(bench_free_port 16080)
oidc_port=$(bench_free_port $((web_port + 1)))
bench_start_oidc "$oidc_port" "$web_port" "$out/oidc.log"
bench_start_service "$web_port" "$oidc_port" "$pg_port" "$out/service.log"
if [[ $targets == *bare* ]]; then
  bare_port=$(bench_free_port $((oidc_port + 1)))
  bench_start_bare "$bare_port" "$out/bare.log"
fi
bench tokens --url "http://localhost:$web_port" --count 10 --sources 127.0.0.2-127.0.0.3 --out "$out/tokens.txt" --max-seconds 60

for target in $targets; do
  if [[ $target == service ]]; then port=$web_port pid=$service_pid; else port=$bare_port pid=$bare_pid; fi
  base=http://127.0.0.1:$port
  bench_bg vpid viewers --url "$base/hubs/live" --target "$target" --scenario smoke --count "$VIEWERS" \
    --channels "$CHANNELS" --channel-prefix smoke_ --sources 127.0.0.2 --out "$out/viewers-$target.jsonl" --max-seconds 120
  bench_wait_line "$out/viewers-$target.jsonl" viewers-ready 60
  bench post --url "$base/hubs/live" --tokens "$out/tokens.txt" --connections 10 --channels "$CHANNELS" \
    --channel-prefix smoke_ --phase "1:smoke:$RATE:$SECONDS_OF_POSTS" --drain 20 --target "$target" --scenario smoke \
    --sources 127.0.0.3 --out "$results" --pid "$pid" --stats-url "$base/_stats" --watch "server=$pid" \
    --watch "generator=self+$vpid" --max-seconds 60
  sleep 2
  bench_stop "$vpid"
  cat "$out/viewers-$target.jsonl" >>"$results"
done

bench report --results "$results" --check
