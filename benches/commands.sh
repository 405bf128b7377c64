#!/usr/bin/env bash
# Times whole git-crm commands on a generated large store and reports them as ratios against
# baselines measured in the same run: `git add <file> && git commit`, `git status`, and a raw
# `cat` of the record files.
#
#   benches/commands.sh [CUSTOMERS] [INTERACTIONS]     (default 2000 200000)
#
# Needs hyperfine (`apt-get install hyperfine`) and python3; the script installs hyperfine when it can.
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

echo "== building stores ($customers customers / $interactions touchpoints, and 10 / 1000)"
if [ ! -d "$work/large" ]; then
  start=$(date +%s.%N)
  "$bin" demo "$work/large" --customers "$customers" --interactions "$interactions" >/dev/null
  echo "large demo built in $(python3 -c "print(round($(date +%s.%N) - $start, 1))") s"
  "$bin" demo "$work/small" --customers 10 --interactions 1000 >/dev/null
fi
large=$work/large
small=$work/small
first_customer() { local dirs=("$1"/customers/*/); basename "${dirs[0]}"; }
slug_large=$(first_customer "$large")
slug_small=$(first_customer "$small")
echo "files in large store: $(git -C "$large" ls-files | wc -l)"

json=$work/results
mkdir -p "$json"
mean() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['results'][0]['mean'])" "$1"; }
bench() { # name, dir, command
  (cd "$2" && bash -c "$3") >/dev/null || { echo "$1 failed: $3" >&2; exit 1; }
  hyperfine --shell=bash --warmup 2 --runs "$runs" --export-json "$json/$1.json" --command-name "$1" \
    "cd $2 && $3" >/dev/null
  printf '%-28s %8.1f ms\n' "$1" "$(python3 -c "print($(mean "$json/$1.json") * 1000)")"
}

echo "== measurements (mean of $runs runs)"
bench git-add-commit "$large" 'mkdir -p baseline && f=baseline/bench-$RANDOM$RANDOM.txt; printf "a: 1\n" > $f && git add $f && git commit -q -m bench'
bench git-crm-log "$large" "$bin log $slug_large -c email -d inbound -s bench"
bench git-status "$large" 'git status --porcelain >/dev/null'
bench cat-records "$large" 'git ls-files -z customers | xargs -0 cat >/dev/null'
bench timeline-large "$large" "$bin timeline $slug_large >/dev/null"
bench timeline-small "$small" "$bin timeline $slug_small >/dev/null"

r() { python3 -c "print(round($(mean "$json/$1.json") / $(mean "$json/$2.json"), 4))"; }
echo "== ratios"
echo "log (incl. commit) / git add && git commit : $(r git-crm-log git-add-commit)   (must be < 0.5)"
echo "log / git status                           : $(r git-crm-log git-status)"
echo "timeline large / timeline small            : $(r timeline-large timeline-small)   (about 1 = independent of store size)"
echo "timeline large / git status                : $(r timeline-large git-status)"
echo "timeline large / cat of all records        : $(r timeline-large cat-records)"
