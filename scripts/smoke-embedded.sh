#!/usr/bin/env bash
# Starts the app as a new user would (npm start, no DATABASE_URL, an empty data folder), checks
# readiness, the app at / and a deep link, stops it, starts it again and checks the data is still
# there. Prints how long each start took.
set -euo pipefail
cd "$(dirname "$0")/.."
unset DATABASE_URL
DATA_DIR="$(mktemp -d)/data"
# A free port of this machine, unless SMOKE_PORT names one.
PORT="${SMOKE_PORT:-$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})")}"
LOG="$(mktemp)"
export WAYPOINT_DATA_DIR="$DATA_DIR" PORT

wait_ready() {
  local started=$1
  for _ in $(seq 1 240); do
    if curl -fsS "http://127.0.0.1:${PORT}/api/health/ready" >/dev/null 2>&1; then
      echo "ready after $(( $(date +%s) - started )) s"
      return 0
    fi
    if ! kill -0 "$APP_PID" 2>/dev/null; then echo "the app exited:"; cat "$LOG"; return 1; fi
    sleep 0.5
  done
  echo "not ready in 120 s:"; cat "$LOG"; return 1
}

# The server's own pid: the process listening on PORT (npm and the start script sit above it).
server_pid() {
  ss -ltnpH "sport = :${PORT}" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n1 | cut -d= -f2
}

# Stops the app as Ctrl+C in a terminal does (SIGINT to the whole process group: npm, the start
# script and the server), then waits for the server itself to say it stopped cleanly and to exit.
stop_app() {
  local pid
  pid=$(server_pid)
  kill -INT -- "-$APP_PID" 2>/dev/null || true
  for _ in $(seq 1 60); do
    if grep -q "Waypoint stopped cleanly" "$LOG" && { [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; }; then
      return 0
    fi
    sleep 0.25
  done
  echo "the app did not stop cleanly within 15 s:"; cat "$LOG"; return 1
}

start=$(date +%s)
setsid npm start >"$LOG" 2>&1 &
APP_PID=$!
wait_ready "$start"
grep -m1 "is ready at" "$LOG"
curl -fsS "http://127.0.0.1:${PORT}/" | grep -q "<wp-root" || { echo "/ does not serve the app"; exit 1; }
curl -fsS "http://127.0.0.1:${PORT}/initiatives/42/milestones" | grep -q "<wp-root" || { echo "deep link does not serve the app"; exit 1; }
first_id=$(curl -fsS "http://127.0.0.1:${PORT}/api/meta" | node -pe 'JSON.parse(require("fs").readFileSync(0)).installationId')
echo "installation ${first_id}"
stop_app

start=$(date +%s)
setsid npm start >"$LOG" 2>&1 &
APP_PID=$!
wait_ready "$start"
second_id=$(curl -fsS "http://127.0.0.1:${PORT}/api/meta" | node -pe 'JSON.parse(require("fs").readFileSync(0)).installationId')
stop_app
if [ "$first_id" != "$second_id" ]; then echo "data lost across restart: ${first_id} != ${second_id}"; exit 1; fi
echo "smoke test passed: same installation ${second_id} after a restart"
