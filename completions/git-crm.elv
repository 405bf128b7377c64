
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
            cand setup 'Prepare a fresh clone of a store: register the merge driver (and Git LFS, when used)'
            cand person 'Manage the people of the store'
            cand team 'Manage teams'
            cand customer 'Add, list, show, edit, rename and archive customers'
            cand log 'Log a touchpoint with a customer'
            cand note 'Add an internal note about a customer; @mentions name people'
            cand attach 'Attach files (proposals, contracts, invoices) to a customer as documents'
            cand docs 'List, show, fetch and open documents'
            cand assign 'Reassign a customer and record the handoff'
            cand handoff 'List and accept handoffs'
            cand task 'Follow-up tasks'
            cand timeline 'A customer''s touchpoints, notes, handoffs and tasks in one chronological view'
            cand inbox 'What needs you now: unanswered threads, handoffs to you, your tasks, mentions'
            cand metrics 'Team metrics: first response, first contact resolution, handoffs, coverage, consistency'
            cand check 'Validate the whole store with named checks; report every problem'
            cand import 'Import customers or touchpoints from a spreadsheet (CSV, XLSX, ODS) with a rules file'
            cand ingest 'Ingest mail (.eml, mbox, Maildir, stdin), calendar events (.ics) and contacts (.vcf)'
            cand export 'Export customers, touchpoints, notes, handoffs or contacts as CSV, JSON or vCard'
            cand review 'Summarise a branch for merge review: customers, reassignments, records, fields, problems'
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
            cand --lfs 'Store document contents through Git LFS (needs git-lfs; asked on a terminal when it is installed)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;setup'= {
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --lfs 'Also start storing document contents through Git LFS (one commit of .gitattributes; asked on a terminal when git-lfs is installed and the store does not use it yet)'
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
            cand key 'Public keys for restricted content'
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
        &'git-crm;person;key'= {
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Register a public key restricted content of the person''s teams is sealed to'
            cand list 'List registered keys, and which of them this machine''s identity holds'
            cand remove 'Withdraw a key (by fingerprint or its prefix); rekey the teams afterwards'
            cand generate 'Create an age identity for this machine (~/.config/git-crm/identity.txt) and print its public key; with --add, also register it for a person'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'git-crm;person;key;add'= {
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
        &'git-crm;person;key;list'= {
            cand --format 'format'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;person;key;remove'= {
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
        &'git-crm;person;key;generate'= {
            cand --add 'Register the new public key for this handle'
            cand --output 'Write the identity here instead'
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
        &'git-crm;person;key;help'= {
            cand add 'Register a public key restricted content of the person''s teams is sealed to'
            cand list 'List registered keys, and which of them this machine''s identity holds'
            cand remove 'Withdraw a key (by fingerprint or its prefix); rekey the teams afterwards'
            cand generate 'Create an age identity for this machine (~/.config/git-crm/identity.txt) and print its public key; with --add, also register it for a person'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'git-crm;person;key;help;add'= {
        }
        &'git-crm;person;key;help;list'= {
        }
        &'git-crm;person;key;help;remove'= {
        }
        &'git-crm;person;key;help;generate'= {
        }
        &'git-crm;person;key;help;help'= {
        }
        &'git-crm;person;help'= {
            cand add 'Add a person'
            cand list 'List people'
            cand key 'Public keys for restricted content'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'git-crm;person;help;add'= {
        }
        &'git-crm;person;help;list'= {
        }
        &'git-crm;person;help;key'= {
            cand add 'Register a public key restricted content of the person''s teams is sealed to'
            cand list 'List registered keys, and which of them this machine''s identity holds'
            cand remove 'Withdraw a key (by fingerprint or its prefix); rekey the teams afterwards'
            cand generate 'Create an age identity for this machine (~/.config/git-crm/identity.txt) and print its public key; with --add, also register it for a person'
        }
        &'git-crm;person;help;key;add'= {
        }
        &'git-crm;person;help;key;list'= {
        }
        &'git-crm;person;help;key;remove'= {
        }
        &'git-crm;person;help;key;generate'= {
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
            cand join 'Add a person to a team'
            cand leave 'Remove a person from a team (rekey the team afterwards)'
            cand rekey 'Re-seal everything restricted to the team to its current members, in one commit (needs a local identity that can read it)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'git-crm;team;add'= {
            cand --calendar 'Calendar (defined under `calendars:` in the config) for business-hours metrics'
            cand --description 'description'
            cand --email 'A shared mail address of the team, e.g. `support@agency.example` (repeatable): ingested mail from or to it is the team''s'
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
        &'git-crm;team;join'= {
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
        &'git-crm;team;leave'= {
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
        &'git-crm;team;rekey'= {
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
        &'git-crm;team;help'= {
            cand add 'Add a team'
            cand list 'List teams'
            cand join 'Add a person to a team'
            cand leave 'Remove a person from a team (rekey the team afterwards)'
            cand rekey 'Re-seal everything restricted to the team to its current members, in one commit (needs a local identity that can read it)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'git-crm;team;help;add'= {
        }
        &'git-crm;team;help;list'= {
        }
        &'git-crm;team;help;join'= {
        }
        &'git-crm;team;help;leave'= {
        }
        &'git-crm;team;help;rekey'= {
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
            cand --domain 'A mail domain of the customer, e.g. `acme.example` (repeatable, or comma-separated): ingested mail from that domain belongs to it'
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
            cand --set '`key=value` for name, kind, status, tags, domains, fields.<name>, external_ids.<source>'
            cand --unset 'Remove an optional field'
            cand --add-tag 'add-tag'
            cand --remove-tag 'remove-tag'
            cand --add-contact '`Name <email>;phone=...;role=...`'
            cand --remove-contact 'A contact''s name or email'
            cand --set-restricted '`fields.<name>=value` sealed to --team (its members and you), kept under `restricted_fields`'
            cand --team 'The team restricted values are kept to'
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
            cand --restricted 'Seal the summary and body to this team (its current members and you); channel, direction, times and thread stay in clear for the metrics'
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
            cand --restricted 'Seal the text to this team (its current members and you); the rest stays in clear'
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
        &'git-crm;attach'= {
            cand --title 'Title (default: the file name)'
            cand --name 'The original name to record (default: the file''s own name); a plain file name'
            cand --tag 'Tags (repeatable, or comma-separated)'
            cand --restricted 'Seal the file, its title and its name to this team (its current members and you)'
            cand --to 'The touchpoint, note, task or handoff it belongs to (id prefix from the timeline)'
            cand --replaces 'A new version of this document (id prefix from `docs list`)'
            cand --at 'When it was attached (default now)'
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
        &'git-crm;docs'= {
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List documents (the current version of each; --all for every version)'
            cand show 'A document''s record and its versions'
            cand get 'Write a document''s content to a file (default: its original name here), or `-o -` for stdout. The content is checked against its sha256'
            cand open 'Open a document with the desktop''s opener (on a terminal only)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'git-crm;docs;list'= {
            cand --format 'format'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --all 'Include versions replaced by newer ones'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;docs;show'= {
            cand --format 'format'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;docs;get'= {
            cand -o 'o'
            cand --output 'output'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --force 'Replace an existing file'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;docs;open'= {
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;docs;help'= {
            cand list 'List documents (the current version of each; --all for every version)'
            cand show 'A document''s record and its versions'
            cand get 'Write a document''s content to a file (default: its original name here), or `-o -` for stdout. The content is checked against its sha256'
            cand open 'Open a document with the desktop''s opener (on a terminal only)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'git-crm;docs;help;list'= {
        }
        &'git-crm;docs;help;show'= {
        }
        &'git-crm;docs;help;get'= {
        }
        &'git-crm;docs;help;open'= {
        }
        &'git-crm;docs;help;help'= {
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
        &'git-crm;ingest'= {
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand mail 'Mail: .eml files, mbox files, Maildir folders (cur/ and new/), or one message on stdin (`-`)'
            cand ics 'Calendar events (.ics, or `-` for stdin) that involve customers'' contacts, as meetings'
            cand vcf 'vCards (.vcf, or `-` for stdin) as contacts of the matching customers'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'git-crm;ingest;mail'= {
            cand --max-message-size 'Largest message read (e.g. 64M); a larger one is invalid'
            cand --format 'Output format of the summary'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --create-customers 'Make a `lead` customer (from the sender''s domain and name) for items no customer claims'
            cand --skip-invalid 'Ingest the valid items and list the invalid ones, instead of ingesting nothing'
            cand --dry-run 'Show what would be created and changed, and write nothing'
            cand --no-commit 'Write the files but do not commit them (the next ingest commits them)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;ingest;ics'= {
            cand --format 'Output format of the summary'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --create-customers 'Make a `lead` customer (from the sender''s domain and name) for items no customer claims'
            cand --skip-invalid 'Ingest the valid items and list the invalid ones, instead of ingesting nothing'
            cand --dry-run 'Show what would be created and changed, and write nothing'
            cand --no-commit 'Write the files but do not commit them (the next ingest commits them)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;ingest;vcf'= {
            cand --format 'Output format of the summary'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --create-customers 'Make a `lead` customer (from the sender''s domain and name) for items no customer claims'
            cand --skip-invalid 'Ingest the valid items and list the invalid ones, instead of ingesting nothing'
            cand --dry-run 'Show what would be created and changed, and write nothing'
            cand --no-commit 'Write the files but do not commit them (the next ingest commits them)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;ingest;help'= {
            cand mail 'Mail: .eml files, mbox files, Maildir folders (cur/ and new/), or one message on stdin (`-`)'
            cand ics 'Calendar events (.ics, or `-` for stdin) that involve customers'' contacts, as meetings'
            cand vcf 'vCards (.vcf, or `-` for stdin) as contacts of the matching customers'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'git-crm;ingest;help;mail'= {
        }
        &'git-crm;ingest;help;ics'= {
        }
        &'git-crm;ingest;help;vcf'= {
        }
        &'git-crm;ingest;help;help'= {
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
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
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
            cand setup 'Prepare a fresh clone of a store: register the merge driver (and Git LFS, when used)'
            cand person 'Manage the people of the store'
            cand team 'Manage teams'
            cand customer 'Add, list, show, edit, rename and archive customers'
            cand log 'Log a touchpoint with a customer'
            cand note 'Add an internal note about a customer; @mentions name people'
            cand attach 'Attach files (proposals, contracts, invoices) to a customer as documents'
            cand docs 'List, show, fetch and open documents'
            cand assign 'Reassign a customer and record the handoff'
            cand handoff 'List and accept handoffs'
            cand task 'Follow-up tasks'
            cand timeline 'A customer''s touchpoints, notes, handoffs and tasks in one chronological view'
            cand inbox 'What needs you now: unanswered threads, handoffs to you, your tasks, mentions'
            cand metrics 'Team metrics: first response, first contact resolution, handoffs, coverage, consistency'
            cand check 'Validate the whole store with named checks; report every problem'
            cand import 'Import customers or touchpoints from a spreadsheet (CSV, XLSX, ODS) with a rules file'
            cand ingest 'Ingest mail (.eml, mbox, Maildir, stdin), calendar events (.ics) and contacts (.vcf)'
            cand export 'Export customers, touchpoints, notes, handoffs or contacts as CSV, JSON or vCard'
            cand review 'Summarise a branch for merge review: customers, reassignments, records, fields, problems'
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
            cand key 'Public keys for restricted content'
        }
        &'git-crm;help;person;add'= {
        }
        &'git-crm;help;person;list'= {
        }
        &'git-crm;help;person;key'= {
            cand add 'Register a public key restricted content of the person''s teams is sealed to'
            cand list 'List registered keys, and which of them this machine''s identity holds'
            cand remove 'Withdraw a key (by fingerprint or its prefix); rekey the teams afterwards'
            cand generate 'Create an age identity for this machine (~/.config/git-crm/identity.txt) and print its public key; with --add, also register it for a person'
        }
        &'git-crm;help;person;key;add'= {
        }
        &'git-crm;help;person;key;list'= {
        }
        &'git-crm;help;person;key;remove'= {
        }
        &'git-crm;help;person;key;generate'= {
        }
        &'git-crm;help;team'= {
            cand add 'Add a team'
            cand list 'List teams'
            cand join 'Add a person to a team'
            cand leave 'Remove a person from a team (rekey the team afterwards)'
            cand rekey 'Re-seal everything restricted to the team to its current members, in one commit (needs a local identity that can read it)'
        }
        &'git-crm;help;team;add'= {
        }
        &'git-crm;help;team;list'= {
        }
        &'git-crm;help;team;join'= {
        }
        &'git-crm;help;team;leave'= {
        }
        &'git-crm;help;team;rekey'= {
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
        &'git-crm;help;attach'= {
        }
        &'git-crm;help;docs'= {
            cand list 'List documents (the current version of each; --all for every version)'
            cand show 'A document''s record and its versions'
            cand get 'Write a document''s content to a file (default: its original name here), or `-o -` for stdout. The content is checked against its sha256'
            cand open 'Open a document with the desktop''s opener (on a terminal only)'
        }
        &'git-crm;help;docs;list'= {
        }
        &'git-crm;help;docs;show'= {
        }
        &'git-crm;help;docs;get'= {
        }
        &'git-crm;help;docs;open'= {
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
        &'git-crm;help;ingest'= {
            cand mail 'Mail: .eml files, mbox files, Maildir folders (cur/ and new/), or one message on stdin (`-`)'
            cand ics 'Calendar events (.ics, or `-` for stdin) that involve customers'' contacts, as meetings'
            cand vcf 'vCards (.vcf, or `-` for stdin) as contacts of the matching customers'
        }
        &'git-crm;help;ingest;mail'= {
        }
        &'git-crm;help;ingest;ics'= {
        }
        &'git-crm;help;ingest;vcf'= {
        }
        &'git-crm;help;export'= {
        }
        &'git-crm;help;review'= {
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
