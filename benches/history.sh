#!/usr/bin/env bash
# Times `git crm history <customer>` on a store with a long history against
# `git log --format=%H -- customers/<slug>` (the commits that touched the customer's folder,
# nothing more), in one run, with and without a commit-graph holding changed-path Bloom filters:
# warm (git-crm's history index in .git/gitcrm/history/ is there), first run (the index is
# deleted before each run: without a graph the run builds it; with filters covering HEAD it
# walks with them and builds none, which `setup --fast-git` does), and without the index
# (GITCRM_HISTORY_INDEX=off, the walk over the trees).
#
#   benches/history.sh [COMMITS] [CUSTOMERS]     (default 100000 200)
#
# The store is a small demo store plus COMMITS generated commits, each logging one touchpoint
# for one of the customers (round robin), streamed into `git fast-import` (seconds, where as
# many `git crm log` runs would take hours). The customer timed has COMMITS / CUSTOMERS commits.
# `history` reads each of those commits' records and renders them; `git log` only lists ids.
#
# Needs hyperfine (`apt-get install hyperfine`) and python3; the script installs hyperfine when
# it can. Set BENCH_DIR to keep (and reuse) the generated store.
set -euo pipefail
cd "$(dirname "$0")/.."
commits=${1:-100000}
customers=${2:-200}
runs=${RUNS:-10}
# A first run builds the index over every commit: seconds, so fewer of them.
cold_runs=${COLD_RUNS:-2}

command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
cargo build --release --quiet
bin=$PWD/target/release/git-crm
work=${BENCH_DIR:-$(mktemp -d)}
[ -n "${BENCH_DIR:-}" ] || trap 'rm -rf "$work"' EXIT
export GITCRM_USER=alice GIT_AUTHOR_NAME=Bench GIT_AUTHOR_EMAIL=alice@northwind-agency.example \
  GIT_COMMITTER_NAME=Bench GIT_COMMITTER_EMAIL=alice@northwind-agency.example
store=$work/history-$commits-$customers

if [ ! -d "$store" ]; then
  echo "== building a store with $customers customers and $commits more commits"
  start=$(date +%s.%N)
  "$bin" demo "$store" --customers "$customers" --interactions $((customers * 5)) >/dev/null
  git -C "$store" ls-tree --name-only HEAD customers/ | sed 's|customers/||' > "$work/slugs"
  python3 - "$commits" "$work/slugs" <<'EOF' | git -C "$store" fast-import --quiet --done
import sys, datetime
commits, slugs = int(sys.argv[1]), open(sys.argv[2]).read().split()
out = sys.stdout.buffer
start = datetime.datetime(2025, 1, 1, tzinfo=datetime.timezone.utc)
for i in range(commits):
    slug = slugs[i % len(slugs)]
    at = start + datetime.timedelta(minutes=i)
    stamp, iso, epoch = at.strftime("%Y%m%dT%H%M%SZ"), at.strftime("%Y-%m-%dT%H:%M:%S+00:00"), int(at.timestamp())
    rid = f"01a0e6ec-9720-7{i % 4096:03x}-a{(i // 4096) % 4096:03x}-{i:012x}"
    record = (f"id: {rid}\nat: \"{iso}\"\nrecorded_at: \"{iso}\"\nchannel: email\n"
              f"direction: inbound\nby: alice\nactor: human\nthread: {rid}\n"
              f"summary: \"Generated touchpoint {i}\"\n").encode()
    message = f"log: generated touchpoint {i}\n\nCrm-Op: log.add\nCrm-Actor: alice\n".encode()
    out.write(b"commit refs/heads/main\n")
    out.write(f"author Bench <alice@northwind-agency.example> {epoch} +0000\n".encode())
    out.write(f"committer Bench <alice@northwind-agency.example> {epoch} +0000\n".encode())
    out.write(b"data %d\n%s\n" % (len(message), message))
    if i == 0:
        out.write(b"from refs/heads/main^0\n")
    path = f"customers/{slug}/interactions/{stamp}-{rid[-8:]}.yaml"
    out.write(b"M 100644 inline %s\ndata %d\n%s\n" % (path.encode(), len(record), record))
