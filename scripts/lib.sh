# shellcheck shell=bash
# scripts/lib.sh — shared functions for scripts/up, down, svc, test and bench.
#
# Source it; do not run it.  It turns on `set -euo pipefail`.
#
# Environment (all optional):
#   CONCORD_VAR      state folder (default: <root>/var); made absolute
#   CONCORD_PORT     port nginx listens on, on 127.0.0.1 only (default: 8080)
#   CONCORD_BUILD    build folder holding concord-fcgi, concord-worker and
#                    concordctl (default: <root>/build, a VPATH build)
#   CONCORD_WORKERS  concord-fcgi workers (default: 0 = 2 per core)
#   CONCORD_BODY_MAX request body limit in bytes, for both nginx and the app
#                    (default: 1048576)
#   CONCORD_UPLOAD_MAX, CONCORD_UPLOAD_FILES
#                    evidence: bytes per file and files per report (default:
#                    20971520 and 10); nginx's limit for an upload follows
#
# Every start function is idempotent: if the service is already running it says
# so and does nothing.  Every failure prints what failed and the tail of the log
# that explains it.

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)

# ----------------------------------------------------------------------------
# messages

say()  { printf '%s\n' "$*"; }
step() { printf '==> %s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die()  { printf 'error: %s\n' "$*" >&2; exit 1; }

# log_tail FILE [LINES] — show the end of a log on stderr, for error reports.
log_tail() {
    local file=$1 n=${2:-40}
    if [[ -s $file ]]; then
        printf -- '----- last %d lines of %s -----\n' "$n" "$file" >&2
        tail -n "$n" -- "$file" >&2
        printf -- '----- end of %s -----\n' "$file" >&2
    else
        printf '(log %s is empty or missing)\n' "$file" >&2
    fi
}

# fail_with_log FILE MESSAGE... — print the log tail, then die.
fail_with_log() {
    local file=$1; shift
    log_tail "$file"
    die "$*"
}

require_root() {
    [[ $EUID -eq 0 ]] || die "$(basename "$0") must run as root (it installs packages and runs PostgreSQL as the postgres user): try sudo $0"
}

# ----------------------------------------------------------------------------
# paths; concord_paths is called again after CONCORD_VAR etc. change

abspath() {
    case $1 in
        /*) printf '%s\n' "$1" ;;
        *)  printf '%s\n' "$PWD/$1" ;;
    esac
}

# PostgreSQL runs as the postgres user (initdb refuses root), which must be
# able to reach its folder. A state folder inside a private one (a checkout
# under /root, say) cannot be, so its cluster lives under /var/lib/concord
# instead, in a folder named after the state folder; var/pg points there.
pg_dir_choose() {
    PG_DIR=$CONCORD_VAR/pg
    if [[ ! -L $PG_DIR ]] && id -u postgres >/dev/null 2>&1 \
            && ! runuser -u postgres -- test -x "$(dirname "$CONCORD_VAR")" 2>/dev/null; then
        PG_DIR=/var/lib/concord/pg-$(printf '%s' "$CONCORD_VAR" | cksum | cut -d' ' -f1)
    elif [[ -L $PG_DIR ]]; then
        PG_DIR=$(readlink "$PG_DIR")
    fi
}

concord_paths() {
    CONCORD_VAR=$(abspath "${CONCORD_VAR:-$ROOT/var}")
    CONCORD_VAR=${CONCORD_VAR%/}
    # Without CONCORD_PORT, use the port the stack in CONCORD_VAR was started on.
    if [[ -z ${CONCORD_PORT:-} && -f $CONCORD_VAR/port ]]; then
        CONCORD_PORT=$(cat "$CONCORD_VAR/port")
    fi
    CONCORD_PORT=${CONCORD_PORT:-8080}
    CONCORD_BUILD=$(abspath "${CONCORD_BUILD:-$ROOT/build}")
    CONCORD_BUILD=${CONCORD_BUILD%/}
    CONCORD_WORKERS=${CONCORD_WORKERS:-0}
    CONCORD_BODY_MAX=${CONCORD_BODY_MAX:-1048576}
    CONCORD_UPLOAD_MAX=${CONCORD_UPLOAD_MAX:-20971520}
    CONCORD_UPLOAD_FILES=${CONCORD_UPLOAD_FILES:-10}
    CONCORD_CONF=$CONCORD_VAR/concord.conf
    export CONCORD_VAR CONCORD_PORT CONCORD_BUILD CONCORD_WORKERS CONCORD_BODY_MAX CONCORD_CONF
    export CONCORD_UPLOAD_MAX CONCORD_UPLOAD_FILES

    LOG_DIR=$CONCORD_VAR/log
    RUN_DIR=$CONCORD_VAR/run
    pg_dir_choose
    PG_DATA=$PG_DIR/data
    PG_RUN=$PG_DIR/run
    PG_PORT=5432
    PG_LOG=$PG_DIR/postgres.log
    REDIS_DIR=$CONCORD_VAR/redis
    REDIS_SOCK=$RUN_DIR/redis.sock
    REDIS_LOG=$LOG_DIR/redis.log
    FCGI_SOCK=$RUN_DIR/concord.sock
    NGINX_CONF=$CONCORD_VAR/nginx.conf
    NGINX_PREFIX=$CONCORD_VAR/nginx/
    NGINX_ERROR_LOG=$LOG_DIR/nginx-error.log
    CTL_LOG=$LOG_DIR/concordctl.log
}
concord_paths

if ! [[ $CONCORD_PORT =~ ^[0-9]+$ ]] || (( CONCORD_PORT < 1 || CONCORD_PORT > 65535 )); then
    die "CONCORD_PORT must be a TCP port number, not '$CONCORD_PORT'"
fi

# The services, in start order; stop in the reverse order.
CONCORD_SERVICES=(postgres redis fcgi worker nginx)

# pidfile NAME — where NAME's pid is recorded.
pidfile() {
    case $1 in
        postgres) printf '%s\n' "$PG_DATA/postmaster.pid" ;;
        redis)    printf '%s\n' "$RUN_DIR/redis.pid" ;;
        fcgi)     printf '%s\n' "$RUN_DIR/concord-fcgi.pid" ;;
        worker)   printf '%s\n' "$RUN_DIR/concord-worker.pid" ;;
        nginx)    printf '%s\n' "$RUN_DIR/nginx.pid" ;;
        *) die "unknown service '$1' (one of: ${CONCORD_SERVICES[*]})" ;;
    esac
}

# logfile NAME — the log that explains NAME's failures.
logfile() {
    case $1 in
        postgres) printf '%s\n' "$PG_LOG" ;;
        redis)    printf '%s\n' "$REDIS_LOG" ;;
        fcgi)     printf '%s\n' "$LOG_DIR/concord-fcgi.log" ;;
        worker)   printf '%s\n' "$LOG_DIR/concord-worker.log" ;;
        nginx)    printf '%s\n' "$NGINX_ERROR_LOG" ;;
        *) die "unknown service '$1' (one of: ${CONCORD_SERVICES[*]})" ;;
    esac
}

# The process name (/proc/PID/comm) we expect, so that a stale pidfile whose
# pid now belongs to some other program is not taken for a running service.
expected_comm() {
    case $1 in
        postgres) printf 'postgres\n' ;;
        redis)    printf 'redis-server\n' ;;
        fcgi|worker) printf 'concord\n' ;;   # prefix: concord-fcgi, concord-worker
        nginx)    printf 'nginx\n' ;;
    esac
}

# pid_alive PID — true if PID exists and is not a zombie.
pid_alive() {
    local pid=$1 stat state
    kill -0 "$pid" 2>/dev/null || return 1
    stat=$(cat "/proc/$pid/stat" 2>/dev/null) || return 1
    state=${stat##*) }
    state=${state%% *}
    [[ $state != Z ]]
}

# group_alive PGID — true if a live (non-zombie) process is in process group PGID.
group_alive() {
    local pgid=$1 f stat rest
    for f in /proc/[0-9]*/stat; do
        stat=$(cat "$f" 2>/dev/null) || continue
        rest=${stat##*) }               # "STATE PPID PGRP ..."
        read -r -a rest <<< "$rest"
        [[ ${rest[2]} == "$pgid" && ${rest[0]} != Z ]] && return 0
    done
    return 1
}

# pid_of NAME — print the recorded pid (whether or not it is alive).
pid_of() {
    local f pid
    f=$(pidfile "$1")
    [[ -r $f ]] || return 1
    read -r pid < "$f" || true
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    printf '%s\n' "$pid"
}

# is_running NAME — true if NAME's pidfile names a live process of the right kind.
is_running() {
    local pid comm want
    pid=$(pid_of "$1") || return 1
    pid_alive "$pid" || return 1
    want=$(expected_comm "$1")
    comm=$(cat "/proc/$pid/comm" 2>/dev/null) || return 1
    [[ $comm == "$want"* ]]
}

# wait_gone PID SECONDS — wait for PID to exit; false on timeout.
wait_gone() {
    local pid=$1 tries=$(( $2 * 10 ))
    while (( tries-- > 0 )); do
        pid_alive "$pid" || return 0
        sleep 0.1
    done
    ! pid_alive "$pid"
}

# ----------------------------------------------------------------------------
# the state folder

prepare_var() {
    mkdir -p "$CONCORD_VAR"
    # PostgreSQL runs as the postgres user and nginx workers as www-data: they
    # must be able to traverse the state folder (mktemp -d makes it 0700).
    chmod 755 "$CONCORD_VAR"
    mkdir -p "$LOG_DIR" "$RUN_DIR" "$REDIS_DIR" "$NGINX_PREFIX" \
             "$CONCORD_VAR/mail" "$CONCORD_VAR/evidence"
    chmod 755 "$LOG_DIR" "$RUN_DIR" "$NGINX_PREFIX" "$CONCORD_VAR/evidence"
    chmod 700 "$REDIS_DIR"
    # The CAD API's key secrets are derived from this file (fcgi/auth/api_sign.h):
    # made once, kept across runs, as the keys made with it depend on it.
    if [[ ! -s $CONCORD_VAR/api.key ]]; then
        (umask 077 && head -c 32 /dev/urandom > "$CONCORD_VAR/api.key.tmp") \
            && mv "$CONCORD_VAR/api.key.tmp" "$CONCORD_VAR/api.key" \
            || die "cannot write $CONCORD_VAR/api.key"
    fi
    # The reporting views' pseudonyms are HMACs under this key (fcgi/domain/rpt.h):
    # the same key, the same pseudonyms, so it is kept across runs too.
    if [[ ! -s $CONCORD_VAR/pseudonym.key ]]; then
        (umask 077 && head -c 32 /dev/urandom > "$CONCORD_VAR/pseudonym.key.tmp") \
            && mv "$CONCORD_VAR/pseudonym.key.tmp" "$CONCORD_VAR/pseudonym.key" \
            || die "cannot write $CONCORD_VAR/pseudonym.key"
    fi

    # Unix socket paths are limited to 107 bytes.
    local s
    for s in "$PG_RUN/.s.PGSQL.$PG_PORT" "$REDIS_SOCK" "$FCGI_SOCK"; do
        (( ${#s} <= 100 )) || die "socket path too long for a unix socket (${#s} bytes): $s — set CONCORD_VAR to a shorter folder"
    done
}

# ----------------------------------------------------------------------------
# dependencies

CONCORD_APT_PACKAGES=(
    build-essential autoconf automake libtool pkg-config
    libfcgi-dev libpq-dev libhiredis-dev libjson-c-dev libctemplate-dev libssl-dev
    libcmocka-dev libqrencode-dev libxml2-dev libcurl4-openssl-dev
    clang libclang-rt-14-dev
    postgresql postgresql-contrib postgresql-15-postgis-3 redis-server nginx-light
    wrk curl git
    python3-pytest python3-requests python3-psycopg2 python3-redis python3-selenium
    python3-jsonschema python3-yaml
    chromium chromium-driver
)

apt_missing() {
    local p
    for p in "$@"; do
        dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' \
            || printf '%s\n' "$p"
    done
}

apt_install() {
    local missing
    mapfile -t missing < <(apt_missing "$@")
    if (( ${#missing[@]} == 0 )); then
        return 0
    fi
    require_root
    step "installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq || die "apt-get update failed"
    apt-get install -y -q "${missing[@]}" || die "apt-get install failed for: ${missing[*]}"
}

# GOV.UK Frontend: npm ci into node_modules/, then into views/static/govuk/
# (not committed):
#   concord.min.css           built by sass from views/scss/concord.scss
#                             (GOV.UK Frontend with Arial: Concord is not a
#                             GOV.UK service, so no GDS Transport font)
#   govuk-frontend.min.js     (+ .map; an ES module)
#   assets/images, manifest.json
frontend_assets() {
    command -v npm >/dev/null || die "npm not found"
    local dest=$ROOT/views/static/govuk src scss=$ROOT/views/scss/concord.scss
    if [[ -f $ROOT/node_modules/.package-lock.json \
          && ! $ROOT/package-lock.json -nt $ROOT/node_modules/.package-lock.json \
          && ! $ROOT/package.json -nt $ROOT/node_modules/.package-lock.json ]]; then
        say "npm: node_modules up to date"
    else
        step "npm ci"
        (cd "$ROOT" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) || die "npm ci failed"
        touch "$ROOT/node_modules/.package-lock.json"
    fi

    src=$ROOT/node_modules/govuk-frontend/dist/govuk
    [[ -f $src/govuk-frontend.min.js && -d $src/assets ]] \
        || die "govuk-frontend: expected built files not found in $src"
    leaflet_assets
    if [[ -f $dest/concord.min.css && ! $scss -nt $dest/concord.min.css \
          && ! $ROOT/node_modules/.package-lock.json -nt $dest/concord.min.css ]]; then
        say "front end: views/static/govuk/ up to date"
        return 0
    fi
    rm -rf "$dest"
    mkdir -p "$dest"
    cp "$src"/govuk-frontend.min.js "$src"/govuk-frontend.min.js.map "$dest"/
    mkdir -p "$dest/assets"
    cp -R "$src"/assets/images "$src"/assets/manifest.json "$dest"/assets/
    "$ROOT/node_modules/.bin/sass" --load-path="$ROOT/node_modules" --style=compressed \
        --quiet-deps --no-source-map "$scss" "$dest/concord.min.css.tmp" \
        || die "sass failed on $scss"
    mv "$dest/concord.min.css.tmp" "$dest/concord.min.css"
    chmod -R u+rwX,go+rX "$dest"
    say "front end: built views/static/govuk/concord.min.css and copied GOV.UK Frontend's JS and images"
}

# leaflet_assets — Leaflet's built files into views/static/leaflet/ (generated,
# not committed) for the map on the report form's "where" step, and one blank
# placeholder tile that the development nginx serves for every
# /dev-tiles/{z}/{x}/{y}.png, so development and tests never fetch map tiles
# from another machine (production points map_tile_url at a real tile server).
leaflet_assets() {
    local src=$ROOT/node_modules/leaflet/dist dest=$ROOT/views/static/leaflet
    [[ -f $src/leaflet.js && -f $src/leaflet.css && -d $src/images ]] \
        || die "leaflet: expected built files not found in $src"
    if [[ -f $dest/dev-tile.png && -f $dest/leaflet.js \
          && ! $ROOT/node_modules/.package-lock.json -nt $dest/leaflet.js ]]; then
        say "front end: views/static/leaflet/ up to date"
        return 0
    fi
    rm -rf "$dest"
    mkdir -p "$dest"
    cp "$src"/leaflet.js "$src"/leaflet.js.map "$src"/leaflet.css "$dest"/
    cp -R "$src"/images "$dest"/
    # 256 x 256, light grey with a darker line along the top and left edges,
    # so the tiles make a grid and panning shows.
    /usr/bin/python3 - "$dest/dev-tile.png" <<'EOF' || die "could not write $dest/dev-tile.png"
import struct, sys, zlib
def chunk(kind, data):
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff))
line, fill = b"\xb1\xb4\xb6", b"\xf3\xf2\xf1"
rows = b"".join(b"\x00" + (line * 256 if y == 0 else line + fill * 255) for y in range(256))
with open(sys.argv[1], "wb") as f:
    f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 256, 256, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))
EOF
    chmod -R u+rwX,go+rX "$dest"
    say "front end: copied Leaflet into views/static/leaflet/ and made the placeholder map tile"
}

install_deps() {
    step "dependencies"
    apt_install "${CONCORD_APT_PACKAGES[@]}"
    if ! command -v npm >/dev/null; then
        apt_install nodejs npm
    fi
    say "Debian packages: all present"
    frontend_assets
}

# ----------------------------------------------------------------------------
# build

# shellcheck disable=SC2034  # used by the scripts that source this file
BUILT_DIR=

# _build_in SRCDIR OBJDIR [configure args...]
_build_in() {
    local src=$1 dir=$2; shift 2
    local args_file=$dir/.concord-configure-args want_args
    want_args=$(printf '%q ' "$@")

    mkdir -p "$src/m4"
    if [[ ! -x $src/configure || $src/configure.ac -nt $src/configure \
          || ! -f $src/Makefile.in || $src/Makefile.am -nt $src/Makefile.in ]]; then
        step "autoreconf -fi (in $src)"
        (cd "$src" && autoreconf -fi) || die "autoreconf failed in $src"
    fi

    mkdir -p "$dir"
    # Reconfigure when this script asked for other configure arguments last time;
    # a Makefile made by hand (no record) is left alone.
    if [[ ! -f $dir/Makefile || ( -f $args_file && $(cat "$args_file") != "$want_args" ) ]]; then
        step "configure (in $dir) $*"
        (cd "$dir" && "$src/configure" "$@") || {
            log_tail "$dir/config.log" 60
            die "configure failed in $dir (full log: $dir/config.log)"
        }
        printf '%s\n' "$want_args" > "$args_file"
    fi

    step "make -j2 (in $dir)"
    make -C "$dir" -j2 || die "build failed in $dir"
    # shellcheck disable=SC2034
    BUILT_DIR=$dir
}

# build DIR [configure args...] — autoreconf if needed, configure DIR (a VPATH
# build; the source tree itself is never configured) if it has no Makefile or
# other arguments, then make -j2.  Sets BUILT_DIR to the folder holding the
# binaries.
build() {
    local dir=${1:?build: which folder?}
    shift
    dir=$(abspath "$dir"); dir=${dir%/}
    [[ -f $ROOT/configure.ac ]] || die "no configure.ac in $ROOT: nothing to build yet"
    # automake refuses VPATH builds from a source tree configured in place.
    [[ ! -f $ROOT/config.status ]] \
        || die "$ROOT was configured in place: run 'make distclean' there first (builds go in build/ and build-asan/)"
    _build_in "$ROOT" "$dir" "$@"
}

need_binary() {
    [[ -x $CONCORD_BUILD/$1 ]] || die "$CONCORD_BUILD/$1 not found: build first (scripts/up builds it; CONCORD_BUILD names the build folder)"
}

# ----------------------------------------------------------------------------
# configuration

CONF_CHANGED=0

# write_conf — (re)write $CONCORD_VAR/concord.conf; sets CONF_CHANGED=1 if it changed.
write_conf() {
    prepare_var
    local tmp=$CONCORD_CONF.tmp
    cat > "$tmp" <<EOF
# Concord configuration, written by scripts/lib.sh (write_conf).
# Rewritten by every scripts/up: change the CONCORD_* variables instead.
env = development
socket = $FCGI_SOCK
socket_mode = 0666
workers = $CONCORD_WORKERS
db = host=$PG_RUN port=$PG_PORT dbname=concord user=concord_app
db_admin = host=$PG_RUN port=$PG_PORT dbname=concord user=postgres
db_worker = host=$PG_RUN port=$PG_PORT dbname=concord user=concord_worker
redis = $REDIS_SOCK
views = $ROOT/views
sql = $ROOT/sql
body_max = $CONCORD_BODY_MAX
mail_outbox = $CONCORD_VAR/mail
evidence_dir = $CONCORD_VAR/evidence
api_key_file = $CONCORD_VAR/api.key
pseudonym_key_file = $CONCORD_VAR/pseudonym.key
upload_max = $CONCORD_UPLOAD_MAX
upload_files_max = $CONCORD_UPLOAD_FILES
demo = 1
# The report form's map: placeholder tiles from this nginx (/dev-tiles/), so
# nothing leaves this machine; centred on the demo partnership (the City).
map_tile_url = /dev-tiles/{z}/{x}/{y}.png
map_attribution = Placeholder tiles (development: no map data)
map_lon = -0.0922
map_lat = 51.5155
map_zoom = 14
# A report with no map point is checked by its postcode: the City's districts,
# and E1 for Portsoken ward's estates (Middlesex Street, E1 7), which E1 shares
# with Tower Hamlets.
postcode_districts = EC1A EC1M EC1N EC1R EC1V EC1Y EC2A EC2M EC2N EC2P EC2R EC2V EC2Y EC3A EC3M EC3N EC3P EC3R EC3V EC4A EC4M EC4N EC4R EC4V EC4Y E1
# Absolute links (Open311 discovery, the tracking link in mail) start here.
public_url = http://127.0.0.1:$CONCORD_PORT
EOF
    if [[ -f $CONCORD_CONF ]] && cmp -s "$tmp" "$CONCORD_CONF"; then
        rm -f "$tmp"
        CONF_CHANGED=0
    else
        mv "$tmp" "$CONCORD_CONF"
        CONF_CHANGED=1
        say "config: wrote $CONCORD_CONF"
    fi
}

# ----------------------------------------------------------------------------
# PostgreSQL (unix socket only, in $CONCORD_VAR/pg)

pg_bindir() {
    local d
    for d in /usr/lib/postgresql/15/bin $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV); do
        [[ -x $d/initdb && -x $d/pg_ctl ]] && { printf '%s\n' "$d"; return 0; }
    done
    die "PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install postgresql)"
}

# psql as the postgres superuser over the unix socket.
pg_psql() {
    "$(pg_bindir)/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_RUN" -p "$PG_PORT" -U postgres "$@"
}

as_postgres() {
    (cd / && runuser -u postgres -- "$@")
}

pg_init() {
    local bin; bin=$(pg_bindir)
    id postgres >/dev/null 2>&1 || die "no 'postgres' user: is the postgresql package installed?"
    if [[ $PG_DIR != "$CONCORD_VAR/pg" ]]; then
        install -d -m 755 "$(dirname "$PG_DIR")"
        install -d -o postgres -g postgres -m 755 "$PG_DIR"
        ln -sfn "$PG_DIR" "$CONCORD_VAR/pg"
        say "postgres: $CONCORD_VAR is not reachable by the postgres user; the cluster lives in $PG_DIR ($CONCORD_VAR/pg points there)"
    else
        install -d -o postgres -g postgres -m 755 "$PG_DIR"
    fi
    touch "$PG_LOG"; chown postgres:postgres "$PG_LOG"
    ln -sfn "$PG_LOG" "$LOG_DIR/postgres.log"
    install -d -o postgres -g postgres -m 700 "$PG_DATA"
    as_postgres test -w "$PG_DATA" \
        || die "the postgres user cannot reach $PG_DATA: every folder above it must be searchable by others (chmod o+x), or set CONCORD_VAR elsewhere (e.g. /var/tmp/concord)"
    [[ -f $PG_DATA/PG_VERSION ]] && return 0

    step "postgres: initdb in $PG_DATA"
    as_postgres "$bin/initdb" -D "$PG_DATA" -U postgres -E UTF8 --locale=C.UTF-8 \
        --auth-local=trust --auth-host=reject >> "$PG_LOG" 2>&1 \
        || fail_with_log "$PG_LOG" "initdb failed"
    cat >> "$PG_DATA/postgresql.conf" <<EOF

# ---- Concord development settings (scripts/lib.sh) ----
listen_addresses = ''                 # unix socket only
unix_socket_directories = '$PG_RUN'
port = $PG_PORT
max_connections = 100
shared_buffers = 128MB
timezone = 'UTC'
log_timezone = 'UTC'
log_line_prefix = '%m [%p] %q%u@%d '
EOF
    cat > "$PG_DATA/pg_hba.conf" <<'EOF'
# Concord DEVELOPMENT cluster: any local user may connect as any role without a
# password, over the unix socket only (listen_addresses is empty).
# Never use this in production: there, use scram-sha-256 (see README, Deploying).
# TYPE  DATABASE  USER  METHOD
local   all       all   trust
EOF
    chown postgres:postgres "$PG_DATA/postgresql.conf" "$PG_DATA/pg_hba.conf"
}

# pg_ensure_db — create database concord and the postgis extension if missing.
pg_ensure_db() {
    if [[ $(pg_psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'concord'") != 1 ]]; then
        pg_psql -d postgres -c 'CREATE DATABASE concord' || die "could not create database concord"
        say "postgres: created database concord"
    fi
    pg_psql -d concord -c 'CREATE EXTENSION IF NOT EXISTS postgis' 2>&1 | grep -v 'already exists, skipping' >&2 || true
    [[ $(pg_psql -d concord -tAc "SELECT count(*) FROM pg_extension WHERE extname = 'postgis'") == 1 ]] \
        || die "the postgis extension is not available in database concord (apt-get install postgresql-15-postgis-3)"
}

pg_start() {
    prepare_var
    if is_running postgres; then
        say "postgres: already running (pid $(pid_of postgres))"
        pg_ensure_db
        return 0
    fi
    local bin; bin=$(pg_bindir)
    pg_init
    install -d -o postgres -g postgres -m 755 "$PG_RUN"
    as_postgres "$bin/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 start > /dev/null \
        || fail_with_log "$PG_LOG" "postgres failed to start"
    "$bin/pg_isready" -q -h "$PG_RUN" -p "$PG_PORT" -t 30 \
        || fail_with_log "$PG_LOG" "postgres started but does not accept connections on $PG_RUN"
    say "postgres: started (pid $(pid_of postgres), socket $PG_RUN)"
    pg_ensure_db
}

pg_stop() {
    if ! is_running postgres; then
        say "postgres: not running"
        return 0
    fi
    as_postgres "$(pg_bindir)/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop > /dev/null \
        || fail_with_log "$PG_LOG" "postgres did not stop"
    say "postgres: stopped"
}

# ----------------------------------------------------------------------------
# Redis (unix socket only)

redis_ping() {
    [[ $(redis-cli -s "$REDIS_SOCK" ping 2>/dev/null) == PONG ]]
}

redis_start() {
    prepare_var
    if is_running redis; then
        say "redis: already running (pid $(pid_of redis))"
        return 0
    fi
    command -v redis-server >/dev/null || die "redis-server not found (apt-get install redis-server)"
    rm -f "$REDIS_SOCK"
    cat > "$REDIS_DIR/redis.conf" <<EOF
# Concord development Redis, written by scripts/lib.sh (redis_start).
port 0
unixsocket $REDIS_SOCK
unixsocketperm 770
dir $REDIS_DIR
appendonly yes
appendfsync everysec
daemonize yes
pidfile $RUN_DIR/redis.pid
logfile $REDIS_LOG
EOF
    redis-server "$REDIS_DIR/redis.conf" < /dev/null >> "$REDIS_LOG" 2>&1 \
        || fail_with_log "$REDIS_LOG" "redis failed to start"
    local tries=100
    until redis_ping; do
        (( tries-- > 0 )) || fail_with_log "$REDIS_LOG" "redis did not answer PING on $REDIS_SOCK within 10 s"
        sleep 0.1
    done
    say "redis: started (pid $(pid_of redis), socket $REDIS_SOCK)"
}

redis_stop() {
    stop_by_pid redis 15
}

# ----------------------------------------------------------------------------
# concord-fcgi and concord-worker

# stop_by_pid NAME SECONDS — SIGTERM, wait, then SIGKILL (to the process group,
# so that orphaned children of a master go too).
stop_by_pid() {
    local name=$1 secs=${2:-10} pid
    if ! is_running "$name"; then
        say "$name: not running"
        rm -f "$(pidfile "$name")"
        return 0
    fi
    pid=$(pid_of "$name")
    kill -TERM "$pid" 2>/dev/null || true
    if ! wait_gone "$pid" "$secs"; then
        warn "$name (pid $pid) did not exit within $secs s of SIGTERM: sending SIGKILL"
        if [[ $(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ') == "$pid" ]]; then
            kill -KILL -- "-$pid" 2>/dev/null || true
        else
            kill -KILL "$pid" 2>/dev/null || true
        fi
        wait_gone "$pid" 5 || die "$name (pid $pid) survived SIGKILL"
    fi
    # The program was started with setsid, so its process group id is its pid:
    # children it left behind (e.g. workers of a master that crashed) go too.
    if [[ $name == fcgi || $name == worker ]] && group_alive "$pid"; then
        warn "$name: processes of group $pid outlived it: sending SIGTERM"
        kill -TERM -- "-$pid" 2>/dev/null || true
        local t=50
        while group_alive "$pid" && (( t-- > 0 )); do sleep 0.1; done
        kill -KILL -- "-$pid" 2>/dev/null || true
    fi
    rm -f "$(pidfile "$name")"
    say "$name: stopped"
}

# binary_stamp FILE — changes whenever the binary is rebuilt.
binary_stamp() {
    stat -c '%Y %s %i' "$1" 2>/dev/null || true
}

# start_daemon NAME BINARY — run "$BINARY -c $CONCORD_CONF" in its own session,
# output to its log, pid in its pidfile.
start_daemon() {
    local name=$1 bin=$2 log pidf pid
    log=$(logfile "$name"); pidf=$(pidfile "$name")
    printf '\n' >> "$log"
    setsid nohup "$bin" -c "$CONCORD_CONF" < /dev/null >> "$log" 2>&1 &
    pid=$!
    printf '%s\n' "$pid" > "$pidf"
    binary_stamp "$bin" > "$pidf.bin"
}

# _concord_start NAME PROGRAM — shared by fcgi_start and worker_start.
# If it runs but its binary was rebuilt (or the config changed) since it was
# started, restart it.
_concord_start() {
    local name=$1 prog=$2 bin log pid tries
    bin=$CONCORD_BUILD/$prog; log=$(logfile "$name")
    need_binary "$prog"
    [[ -f $CONCORD_CONF ]] || die "$CONCORD_CONF not found: write_conf first (scripts/up does)"
    if is_running "$name"; then
        if [[ $(binary_stamp "$bin") != "$(cat "$(pidfile "$name").bin" 2>/dev/null)" ]]; then
            say "$prog: binary changed since it started: restarting"
            stop_by_pid "$name" 10
        elif (( CONF_CHANGED )); then
            say "$prog: configuration changed: restarting"
            stop_by_pid "$name" 10
        else
            say "$prog: already running (pid $(pid_of "$name"))"
            return 0
        fi
    fi
    [[ $name == fcgi ]] && rm -f "$FCGI_SOCK"
    start_daemon "$name" "$bin"
    pid=$(pid_of "$name")
    tries=150
    while :; do
        pid_alive "$pid" || fail_with_log "$log" "$prog exited at start"
        if [[ $name == fcgi ]]; then
            [[ -S $FCGI_SOCK ]] && break
            (( tries-- > 0 )) || fail_with_log "$log" "$prog did not create its socket $FCGI_SOCK within 15 s"
        else
            # concord-worker has no socket: alive after a second counts as started.
            (( tries-- > 140 )) || break
        fi
        sleep 0.1
    done
    say "$prog: started (pid $pid, log $log)"
}

fcgi_start()   { _concord_start fcgi concord-fcgi; }
fcgi_stop()    { stop_by_pid fcgi 10; }
worker_start() { _concord_start worker concord-worker; }
worker_stop()  { stop_by_pid worker 10; }

# ----------------------------------------------------------------------------
# nginx

port_answers() {
    (exec 3<>"/dev/tcp/127.0.0.1/$CONCORD_PORT") 2>/dev/null
}

# The nginx worker user: www-data when it can read the static files and reach
# the state folder; otherwise root (e.g. a checkout under /root), with a warning.
nginx_user() {
    if id www-data >/dev/null 2>&1 \
        && runuser -u www-data -- test -r "$ROOT/views/static" -a -x "$ROOT/views/static" -a -x "$RUN_DIR" -a -x "$CONCORD_VAR/evidence" 2>/dev/null; then
        printf 'www-data\n'
    else
        warn "www-data cannot read $ROOT/views/static or reach $RUN_DIR (a folder above is not searchable by others): nginx workers will run as root — development only"
        printf 'root\n'
    fi
}

sed_escape() {
    printf '%s' "$1" | sed -e 's/[\\|&]/\\&/g'
}

nginx_render() {
    local tmpl=$ROOT/nginx/concord.conf.in user
    [[ -f $tmpl ]] || die "$tmpl not found"
    mkdir -p "$ROOT/views/static"
    user=$(nginx_user)
    # The upload location's limit is the app's own for streaming routes:
    # upload_files_max x upload_max + 1 MiB of fields (the defaults).
    sed -e "s|@PORT@|$CONCORD_PORT|g" \
        -e "s|@VAR@|$(sed_escape "$CONCORD_VAR")|g" \
        -e "s|@ROOT@|$(sed_escape "$ROOT")|g" \
        -e "s|@SOCKET@|$(sed_escape "$FCGI_SOCK")|g" \
        -e "s|@BODY_MAX@|$CONCORD_BODY_MAX|g" \
        -e "s|@UPLOAD_BODY_MAX@|$(( CONCORD_UPLOAD_FILES * CONCORD_UPLOAD_MAX + 1048576 ))|g" \
        -e "s|@USER@|$user|g" \
        "$tmpl" > "$NGINX_CONF.tmp"
    if grep -n '@[A-Z_]*@' "$NGINX_CONF.tmp" >&2; then
        die "unsubstituted @NAME@ left in $NGINX_CONF.tmp (see above)"
    fi
    mv "$NGINX_CONF.tmp" "$NGINX_CONF"
}

nginx_start() {
    prepare_var
    if is_running nginx; then
        local was; was=$(cat "$CONCORD_VAR/port" 2>/dev/null || true)
        if [[ -n $was && $was != "$CONCORD_PORT" ]]; then
            die "nginx is already running on port $was, not $CONCORD_PORT: scripts/svc restart nginx (or scripts/down) to change the port"
        fi
        # A newer nginx/concord.conf.in or other limits: reload, not restart.
        local before; before=$(cat "$NGINX_CONF" 2>/dev/null || true)
        nginx_render
        if [[ $(cat "$NGINX_CONF") != "$before" ]]; then
            nginx -t -q -c "$NGINX_CONF" -p "$NGINX_PREFIX" \
                || die "nginx rejected $NGINX_CONF (made from nginx/concord.conf.in)"
            nginx -c "$NGINX_CONF" -p "$NGINX_PREFIX" -s reload \
                || die "nginx did not take the new configuration"
            say "nginx: configuration changed: reloaded (pid $(pid_of nginx), http://127.0.0.1:$CONCORD_PORT/)"
            return 0
        fi
        say "nginx: already running (pid $(pid_of nginx), http://127.0.0.1:$CONCORD_PORT/)"
        return 0
    fi
    command -v nginx >/dev/null || die "nginx not found (apt-get install nginx-light)"
    nginx_render
    local out
    out=$(nginx -t -q -c "$NGINX_CONF" -p "$NGINX_PREFIX" 2>&1) || {
        printf '%s\n' "$out" >&2
        die "nginx rejected $NGINX_CONF (made from nginx/concord.conf.in)"
    }
    if port_answers; then
        die "port $CONCORD_PORT on 127.0.0.1 is already in use by another program: set CONCORD_PORT to a free port"
    fi
    nginx -c "$NGINX_CONF" -p "$NGINX_PREFIX" < /dev/null >> "$NGINX_ERROR_LOG" 2>&1 \
        || fail_with_log "$NGINX_ERROR_LOG" "nginx failed to start"
    local tries=100
    until port_answers && is_running nginx; do
        (( tries-- > 0 )) || fail_with_log "$NGINX_ERROR_LOG" "nginx does not answer on 127.0.0.1:$CONCORD_PORT after 10 s"
        sleep 0.1
    done
    printf '%s\n' "$CONCORD_PORT" > "$CONCORD_VAR/port"
    say "nginx: started (pid $(pid_of nginx), http://127.0.0.1:$CONCORD_PORT/)"
}

nginx_stop() {
    if ! is_running nginx; then
        say "nginx: not running"
        return 0
    fi
    local pid; pid=$(pid_of nginx)
    nginx -c "$NGINX_CONF" -p "$NGINX_PREFIX" -s quit 2>/dev/null || kill -QUIT "$pid" 2>/dev/null || true
    if ! wait_gone "$pid" 10; then
        warn "nginx (pid $pid) did not quit within 10 s: sending SIGTERM"
        kill -TERM "$pid" 2>/dev/null || true
        wait_gone "$pid" 5 || { kill -KILL "$pid" 2>/dev/null || true; wait_gone "$pid" 5 || true; }
    fi
    rm -f "$(pidfile nginx)"
    say "nginx: stopped"
}

# ----------------------------------------------------------------------------
# concordctl

# concordctl ARGS... — run concordctl with our config; output to the terminal
# and to log/concordctl.log.
concordctl() {
    need_binary concordctl
    [[ -f $CONCORD_CONF ]] || die "$CONCORD_CONF not found: write_conf first"
    printf '\n# %s concordctl %s\n' "$(date -u +%FT%TZ)" "$*" >> "$CTL_LOG"
    "$CONCORD_BUILD/concordctl" -c "$CONCORD_CONF" "$@" 2>&1 < /dev/null | tee -a "$CTL_LOG"
}

migrate() {
    step "migrate"
    concordctl migrate || fail_with_log "$CTL_LOG" "concordctl migrate failed"
    # The person match keys are computed in C (domain/person_match.c), so
    # people written before migration 0023 get theirs here; a no-op after.
    concordctl person backfill || fail_with_log "$CTL_LOG" "concordctl person backfill failed"
}

# demo — the demo partnership, its geography, then its incidents: each
# incident is placed in the beat and council area of its point, so the areas
# come first (and the beats belong to the partnership's police force).
demo() {
    step "demo data"
    concordctl demo partnership || fail_with_log "$CTL_LOG" "concordctl demo partnership failed"
    demo_areas
    concordctl demo incidents || fail_with_log "$CTL_LOG" "concordctl demo incidents failed"
    # The demo's incidents are written directly, not through the intake, so
    # their flags and provisional risk scores are computed here, as the
    # intake computes them for a new incident (both recompute: harmless).
    concordctl flags refresh || fail_with_log "$CTL_LOG" "concordctl flags refresh failed"
    concordctl risk provisional || fail_with_log "$CTL_LOG" "concordctl risk provisional failed"
}

# demo_areas — the City of London's 25 wards as city-police's beats, and the
# seven local-authority outlines as council areas: the City's belongs to
# city-council, each neighbour's to an inactive, non-core agency the import
# creates ("Hackney Council", hackney-council).  Each beat is city-police's
# neighbourhood team's, the City's area city-council's community-safety
# team's (the neighbours' councils have no teams, so their areas get none).
# The data ships with the project in sql/demo/ (licence and attribution
# there).  Idempotent: an import the same as the current areas writes nothing.
demo_areas() {
    local wards=$ROOT/sql/demo/city-of-london-wards.geojson
    local lads=$ROOT/sql/demo/city-and-neighbours-councils.geojson
    [[ -f $wards && -f $lads ]] || die "the demo geography is missing from $ROOT/sql/demo/ (it ships with the project)"
    step "demo beats and council areas"
    concordctl areas import --kind beat --agency city-police --team neighbourhood \
            --code-field WD13CD --name-field WD13NM "$wards" \
        || fail_with_log "$CTL_LOG" "concordctl areas import (beats) failed"
    concordctl areas import --kind council-area --area-agency E09000001=city-council \
            --team community-safety --create-councils \
            --code-field LAD13CD --name-field LAD13NM "$lads" \
        || fail_with_log "$CTL_LOG" "concordctl areas import (council areas) failed"
}

# ----------------------------------------------------------------------------
# the whole stack

# healthz_wait [SECONDS] — wait for GET /healthz to answer 200 through nginx.
healthz_wait() {
    local secs=${1:-15} tries body url="http://127.0.0.1:$CONCORD_PORT/healthz"
    tries=$(( secs * 5 ))
    while :; do
        if body=$(curl -fsS --max-time 5 "$url" 2>/dev/null); then
            say "healthz: $body"
            return 0
        fi
        (( tries-- > 0 )) || break
        sleep 0.2
    done
    curl -sS --max-time 5 -i "$url" >&2 || true
    log_tail "$NGINX_ERROR_LOG" 10
    fail_with_log "$(logfile fcgi)" "$url does not answer 200"
}

# stack_start — everything after the build: config, services, migrations, demo data.
stack_start() {
    write_conf
    pg_start
    redis_start
    migrate
    demo
    fcgi_start
    worker_start
    nginx_start
    healthz_wait 15
}

# stack_stop — stop everything that is running, in reverse order; never fails
# half-way (each service is tried).
stack_stop() {
    local rc=0 i
    for (( i = ${#CONCORD_SERVICES[@]} - 1; i >= 0; i-- )); do
        svc_stop "${CONCORD_SERVICES[i]}" || rc=1
    done
    return "$rc"
}

svc_start() {
    case $1 in
        postgres) pg_start ;;
        redis)    redis_start ;;
        fcgi)     fcgi_start ;;
        worker)   worker_start ;;
        nginx)    nginx_start ;;
        *) die "unknown service '$1' (one of: ${CONCORD_SERVICES[*]})" ;;
    esac
}

svc_stop() {
    # Subshell: a failure (die) in one stop must not prevent the others.
    case $1 in
        postgres) (pg_stop) ;;
        redis)    (redis_stop) ;;
        fcgi)     (fcgi_stop) ;;
        worker)   (worker_stop) ;;
        nginx)    (nginx_stop) ;;
        *) die "unknown service '$1' (one of: ${CONCORD_SERVICES[*]})" ;;
    esac
}

