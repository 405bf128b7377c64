#!/usr/bin/env bash
# core.fsmonitor: what a file-system monitor saves `metrics`, `check` and `inbox`, with Watchman
# and git's own sample hook (`fsmonitor-watchman.sample`, protocol 2), against `git status`
# with and without the same hook, in one run:
#
#   benches/fsmonitor.sh [STORE]      (default: a 200k demo store in $BENCH_DIR, built if missing)
#
# For each command: warm without a hook, warm with the hook (nothing changed), and with the hook
# after one touchpoint was edited before each run. Mean of RUNS runs (hyperfine), peak RSS.
# Needs watchman, hyperfine and perl (the hook); installs them with apt-get when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
work=${BENCH_DIR:-/tmp/git-crm-scale}
need() { command -v "$1" >/dev/null || { apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }; }
need hyperfine hyperfine
need watchman watchman
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
cargo build --release --quiet
bin=$PWD/target/release/git-crm
store=${1:-$work/s200k}
if [ ! -d "$store/.git" ]; then
  mkdir -p "$(dirname "$store")"
  "$bin" demo "$store" --customers 2000 --interactions 200000 >/dev/null
fi
cd "$store"
# "Now" is the store's last commit: fixed for every run, and never before the demo's records
# (a fixed date older than the store would make `check` report them as in the future).
GITCRM_NOW=$(git log -1 --format=%cI)
export GITCRM_NOW GITCRM_USER=${GITCRM_USER:-dave}
hook=.git/hooks/query-watchman
cp "$(git --exec-path)/../../share/git-core/templates/hooks/fsmonitor-watchman.sample" "$hook" 2>/dev/null \
  || cp /usr/share/git-core/templates/hooks/fsmonitor-watchman.sample "$hook"
chmod +x "$hook"
touchpoint=$(git ls-files 'customers/*/interactions/*.yaml' | awk 'NR == 1')
mean() { python3 -c "import json,sys; print(round(json.load(open(sys.argv[1]))['results'][0]['mean']*1000, 1))" "$1"; }
peak() {
  local err=/tmp/fsmonitor-peak.$$
  /usr/bin/time -f %M "$@" >/dev/null 2>"$err" || true
  echo "$(( $(tail -1 "$err") / 1024 )) MB"
  rm -f "$err"
}
row() {
  local name=$1 prepare=$2; shift 2
  local json=/tmp/fsmonitor-$$.json
  # `check` exits 1 when it finds errors: that is its answer, not a failed run.
  hyperfine -N --ignore-failure --warmup 1 --runs "$runs" --prepare "$prepare" --export-json "$json" -- "$*" >/dev/null 2>&1
  printf '%-46s %10s ms  %s\n' "$name" "$(mean "$json")" "$(peak "$@")"
  rm -f "$json"
}
echo "store: $store ($(git ls-files | wc -l) files), load: $(cut -d' ' -f1-3 /proc/loadavg)"
edit="sh -c 'printf \"# edited %s\\n\" \$(date +%s%N) >> $touchpoint'"
git config --unset core.fsmonitor || true
row "git status, no hook" true git status --porcelain
for cmd in "metrics --format json" "check --format json" "inbox --peek --format json"; do
  $bin $cmd >/dev/null || true
  row "$cmd, no hook" true $bin $cmd
done
git config core.fsmonitor "$hook"
git status --porcelain >/dev/null
row "git status, hook" true git status --porcelain
for cmd in "metrics --format json" "check --format json" "inbox --peek --format json"; do
  $bin $cmd >/dev/null || true
  row "$cmd, hook" true $bin $cmd
  row "$cmd, hook, one file changed" "$edit" $bin $cmd
done
git checkout -q -- "$touchpoint"
git config --unset core.fsmonitor
watchman watch-del "$PWD" >/dev/null 2>&1 || true
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
