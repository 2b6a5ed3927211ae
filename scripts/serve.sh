#!/usr/bin/env bash
# Serve the dashboard from several Streamlit processes behind nginx:
#
#   bash scripts/serve.sh --replicas N [--port P] [--listen ADDR] [--run-dir DIR]
#                         [--tls-cert FILE --tls-key FILE] [--no-restart] [-- streamlit options]
#
# Starts N replicas (`streamlit run server.py`, the dashboard with its session-cookie route;
# on 127.0.0.1, ports P+1 … P+N) and nginx on
# ADDR:P (default 127.0.0.1:8500) in front of them, with sticky sessions (a cookie nginx sets),
# WebSocket upgrade and passive failover; see deploy/nginx.conf.template and docs/deploy.md.
# PostgreSQL (DATABASE_URL) is the only state the replicas share: with more than one replica a
# SQLite database is refused. Before the replicas start the schema is brought up to date once
# (alembic), so N first visitors do not race to migrate it.
#
# Everything lives in a run folder (default ${TMPDIR:-/tmp}/sampark-serve-P): the generated
# nginx.conf, pid files, logs/ (replica-I.log, nginx-access.log with the replica that served each
# request, nginx-error.log), replica-ports (for `bench/load.py --rss-ports`). No file under
# /etc is touched. Each replica's /_stcore/health is probed every 5 s: a replica that exited or
# failed three probes in a row is started again (--no-restart: only reported). Ctrl+C (or TERM)
# stops nginx and every replica.
#
# The replicas share one cookie secret (Streamlit signs its cookies with it, st.login too):
# SAMPARK_COOKIE_SECRET, or one made once and kept in the run folder (mode 600).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

usage() { sed -n '2,23p' "$0" | sed 's/^# \{0,1\}//'; }
die() { echo "serve.sh: $*" >&2; exit 2; }

replicas=""
port=8500
listen=127.0.0.1
run_dir=""
restart=1
tls_cert=""
tls_key=""
extra=()
while [ "$#" -gt 0 ]; do
    case "$1" in
        --replicas) replicas="${2:-}"; shift 2 ;;
        --replicas=*) replicas="${1#*=}"; shift ;;
        --port) port="${2:-}"; shift 2 ;;
        --port=*) port="${1#*=}"; shift ;;
        --listen) listen="${2:-}"; shift 2 ;;
        --listen=*) listen="${1#*=}"; shift ;;
        --run-dir) run_dir="${2:-}"; shift 2 ;;
        --run-dir=*) run_dir="${1#*=}"; shift ;;
        --tls-cert) tls_cert="${2:-}"; shift 2 ;;
        --tls-key) tls_key="${2:-}"; shift 2 ;;
        --no-restart) restart=0; shift ;;
        -h|--help) usage; exit 0 ;;
        --) shift; extra=("$@"); break ;;
        *) usage >&2; die "unknown argument '$1'" ;;
    esac
done
[[ "$replicas" =~ ^[1-9][0-9]*$ ]] || die "--replicas N is required (N ≥ 1)"
[[ "$port" =~ ^[0-9]+$ ]] && [ "$port" -ge 1 ] && [ $((port + replicas)) -le 65535 ] \
    || die "--port must leave room for the replicas' ports (P+1 … P+N)"
if [ -n "$tls_cert$tls_key" ] && { [ ! -r "$tls_cert" ] || [ ! -r "$tls_key" ]; }; then
    die "--tls-cert and --tls-key must both name readable files"
fi

bash scripts/setup.sh
PY=.venv/bin/python

# The database every replica uses: what the dashboard itself would read (DATABASE_URL, .env,
# or the default SQLite file under SAMPARK_DATA_DIR).
db_url="$("$PY" -c 'from sampark.settings import load_settings; print(load_settings().database_url)')"
case "$db_url" in
    sqlite*)
        if [ "$replicas" -gt 1 ]; then
            die "--replicas $replicas needs PostgreSQL: DATABASE_URL is a SQLite file, which \
only one process on one machine may serve (its writes lock the whole file and each replica \
would keep its own caches of it). Set DATABASE_URL=postgresql+psycopg://user:pass@host/db, \
or run one replica (--replicas 1)."
        fi ;;
