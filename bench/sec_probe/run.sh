#!/usr/bin/env bash
# Runs sec_probe (../shared/tools/sec_probe, or SEC_PROBE=...) against the real site: make run's
# gunicorn (2 workers) on a throwaway instance in instance/probe, loaded with the demo data.
#   bash bench/sec_probe/run.sh          # port 5080 unless PORT is set
# 1. every public form, a staff form and the search, with rate limits lifted (RATE_LIMIT_FACTOR);
# 2. the same search on /services.json and /api/oruk/services;
# 3. the limiter on its own at its real limits (rate_limit_probe on the wall).
# Reports go to instance/probe/*.report.json; the exit status is non-zero if any run failed.
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
PROBE=${SEC_PROBE:-$ROOT/../../shared/tools/sec_probe}
[ -x "$PROBE" ] || PROBE=/work/shared/tools/sec_probe
export PORT=${PORT:-5080} WORKERS=2 LOCALOFFER_ENV=development
export LOCALOFFER_INSTANCE_DIR=$ROOT/instance/probe
export DATABASE_URL=sqlite:///$LOCALOFFER_INSTANCE_DIR/localoffer.db SEARCH_INDEX_DIR=$LOCALOFFER_INSTANCE_DIR/search_index
export MAIL_FOLDER=$LOCALOFFER_INSTANCE_DIR/mail WALL_FLAG_THRESHOLD=100000
FLASK=".venv/bin/flask --app wsgi"

rm -rf "$LOCALOFFER_INSTANCE_DIR" && mkdir -p "$LOCALOFFER_INSTANCE_DIR"
$FLASK db upgrade >/dev/null && $FLASK demo load >/dev/null && $FLASK demo accounts >/dev/null \
  && $FLASK demo voice >/dev/null && $FLASK search rebuild >/dev/null || exit 2
PYTHONPATH=$ROOT .venv/bin/python bench/sec_probe/prepare.py "$LOCALOFFER_INSTANCE_DIR" || exit 2

serve() {  # $1: RATE_LIMIT_FACTOR
  RATE_LIMIT_FACTOR=$1 .venv/bin/gunicorn -c gunicorn.conf.py wsgi:app >>"$LOCALOFFER_INSTANCE_DIR/gunicorn.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && return 0; sleep 0.2; done
  echo "the site did not start"; kill "$SERVER"; exit 2
}
stop() { kill "$SERVER"; wait "$SERVER" 2>/dev/null; }

status=0
serve 1000
for name in sec_probe sec_probe-json sec_probe-api; do
  echo "== $name"
  # --strict: a WARN fails too; the budget covers every form (the default 800 requests does not).
  "$PROBE" "http://127.0.0.1:$PORT" "$LOCALOFFER_INSTANCE_DIR/$name.json" --strict --strict-headers \
    --max-requests 6000 --deadline 1800 --report "$LOCALOFFER_INSTANCE_DIR/$name.report.json" || status=1
done
stop
serve 1
echo "== sec_probe-rate-limit (real limits)"
"$PROBE" "http://127.0.0.1:$PORT" "$LOCALOFFER_INSTANCE_DIR/sec_probe-rate-limit.json" --strict --strict-headers \
  --report "$LOCALOFFER_INSTANCE_DIR/sec_probe-rate-limit.report.json" || status=1
stop
grep -c "database is locked\|Traceback" "$LOCALOFFER_INSTANCE_DIR/gunicorn.log" | sed 's/^/server log lines with "database is locked" or a traceback: /'
exit $status
