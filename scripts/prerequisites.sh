# Sourced by run.sh and test.sh: installs what a fresh machine lacks, by package name only.

apt_updated=false

ensure_apt_package() {
  local command=$1 package=$2
  command -v "$command" >/dev/null 2>&1 && return 0
  if [[ $EUID -ne 0 ]]; then
    echo "$command is missing: install the '$package' package" >&2
    return 1
  fi
  if [[ $apt_updated == false ]]; then
    apt-get update -qq >&2
    apt_updated=true
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >&2
}

# Without it Chromium draws emoji (the reaction bar, posts) as empty boxes in the screenshots.
ensure_emoji_font() {
  [[ -e /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ]] && return 0
  ensure_apt_package /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf fonts-noto-color-emoji
}

ensure_postgres() {
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null && return 0
  ensure_apt_package /usr/lib/postgresql/15/bin/initdb postgresql
}

# npm ci only when the lock file changed since the last install.
ensure_node_modules() {
  local dir=$1
  if [[ ! -f $dir/node_modules/.package-lock.json || $dir/package-lock.json -nt $dir/node_modules/.package-lock.json ]]; then
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# The widget's own script and the embed loader webmasters paste; both land in Widget.Web/wwwroot.
build_widget_script() {
  ensure_node_modules Widget.Web/Client
  (cd Widget.Web/Client && npm run --silent build)
  ensure_node_modules embed
  (cd embed && npm run --silent build)
}

# The multi-node tests run real redis-server and nginx processes; docker-compose only validates the file.
ensure_cluster_tools() {
  ensure_apt_package redis-server redis-server
  ensure_apt_package nginx nginx
  ensure_apt_package docker-compose docker-compose
}

# No Docker engine runs here, so the compose file is checked, not started. The password is required
# by the file and never stored in it; any value does for checking.
validate_compose_file() {
  POSTGRES_PASSWORD=validate-only docker-compose -f docker-compose.yml config -q
}
