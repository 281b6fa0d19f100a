#!/usr/bin/env bash
# Installs what is missing and runs every test.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh

ensure_postgres
ensure_apt_package chromium chromium
ensure_apt_package turnserver coturn
ensure_emoji_font
ensure_cluster_tools
build_widget_script
ensure_node_modules tools/dev-oidc

echo "docker-compose.yml:"
validate_compose_file && echo "  valid"

echo "embed script tests:"
(cd embed && npm test --silent)

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test --solution Widget.sln 2>&1 | tee "$log" || status=$?

# Keeps the benchmark from rotting: a few hundred viewers for a few seconds, every delivery counted.
# It measures nothing; the figures come from bench/run.sh.
echo "benchmark smoke run:"
bash bench/smoke.sh >"$log.bench" 2>&1 || { status=1; cat "$log.bench"; echo "benchmark smoke run failed"; }
rm -f "$log.bench"

# One plain closing line for whoever reads only the end of the log.
passed=$(grep -Eo 'succeeded: [0-9]+' "$log" | tail -n 1 | grep -Eo '[0-9]+' || echo 0)
failed=$(grep -Eo 'failed: [0-9]+' "$log" | tail -n 1 | grep -Eo '[0-9]+' || echo 0)
echo "tests: $passed passed, $failed failed"
exit "$status"