esac
export DATABASE_URL="$db_url"

nginx_bin="$(command -v nginx || true)"
[ -n "$nginx_bin" ] || { [ -x /usr/sbin/nginx ] && nginx_bin=/usr/sbin/nginx; } \
    || die "nginx not found; on Debian: apt-get install nginx"

run_dir="${run_dir:-${TMPDIR:-/tmp}/sampark-serve-$port}"
mkdir -p "$run_dir/logs" "$run_dir/nginx-temp"
run_dir="$(cd "$run_dir" && pwd)"

if [ -z "${SAMPARK_COOKIE_SECRET:-}" ]; then
    if [ ! -s "$run_dir/cookie_secret" ]; then
        (umask 077 && "$PY" -c 'import secrets; print(secrets.token_urlsafe(48))' \
            >"$run_dir/cookie_secret")
    fi
    SAMPARK_COOKIE_SECRET="$(cat "$run_dir/cookie_secret")"
fi
# Through the environment, not the command line: `ps` shows every process's arguments.
export SAMPARK_COOKIE_SECRET  # signs the session cookie; every replica must share it
export STREAMLIT_SERVER_COOKIE_SECRET="$SAMPARK_COOKIE_SECRET"

echo "serve.sh: bringing the database schema up to date (alembic upgrade head)"
.venv/bin/alembic -c alembic.ini upgrade head >"$run_dir/logs/migrate.log" 2>&1 \
    || { cat "$run_dir/logs/migrate.log" >&2; die "migrating the database failed"; }

