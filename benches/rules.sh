#!/usr/bin/env bash
# Times `git crm rules run` with the example rules (examples/rules.yaml) on a generated large
# store, against `git crm metrics` on the same store in the same run: the issue's goal is that
# running the rules costs at most what the metrics cost.
#
#   benches/rules.sh [CUSTOMERS] [INTERACTIONS]     (default 2000 200000)
#
# The rules are committed to the store first. `rules run --dry-run` is timed (it reads the
# committed store, the history and plans every firing, and writes nothing, so every timed run
# does the same work); one real run is timed once at the end, with its commit. "Warm" means
# git-crm's parse cache (<git dir>/gitcrm/snapshot) is there, "cold" that it is deleted
# before each run. The OS page cache is not dropped (that needs root).
#
# Needs hyperfine (`apt-get install hyperfine`) and python3. Reuses the store of
# benches/commands.sh when BENCH_DIR points at it (the rules are committed on a branch of it).
set -euo pipefail
cd "$(dirname "$0")/.."
customers=${1:-2000}
interactions=${2:-200000}
runs=${RUNS:-5}

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
if ! git -C "$large" cat-file -e HEAD:.gitcrm/rules.yaml 2>/dev/null; then
  cp examples/rules.yaml "$large/.gitcrm/rules.yaml"
  git -C "$large" add .gitcrm/rules.yaml
  git -C "$large" commit -q -m "rules: the example rules"
fi
echo "files in the store: $(git -C "$large" ls-files | wc -l), commits: $(git -C "$large" rev-list --count HEAD)"
cache=$(git -C "$large" rev-parse --absolute-git-dir)/gitcrm/snapshot
"$bin" --store "$large" rules run --dry-run | tail -1

json=$work/results
mkdir -p "$json"
mean() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['results'][0]['mean'])" "$1"; }
bench() { # name, prepare (before each timing, untimed), command
  (cd "$large" && bash -c "$2; $3") >/dev/null 2>&1 || true
  hyperfine --shell=bash --warmup 1 --runs "$runs" --ignore-failure --export-json "$json/$1.json" \
    --command-name "$1" --prepare "cd $large && $2" "cd $large && $3" >/dev/null
  printf '%-22s %8.1f ms\n' "$1" "$(python3 -c "print($(mean "$json/$1.json") * 1000)")"
}

echo "== measurements (mean of $runs runs)"
bench metrics-warm ':' "$bin metrics >/dev/null 2>&1"
bench rules-warm ':' "$bin rules run --dry-run >/dev/null 2>&1"
bench metrics-cold "rm -rf $cache" "$bin metrics >/dev/null 2>&1"
bench rules-cold "rm -rf $cache" "$bin rules run --dry-run >/dev/null 2>&1"
"$bin" --store "$large" metrics >/dev/null 2>&1 || true
start=$(date +%s.%N)
"$bin" --store "$large" rules run | tail -1
echo "rules run with its commit: $(python3 -c "print(round(($(date +%s.%N) - $start) * 1000))") ms (once)"
start=$(date +%s.%N)
"$bin" --store "$large" rules run | tail -1
echo "rules run again, nothing to do: $(python3 -c "print(round(($(date +%s.%N) - $start) * 1000))") ms (once)"

r() { python3 -c "print(round($(mean "$json/$1.json") / $(mean "$json/$2.json"), 2))"; }
echo "== ratios (goal: at most 1)"
echo "rules warm / metrics warm : $(r rules-warm metrics-warm)"
echo "rules cold / metrics cold : $(r rules-cold metrics-cold)"
