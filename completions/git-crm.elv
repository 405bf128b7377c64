
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
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand init 'Create a store (or adopt an existing git repository as one)'
            cand setup 'Prepare a fresh clone of a store: register the merge driver (Git LFS, when used, and, with --hooks, the post-merge hook that runs event rules)'
            cand person 'Manage the people of the store'
            cand team 'Manage teams'
            cand customer 'Add, list, show, edit, rename and archive customers'
            cand log 'Log a touchpoint with a customer'
            cand note 'Add an internal note about a customer; @mentions name people'
            cand attach 'Attach files (proposals, contracts, invoices) to a customer as documents'
            cand docs 'List, show, fetch and open documents'
            cand assign 'Reassign a customer and record the handoff'
            cand amend 'Correct a touchpoint or note (summary, body, channel, time, direction, author, customer) with a correction record; history is never rewritten'
            cand void 'Withdraw a touchpoint or note with a reason (a correction record; nothing is deleted)'
            cand handoff 'List, accept and decline handoffs'
            cand task 'Follow-up tasks'
            cand timeline 'A customer''s touchpoints, notes, handoffs and tasks in one chronological view'
            cand find 'Find customers (name, contact, email, phone, domain), touchpoints and notes, ranked'
            cand inbox 'What needs you now: unanswered threads, handoffs to you, your tasks, mentions'
            cand metrics 'Team metrics: first response, first contact resolution, handoffs, coverage, consistency'
            cand check 'Validate the whole store with named checks; report every problem'
            cand import 'Import customers or touchpoints from a spreadsheet (CSV, XLSX, ODS) with a rules file'
            cand ingest 'Ingest mail (.eml, mbox, Maildir, stdin), calendar events (.ics) and contacts (.vcf)'
            cand export 'Export customers, touchpoints, notes, handoffs or contacts as CSV, JSON or vCard'
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
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --no-commit 'Leave the new files uncommitted'
            cand --lfs 'Store document contents through Git LFS (needs git-lfs; asked on a terminal when it is installed)'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;setup'= {
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --lfs 'Also start storing document contents through Git LFS (one commit of .gitattributes; asked on a terminal when git-lfs is installed and the store does not use it yet)'
            cand --hooks 'Also install a post-merge hook that runs the event rules after each merge or pull'
            cand --fast-git 'Also turn on the git settings that keep a large store fast (untracked cache, index version 4, commit-graph with changed paths, background maintenance) and build the history index; see docs/git-setup.md'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;person'= {
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Add a person'
            cand list 'List people'
            cand away 'Mark a person away (holidays, leave): their customers'' inbound threads wait in their team''s queue meanwhile (`git crm inbox --team <team>`)'
            cand back 'Mark a person back from being away'
            cand key 'Public keys for restricted content'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'git-crm;person;add'= {
            cand --name 'Display name (becomes the author name of their commits)'
            cand --email 'Email addresses (repeatable); they identify the person from git config'
            cand --team 'Teams (repeatable; the first is the default team of their customers)'
            cand --role 'Role, for views (`sales`, `support`, `finance`, ...)'
            cand --format 'Output format of the result'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --no-commit 'Write the files but do not commit them'
            cand --dry-run 'Show what would be written and change nothing'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;person;list'= {
            cand --format 'Output format (json is versioned; see docs/)'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;person;away'= {
            cand --until 'The last day away (included): 2026-12-04, `friday`, `+2w`, ...'
            cand --from 'The first day away (default: now)'
            cand --format 'Output format of the result'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --no-commit 'Write the files but do not commit them'
            cand --dry-run 'Show what would be written and change nothing'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;person;back'= {
            cand --format 'Output format of the result'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --no-commit 'Write the files but do not commit them'
            cand --dry-run 'Show what would be written and change nothing'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;person;key'= {
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
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
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --no-commit 'Write the files but do not commit them'
            cand --dry-run 'Show what would be written and change nothing'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;person;key;list'= {
            cand --format 'Output format (json is versioned; see docs/)'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;person;key;remove'= {
            cand --format 'Output format of the result'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --no-commit 'Write the files but do not commit them'
            cand --dry-run 'Show what would be written and change nothing'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;person;key;generate'= {
            cand --add 'Register the new public key for this handle'
            cand --output 'Write the identity here instead'
            cand --format 'Output format of the result'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --no-commit 'Write the files but do not commit them'
            cand --dry-run 'Show what would be written and change nothing'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
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
            cand away 'Mark a person away (holidays, leave): their customers'' inbound threads wait in their team''s queue meanwhile (`git crm inbox --team <team>`)'
            cand back 'Mark a person back from being away'
            cand key 'Public keys for restricted content'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'git-crm;person;help;add'= {
        }
        &'git-crm;person;help;list'= {
        }
        &'git-crm;person;help;away'= {
        }
        &'git-crm;person;help;back'= {
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
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
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
            cand --description 'What the team does (shown by `team list`)'
            cand --email 'A shared mail address of the team, e.g. `support@agency.example` (repeatable): ingested mail from or to it is the team''s'
            cand --format 'Output format of the result'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --no-commit 'Write the files but do not commit them'
            cand --dry-run 'Show what would be written and change nothing'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;team;list'= {
            cand --format 'Output format (json is versioned; see docs/)'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;team;join'= {
            cand --format 'Output format of the result'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --no-commit 'Write the files but do not commit them'
            cand --dry-run 'Show what would be written and change nothing'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;team;leave'= {
            cand --format 'Output format of the result'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --no-commit 'Write the files but do not commit them'
            cand --dry-run 'Show what would be written and change nothing'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;team;rekey'= {
            cand --format 'Output format of the result'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --no-commit 'Write the files but do not commit them'
            cand --dry-run 'Show what would be written and change nothing'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
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
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
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
            cand --kind 'Company or person'
            cand --status 'Where the relationship stands'
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
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --no-commit 'Write the files but do not commit them'
            cand --dry-run 'Show what would be written and change nothing'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;customer;list'= {
            cand --status 'Only these statuses (repeatable)'
            cand --owner 'Only customers owned by this person'
            cand --team 'Only customers of this team'
            cand --tag 'Only customers with all these tags'
            cand --sort 'Sort by this column'
            cand --format 'Output format (json is versioned; see docs/)'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --archived 'Include archived customers'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;customer;show'= {
            cand --format 'Output format (json is versioned; see docs/)'
            cand --view 'Apply the view of this role (default: the acting person''s role; `all` shows everything). A view decides what comes first and which tagged records are left out; it is surfacing, not security: everyone with the repository can read every record'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;customer;edit'= {
            cand --set '`key=value` for name, kind, status, tags, domains, fields.<name>, external_ids.<source>'
            cand --unset 'Remove an optional field'
            cand --add-tag 'Add a tag (repeatable; comma-separated lists work too)'
            cand --remove-tag 'Remove a tag (repeatable)'
            cand --add-contact '`Name <email>;phone=...;role=...`'
            cand --remove-contact 'A contact''s name or email'
            cand --set-restricted '`fields.<name>=value` sealed to --team (its members and you), kept under `restricted_fields`'
            cand --team 'The team restricted values are kept to'
            cand --format 'Output format of the result'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --no-commit 'Write the files but do not commit them'
            cand --dry-run 'Show what would be written and change nothing'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;customer;rename'= {
            cand --name 'The new display name'
            cand --format 'Output format of the result'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --no-commit 'Write the files but do not commit them'
            cand --dry-run 'Show what would be written and change nothing'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;customer;archive'= {
            cand --format 'Output format of the result'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --undo 'Unarchive instead'
            cand --no-commit 'Write the files but do not commit them'
            cand --dry-run 'Show what would be written and change nothing'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
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
            cand --by 'Who: a person handle for outbound/internal (default you); for inbound, the customer''s contact (name or email; asked on a terminal when the customer has several, required without one). A person of the store is never the author of an inbound touchpoint'
            cand --reply-to 'Join the thread of this touchpoint (short id prefix from the timeline, or `last`)'
            cand --tag 'Tags (repeatable, or comma-separated)'
            cand --restricted 'Seal the summary and body to this team (its current members and you); channel, direction, times and thread stay in clear for the metrics'
            cand --format 'Output format of the result'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --resolves 'This touchpoint resolved the thread'
            cand --automated 'Sent by an automation (auto-reply, sequence); never starts or stops a metric clock'
            cand --no-commit 'Write the files but do not commit them'
            cand --dry-run 'Show what would be written and change nothing'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;note'= {
            cand --tag 'Tag the note (repeatable)'
            cand --restricted 'Seal the text to this team (its current members and you); the rest stays in clear'
            cand --at 'When (default now)'
            cand --format 'Output format of the result'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --no-commit 'Write the files but do not commit them'
            cand --dry-run 'Show what would be written and change nothing'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
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
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --no-commit 'Write the files but do not commit them'
            cand --dry-run 'Show what would be written and change nothing'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;docs'= {
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List documents (the current version of each; --all for every version)'
            cand show 'A document''s record and its versions'
            cand get 'Write a document''s content to a file (default: its original name here), or `-o -` for stdout. The content is checked against its sha256'
            cand open 'Open a copy of a document with GITCRM_OPENER, `git config gitcrm.opener` or the desktop''s opener (on a terminal only; docs/security.md says when the copy is removed)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'git-crm;docs;list'= {
            cand --format 'Output format (json is versioned; see docs/)'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --all 'Include versions replaced by newer ones'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;docs;show'= {
            cand --format 'Output format (json is versioned; see docs/)'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;docs;get'= {
            cand -o 'Write the file here (`-` for stdout) instead of under its original name'
            cand --output 'Write the file here (`-` for stdout) instead of under its original name'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --force 'Replace an existing file'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;docs;open'= {
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;docs;help'= {
            cand list 'List documents (the current version of each; --all for every version)'
            cand show 'A document''s record and its versions'
            cand get 'Write a document''s content to a file (default: its original name here), or `-o -` for stdout. The content is checked against its sha256'
            cand open 'Open a copy of a document with GITCRM_OPENER, `git config gitcrm.opener` or the desktop''s opener (on a terminal only; docs/security.md says when the copy is removed)'
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
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --no-commit 'Write the files but do not commit them'
            cand --dry-run 'Show what would be written and change nothing'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;amend'= {
            cand -s 'The new summary (touchpoints)'
            cand --summary 'The new summary (touchpoints)'
            cand --body 'The new body'
            cand -c 'The new channel (touchpoints)'
            cand --channel 'The new channel (touchpoints)'
            cand --at 'When it really happened: `2026-11-20 09:12`, `yesterday 14:00`, `2 days ago`, ...'
            cand -d 'The new direction (touchpoints): inbound, outbound or internal'
            cand --direction 'The new direction (touchpoints): inbound, outbound or internal'
            cand --by 'Who: a person for outbound/internal, the customer''s contact for inbound'
            cand --customer 'Move it to this customer (slug, or a contact''s email or phone)'
            cand --reason 'Why (kept in the correction record)'
            cand --format 'Output format of the result'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --no-body 'Remove the body (touchpoints)'
            cand --no-commit 'Write the files but do not commit them'
            cand --dry-run 'Show what would be written and change nothing'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;void'= {
            cand --reason 'Why it is withdrawn (required; kept in the correction record)'
            cand --format 'Output format of the result'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --no-commit 'Write the files but do not commit them'
            cand --dry-run 'Show what would be written and change nothing'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;handoff'= {
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List handoffs, oldest first'
            cand accept 'Accept a handoff to you: by handoff id, or by customer (its latest handoff)'
            cand decline 'Decline a handoff to you: ownership goes back to the previous owner, in one commit'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'git-crm;handoff;list'= {
            cand --customer 'Only handoffs of this customer (slug, or a contact''s email or phone)'
            cand --to 'Only handoffs to this person'
            cand --format 'Output format (json is versioned; see docs/)'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --pending 'Only handoffs not yet accepted'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;handoff;accept'= {
            cand --on-behalf-of 'Accept for the receiving person (recorded as `on_behalf_of`)'
            cand --format 'Output format of the result'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --no-commit 'Write the files but do not commit them'
            cand --dry-run 'Show what would be written and change nothing'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;handoff;decline'= {
            cand --reason 'Why (required; the previous owner reads it)'
            cand --on-behalf-of 'Decline for the receiving person (recorded as `on_behalf_of`)'
            cand --format 'Output format of the result'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --no-commit 'Write the files but do not commit them'
            cand --dry-run 'Show what would be written and change nothing'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;handoff;help'= {
            cand list 'List handoffs, oldest first'
            cand accept 'Accept a handoff to you: by handoff id, or by customer (its latest handoff)'
            cand decline 'Decline a handoff to you: ownership goes back to the previous owner, in one commit'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'git-crm;handoff;help;list'= {
        }
        &'git-crm;handoff;help;accept'= {
        }
        &'git-crm;handoff;help;decline'= {
        }
        &'git-crm;handoff;help;help'= {
        }
        &'git-crm;task'= {
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Add a follow-up task on a customer'
            cand edit 'Change a task in place: title, due date, assignee (reassign), recurrence'
            cand reopen 'Open a done task again'
            cand list 'List open tasks (soonest due first)'
            cand done 'Mark a task done (by id prefix); for a recurring task, this adds the next occurrence'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'git-crm;task;add'= {
            cand --assignee 'Who does it (default: you)'
            cand --due 'Due date: 2026-12-01, `tomorrow`, `friday`, `next monday`, `+3d`, `in 2 weeks`'
            cand --every 'Make it recurring: 3d, 1w, 2w, 1mo (or daily, weekly, monthly). The next occurrence is added when this one is done, due `every` after this one''s due date (default due: today)'
            cand --format 'Output format of the result'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --no-commit 'Write the files but do not commit them'
            cand --dry-run 'Show what would be written and change nothing'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;task;edit'= {
            cand --title 'The new title'
            cand --due 'The new due date (same forms as `task add --due`)'
            cand --assignee 'Reassign to this person'
            cand --every 'Make a series recur at this interval (1w, 1mo, ...), or `never` to end it'
            cand --format 'Output format of the result'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --no-due 'Remove the due date'
            cand --no-commit 'Write the files but do not commit them'
            cand --dry-run 'Show what would be written and change nothing'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;task;reopen'= {
            cand --format 'Output format of the result'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --no-commit 'Write the files but do not commit them'
            cand --dry-run 'Show what would be written and change nothing'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;task;list'= {
            cand --assignee 'Only tasks assigned to this person'
            cand --customer 'Only tasks of this customer (slug, or a contact''s email or phone)'
            cand --format 'Output format (json is versioned; see docs/)'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --mine 'Only tasks assigned to you'
            cand --overdue 'Only tasks past their due date'
            cand --all 'Include done tasks'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;task;done'= {
            cand --format 'Output format of the result'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --no-commit 'Write the files but do not commit them'
            cand --dry-run 'Show what would be written and change nothing'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;task;help'= {
            cand add 'Add a follow-up task on a customer'
            cand edit 'Change a task in place: title, due date, assignee (reassign), recurrence'
            cand reopen 'Open a done task again'
            cand list 'List open tasks (soonest due first)'
            cand done 'Mark a task done (by id prefix); for a recurring task, this adds the next occurrence'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'git-crm;task;help;add'= {
        }
        &'git-crm;task;help;edit'= {
        }
        &'git-crm;task;help;reopen'= {
        }
        &'git-crm;task;help;list'= {
        }
        &'git-crm;task;help;done'= {
        }
        &'git-crm;task;help;help'= {
        }
        &'git-crm;timeline'= {
            cand --since 'Start of the period: a date or a time (`2026-10-01`, `last monday 09:00`), a duration back from --at or now (`30d`), or `all` (`metrics` defaults to 30d, other commands to all)'
            cand --until 'End of the period, exclusive (a bare date includes that day); the same forms as --since'
            cand --channel 'Only touchpoints on these channels (repeatable)'
            cand --kind 'Only these kinds (repeatable)'
            cand --by 'Only entries by these people or contacts (repeatable)'
            cand --tz 'Time zone for times and days, an IANA name such as `Europe/Paris` (default: the store''s `timezone`, else UTC). Never the machine''s zone'
            cand --format 'Output format (json is versioned; see docs/)'
            cand --view 'Apply the view of this role (default: the acting person''s role; `all` shows everything). A view decides what comes first and which tagged records are left out; it is surfacing, not security: everyone with the repository can read every record'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --body 'Print touchpoint and note bodies'
            cand --history 'Weave in who changed the customer when, from git (field changes, renames, edits)'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;find'= {
            cand --since 'Start of the period: a date or a time (`2026-10-01`, `last monday 09:00`), a duration back from --at or now (`30d`), or `all` (`metrics` defaults to 30d, other commands to all)'
            cand --until 'End of the period, exclusive (a bare date includes that day); the same forms as --since'
            cand --team 'Only customers of these teams (repeatable, or comma-separated)'
            cand --owner 'Only customers owned by these people'
            cand --channel 'Only touchpoints on these channels (metrics: threads started on them)'
            cand --tag 'Only customers with any of these tags'
            cand --customer 'Only these customers (slugs, or contact emails or phones)'
            cand --kind 'Only these kinds of hit (repeatable)'
            cand --limit 'Hits listed per section (0: all)'
            cand --format 'Output format (the JSON is documented in docs/everyday.md)'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;inbox'= {
            cand --team 'The queue of this team instead of your inbox: waiting threads on its customers that have no owner or whose owner is away'
            cand --format 'Output format (json is documented in docs/collaboration-sync.md)'
            cand --view 'Apply the view of this role (default: the acting person''s role; `all` shows everything). A view decides what comes first and which tagged records are left out; it is surfacing, not security: everyone with the repository can read every record'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --all 'Also list mentions already seen in this clone'
            cand --peek 'Do not mark the mentions shown as seen'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;metrics'= {
            cand --since 'Start of the period: a date or a time (`2026-10-01`, `last monday 09:00`), a duration back from --at or now (`30d`), or `all` (`metrics` defaults to 30d, other commands to all)'
            cand --until 'End of the period, exclusive (a bare date includes that day); the same forms as --since'
            cand --at 'Compute as of this instant (default now): later records are ignored, ages end here'
            cand --tz 'Time zone of periods, months and weeks (IANA name). Never the machine''s zone'
            cand --team 'Only customers of these teams (repeatable, or comma-separated)'
            cand --owner 'Only customers owned by these people'
            cand --channel 'Only touchpoints on these channels (metrics: threads started on them)'
            cand --tag 'Only customers with any of these tags'
            cand --customer 'Only these customers (slugs, or contact emails or phones)'
            cand --by 'Also show the metrics grouped by team, owner, channel, month or week'
            cand --fcr-rule 'Which first-contact-resolution definition to use'
            cand --clock 'Measure durations in business hours (where the team has a calendar) or wall-clock time'
            cand --weeks 'Weeks of the weekly coverage table'
            cand --fail-if 'Exit 1 when a condition holds, e.g. ''handoff.p90 > 24h'', ''fcr.rate < 0.6'', ''frt.unanswered > 0'' (repeatable)'
            cand --format 'Output format (json is versioned; see docs/)'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;check'= {
            cand --format 'Output format'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --strict 'Fail on warnings too (exit 1)'
            cand --list 'List the checks with what each one finds, and exit'
            cand --fix 'First make the repairs that are safe (records a merge left in a renamed customer''s old folder are moved to the customer), in one commit; then check'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
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
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --skip-invalid 'Import the valid rows and list the invalid ones, instead of importing nothing'
            cand --dry-run 'Show what would be created and changed, and write nothing'
            cand --no-commit 'Write the files but do not commit them (the next import commits them)'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;ingest'= {
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
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
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --no-attachments 'Keep attachments as metadata on the touchpoint only: store no documents'
            cand --create-customers 'Make a `lead` customer (from the sender''s domain and name) for items no customer claims'
            cand --skip-invalid 'Ingest the valid items and list the invalid ones, instead of ingesting nothing'
            cand --dry-run 'Show what would be created and changed, and write nothing'
            cand --no-commit 'Write the files but do not commit them (the next ingest commits them)'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;ingest;ics'= {
            cand --format 'Output format of the summary'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --create-customers 'Make a `lead` customer (from the sender''s domain and name) for items no customer claims'
            cand --skip-invalid 'Ingest the valid items and list the invalid ones, instead of ingesting nothing'
            cand --dry-run 'Show what would be created and changed, and write nothing'
            cand --no-commit 'Write the files but do not commit them (the next ingest commits them)'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;ingest;vcf'= {
            cand --format 'Output format of the summary'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --create-customers 'Make a `lead` customer (from the sender''s domain and name) for items no customer claims'
            cand --skip-invalid 'Ingest the valid items and list the invalid ones, instead of ingesting nothing'
            cand --dry-run 'Show what would be created and changed, and write nothing'
            cand --no-commit 'Write the files but do not commit them (the next ingest commits them)'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
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
            cand --format 'Output format (json is versioned; see docs/)'
            cand --since 'Start of the period: a date or a time (`2026-10-01`, `last monday 09:00`), a duration back from --at or now (`30d`), or `all` (`metrics` defaults to 30d, other commands to all)'
            cand --until 'End of the period, exclusive (a bare date includes that day); the same forms as --since'
            cand --owner 'Only customers owned by this person (and their records)'
            cand --team 'Only customers of this team (and their records)'
            cand --tag 'Only records with all these tags (customers: customer tags; repeatable)'
            cand --customer 'Only these customers (slugs, or contact emails or phones; repeatable)'
            cand --channel 'Only touchpoints on these channels (repeatable)'
            cand -o 'Write `DIR/<kind>/month=YYYY-MM/part-0.<ext>` and `DIR/<kind>/schema.json` (--format jsonl or parquet)'
            cand --output 'Write `DIR/<kind>/month=YYYY-MM/part-0.<ext>` and `DIR/<kind>/schema.json` (--format jsonl or parquet)'
            cand --at 'Compute thread and handoff facts as of this instant (default now), as `metrics --at`'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --force 'Replace an earlier export in the --output folder'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;review'= {
            cand --format 'Output format: text for terminals, markdown for a merge-request comment, json for bots'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --fail-on-problems 'Exit 1 when head brings a new `check` error or a record edited or deleted after the fact'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;rules'= {
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
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
            cand --format 'Output format (the JSON is documented in docs/rules.md)'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --reapply 'Fire again what an earlier revision of a rule fired (after editing it)'
            cand --dry-run 'Print the plan and change nothing'
            cand --no-commit 'Write the files but do not commit them'
            cand --quiet 'Print nothing when there is nothing to do, or no rules are committed (for hooks and CI)'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;rules;test'= {
            cand --format 'Output format (the JSON is documented in docs/rules.md)'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
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
            cand --tz 'Time zone for times and days, an IANA name such as `Europe/Paris` (default: the store''s `timezone`, else UTC). Never the machine''s zone'
            cand --format 'Output format: table (text), markdown or json'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;sync'= {
            cand --format 'Output format (json is versioned; see docs/)'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --dry-run 'Fetch and show what would happen (incoming and outgoing commits, expected conflicts); change nothing but the remote-tracking refs'
            cand --no-check 'Push even when `git crm check` finds errors in the merged store'
            cand --no-push 'Fetch and merge, but do not push'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
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
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;completions'= {
            cand --dir 'Write every target into this folder instead (file names as in completions/), with one man page per subcommand under `man/`'
            cand --man-dir 'Install the man pages (git-crm.1 and one per subcommand, git-crm-timeline.1, ...) into this folder, e.g. `~/.cargo/share/man/man1`, where `man` finds them for programs in `~/.cargo/bin`; then `git crm --help` and `git crm help <command>` open them'
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;merge-driver'= {
            cand --store 'The store to use (default: found from the current directory, as git does)'
            cand --as 'Act as this person (a handle from .gitcrm/config.yaml)'
            cand --color 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured'
            cand --no-pager 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'git-crm;help'= {
            cand init 'Create a store (or adopt an existing git repository as one)'
            cand setup 'Prepare a fresh clone of a store: register the merge driver (Git LFS, when used, and, with --hooks, the post-merge hook that runs event rules)'
            cand person 'Manage the people of the store'
            cand team 'Manage teams'
            cand customer 'Add, list, show, edit, rename and archive customers'
            cand log 'Log a touchpoint with a customer'
            cand note 'Add an internal note about a customer; @mentions name people'
            cand attach 'Attach files (proposals, contracts, invoices) to a customer as documents'
            cand docs 'List, show, fetch and open documents'
            cand assign 'Reassign a customer and record the handoff'
            cand amend 'Correct a touchpoint or note (summary, body, channel, time, direction, author, customer) with a correction record; history is never rewritten'
            cand void 'Withdraw a touchpoint or note with a reason (a correction record; nothing is deleted)'
            cand handoff 'List, accept and decline handoffs'
            cand task 'Follow-up tasks'
            cand timeline 'A customer''s touchpoints, notes, handoffs and tasks in one chronological view'
            cand find 'Find customers (name, contact, email, phone, domain), touchpoints and notes, ranked'
            cand inbox 'What needs you now: unanswered threads, handoffs to you, your tasks, mentions'
            cand metrics 'Team metrics: first response, first contact resolution, handoffs, coverage, consistency'
            cand check 'Validate the whole store with named checks; report every problem'
            cand import 'Import customers or touchpoints from a spreadsheet (CSV, XLSX, ODS) with a rules file'
            cand ingest 'Ingest mail (.eml, mbox, Maildir, stdin), calendar events (.ics) and contacts (.vcf)'
            cand export 'Export customers, touchpoints, notes, handoffs or contacts as CSV, JSON or vCard'
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
            cand away 'Mark a person away (holidays, leave): their customers'' inbound threads wait in their team''s queue meanwhile (`git crm inbox --team <team>`)'
            cand back 'Mark a person back from being away'
            cand key 'Public keys for restricted content'
        }
        &'git-crm;help;person;add'= {
        }
        &'git-crm;help;person;list'= {
        }
        &'git-crm;help;person;away'= {
        }
        &'git-crm;help;person;back'= {
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
            cand open 'Open a copy of a document with GITCRM_OPENER, `git config gitcrm.opener` or the desktop''s opener (on a terminal only; docs/security.md says when the copy is removed)'
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
        &'git-crm;help;amend'= {
        }
        &'git-crm;help;void'= {
        }
        &'git-crm;help;handoff'= {
            cand list 'List handoffs, oldest first'
            cand accept 'Accept a handoff to you: by handoff id, or by customer (its latest handoff)'
            cand decline 'Decline a handoff to you: ownership goes back to the previous owner, in one commit'
        }
        &'git-crm;help;handoff;list'= {
        }
        &'git-crm;help;handoff;accept'= {
        }
        &'git-crm;help;handoff;decline'= {
        }
        &'git-crm;help;task'= {
            cand add 'Add a follow-up task on a customer'
            cand edit 'Change a task in place: title, due date, assignee (reassign), recurrence'
            cand reopen 'Open a done task again'
            cand list 'List open tasks (soonest due first)'
            cand done 'Mark a task done (by id prefix); for a recurring task, this adds the next occurrence'
        }
        &'git-crm;help;task;add'= {
        }
        &'git-crm;help;task;edit'= {
        }
        &'git-crm;help;task;reopen'= {
        }
        &'git-crm;help;task;list'= {
        }
        &'git-crm;help;task;done'= {
        }
        &'git-crm;help;timeline'= {
        }
        &'git-crm;help;find'= {
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
