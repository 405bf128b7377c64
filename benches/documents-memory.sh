#!/usr/bin/env bash
# Peak memory (max RSS of the command and its git children, from `/usr/bin/time`) and time of
# `attach`, `team rekey` and `customer rename` with one large restricted document (default
# 600 MiB, more than the 512 MiB a change could once hold in memory), stored in git itself and
# through Git LFS. After each command the document must come back whole (`docs get`, SHA-256)
# and `git status` must be clean. Then an `attach` of the same file is killed with `kill -9`
# at a few moments, and the next command must leave no staged file and a clean status.
#
#   benches/documents-memory.sh [MIB]     (default 600)
#
# BIN=path/to/git-crm skips the release build; BEFORE=path/to/other/git-crm measures that
# binary too (a build of an older commit), and prints both. MODES="git lfs" picks the halves;
# BENCH_DIR=dir keeps the stores.
# Needs git-lfs for the LFS half (skipped with a message without it).
set -euo pipefail
cd "$(dirname "$0")/.."
mib=${1:-600}
if [ -z "${BIN:-}" ]; then
  cargo build --release --quiet
  BIN=$PWD/target/release/git-crm
fi
work=${BENCH_DIR:-$(mktemp -d)}
[ -n "${BENCH_DIR:-}" ] || trap 'rm -rf "$work"' EXIT
mkdir -p "$work"
export GITCRM_USER=alice GIT_AUTHOR_NAME=Bench GIT_AUTHOR_EMAIL=alice@agency.example \
  GIT_COMMITTER_NAME=Bench GIT_COMMITTER_EMAIL=alice@agency.example \
  GITCRM_IDENTITY=$work/alice.txt

echo "== generating a document of $mib MiB"
head -c "$((mib << 20))" /dev/urandom > "$work/big.bin"
want=$(sha256sum < "$work/big.bin" | cut -c1-64)

# measure LABEL BIN ARGS...: runs in the store, prints `LABEL  RSS MiB  seconds` (or the error).
measure() {
  local label=$1 bin=$2
  shift 2
  if /usr/bin/time -f "%M %e" -o "$work/time" "$bin" "$@" > "$work/out" 2> "$work/err"; then
    read -r kb secs < "$work/time"
    printf "  %-18s %8.0f MiB %8.1f s\n" "$label" "$((kb / 1024))" "$secs"
    return 0
  fi
  printf "  %-18s failed: %s\n" "$label" "$(grep -v '^Command exited' "$work/err" | head -1)"
  return 1
}

# whole SLUG: the one document of SLUG comes back byte-identical, and the status is clean.
whole() {
  local bin=$1 id
  id=$("$bin" docs list --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["documents"][0]["id"])')
  rm -f "$work/got.bin"
  "$bin" docs get "$id" -o "$work/got.bin" > /dev/null
  [ "$(sha256sum < "$work/got.bin" | cut -c1-64)" = "$want" ] || { echo "  document damaged"; exit 1; }
  rm -f "$work/got.bin"
  [ -z "$(git status --porcelain --untracked-files=all)" ] || { echo "  status not clean"; git status --short; exit 1; }
}

# store DIR BIN MODE: a store with customer acme, team finance (alice, with a key), carol in
# the config with a key but not yet in the team; through LFS when MODE is lfs.
store() {
  local dir=$1 bin=$2 mode=$3
  rm -rf "$dir"
  mkdir -p "$dir"
  cd "$dir"
  git init -q
  "$bin" init --handle alice --name Alice --email alice@agency.example > /dev/null 2>&1
  printf 'documents:\n  max_size: 2GiB\n' >> .gitcrm/config.yaml
  git commit -q -am "documents up to 2 GiB in git"
  if [ "$mode" = lfs ]; then "$bin" setup --lfs > /dev/null 2>&1; fi
  "$bin" customer add Acme > /dev/null 2>&1
  "$bin" team add finance > /dev/null 2>&1
  "$bin" team join finance alice > /dev/null 2>&1
  rm -f "$work/alice.txt" "$work/carol.txt"
  "$bin" person key add alice "$("$bin" person key generate --output "$work/alice.txt" 2> /dev/null)" > /dev/null
  "$bin" person add carol --name Carol --email carol@agency.example > /dev/null 2>&1
  "$bin" person key add carol "$("$bin" person key generate --output "$work/carol.txt" 2> /dev/null)" > /dev/null
}

failed=0
modes=()
for mode in ${MODES:-git lfs}; do
  if [ "$mode" = lfs ] && ! git lfs version > /dev/null 2>&1; then
    echo "(git-lfs not installed: LFS skipped)"
    continue
  fi
  modes+=("$mode")
done
bins=("after=$BIN")
[ -n "${BEFORE:-}" ] && bins=("before=$BEFORE" "${bins[@]}")
for mode in "${modes[@]}"; do
  for entry in "${bins[@]}"; do
    name=${entry%%=*} bin=${entry#*=}
    echo "== $mode, $name ($bin)"
    store "$work/store" "$bin" "$mode"
    if measure attach "$bin" attach acme "$work/big.bin" --restricted finance; then
      [ "$name" = before ] || whole "$bin"
      "$bin" team join finance carol > /dev/null 2>&1
      if measure "team rekey" "$bin" team rekey finance; then
        [ "$name" = before ] || whole "$bin"
      fi
      if measure "customer rename" "$bin" customer rename acme acme-corp; then
        [ "$name" = before ] || whole "$bin"
      fi
    fi
    cd "$work"
    rm -rf "$work/store"
  done
  # Killed while attaching: the next command removes what was staged.
  echo "== $mode: kill -9 during attach"
  store "$work/store" "$BIN" "$mode"
  for delay in 0.5 2 8 16 32; do
    "$BIN" attach acme "$work/big.bin" --restricted finance > /dev/null 2>&1 &
    pid=$!
    sleep "$delay"
    kill -9 "$pid" 2> /dev/null || true
    wait "$pid" 2> /dev/null || true
    note=$("$BIN" docs list 2>&1 > /dev/null | head -1)
    left=$(find . -path ./.git -prune -o -name '*.tmp' -print | wc -l)
    status=$(git status --porcelain --untracked-files=all | wc -l)
    n=$("$BIN" docs list --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["documents"]))')
    printf "  killed at %4s s: %s documents, %s temporary files, %s status lines%s\n" \
      "$delay" "$n" "$left" "$status" "${note:+ ($note)}"
    if [ "$left" != 0 ] || [ "$status" != 0 ]; then
      echo "  FAILED: the kill left files behind"
      failed=1
      break
    fi
    if [ "$n" = 1 ]; then
      whole "$BIN"
      break
    fi
  done
  cd "$work"
  rm -rf "$work/store"
done
exit $failed