out.write(b"done\n")
EOF
  git -C "$store" reset -q --hard
  echo "built in $(python3 -c "print(round($(date +%s.%N) - $start, 1))") s"
fi
slug=$(head -1 "$work/slugs" 2>/dev/null || git -C "$store" ls-tree --name-only HEAD customers/ | head -1 | sed 's|customers/||')
echo "commits: $(git -C "$store" rev-list --count HEAD), of $slug: $(git -C "$store" rev-list --count HEAD -- "customers/$slug")"

json=$work/results
mkdir -p "$json"
mean() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['results'][0]['mean'])" "$1"; }
bench() { # name, command [runs] [prepare]
  (cd "$store" && bash -c "$2") >/dev/null || { echo "$1 failed: $2" >&2; exit 1; }
  local prepare=()
  [ -z "${4:-}" ] || prepare=(--prepare "$4")
  hyperfine --shell=bash --warmup 1 --runs "${3:-$runs}" "${prepare[@]}" --export-json "$json/$1.json" \
    --command-name "$1" "cd $store && $2" >/dev/null
  printf '%-32s %9.1f ms\n' "$1" "$(python3 -c "print($(mean "$json/$1.json") * 1000)")"
}
r() { python3 -c "print(round($(mean "$json/$1.json") / $(mean "$json/$2.json"), 3))"; }
graph_files() { ls "$store/.git/objects/info/commit-graph" "$store/.git/objects/info/commit-graphs" 2>/dev/null || true; }

no_index="rm -rf $store/.git/gitcrm/history"

echo "== without a commit-graph (mean of $runs runs; first runs: $cold_runs)"
rm -rf "$store/.git/objects/info/commit-graph" "$store/.git/objects/info/commit-graphs"
bench git-log-plain "git log --format=%H -- customers/$slug"
bench crm-history-plain-first "$bin history $slug" "$cold_runs" "$no_index"
bench crm-history-plain "$bin history $slug"
bench crm-history-plain-off "GITCRM_HISTORY_INDEX=off $bin history $slug" "$cold_runs"
index=$store/.git/gitcrm/history/customers.bin
cp "$index" "$work/customers.bin.kept"

echo "== with a commit-graph and changed-path Bloom filters (git commit-graph write --reachable --changed-paths)"
git -C "$store" commit-graph write --reachable --changed-paths
bench git-log-graph "git log --format=%H -- customers/$slug"
bench crm-history-graph-first "$bin history $slug" "$cold_runs" "$no_index"
# The first runs left no index (the filters cover HEAD): put back the one built above.
mkdir -p "$(dirname "$index")" && cp "$work/customers.bin.kept" "$index"
bench crm-history-graph "$bin history $slug"
bench crm-history-graph-json "$bin history $slug --format json"
bench crm-history-graph-off "GITCRM_HISTORY_INDEX=off $bin history $slug"

echo "== ratios"
echo "history / git log, commit-graph with Bloom filters : $(r crm-history-graph git-log-graph)   (must be <= 1)"
echo "history --format json / git log, same             : $(r crm-history-graph-json git-log-graph)"
echo "history / git log, no commit-graph                : $(r crm-history-plain git-log-plain)   (must be <= 1)"
echo "first run (no index, none built) / git log, graph  : $(r crm-history-graph-first git-log-graph)   (must be <= 1)"
echo "first run (builds the index) / git log, no graph   : $(r crm-history-plain-first git-log-plain)"
echo "no index (GITCRM_HISTORY_INDEX=off) / git log, graph    : $(r crm-history-graph-off git-log-graph)"
echo "no index (GITCRM_HISTORY_INDEX=off) / git log, no graph : $(r crm-history-plain-off git-log-plain)"
echo "index file: $(stat -c %s "$index") bytes for $(git -C "$store" rev-list --count HEAD) commits"
