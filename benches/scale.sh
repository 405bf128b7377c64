#!/usr/bin/env bash
# Scale: how `metrics`, `check` and `inbox` cost on generated stores of 20,000 and 200,000
# touchpoints (and 2,000,000 with `2m`), against baselines measured in the same run:
#
#   benches/scale.sh            20k and 200k
#   benches/scale.sh 2m         20k, 200k and 2M (the 2M store takes a long time to build)
#   benches/scale.sh 200k       only the 200k store (also: 20k, 2m alone with `only-2m`)
#
# For each store it prints the mean wall time (hyperfine) and the peak resident memory
# (/usr/bin/time) of:
#   git status                 the baseline "nothing changed" check of git itself
#   cat of every record file   a raw read of all the data (the cold target)
#   <cmd> warm                 nothing changed since the last run (the usual case)
#   <cmd> one file changed     one touchpoint edited (a comment line) before each run
#   <cmd> cold                 the cache (<git dir>/gitcrm/snapshot/) deleted before each run
# for cmd in metrics, check, inbox (of the person owning the most customers), then `log` (with
# its commit) and `timeline` of one customer, and the ratios the issue asks for.
#
# The operating system's page cache is not dropped: files and pack data are in memory for the
# baselines too. Its dentry and inode caches are, before each store when the script runs as root
# (KEEP_CACHES=1 keeps them): after a walk of millions of other files (the 2M store, a big
# checkout) every stat costs more, for git and git-crm alike but not in the same proportion
# (measured at 20k: `git status` 41 -> 47 ms, warm `metrics` 16 -> 27 ms; docs/scale.md). Stores are kept in $BENCH_DIR (default /tmp/git-crm-scale)
# and reused. Needs hyperfine and GNU time (installed with apt-get when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}
work=${BENCH_DIR:-/tmp/git-crm-scale}
sizes="20k 200k"
case "${1:-}" in
  2m) sizes="20k 200k 2m" ;;
  20k | 200k) sizes=$1 ;;
  only-2m) sizes=2m ;;
  "") ;;
  *) echo "usage: benches/scale.sh [2m|20k|200k|only-2m]" >&2; exit 2 ;;
esac

need() { command -v "$1" >/dev/null || { apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }; }
need hyperfine hyperfine
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
cargo build --release --quiet
bin=$PWD/target/release/git-crm
mkdir -p "$work"
export GIT_AUTHOR_NAME=Bench GIT_AUTHOR_EMAIL=alice@northwind-agency.example \
  GIT_COMMITTER_NAME=Bench GIT_COMMITTER_EMAIL=alice@northwind-agency.example

mean_ms() { python3 -c "import json,sys; print(round(json.load(open(sys.argv[1]))['results'][0]['mean']*1000, 1))" "$1"; }
ratio() { python3 -c "print(round($1 / $2, 2))"; }