svc_status() {
    local name
    for name in "$@"; do
        if is_running "$name"; then
            printf '%-9s running (pid %s)\n' "$name" "$(pid_of "$name")"
        else
            printf '%-9s stopped\n' "$name"
        fi
    done
}

# print_demo_users — the demo sign-ins, from $CONCORD_VAR/demo-users.json
# (a JSON list of {"email","password","totp_secret","role"}, or {"users": [...]}).
print_demo_users() {
    local f=$CONCORD_VAR/demo-users.json
    [[ -f $f ]] || return 0
    /usr/bin/python3 - "$f" <<'EOF' || warn "could not read $f"
import json, sys
data = json.load(open(sys.argv[1]))
users = data.get("users", []) if isinstance(data, dict) else data
if users:
    cols = ("email", "password", "totp_secret", "role")
    rows = [[str(u.get(c, "")) for c in cols] for u in users]
    w = [max(len(c), *(len(r[i]) for r in rows)) for i, c in enumerate(cols)]
    print("Demo sign-ins (TOTP: add the secret to an authenticator app):")
    print(("  " + "  ".join(c.ljust(w[i]) for i, c in enumerate(cols))).rstrip())
    for r in rows:
        print(("  " + "  ".join(v.ljust(w[i]) for i, v in enumerate(r))).rstrip())
EOF
}

