#!/usr/bin/env bash
# Starts the widget on embedded defaults: a private Postgres, the development OpenID provider,
# the service and a demo host page on another origin. Ctrl-C stops everything it started.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh
source scripts/postgres.sh

WIDGET_PORT=${WIDGET_PORT:-5080}
DEMO_PORT=${DEMO_PORT:-5081}
OIDC_PORT=${OIDC_PORT:-5082}
POSTGRES_PORT=${POSTGRES_PORT:-5433}
widget_origin="http://localhost:$WIDGET_PORT"
pg_data=.data/postgres
pids=()

stop_all() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  pg_stop "$pg_data"
}
trap stop_all EXIT INT TERM

ensure_postgres
ensure_apt_package curl curl
build_widget_script
ensure_node_modules tools/dev-oidc
dotnet build Widget.Web -c Release -v quiet -nologo

mkdir -p .data
pg_start "$pg_data" "$POSTGRES_PORT"
pg_ensure_database "$POSTGRES_PORT" widget

OIDC_PORT=$OIDC_PORT OIDC_REDIRECT_URIS="$widget_origin/signin-oidc/dev" \
  node tools/dev-oidc/server.mjs &
pids+=($!)

ASPNETCORE_ENVIRONMENT=Development \
ConnectionStrings__Widget="$(pg_connection_string "$POSTGRES_PORT" widget)" \
Auth__Providers__dev__DisplayName="Dev login" \
Auth__Providers__dev__Authority="http://localhost:$OIDC_PORT" \
Auth__Providers__dev__ClientId=widget-dev \
Auth__Providers__dev__ClientSecret=widget-dev-secret \
Auth__Providers__dev__RequireHttpsMetadata=false \
Auth__CrossSiteCookie=true \
Hosting__PublicOrigin="$widget_origin" \
Demo__Site=demo Demo__OwnerProvider=dev Demo__OwnerLogin=demo \
  dotnet run --project Widget.Web -c Release --no-build --urls "$widget_origin" &
pids+=($!)

DEMO_PORT=$DEMO_PORT WIDGET_ORIGIN=$widget_origin node tools/demo-host/server.mjs &
pids+=($!)

# Print the URLs only once the service answers (migrations run at start).
for _ in $(seq 1 120); do
  curl -fso /dev/null "$widget_origin/w/demo" && break
  sleep 0.5
done

cat <<EOT

  Demo host page    http://127.0.0.1:$DEMO_PORT/   (another origin, embedding the widget)
                    http://127.0.0.1:$DEMO_PORT/book, /pricing   (a form and a page with routes, to browse together)
  Widget            $widget_origin/w/demo
  Public posts      $widget_origin/   (tag pages, profiles, permalinks, search, feeds)
  Your sites        $widget_origin/sites   (claim a tag, set it up, copy the snippet)
  Moderator desk    $widget_origin/mod/demo   (for the tag's owner and moderators: sign in as "demo")
  OpenID provider   http://localhost:$OIDC_PORT   (development login: any name, any password)

  Ctrl-C stops everything.

EOT
wait -n "${pids[@]}"
