#!/usr/bin/env bash
# Times `git crm find` on a generated large store against `git grep` of the same text, in one
# run, and reports the ratios.
#
#   benches/find.sh [CUSTOMERS] [INTERACTIONS] [TEXT...]
#                   (default 2000 200000 "invoice" "acornanalytics.example": words of touchpoints,
#                   and a customer's mail domain)
#
# `git grep -i -F` is the baseline a user would reach for: it searches the bytes of every file
# of the work tree (it knows nothing of customers, contacts, corrections or ranking). `find`
# reads the whole store through the snapshot (the object database where files match the index,
# parse results from <git dir>/gitcrm/snapshot), then searches and ranks. "Cold" deletes
# git-crm's parse cache before each run; the operating system's page cache is not dropped (that
# needs root), for either side.
#
# Needs hyperfine (`apt-get install hyperfine`) and python3; the script installs hyperfine when it
# can. Reuses the stores of benches/commands.sh when BENCH_DIR points at them.
set -euo pipefail
cd "$(dirname "$0")/.."
customers=${1:-2000}
interactions=${2:-200000}
shift $(( $# < 2 ? $# : 2 ))
texts=("$@")
[ ${#texts[@]} -gt 0 ] || texts=("invoice" "acornanalytics.example")
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

json=$work/results
mkdir -p "$json"
mean() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['results'][0]['mean'])" "$1"; }
bench() { # name, prepare (run before each timing, untimed), command
  (cd "$large" && bash -c "$2; $3") >/dev/null 2>&1 || true
  hyperfine --shell=bash --warmup 1 --runs "$runs" --ignore-failure --export-json "$json/$1.json" \
    --command-name "$1" --prepare "cd $large && $2" "cd $large && $3" >/dev/null
  printf '%-28s %8.1f ms\n' "$1" "$(python3 -c "print($(mean "$json/$1.json") * 1000)")"
}
r() { python3 -c "print(round($(mean "$json/$1.json") / $(mean "$json/$2.json"), 2))"; }

echo "== measurements (mean of $runs runs)"
for text in "${texts[@]}"; do
  key=${text//[^a-zA-Z0-9]/_}
  q=$(printf '%q' "$text")
  hits=$(cd "$large" && { git grep -i -F -l -e "$text" -- customers || true; } | wc -l)
  found=$(cd "$large" && "$bin" find "$text" --format json | python3 -c \
    "import json,sys; d=json.load(sys.stdin)['find']; print(len(d['customers']), 'customers,', len(d['records']), 'records')")
  echo "-- \"$text\": git grep finds $hits files; find finds $found"
  bench "git-grep-$key" ':' "git grep -i -F -e $q -- customers >/dev/null"
  bench "find-warm-$key" ':' "$bin find $q --limit 0 >/dev/null"
  bench "find-cold-$key" "rm -rf $cache" "$bin find $q --limit 0 >/dev/null"
  echo "find warm / git grep: $(r "find-warm-$key" "git-grep-$key")"
  echo "find cold / git grep: $(r "find-cold-$key" "git-grep-$key")"
done