# print_demo_clients — where the demo API clients' keys are, and how to sign
# a call as the demo CAD client (README "Signing a request").
print_demo_clients() {
    local f=$CONCORD_VAR/demo-clients.json
    [[ -f $f ]] || return 0
    /usr/bin/python3 - "$f" <<'EOF' || warn "could not read $f"
import json, sys
data = json.load(open(sys.argv[1]))
cad = data.get("cad")
if cad:
    print(f"Demo CAD client {cad.get('name', 'demo-cad')} ({cad.get('agency', '')}): "
          f"key id {cad.get('key_id')}, type codes {', '.join(cad.get('types', []))}; "
          f"its secret is in {sys.argv[1]} (\"cad\")")
    print("  sign a call: CONCORD_URL=... CONCORD_KEY_ID=... CONCORD_SECRET=... "
          "scripts/api-sign GET /api/v1/client")
if data.get("open311"):
    print(f"Demo Open311 client demo-open311: its api_key is in {sys.argv[1]} (\"open311\")")
odata = data.get("odata")
if odata:
    print(f"Demo OData feed for Power BI: {odata.get('url')} as {odata.get('user')} "
          f"(Basic); the key, the password, is in {sys.argv[1]} (\"odata\")")
EOF
}

# ----------------------------------------------------------------------------
# fuzzing: the libFuzzer harnesses in tests/fuzz/ (clang, ASan+UBSan), built
# by tests/fuzz/fuzz.mk outside the autotools build.  A fuzz folder holds
# bin/ (the harnesses) and one folder per harness with what it found
# (corpus/), its last log and any crash-*, leak-*, timeout-* reproducer.

