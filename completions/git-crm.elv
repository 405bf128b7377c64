
use builtin;
use str;

set edit:completion:arg-completer[git-crm] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'git-crm'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'git-crm'= {
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand init 'Create a store (or adopt an existing git repository as one)'
            cand setup 'Prepare a fresh clone of a store: register the merge driver (and, with --hooks, the post-merge hook that runs event rules)'
            cand person 'Manage the people of the store'
            cand team 'Manage teams'
            cand customer 'Add, list, show, edit, rename and archive customers'
            cand log 'Log a touchpoint with a customer'
            cand note 'Add an internal note about a customer; @mentions name people'
            cand assign 'Reassign a customer and record the handoff'
            cand handoff 'List and accept handoffs'
            cand task 'Follow-up tasks'
            cand timeline 'A customer''s touchpoints, notes, handoffs and tasks in one chronological view'
            cand inbox 'What needs you now: unanswered threads, handoffs to you, your tasks, mentions'
            cand metrics 'Team metrics: first response, first contact resolution, handoffs, coverage, consistency'
            cand check 'Validate the whole store with named checks; report every problem'
            cand import 'Import customers or touchpoints from a spreadsheet (CSV, XLSX, ODS) with a rules file'
            cand export 'Export customers, touchpoints, notes or handoffs as CSV or JSON'
            cand review 'Summarise a branch for merge review: customers, reassignments, records, fields, problems'
            cand rules 'Run the team''s workflow rules (.gitcrm/rules.yaml) on the committed store, or test them'
            cand history 'A customer''s git history in words: who changed what, when, in which commit'
            cand sync 'Fetch, merge, check and push the store through your git (exit 3 conflict, 4 network)'
            cand demo 'Build a demo agency store and show a short tour'
            cand completions 'Print shell completions (bash, zsh, fish, powershell, elvish, nushell) or the man page'
            cand merge-driver 'The merge driver git calls for customer records (registered by init/setup)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'git-crm;init'= {
            cand --handle 'Your handle (default: the local part of your git email)'
            cand --name 'Your name (default: git config user.name)'
            cand --email 'Your email (default: git config user.email)'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --no-commit 'Leave the new files uncommitted'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;setup'= {
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --hooks 'Also install a post-merge hook that runs the event rules after each merge or pull'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;person'= {
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Add a person'
            cand list 'List people'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'git-crm;person;add'= {
            cand --name 'name'
            cand --email 'Email addresses (repeatable); they identify the person from git config'
            cand --team 'Teams (repeatable; the first is the default team of their customers)'
            cand --role 'Role, for views (`sales`, `support`, `finance`, ...)'
            cand --format 'Output format of the result'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --no-commit 'Write the files but do not commit them'
            cand --dry-run 'Show what would be written and change nothing'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;person;list'= {
            cand --format 'format'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;person;help'= {
            cand add 'Add a person'
            cand list 'List people'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'git-crm;person;help;add'= {
        }
        &'git-crm;person;help;list'= {
        }
        &'git-crm;person;help;help'= {
        }
        &'git-crm;team'= {
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Add a team'
            cand list 'List teams'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'git-crm;team;add'= {
            cand --calendar 'Calendar (defined under `calendars:` in the config) for business-hours metrics'
            cand --description 'description'
            cand --format 'Output format of the result'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --no-commit 'Write the files but do not commit them'
            cand --dry-run 'Show what would be written and change nothing'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;team;list'= {
            cand --format 'format'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;team;help'= {
            cand add 'Add a team'
            cand list 'List teams'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'git-crm;team;help;add'= {
        }
        &'git-crm;team;help;list'= {
        }
        &'git-crm;team;help;help'= {
        }
        &'git-crm;customer'= {
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Add a customer'
            cand list 'List customers'
            cand show 'Show a customer''s card: fields, contacts, open threads, last touchpoint, pending handoff'
            cand edit 'Edit fields in place (comments and unknown keys in the file are kept)'
            cand rename 'Give a customer a new slug (moves its folder, keeps its id) and/or a new name'
            cand archive 'Archive a customer (nothing is deleted); --undo brings it back'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'git-crm;customer;add'= {
            cand --slug 'Folder name and handle of the customer (default: derived from the name)'
            cand --kind 'kind'
            cand --status 'status'
            cand --owner 'Owner handle (default: you)'
            cand --team 'Team (default: the owner''s first team)'
            cand --tag 'Tags (repeatable, or comma-separated)'
            cand --contact 'A contact: `Name <email>`, optionally `;phone=...;role=...` (repeatable)'
            cand --field 'A custom field `key=value` (repeatable)'
            cand --external-id 'An id in another system, `source=key` (repeatable)'
            cand --format 'Output format of the result'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --no-commit 'Write the files but do not commit them'
            cand --dry-run 'Show what would be written and change nothing'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;customer;list'= {
            cand --status 'Only these statuses (repeatable)'
            cand --owner 'owner'
            cand --team 'team'
            cand --tag 'Only customers with all these tags'
            cand --sort 'sort'
            cand --format 'format'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --archived 'Include archived customers'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;customer;show'= {
            cand --format 'format'
            cand --view 'Apply the view of this role (default: the acting person''s role; `all` shows everything). A view decides what comes first and which tagged records are left out; it is surfacing, not security: everyone with the repository can read every record'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;customer;edit'= {
            cand --set '`key=value` for name, kind, status, tags, fields.<name>, external_ids.<source>'
            cand --unset 'Remove an optional field'
            cand --add-tag 'add-tag'
            cand --remove-tag 'remove-tag'
            cand --add-contact '`Name <email>;phone=...;role=...`'
            cand --remove-contact 'A contact''s name or email'
            cand --format 'Output format of the result'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --no-commit 'Write the files but do not commit them'
            cand --dry-run 'Show what would be written and change nothing'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;customer;rename'= {
            cand --name 'name'
            cand --format 'Output format of the result'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --no-commit 'Write the files but do not commit them'
            cand --dry-run 'Show what would be written and change nothing'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;customer;archive'= {
            cand --format 'Output format of the result'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --undo 'undo'
            cand --no-commit 'Write the files but do not commit them'
            cand --dry-run 'Show what would be written and change nothing'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;customer;help'= {
            cand add 'Add a customer'
            cand list 'List customers'
            cand show 'Show a customer''s card: fields, contacts, open threads, last touchpoint, pending handoff'
            cand edit 'Edit fields in place (comments and unknown keys in the file are kept)'
            cand rename 'Give a customer a new slug (moves its folder, keeps its id) and/or a new name'
            cand archive 'Archive a customer (nothing is deleted); --undo brings it back'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'git-crm;customer;help;add'= {
        }
        &'git-crm;customer;help;list'= {
        }
        &'git-crm;customer;help;show'= {
        }
        &'git-crm;customer;help;edit'= {
        }
        &'git-crm;customer;help;rename'= {
        }
        &'git-crm;customer;help;archive'= {
        }
        &'git-crm;customer;help;help'= {
        }
        &'git-crm;log'= {
            cand -c 'Channel from the store''s vocabulary (email, call, chat, meeting, ...)'
            cand --channel 'Channel from the store''s vocabulary (email, call, chat, meeting, ...)'
            cand -d 'inbound (from the customer), outbound (to the customer) or internal'
            cand --direction 'inbound (from the customer), outbound (to the customer) or internal'
            cand -s 'One line saying what happened'
            cand --summary 'One line saying what happened'
            cand --body 'Longer text (Markdown)'
            cand --at 'When it happened (default now): RFC 3339, `2026-11-02 14:30`, `yesterday`, `3h ago`'
            cand --by 'Who: a person handle for outbound/internal (default you), the contact for inbound'
            cand --reply-to 'Join the thread of this touchpoint (short id prefix from the timeline, or `last`)'
            cand --tag 'Tags (repeatable, or comma-separated)'
            cand --format 'Output format of the result'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --resolves 'This touchpoint resolved the thread'
            cand --automated 'Sent by an automation (auto-reply, sequence); never starts or stops a metric clock'
            cand --no-commit 'Write the files but do not commit them'
            cand --dry-run 'Show what would be written and change nothing'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;note'= {
            cand --tag 'tag'
            cand --at 'When (default now)'
            cand --format 'Output format of the result'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --no-commit 'Write the files but do not commit them'
            cand --dry-run 'Show what would be written and change nothing'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;assign'= {
            cand --to 'The new owner''s handle'
            cand --team 'The new team (default: the new owner''s first team)'
            cand --reason 'Why, for the handoff record'
            cand --format 'Output format of the result'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --no-commit 'Write the files but do not commit them'
            cand --dry-run 'Show what would be written and change nothing'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;handoff'= {
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List handoffs, oldest first'
            cand accept 'Accept a handoff: by customer (its latest pending handoff) or by handoff id'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'git-crm;handoff;list'= {
            cand --customer 'customer'
            cand --to 'Only handoffs to this person'
            cand --format 'format'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --pending 'Only handoffs not yet accepted'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;handoff;accept'= {
            cand --format 'Output format of the result'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --no-commit 'Write the files but do not commit them'
            cand --dry-run 'Show what would be written and change nothing'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;handoff;help'= {
            cand list 'List handoffs, oldest first'
            cand accept 'Accept a handoff: by customer (its latest pending handoff) or by handoff id'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'git-crm;handoff;help;list'= {
        }
        &'git-crm;handoff;help;accept'= {
        }
        &'git-crm;handoff;help;help'= {
        }
        &'git-crm;task'= {
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Add a follow-up task on a customer'
            cand list 'List open tasks (soonest due first)'
            cand done 'Mark a task done (by id prefix)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'git-crm;task;add'= {
            cand --assignee 'Who does it (default: you)'
            cand --due 'Due date: 2026-12-01, `tomorrow`, `+3d`'
            cand --format 'Output format of the result'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --no-commit 'Write the files but do not commit them'
            cand --dry-run 'Show what would be written and change nothing'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;task;list'= {
            cand --assignee 'assignee'
            cand --customer 'customer'
            cand --format 'format'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --mine 'Only tasks assigned to you'
            cand --overdue 'Only tasks past their due date'
            cand --all 'Include done tasks'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;task;done'= {
            cand --format 'Output format of the result'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --no-commit 'Write the files but do not commit them'
            cand --dry-run 'Show what would be written and change nothing'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;task;help'= {
            cand add 'Add a follow-up task on a customer'
            cand list 'List open tasks (soonest due first)'
            cand done 'Mark a task done (by id prefix)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'git-crm;task;help;add'= {
        }
        &'git-crm;task;help;list'= {
        }
        &'git-crm;task;help;done'= {
        }
        &'git-crm;task;help;help'= {
        }
        &'git-crm;timeline'= {
            cand --since 'Only entries at or after this time (`2026-10-01`, `30d`)'
            cand --until 'Only entries before this time'
            cand --channel 'Only touchpoints on these channels (repeatable)'
            cand --kind 'Only these kinds (repeatable)'
            cand --by 'Only entries by these people or contacts (repeatable)'
            cand --tz 'Time zone for times and days (default: the store''s `timezone`, else UTC)'
            cand --format 'format'
            cand --view 'Apply the view of this role (default: the acting person''s role; `all` shows everything). A view decides what comes first and which tagged records are left out; it is surfacing, not security: everyone with the repository can read every record'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --body 'Print touchpoint and note bodies'
            cand --history 'Weave in who changed the customer when, from git (field changes, renames, edits)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;inbox'= {
            cand --format 'Output format (json is documented in docs/collaboration-sync.md)'
            cand --view 'Apply the view of this role (default: the acting person''s role; `all` shows everything). A view decides what comes first and which tagged records are left out; it is surfacing, not security: everyone with the repository can read every record'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --all 'Also list mentions already seen in this clone'
            cand --peek 'Do not mark the mentions shown as seen'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;metrics'= {
            cand --since 'Start of the period: a date (read in --tz), `30d` (30 days before --at) or `all`'
            cand --until 'End of the period (exclusive; a bare date includes that day). Default: --at'
            cand --at 'Compute as of this instant (default now): later records are ignored, ages end here'
            cand --tz 'Time zone of periods, months and weeks (IANA name). Never the machine''s zone'
            cand --team 'Only customers owned by these teams (repeatable, or comma-separated)'
            cand --owner 'Only customers owned by these people'
            cand --channel 'Only threads started on (and touchpoints on) these channels'
            cand --tag 'Only customers with these tags'
            cand --customer 'Only these customers (slugs)'
            cand --by 'Also show the metrics grouped by team, owner, channel, month or week'
            cand --fcr-rule 'Which first-contact-resolution definition to use'
            cand --clock 'Measure durations in business hours (where the team has a calendar) or wall-clock time'
            cand --weeks 'Weeks of the weekly coverage table'
            cand --fail-if 'Exit 1 when a condition holds, e.g. ''handoff.p90 > 24h'', ''fcr.rate < 0.6'', ''frt.unanswered > 0'' (repeatable)'
            cand --format 'format'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;check'= {
            cand --format 'Output format'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --strict 'Fail on warnings too (exit 1)'
            cand --list 'List the checks with what each one finds, and exit'
            cand --fix 'First make the repairs that are safe (records a merge left in a renamed customer''s old folder are moved to the customer), in one commit; then check'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;import'= {
            cand --rules 'The rules file that maps its columns to fields (see docs/import.md)'
            cand --format 'Output format of the summary'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --skip-invalid 'Import the valid rows and list the invalid ones, instead of importing nothing'
            cand --dry-run 'Show what would be created and changed, and write nothing'
            cand --no-commit 'Write the files but do not commit them (the next import commits them)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;export'= {
            cand --format 'format'
            cand --since 'Only records at or after this time (customers: created at or after), e.g. `2026-10-01`, `30d`'
            cand --until 'Only records before this time'
            cand --owner 'Only customers owned by this person (and their records)'
            cand --team 'Only customers of this team (and their records)'
            cand --tag 'Only records with all these tags (customers: customer tags; repeatable)'
            cand --customer 'Only these customers (slugs; repeatable)'
            cand --channel 'Only touchpoints on these channels (repeatable)'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;review'= {
            cand --format 'Output format: text for terminals, markdown for a merge-request comment, json for bots'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --fail-on-problems 'Exit 1 when head brings a new `check` error or a record edited or deleted after the fact'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;rules'= {
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand run 'Run the rules of .gitcrm/rules.yaml on the committed store and commit what they do'
            cand test 'Run the fixtures under `tests:` of the work tree''s rules file and compare the actions'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'git-crm;rules;run'= {
            cand --at 'The run''s "now" (default: now): schedule rules look at the store as of it'
            cand --rule 'Run only this rule (repeatable)'
            cand --only 'Run only event rules or only schedule (and task.overdue) rules'
            cand --format 'format'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --reapply 'Fire again what an earlier revision of a rule fired (after editing it)'
            cand --dry-run 'Print the plan and change nothing'
            cand --no-commit 'Write the files but do not commit them'
            cand --quiet 'Print nothing when there is nothing to do, or no rules are committed (for hooks and CI)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;rules;test'= {
            cand --format 'format'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;rules;help'= {
            cand run 'Run the rules of .gitcrm/rules.yaml on the committed store and commit what they do'
            cand test 'Run the fixtures under `tests:` of the work tree''s rules file and compare the actions'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'git-crm;rules;help;run'= {
        }
        &'git-crm;rules;help;test'= {
        }
        &'git-crm;rules;help;help'= {
        }
        &'git-crm;history'= {
            cand --tz 'Time zone for times (default: the store''s `timezone`, else UTC)'
            cand --format 'Output format: table (text), markdown or json'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;sync'= {
            cand --format 'format'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --dry-run 'Fetch and show what would happen (incoming and outgoing commits, expected conflicts); change nothing but the remote-tracking refs'
            cand --no-check 'Push even when `git crm check` finds errors in the merged store'
            cand --no-push 'Fetch and merge, but do not push'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;demo'= {
            cand --customers 'Generate this many customers (a large store for benchmarks)'
            cand --interactions 'Generate this many touchpoints'
            cand --seed 'Seed of the generator (the same seed builds the same store)'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;completions'= {
            cand --dir 'Write every target into this folder instead (file names as in completions/)'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;merge-driver'= {
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;help'= {
            cand init 'Create a store (or adopt an existing git repository as one)'
            cand setup 'Prepare a fresh clone of a store: register the merge driver (and, with --hooks, the post-merge hook that runs event rules)'
            cand person 'Manage the people of the store'
            cand team 'Manage teams'
            cand customer 'Add, list, show, edit, rename and archive customers'
            cand log 'Log a touchpoint with a customer'
            cand note 'Add an internal note about a customer; @mentions name people'
            cand assign 'Reassign a customer and record the handoff'
            cand handoff 'List and accept handoffs'
            cand task 'Follow-up tasks'
            cand timeline 'A customer''s touchpoints, notes, handoffs and tasks in one chronological view'
            cand inbox 'What needs you now: unanswered threads, handoffs to you, your tasks, mentions'
            cand metrics 'Team metrics: first response, first contact resolution, handoffs, coverage, consistency'
            cand check 'Validate the whole store with named checks; report every problem'
            cand import 'Import customers or touchpoints from a spreadsheet (CSV, XLSX, ODS) with a rules file'
            cand export 'Export customers, touchpoints, notes or handoffs as CSV or JSON'
            cand review 'Summarise a branch for merge review: customers, reassignments, records, fields, problems'
            cand rules 'Run the team''s workflow rules (.gitcrm/rules.yaml) on the committed store, or test them'
            cand history 'A customer''s git history in words: who changed what, when, in which commit'
            cand sync 'Fetch, merge, check and push the store through your git (exit 3 conflict, 4 network)'
            cand demo 'Build a demo agency store and show a short tour'
            cand completions 'Print shell completions (bash, zsh, fish, powershell, elvish, nushell) or the man page'
            cand merge-driver 'The merge driver git calls for customer records (registered by init/setup)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'git-crm;help;init'= {
        }
        &'git-crm;help;setup'= {
        }
        &'git-crm;help;person'= {
            cand add 'Add a person'
            cand list 'List people'
        }
        &'git-crm;help;person;add'= {
        }
        &'git-crm;help;person;list'= {
        }
        &'git-crm;help;team'= {
            cand add 'Add a team'
            cand list 'List teams'
        }
        &'git-crm;help;team;add'= {
        }
        &'git-crm;help;team;list'= {
        }
        &'git-crm;help;customer'= {
            cand add 'Add a customer'
            cand list 'List customers'
            cand show 'Show a customer''s card: fields, contacts, open threads, last touchpoint, pending handoff'
            cand edit 'Edit fields in place (comments and unknown keys in the file are kept)'
            cand rename 'Give a customer a new slug (moves its folder, keeps its id) and/or a new name'
            cand archive 'Archive a customer (nothing is deleted); --undo brings it back'
        }
        &'git-crm;help;customer;add'= {
        }
        &'git-crm;help;customer;list'= {
        }
        &'git-crm;help;customer;show'= {
        }
        &'git-crm;help;customer;edit'= {
        }
        &'git-crm;help;customer;rename'= {
        }
        &'git-crm;help;customer;archive'= {
        }
        &'git-crm;help;log'= {
        }
        &'git-crm;help;note'= {
        }
        &'git-crm;help;assign'= {
        }
        &'git-crm;help;handoff'= {
            cand list 'List handoffs, oldest first'
            cand accept 'Accept a handoff: by customer (its latest pending handoff) or by handoff id'
        }
        &'git-crm;help;handoff;list'= {
        }
        &'git-crm;help;handoff;accept'= {
        }
        &'git-crm;help;task'= {
            cand add 'Add a follow-up task on a customer'
            cand list 'List open tasks (soonest due first)'
            cand done 'Mark a task done (by id prefix)'
        }
        &'git-crm;help;task;add'= {
        }
        &'git-crm;help;task;list'= {
        }
        &'git-crm;help;task;done'= {
        }
        &'git-crm;help;timeline'= {
        }
        &'git-crm;help;inbox'= {
        }
        &'git-crm;help;metrics'= {
        }
        &'git-crm;help;check'= {
        }
        &'git-crm;help;import'= {
        }
        &'git-crm;help;export'= {
        }
        &'git-crm;help;review'= {
        }
        &'git-crm;help;rules'= {
            cand run 'Run the rules of .gitcrm/rules.yaml on the committed store and commit what they do'
            cand test 'Run the fixtures under `tests:` of the work tree''s rules file and compare the actions'
        }
        &'git-crm;help;rules;run'= {
        }
        &'git-crm;help;rules;test'= {
        }
        &'git-crm;help;history'= {
        }
        &'git-crm;help;sync'= {
        }
        &'git-crm;help;demo'= {
        }
        &'git-crm;help;completions'= {
        }
        &'git-crm;help;merge-driver'= {
        }
        &'git-crm;help;help'= {
        }
    ]
    $completions[$command]
}
