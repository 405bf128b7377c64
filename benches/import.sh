#!/usr/bin/env bash
# Times `git crm import` of a generated spreadsheet of 50,000 rows (customers, then touchpoints
# for them), the re-import of the same files (which must create and change nothing), and
# baselines measured in the same run on the same files: `git add -A && git commit` of the files
# the import wrote, and a raw `cat` of them.
#
#   benches/import.sh [ROWS]          (default 50000)
#
# BIN=path/to/git-crm skips the release build; BENCH_DIR=dir keeps the work folder.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-50000}
if [ -z "${BIN:-}" ]; then
  cargo build --release --quiet
  BIN=$PWD/target/release/git-crm
fi
work=${BENCH_DIR:-$(mktemp -d)}
[ -n "${BENCH_DIR:-}" ] || trap 'rm -rf "$work"' EXIT
mkdir -p "$work"
export GITCRM_USER=alice GIT_AUTHOR_NAME=Bench GIT_AUTHOR_EMAIL=alice@example.com \
  GIT_COMMITTER_NAME=Bench GIT_COMMITTER_EMAIL=alice@example.com

echo "== generating $rows customer rows and $rows touchpoint rows"
python3 - "$work" "$rows" <<'EOF'
import csv, sys
work, n = sys.argv[1], int(sys.argv[2])
with open(f"{work}/customers.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["ID", "Company", "Stage", "Owner", "Labels", "Contact", "Email", "Tier", "Seats", "Created"])
    for i in range(n):
        w.writerow([f"C-{i}", f"Company {i}", ["Customer", "Prospect"][i % 2], ["alice", "bob"][i % 2],
                    "retail, vip" if i % 3 == 0 else "b2b", f"Contact {i}", f"c{i}@example.com",
                    ["gold", "silver"][i % 2], i % 100, f"2026-{1 + i % 12:02}-{1 + i % 28:02}"])
customers = max(1, n // 50)
with open(f"{work}/touchpoints.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["Ticket", "Email", "Date", "Type", "Outbound", "Agent", "Subject", "Details"])
    for i in range(n):
        out = i % 2 == 1
        w.writerow([f"T-{i}", f"c{i % customers}@example.com",
                    f"2026-{1 + i % 10:02}-{1 + i % 28:02} {i % 24:02}:{i % 60:02}",
                    ["Phone", "E-mail", "chat"][i % 3], "yes" if out else "no", "bob" if out else "",
                    f"Ticket {i}", f"Details of ticket {i}\nsecond line"])
EOF
cat > "$work/customers.rules.yaml" <<'EOF'
records: customers
source: crm
key: [ID]
fields: {name: Company, status: Stage, owner: Owner, tags: Labels, contact.name: Contact,
         contact.email: Email, fields.tier: Tier, fields.seats: Seats, created: Created}
values: {status: {Customer: active, Prospect: lead}}
EOF
cat > "$work/touchpoints.rules.yaml" <<'EOF'
records: touchpoints
source: desk
key: [Ticket]
fields: {customer.email: Email, at: Date, channel: Type, direction: Outbound, by: Agent,
         summary: Subject, body: Details}
values: {channel: {Phone: call, E-mail: email}, direction: {"yes": outbound, "no": inbound}}
EOF

rm -rf "$work/store" "$work/baseline"
"$BIN" init "$work/store" --handle alice --name Alice --email alice@example.com >/dev/null
(cd "$work/store" && "$BIN" team add sales >/dev/null &&
  "$BIN" person add bob --name Bob --email bob@example.com --team sales >/dev/null)

seconds() { python3 -c 'import time; print(time.time())'; }
declare -A took
measure() { # name, dir, command...
  local name=$1 dir=$2; shift 2
  local start end
  start=$(seconds)
  (cd "$dir" && "$@") >"$work/$name.out"
  end=$(seconds)
  took[$name]=$(python3 -c "print(round($end - $start, 2))")
  printf '%-26s %7s s   %s\n' "$name" "${took[$name]}" "$(tail -2 "$work/$name.out" | head -1)"
}

echo "== measurements (one run each: an import changes the store)"
measure import-customers "$work/store" "$BIN" import "$work/customers.csv" --rules "$work/customers.rules.yaml"
measure reimport-customers "$work/store" "$BIN" import "$work/customers.csv" --rules "$work/customers.rules.yaml"
measure import-touchpoints "$work/store" "$BIN" import "$work/touchpoints.csv" --rules "$work/touchpoints.rules.yaml"
measure reimport-touchpoints "$work/store" "$BIN" import "$work/touchpoints.csv" --rules "$work/touchpoints.rules.yaml"
grep -q " 0 created, 0 updated, $rows unchanged" "$work/reimport-customers.out"
grep -q " 0 created, 0 updated, $rows unchanged" "$work/reimport-touchpoints.out"
[ -z "$(git -C "$work/store" status --porcelain)" ] || { echo "git status is not clean" >&2; exit 1; }
echo "files in the store: $(git -C "$work/store" ls-files | wc -l), commits: $(git -C "$work/store" rev-list --count HEAD)"

# Baselines on the same files, in the same order: a fresh repository that receives exactly the
# files each import wrote, committed with `git add -A && git commit`; and `cat` of the files
# each re-import reads.
mkdir -p "$work/baseline"
git -C "$work/baseline" init -q
copy() { (cd "$work/store" && find customers "$@" -print0 | tar --null -T - -cf - | tar -xf - -C "$work/baseline"); }
copy -name customer.yaml
sync
measure git-commit-customers "$work/baseline" bash -c 'git add -A && git commit -q -m customers'
copy -path '*/interactions/*' 
sync
measure git-commit-touchpoints "$work/baseline" bash -c 'git add -A && git commit -q -m touchpoints'
measure cat-customers "$work/store" bash -c 'git ls-files -z "customers/*/customer.yaml" | xargs -0 cat >/dev/null'
measure cat-all "$work/store" bash -c 'git ls-files -z customers | xargs -0 cat >/dev/null'

r() { python3 -c "print(round(${took[$1]} / ${took[$2]}, 2))"; }
echo "== ratios"
echo "import customers / git add -A && git commit of the same $rows files   : $(r import-customers git-commit-customers)"
echo "import touchpoints / git add -A && git commit of the same $rows files : $(r import-touchpoints git-commit-touchpoints)"
echo "re-import customers (nothing to do) / cat of the customer files      : $(r reimport-customers cat-customers)"
echo "re-import touchpoints (nothing to do) / cat of all record files      : $(r reimport-touchpoints cat-all)"