bench_store() {
  local size=$1 customers interactions
  case $size in
    20k) customers=200 interactions=20000 ;;
    200k) customers=2000 interactions=200000 ;;
    2m) customers=20000 interactions=2000000 ;;
  esac
  local store=$work/s$size results=$work/results-$size
  mkdir -p "$results"
  echo
  echo "== store $size: $customers customers, $interactions touchpoints ($store)"
  if [ ! -d "$store/.git" ]; then
    rm -rf "$store"
    local start
    start=$(date +%s.%N)
    GITCRM_USER=alice /usr/bin/time -f %M -o "$results/build.rss" \
      "$bin" demo "$store" --customers "$customers" --interactions "$interactions" >/dev/null
    echo "built in $(python3 -c "print(round($(date +%s.%N) - $start, 1))") s, peak RSS $(( $(tail -1 "$results/build.rss") / 1024 )) MB"
  fi
  if [ -z "${KEEP_CACHES:-}" ] && [ -w /proc/sys/vm/drop_caches ]; then
    sync && echo 2 >/proc/sys/vm/drop_caches
    echo "dentry and inode caches dropped ($(cut -f1 /proc/sys/fs/dentry-state) dentries left)"
  else
    echo "dentry cache kept: $(cut -f1 /proc/sys/fs/dentry-state) dentries"
  fi
  local cache
  cache=$(git -C "$store" rev-parse --absolute-git-dir)/gitcrm/snapshot
  echo "files: $(git -C "$store" ls-files | wc -l)"
  # The person owning the most customers, and one of their customers with touchpoints.
  local person slug edit
  person=$(grep -h '^owner:' "$store"/customers/*/customer.yaml | sort | uniq -c | sort -rn | awk 'NR==1{print $3}')
  slug=$(awk -v p="$person" '$1 == "owner:" && $2 == p { n = split(FILENAME, a, "/"); print a[n-1]; exit }' \
    "$store"/customers/*/customer.yaml)
  edit=$(ls "$store/customers/$slug/interactions/" | sed -n 1p)
  edit=customers/$slug/interactions/$edit
  export GITCRM_USER=$person
  echo "inbox of $person; one-file change: $edit; log and timeline of $slug"
  git -C "$store" checkout -q -- customers
  local change="printf '# bench %s\n' \$RANDOM\$RANDOM >> $edit"
  local restore="git checkout -q -- $edit"

  declare -A ms rss
  run() { # name, prepare, command
    hyperfine --shell=bash --warmup 1 --runs "$runs" --ignore-failure --export-json "$results/$1.json" \
      --command-name "$1" --prepare "cd $store && $2" "cd $store && $3" >/dev/null 2>&1
    ms[$1]=$(mean_ms "$results/$1.json")
    (cd "$store" && bash -c "$2" >/dev/null 2>&1 && /usr/bin/time -f %M -o "$results/$1.rss" bash -c "$3" >/dev/null 2>&1) || true
    rss[$1]=$(( $(tail -1 "$results/$1.rss") / 1024 ))
    printf '%-26s %9.1f ms %7s MB\n' "$1" "${ms[$1]}" "${rss[$1]}"
  }
  run "git status" ':' 'git status --porcelain >/dev/null'
  run "cat every record file" ':' 'git ls-files -z customers | xargs -0 cat >/dev/null'
  local cmd
  for cmd in metrics check inbox; do
    local line="$bin $cmd --format json"
    [ "$cmd" = inbox ] && line="$bin inbox --peek --format json"
    # Nothing changed since the last run: the previous command's cold runs (or the checkout
    # above) left the edited file restored. No `git checkout` before each run: it rewrites
    # git's index, and its own work leaves the next command cold caches that `git status`,
    # run back to back, does not pay.
    run "$cmd warm" ':' "$line"
    run "$cmd one file changed" "$change" "$line"
    run "$cmd cold" "$restore; rm -rf $cache" "$line"
  done
  git -C "$store" checkout -q -- customers
  run "log (with its commit)" ':' "$bin log $slug -c email -d inbound -s 'bench touchpoint'"
  run "timeline" ':' "$bin timeline $slug --no-pager"

  local status=${ms[git status]} cat=${ms[cat every record file]}
  echo "-- ratios ($size)"
  for cmd in metrics check inbox; do
    printf '%-8s warm / git status %6s   one file changed / warm %6s   cold / cat %6s   peak RSS warm %s MB, cold %s MB\n' \
      "$cmd" "$(ratio "${ms[$cmd warm]}" "$status")" "$(ratio "${ms[$cmd one file changed]}" "${ms[$cmd warm]}")" \
      "$(ratio "${ms[$cmd cold]}" "$cat")" "${rss[$cmd warm]}" "${rss[$cmd cold]}"
  done
  printf 'log %s ms, timeline %s ms\n' "${ms[log (with its commit)]}" "${ms[timeline]}"
}

for size in $sizes; do
  bench_store "$size"
done
