#!/usr/bin/env bash
# Times `git crm attach` and `git crm docs get` of one large file, plain and `--restricted`, in
# git and through Git LFS, against `cp` and `sha256sum` of the same file, in one run, and
# reports the ratios and each command's peak memory (RSS).
#
#   benches/documents.sh [SIZE_MB]     (default 200)
#
# `cp` is what storing a file costs at least (its bytes written once); `sha256sum` what reading
# it once costs (attach reads the file twice: once to hash and plan, once to copy or seal it,
# checking the hash again). An attach also writes the git object (zlib) of the stored file, or
# for LFS runs `git lfs clean`, and makes a commit. Memory must not grow with the file: hashing,
# sealing (age, STREAM) and copying stream; the figures show where something still holds the
# whole file.
#
# Needs hyperfine (`apt-get install hyperfine`), python3 and GNU time (/usr/bin/time); git-lfs
# for the LFS rows (skipped without it). Each timed attach starts from the store's first commit
# (`git reset --hard` and a prune of the bench's throw-away repository, untimed), so the file
# is attached anew every run. Needs about 8 times SIZE_MB of free disk. BIN=path/to/git-crm
# skips the release build.
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-200}
runs=${RUNS:-3}

command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
if [ -z "${BIN:-}" ]; then
  cargo build --release --quiet
  BIN=$PWD/target/release/git-crm
fi
bin=$BIN
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GITCRM_USER=alice GIT_AUTHOR_NAME=Bench GIT_AUTHOR_EMAIL=alice@example.com \
  GIT_COMMITTER_NAME=Bench GIT_COMMITTER_EMAIL=alice@example.com
export GITCRM_IDENTITY=$work/alice.txt

file=$work/big.bin
head -c $((size_mb << 20)) /dev/urandom > "$file"
echo "== a ${size_mb} MiB file of random bytes (incompressible: the worst case for git's zlib)"

# A store with a customer and a finance team whose member has a key.
new_store() { # dir, lfs (yes/no)
  local store=$1
  "$bin" init "$store" --name Alice --email alice@example.com --handle alice >/dev/null 2>&1
  (
    cd "$store"
    [ -f "$GITCRM_IDENTITY" ] || "$bin" person key generate --output "$GITCRM_IDENTITY" >/dev/null 2>&1
    "$bin" person key add alice "$(grep -o 'age1[a-z0-9]*' "$GITCRM_IDENTITY" | head -1)" >/dev/null
    "$bin" team add finance >/dev/null
    "$bin" team join finance alice >/dev/null
    "$bin" customer add Acme >/dev/null
    printf 'documents:\n  max_size: 1GiB\n' >> .gitcrm/config.yaml
    git add -A && git commit -qm 'bench: documents up to 1 GiB in git'
    if [ "$2" = yes ]; then "$bin" setup --lfs >/dev/null 2>&1; fi
  )
}

results=$work/results
mkdir -p "$results"
declare -A ms rss
mean_ms() { python3 -c "import json,sys; print(round(json.load(open(sys.argv[1]))['results'][0]['mean'] * 1000, 1))" "$1"; }
ratio() { python3 -c "print(round($1 / $2, 2))"; }
run() { # name, directory, prepare, command
  hyperfine --shell=bash --runs "$runs" --export-json "$results/$1.json" \
    --command-name "$1" --prepare "cd $2 && $3" "cd $2 && $4" >/dev/null 2>&1
  ms[$1]=$(mean_ms "$results/$1.json")
  (cd "$2" && bash -c "$3" >/dev/null 2>&1 && /usr/bin/time -f %M -o "$results/$1.rss" bash -c "$4" >/dev/null 2>&1)
  rss[$1]=$(( $(tail -1 "$results/$1.rss") / 1024 ))
  printf '%-34s %9.1f ms %7s MB\n' "$1" "${ms[$1]}" "${rss[$1]}"
}
fresh='git reset -q --hard bench-base && git clean -qfdx customers && git reflog expire --expire=now --all && git prune'

echo "== measurements (mean of $runs runs; peak RSS of one more run)"
run "cp" "$work" 'rm -f copy.bin' "cp $file copy.bin"
run "sha256sum" "$work" ':' "sha256sum $file >/dev/null"

modes=no
if git lfs version >/dev/null 2>&1; then modes="no yes"; else echo "(git-lfs not installed: no LFS rows)"; fi
for lfs in $modes; do
  store=$work/store-$lfs
  new_store "$store" "$lfs"
  git -C "$store" tag bench-base
  where=git; [ "$lfs" = yes ] && where=lfs
  for kind in plain restricted; do
    flags=""; [ "$kind" = restricted ] && flags="--restricted finance"
    run "attach $kind ($where)" "$store" "$fresh" "$bin attach acme $file $flags"
    # Keep one attached copy for docs get.
    (cd "$store" && bash -c "$fresh" && "$bin" attach acme "$file" $flags >/dev/null)
    id=$(cd "$store" && "$bin" docs list acme --format json | python3 -c "import json,sys; print(json.load(sys.stdin)['documents'][0]['id'])")
    run "docs get $kind ($where)" "$store" 'rm -f got.bin' "$bin docs get $id -o got.bin"
    cmp -s "$file" "$store/got.bin" || { echo "docs get did not give the same bytes back" >&2; exit 1; }
  done
done

echo "-- ratios"
for lfs in $modes; do
  where=git; [ "$lfs" = yes ] && where=lfs
  for kind in plain restricted; do
    printf '%-12s %-4s attach / cp %6s   attach / sha256sum %6s   docs get / cp %6s   peak RSS attach %s MB, docs get %s MB\n' \
      "$kind" "$where" "$(ratio "${ms[attach $kind ($where)]}" "${ms[cp]}")" \
      "$(ratio "${ms[attach $kind ($where)]}" "${ms[sha256sum]}")" \
      "$(ratio "${ms[docs get $kind ($where)]}" "${ms[cp]}")" \
      "${rss[attach $kind ($where)]}" "${rss[docs get $kind ($where)]}"
  done
done
printf 'cp %s MB, sha256sum %s MB peak RSS\n' "${rss[cp]}" "${rss[sha256sum]}"