pids=()
nginx_pid=""
stopping=0
cleanup() {
    stopping=1
    trap - INT TERM EXIT
    echo "serve.sh: stopping nginx and ${#pids[@]} replicas"
    [ -n "$nginx_pid" ] && kill -TERM "$nginx_pid" 2>/dev/null || true
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "$nginx_pid" "${pids[@]}"; do
        [ -n "$pid" ] && wait "$pid" 2>/dev/null || true
    done
    rm -f "$run_dir/replica-pids" "$run_dir/serve.pid"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

healthy() {  # healthy PORT: the replica answers ok on /_stcore/health
    [ "$(curl -s --max-time 5 "http://127.0.0.1:$1/_stcore/health" 2>/dev/null)" = ok ]
}

start_replica() {  # start_replica I
    local i=$1 p=$((port + $1))
    .venv/bin/streamlit run server.py \
        --server.headless true \
        --server.address 127.0.0.1 \
        --server.port "$p" \
        --server.fileWatcherType none \
        --browser.gatherUsageStats false \
        "${extra[@]}" >>"$run_dir/logs/replica-$i.log" 2>&1 </dev/null &
    pids[i - 1]=$!
    printf '%s\n' "${pids[@]}" >"$run_dir/replica-pids"
}

wait_healthy() {  # wait_healthy I: up to 180 s
    local i=$1 p=$((port + $1)) t=0
    until healthy "$p"; do
        if ! kill -0 "${pids[i - 1]}" 2>/dev/null; then
            tail -20 "$run_dir/logs/replica-$i.log" >&2
            die "replica $i (port $p) exited while starting; see $run_dir/logs/replica-$i.log"
        fi
        t=$((t + 1))
        [ "$t" -le 360 ] || die "replica $i (port $p) not healthy after 180 s"
        sleep 0.5
    done
}

command -v curl >/dev/null 2>&1 || die "curl not found (health probes); apt-get install curl"
for port_taken in $(seq "$port" $((port + replicas))); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port_taken") 2>/dev/null; then
        die "port $port_taken is in use; pick another --port"
    fi
done

echo "$$" >"$run_dir/serve.pid"
for i in $(seq 1 "$replicas"); do start_replica "$i"; done
for i in $(seq 1 "$replicas"); do wait_healthy "$i"; done
seq -s, $((port + 1)) $((port + replicas)) >"$run_dir/replica-ports"

# --- nginx.conf from the template ---------------------------------------------------------
user_line=""
if [ "$(id -u)" -eq 0 ]; then
    # Started as root, nginx's workers drop to www-data; they write the temp folders.
    user_line="user www-data www-data;"
    chown -R www-data:www-data "$run_dir/nginx-temp"
fi
upstreams="" replica_map=""
for i in $(seq 1 "$replicas"); do
    upstreams+="        server 127.0.0.1:$((port + i)) max_fails=1 fail_timeout=10s;"$'\n'
    replica_map+="        \"~:$((port + i))\$\" $i;"$'\n'
done
if [ -n "$tls_cert" ]; then
    listen_lines="        listen $listen:$port ssl;"$'\n'
    listen_lines+="        ssl_certificate $(realpath "$tls_cert");"$'\n'
    listen_lines+="        ssl_certificate_key $(realpath "$tls_key");"$'\n'
    listen_lines+="        ssl_protocols TLSv1.2 TLSv1.3;"
    cookie_secure="; Secure"
    scheme=https
else
    listen_lines="        listen $listen:$port;"
    cookie_secure=""
    scheme=http
fi
max_body="$(( ${SAMPARK_MAX_UPLOAD_MB:-50} + 1 ))m"
conf="$(<deploy/nginx.conf.template)"
conf="${conf//@USER_LINE@/$user_line}"
conf="${conf//@RUN_DIR@/$run_dir}"
conf="${conf//@UPSTREAM_SERVERS@/${upstreams%$'\n'}}"
conf="${conf//@REPLICA_MAP@/${replica_map%$'\n'}}"
conf="${conf//@LISTEN_LINES@/$listen_lines}"
conf="${conf//@COOKIE_SECURE@/$cookie_secure}"
conf="${conf//@MAX_BODY@/$max_body}"
printf '# Generated by scripts/serve.sh from deploy/nginx.conf.template\n%s\n' "$conf" \
    >"$run_dir/nginx.conf"
"$nginx_bin" -t -q -c "$run_dir/nginx.conf" -p "$run_dir" 2>>"$run_dir/logs/nginx-error.log" \
    || { cat "$run_dir/logs/nginx-error.log" >&2; die "nginx refused $run_dir/nginx.conf"; }
"$nginx_bin" -c "$run_dir/nginx.conf" -p "$run_dir" &
nginx_pid=$!

shown_host="$listen"
[ "$listen" = 0.0.0.0 ] && shown_host="$(hostname -f 2>/dev/null || hostname)"
echo "serve.sh: $replicas replicas on ports $(cat "$run_dir/replica-ports"), nginx on" \
    "$scheme://$shown_host:$port/ (run folder $run_dir; Ctrl+C stops everything)"

# --- watch: health probes, restarts ---------------------------------------------------------
# misses[i]: failed probes in a row (negative: the grace a restarted replica has to start).
declare -a misses reported
for i in $(seq 1 "$replicas"); do misses[i]=0; reported[i]=0; done
while [ "$stopping" -eq 0 ]; do
    sleep 5 &
    wait $! || true
    if ! kill -0 "$nginx_pid" 2>/dev/null; then
        echo "serve.sh: nginx exited; see $run_dir/logs/nginx-error.log" >&2
        exit 1
    fi
    for i in $(seq 1 "$replicas"); do
        p=$((port + i))
        alive=0
        kill -0 "${pids[i - 1]}" 2>/dev/null && alive=1
        if [ "$alive" -eq 1 ] && healthy "$p"; then
            misses[i]=0
            reported[i]=0
            continue
        fi
        misses[i]=$((misses[i] + 1))
        [ "$alive" -eq 1 ] && [ "${misses[i]}" -lt 3 ] && continue
        if [ "$restart" -eq 0 ]; then
            [ "${reported[i]}" -eq 1 ] || echo "serve.sh: replica $i (port $p) is down;" \
                "nginx sends its browsers to the others" >&2
            reported[i]=1
            continue
        fi
        echo "serve.sh: replica $i (port $p) is down; starting it again" >&2
        kill -TERM "${pids[i - 1]}" 2>/dev/null || true
        wait "${pids[i - 1]}" 2>/dev/null || true
        start_replica "$i"
        misses[i]=-12
    done
done