FUZZ_MK=$ROOT/tests/fuzz/fuzz.mk

# fuzz_harnesses — the harness names, one a line.
fuzz_harnesses() {
    make -s -f "$FUZZ_MK" list
}

# fuzz_build DIR — builds every harness into DIR/bin (make -j2, only what
# changed).  Returns 1 when clang or the build fails.
fuzz_build() {
    local dir=${1:?fuzz_build: which folder?}
    if ! command -v clang >/dev/null; then
        warn "clang not found (apt-get install clang libclang-rt-14-dev)"
        return 1
    fi
    step "building the fuzz harnesses (in $dir/bin)"
    make -s -f "$FUZZ_MK" O="$dir/bin" -j2
}

# fuzz_run DIR NAME SECONDS — runs one harness for SECONDS over its
# committed seeds (tests/fuzz/corpus/NAME, read only) and what earlier runs
# found (DIR/NAME/corpus).  Prints one line of results; on a crash prints
# the reproducer's path and the log's report, and returns 1.
fuzz_run() {
    local dir=$1 name=$2 secs=$3
    local state=$dir/$name bin=$dir/bin/fuzz_$name log rc=0 dict=() runs cov repro cpu
    local TIMEFORMAT='%U %S'
    [[ -x $bin ]] || { warn "$bin not built"; return 1; }
    mkdir -p "$state/corpus"
    log=$state/last.log
    [[ -f $ROOT/tests/fuzz/$name.dict ]] && dict=(-dict="$ROOT/tests/fuzz/$name.dict")
    # A small ASan quarantine keeps the resident size well under the limit
    # on a shared machine; a leak is a finding like any other.
    # The time keyword measures the CPU it got (on a busy machine, less
    # than the wall-clock seconds asked for).
    { time ASAN_OPTIONS=quarantine_size_mb=64:detect_leaks=1:abort_on_error=0 \
        UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        "$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=1024 \
        -print_final_stats=1 -artifact_prefix="$state/" "${dict[@]}" \
        "$state/corpus" "$ROOT/tests/fuzz/corpus/$name" > "$log" 2>&1; } 2> "$state/cpu" || rc=$?
    cpu=$(awk '{ printf "%d", $1 + $2 }' "$state/cpu" 2>/dev/null || true)
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 || true)
    if (( rc == 0 )); then
        say "  fuzz_$name: ${runs:-?} runs in $secs s (${cpu:-?} s of CPU), ${cov:-cov: ?}, corpus $(find "$state/corpus" -type f | wc -l) files: ok"
        return 0
    fi
    repro=$(sed -n 's/.*Test unit written to //p' "$log" | tail -n 1)
    say "  fuzz_$name: FAILED (exit $rc) after ${runs:-?} runs (${cpu:-?} s of CPU)"
    grep -n -m 1 -A 30 -E 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:|property failed' "$log" >&2 \
        || tail -n 40 "$log" >&2
    say "  reproducer: ${repro:-none written} (log: $log)"
    [[ -n $repro ]] && say "  replay it: scripts/fuzz $name --replay $repro"
    return 1
}
