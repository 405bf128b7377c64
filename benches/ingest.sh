#!/usr/bin/env bash
# Times `git crm ingest mail` of one generated mbox of 20,000 messages (threads of four: the
# customer asks, we answer quoting the question, the customer follows up, we answer again; one
# message in twenty with an attachment, one in fifty an auto-reply), the no-op re-run of the
# same mbox, and the baseline measured in the same run: `git crm import` of 20,000 touchpoint
# rows for the same customers, in a store set up the same way.
#
#   benches/ingest.sh [MESSAGES]          (default 20000)
#
# Targets (issue 10): ingest <= 1.5 x import; the no-op re-run <= 0.5 x the first ingest.
# BIN=path/to/git-crm skips the release build; BENCH_DIR=dir keeps the work folder.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-20000}
if [ -z "${BIN:-}" ]; then
  cargo build --release --quiet
  BIN=$PWD/target/release/git-crm
fi
work=${BENCH_DIR:-$(mktemp -d)}
[ -n "${BENCH_DIR:-}" ] || trap 'rm -rf "$work"' EXIT
mkdir -p "$work"
export GITCRM_USER=alice GIT_AUTHOR_NAME=Bench GIT_AUTHOR_EMAIL=alice@agency.example \
  GIT_COMMITTER_NAME=Bench GIT_COMMITTER_EMAIL=alice@agency.example \
  GITCRM_NOW=2026-12-01T00:00:00Z

