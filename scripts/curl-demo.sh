#!/usr/bin/env bash
# Timehub from the shell, with curl alone (plus sed and grep): start tracking a work item,
# see it in `current`, stop it, and find its worklog in GET /api/rest/workLogs.
#
#   PORT       the port of the local `npm start` server, default 7071
#   BASE_URL   the instance, default http://localhost:$PORT
#   TOKEN      an API token; when unset, one is minted for bob in fabrikam with
#              `npm run token`, for the local server on PORT (or into DATA_DIR when set)
#   WORK_ITEM  the work item to track, default 1
#
# Exits non-zero, saying what went wrong, as soon as any step fails.
set -euo pipefail

if [ "${1-}" = "--help" ] || [ "${1-}" = "-h" ]; then
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
  echo "usage: [PORT=7071] [DATA_DIR=.data] [BASE_URL=...] [TOKEN=...] [WORK_ITEM=1] scripts/curl-demo.sh"
  exit 0
fi

BASE_URL="${BASE_URL:-http://localhost:${PORT:-7071}}"
BASE_URL="${BASE_URL%/}"
WORK_ITEM="${WORK_ITEM:-1}"

fail() {
  echo "curl-demo: $*" >&2
  exit 1
}

if [ -z "${TOKEN:-}" ]; then
  cd "$(dirname "$0")/.."
  echo "minting an API token: npm run token -- --org fabrikam --user bob"
  # PORT and DATA_DIR pass through: the token is minted for that server's data folder, and it says which.
  minted="$(npm run --silent token -- --org fabrikam --user bob 2>&1)" || fail "npm run token failed: $minted"
  printf '%s\n' "$minted" | grep -E '^(Minted|No local server)' || true
  TOKEN="$(printf '%s\n' "$minted" | tail -1)"
  [ -n "$TOKEN" ] || fail "npm run token printed no token"
fi

STATUS=""
RESPONSE=""

# call METHOD PATH [JSON]: sets STATUS and RESPONSE.
call() {
  local method="$1" path="$2" body="${3-}" out
  local args=(-sS --max-time 15 -X "$method" -H "Authorization: Bearer $TOKEN" -w '\n%{http_code}')
  if [ -n "$body" ]; then args+=(-H 'Content-Type: application/json' --data "$body"); fi
  out="$(curl "${args[@]}" "$BASE_URL/api$path")" || fail "$method $path: no answer from $BASE_URL"
  STATUS="${out##*$'\n'}"
  RESPONSE="${out%$'\n'*}"
}

expect_status() {
  [ "$STATUS" = "$1" ] || fail "$2 answered HTTP $STATUS, expected $1: $RESPONSE"
}

# The first string or number value of a JSON field in RESPONSE (flat grep, no JSON parser).
first_value() {
  printf '%s' "$RESPONSE" | grep -oE "\"$1\":(\"[^\"]*\"|-?[0-9][0-9.]*|true|false|null)" | sed -n '1{s/^"[^"]*"://;s/^"//;s/"$//;p;}' || true
}

echo "start tracking work item $WORK_ITEM on $BASE_URL"
call POST /tracking/client/startTracking "{\"workItemId\":$WORK_ITEM}"
expect_status 200 "startTracking"
[ "$(first_value workItemId)" = "$WORK_ITEM" ] || fail "startTracking did not start work item $WORK_ITEM: $RESPONSE"

# A worklog needs at least one tracked second: wait until current shows one.
elapsed=0
for _ in 1 2 3 4 5 6 7 8 9 10; do
  call GET /tracking/client/current
  expect_status 200 "current"
  [ "$(first_value workItemId)" = "$WORK_ITEM" ] || fail "current does not show work item $WORK_ITEM: $RESPONSE"
  elapsed="$(first_value elapsedSeconds)"
  [ "${elapsed:-0}" -ge 1 ] && break
  sleep 1
done
[ "${elapsed:-0}" -ge 1 ] || fail "the tracker never showed an elapsed second: $RESPONSE"
echo "current: work item $WORK_ITEM, ${elapsed}s elapsed"

call POST /tracking/client/stopTracking
expect_status 200 "stopTracking"
worklog_id="$(first_value id)"
timestamp="$(first_value timestamp)"
length="$(first_value length)"
[ -n "$worklog_id" ] && [ "$worklog_id" != "null" ] || fail "stopTracking returned no worklog: $RESPONSE"
printf '%s' "$RESPONSE" | grep -q '"isTracked":true' || fail "the worklog is not flagged isTracked: $RESPONSE"
echo "stopped: worklog $worklog_id, ${length}s from $timestamp"

# 7pace's $fromTimestamp is strict (after): ask from the day's midnight, unless the worklog started right then.
from="\$fromTimestamp=${timestamp%%T*}&"
[ "${timestamp#*T}" = "00:00:00Z" ] && from=""
call GET "/rest/workLogs?${from}\$workItemIds=$WORK_ITEM"
expect_status 200 "GET /rest/workLogs"
printf '%s' "$RESPONSE" | grep -q "\"id\":\"$worklog_id\"" || fail "worklog $worklog_id is missing from GET /rest/workLogs: $RESPONSE"
echo "found worklog $worklog_id in GET /api/rest/workLogs"
