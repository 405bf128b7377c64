#!/usr/bin/env bash
# Times the analyst export (`git crm export <kind> --format jsonl|parquet`) on a generated large
# store and reports it against `git crm export touchpoints --format csv` measured in the same
# run, plus the size of what each format writes. When DuckDB's Python module is installed
# (`pip install duckdb`), also runs the first-response median query of docs/export.md on the
# exported threads and compares it with `git crm metrics --format json`.
#
#   benches/export.sh [CUSTOMERS] [INTERACTIONS]     (default 2000 200000)
#
# All runs are warm (git-crm's parse cache filled by a first, untimed run), as for the CSV
# baseline. Needs hyperfine and python3. Reuses a store when BENCH_DIR points at a folder that
# holds one in `large/` (benches/metrics-check.sh builds the same).
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
export GITCRM_USER=alice GITCRM_NOW=2026-11-30T12:00:00Z

echo "== store ($customers customers / $interactions touchpoints)"
if [ ! -d "$work/large" ]; then
  "$bin" demo "$work/large" --customers "$customers" --interactions "$interactions" >/dev/null
fi
large=$work/large
out=$(mktemp -d)
trap 'rm -rf "$out"; [ -n "${BENCH_DIR:-}" ] || rm -rf "$work"' EXIT
json=$(mktemp -d)
mean() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['results'][0]['mean'])" "$1"; }
bench() { # name, command
  (cd "$large" && bash -c "$2") >/dev/null 2>&1
  hyperfine --shell=bash --warmup 1 --runs "$runs" --export-json "$json/$1.json" \
    --command-name "$1" "cd $large && $2" >/dev/null
  printf '%-22s %8.2f s\n' "$1" "$(mean "$json/$1.json")"
}

echo "== measurements (mean of $runs warm runs)"
bench csv-touchpoints "$bin export touchpoints --format csv >$out/t.csv"
bench jsonl-touchpoints "$bin export touchpoints --format jsonl >$out/t.jsonl"
bench parquet-touchpoints "$bin export touchpoints --format parquet --force -o $out/p"
bench parquet-threads "$bin export threads --format parquet --force -o $out/p"
bench parquet-handoffs "$bin export handoffs --format parquet --force -o $out/p"
bench jsonl-partitions "$bin export touchpoints --format jsonl --force -o $out/j"

r() { python3 -c "print(round($(mean "$json/$1.json") / $(mean "$json/$2.json"), 2))"; }
size() { du -sb "$1" | cut -f1 | python3 -c "import sys; print(f'{int(sys.stdin.read()) / 1e6:.1f} MB')"; }
echo "== ratios (against export touchpoints --format csv)"
echo "jsonl touchpoints (stdout)   : $(r jsonl-touchpoints csv-touchpoints)"
echo "parquet touchpoints          : $(r parquet-touchpoints csv-touchpoints)"
echo "parquet threads              : $(r parquet-threads csv-touchpoints)"
echo "parquet handoffs             : $(r parquet-handoffs csv-touchpoints)"
echo "jsonl touchpoints, partitions: $(r jsonl-partitions csv-touchpoints)"
echo "== sizes"
echo "csv $(size "$out/t.csv"), jsonl $(size "$out/t.jsonl"), parquet touchpoints $(size "$out/p/touchpoints")"
echo "months: $(ls "$out/p/touchpoints" | grep -c month=) touchpoint partitions, $(ls "$out/p/threads" | grep -c month=) thread partitions"

if python3 -c 'import duckdb' 2>/dev/null; then
  echo "== DuckDB: the first-response median of docs/export.md"
  read -r since until median n < <(cd "$large" && "$bin" metrics --format json | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(d["params"]["since"], d["params"]["until"], d["frt"]["response"]["median"], d["frt"]["response"]["n"])')
  python3 - "$out/p" "$since" "$until" "$median" "$n" <<'EOF'
import sys, time, duckdb
out, since, until, median, n = sys.argv[1:]
start = time.time()
got = duckdb.sql(f"""
SELECT quantile_disc(first_response_seconds, 0.5), count(first_response_seconds)
FROM read_parquet('{out}/threads/*/*.parquet', hive_partitioning = true)
WHERE started_at >= TIMESTAMPTZ '{since}' AND started_at < TIMESTAMPTZ '{until}'""").fetchall()[0]
took = time.time() - start
print(f"metrics: median {median} s of {n}; DuckDB: median {got[0]} s of {got[1]} ({took:.2f} s)")
sys.exit(0 if (str(got[0]), str(got[1])) == (median, n) else 1)
EOF
else
  echo "DuckDB (python3 -m pip install duckdb) not installed: median check skipped"
fi
