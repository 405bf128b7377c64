#!/usr/bin/env bash
# Times `git crm check` and `git crm metrics` on a generated large store, cold and warm, and
# reports them as ratios against baselines measured in the same run: `git status` and a raw
# `cat` of every record file.
#
#   benches/metrics-check.sh [CUSTOMERS] [INTERACTIONS]     (default 2000 200000)
#
# "Cold" means git-crm's own cache (<git dir>/gitcrm/snapshot/) is deleted before each run:
# every record is read again (from the object database where the work tree matches the index)
# and parsed. The operating system's page cache is NOT dropped (that needs root), so files and
# pack data are in memory, as they are for `git status` and `cat` measured beside them.
# "Warm" is the usual case: nothing changed since the last run.
#
# Needs hyperfine (`apt-get install hyperfine`) and python3; the script installs hyperfine when it
# can. Reuses the stores of benches/commands.sh when BENCH_DIR points at them.
set -euo pipefail
cd "$(dirname "$0")/.."
customers=${1:-2000}
interactions=${2:-200000}
runs=${RUNS:-10}

command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
cargo build --release --quiet
bin=$PWD/target/release/git-crm
work=${BENCH_DIR:-$(mktemp -d)}
[ -n "${BENCH_DIR:-}" ] || trap 'rm -rf "$work"' EXIT
export GITCRM_USER=alice GIT_AUTHOR_NAME=Bench GIT_AUTHOR_EMAIL=alice@northwind-agency.example \
  GIT_COMMITTER_NAME=Bench GIT_COMMITTER_EMAIL=alice@northwind-agency.example

echo "== store ($customers customers / $interactions touchpoints)"
if [ ! -d "$work/large" ]; then
  start=$(date +%s.%N)
  "$bin" demo "$work/large" --customers "$customers" --interactions "$interactions" >/dev/null
  echo "large demo built in $(python3 -c "print(round($(date +%s.%N) - $start, 1))") s"
fi
large=$work/large
echo "files in the store: $(git -C "$large" ls-files | wc -l)"
cache=$(git -C "$large" rev-parse --absolute-git-dir)/gitcrm/snapshot
has_metrics=0
"$bin" metrics --help >/dev/null 2>&1 && has_metrics=1

json=$work/results
mkdir -p "$json"
mean() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['results'][0]['mean'])" "$1"; }
bench() { # name, prepare (run before each timing, untimed), command
  (cd "$large" && bash -c "$2; $3") >/dev/null 2>&1 || true
  hyperfine --shell=bash --warmup 1 --runs "$runs" --ignore-failure --export-json "$json/$1.json" \
    --command-name "$1" --prepare "cd $large && $2" "cd $large && $3" >/dev/null
  printf '%-22s %8.1f ms\n' "$1" "$(python3 -c "print($(mean "$json/$1.json") * 1000)")"
}

echo "== measurements (mean of $runs runs; exit codes ignored: the demo has stale customers)"
bench git-status ':' 'git status --porcelain >/dev/null'
bench cat-records ':' 'git ls-files -z customers | xargs -0 cat >/dev/null'
bench check-cold "rm -rf $cache" "$bin check >/dev/null 2>&1"
bench check-warm ':' "$bin check >/dev/null 2>&1"
if [ "$has_metrics" = 1 ]; then
  bench metrics-cold "rm -rf $cache" "$bin metrics >/dev/null 2>&1"
  bench metrics-warm ':' "$bin metrics >/dev/null 2>&1"
else
  echo "metrics: not in this build, skipped"
fi

r() { python3 -c "print(round($(mean "$json/$1.json") / $(mean "$json/$2.json"), 2))"; }
echo "== ratios"
echo "check cold / cat of all records   : $(r check-cold cat-records)"
echo "check cold / git status           : $(r check-cold git-status)"
echo "check warm / cat of all records   : $(r check-warm cat-records)"
echo "check warm / git status           : $(r check-warm git-status)"
if [ "$has_metrics" = 1 ]; then
  echo "metrics cold / cat of all records : $(r metrics-cold cat-records)"
  echo "metrics cold / git status         : $(r metrics-cold git-status)"
  echo "metrics warm / cat of all records : $(r metrics-warm cat-records)"
  echo "metrics warm / git status         : $(r metrics-warm git-status)"
fi