echo "== generating $n messages in one mbox and $n touchpoint rows"
python3 - "$work" "$n" <<'EOF'
import base64, csv, sys
work, n = sys.argv[1], int(sys.argv[2])
customers = max(1, n // 50)
with open(f"{work}/customers.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["ID", "Company", "Owner", "Contact", "Email"])
    for c in range(customers):
        w.writerow([f"C-{c}", f"Company {c}", "alice", f"Contact {c}", f"contact{c}@company{c}.example"])
attachment = base64.encodebytes(b"%PDF-1.4\n" + b"x" * 3000).decode()
with open(f"{work}/mail.mbox", "w", newline="\n") as f:
    for i in range(n):
        c = (i // 4) % customers
        thread, step = i // 4, i % 4
        day, hour, minute = 1 + thread % 28, 8 + step * 2, thread % 60
        date = f"{['Mon','Tue','Wed','Thu','Fri','Sat','Sun'][day % 7]}, {day:02} Oct 2026 {hour:02}:{minute:02}:00 +0200"
        customer = f"Contact {c} <contact{c}@company{c}.example>"
        ours = "Bob Stone via Support <support@agency.example>" if thread % 2 else "Alice Martin <alice@agency.example>"
        frm, to = (customer, "support@agency.example") if step % 2 == 0 else (ours, customer)
        mid = f"<t{thread}-m{step}@bench.example>"
        refs = " ".join(f"<t{thread}-m{k}@bench.example>" for k in range(step))
        auto = i % 50 == 49
        f.write(f"From bench@bench.example {['Mon','Tue','Wed','Thu','Fri','Sat','Sun'][day % 7]} Oct {day:2} {hour:02}:{minute:02}:00 2026\n")
        f.write(f"From: {frm}\nTo: {to}\nSubject: {'Re: ' if step else ''}Question {thread} about the retainer\n")
        f.write(f"Date: {date}\nMessage-ID: {mid}\n")
        if refs:
            f.write(f"In-Reply-To: <t{thread}-m{step - 1}@bench.example>\nReferences: {refs}\n")
        if auto:
            f.write("Auto-Submitted: auto-replied\n")
        body = (f"Hello,\n\nThis is message {step} of thread {thread}. We would like to know more about\n"
                f"the invoices of October and the plan for the next quarter.\n\nBest regards,\nSomeone\n")
        if step:
            body += f"\nOn an earlier day, someone wrote:\n> This is message {step - 1} of thread {thread}.\n> Quoted history.\n"
        if i % 20 == 7:
            f.write("MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b\"\n\n")
            f.write(f"--b\nContent-Type: text/plain; charset=utf-8\n\n{body}\n--b\n")
            f.write("Content-Type: application/pdf; name=\"report.pdf\"\nContent-Transfer-Encoding: base64\n\n")
            f.write(f"{attachment}--b--\n\n")
        else:
            f.write(f"Content-Type: text/plain; charset=utf-8\n\n{body.replace(chr(10) + 'From', chr(10) + '>From')}\n")
with open(f"{work}/touchpoints.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["Ticket", "Email", "Date", "Outbound", "Agent", "Subject", "Details", "Thread"])
    for i in range(n):
        c = (i // 4) % customers
        thread, step = i // 4, i % 4
        out = step % 2 == 1
        w.writerow([f"T-{i}", f"contact{c}@company{c}.example",
                    f"2026-10-{1 + thread % 28:02} {8 + step * 2:02}:{thread % 60:02}",
                    "yes" if out else "no", "bob" if out else "", f"Question {thread} about the retainer",
                    f"This is message {step} of thread {thread}.\nSecond line.", f"t{thread}"])
EOF
cat > "$work/customers.rules.yaml" <<'EOF'
records: customers
source: crm
key: [ID]
fields: {name: Company, owner: Owner, contact.name: Contact, contact.email: Email}
defaults: {status: active}
EOF
cat > "$work/touchpoints.rules.yaml" <<'EOF'
records: touchpoints
source: desk
key: [Ticket]
fields: {customer.email: Email, at: Date, direction: Outbound, by: Agent, summary: Subject,
         body: Details, thread: Thread}
defaults: {channel: email}
values: {direction: {"yes": outbound, "no": inbound}}
EOF

setup() { # dir: a store with Alice, Bob in support (support@agency.example) and the customers
  rm -rf "$1"
  "$BIN" init "$1" --handle alice --name 'Alice Martin' --email alice@agency.example >/dev/null
  (cd "$1" && "$BIN" team add support --email support@agency.example >/dev/null &&
    "$BIN" person add bob --name 'Bob Stone' --email bob@agency.example --team support >/dev/null &&
    "$BIN" import "$work/customers.csv" --rules "$work/customers.rules.yaml" >/dev/null)
}
setup "$work/import-store"
setup "$work/ingest-store"

seconds() { python3 -c 'import time; print(time.time())'; }
declare -A took
measure() { # name, dir, command...
  local name=$1 dir=$2; shift 2
  local start end
  sync
  start=$(seconds)
  (cd "$dir" && "$@") >"$work/$name.out"
  end=$(seconds)
  took[$name]=$(python3 -c "print(round($end - $start, 2))")
  printf '%-22s %7s s   %s\n' "$name" "${took[$name]}" "$(grep -E '^(imported|ingested)' "$work/$name.out")"
}

echo "== measurements (one run each: the first runs change the store)"
measure import "$work/import-store" "$BIN" import "$work/touchpoints.csv" --rules "$work/touchpoints.rules.yaml"
measure ingest "$work/ingest-store" "$BIN" ingest mail "$work/mail.mbox"
measure ingest-again "$work/ingest-store" "$BIN" ingest mail "$work/mail.mbox"
grep -q "^ingested mail from .*: $n created, 0 updated, 0 unchanged, 0 skipped, 0 unmatched" "$work/ingest.out"
grep -q "^ingested mail from .*: 0 created, 0 updated, $n unchanged" "$work/ingest-again.out"
grep -q "^nothing to commit" "$work/ingest-again.out"
[ -z "$(git -C "$work/ingest-store" status --porcelain)" ] || { echo "git status is not clean" >&2; exit 1; }
echo "files: $(git -C "$work/ingest-store" ls-files | wc -l) in the ingest store," \
  "$(git -C "$work/import-store" ls-files | wc -l) in the import store; mbox of $(du -h "$work/mail.mbox" | cut -f1)"

r() { python3 -c "print(round(${took[$1]} / ${took[$2]}, 2))"; }
echo "== ratios"
echo "ingest of $n messages / import of $n touchpoint rows : $(r ingest import)   (target <= 1.5)"
echo "no-op re-run / first ingest                          : $(r ingest-again ingest)   (target <= 0.5)"
