
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'git-crm' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'git-crm'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'git-crm' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a store (or adopt an existing git repository as one)')
            [CompletionResult]::new('setup', 'setup', [CompletionResultType]::ParameterValue, 'Prepare a fresh clone of a store: register the merge driver (Git LFS, when used, and, with --hooks, the post-merge hook that runs event rules)')
            [CompletionResult]::new('person', 'person', [CompletionResultType]::ParameterValue, 'Manage the people of the store')
            [CompletionResult]::new('team', 'team', [CompletionResultType]::ParameterValue, 'Manage teams')
            [CompletionResult]::new('customer', 'customer', [CompletionResultType]::ParameterValue, 'Add, list, show, edit, rename and archive customers')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Log a touchpoint with a customer')
            [CompletionResult]::new('note', 'note', [CompletionResultType]::ParameterValue, 'Add an internal note about a customer; @mentions name people')
            [CompletionResult]::new('attach', 'attach', [CompletionResultType]::ParameterValue, 'Attach files (proposals, contracts, invoices) to a customer as documents')
            [CompletionResult]::new('docs', 'docs', [CompletionResultType]::ParameterValue, 'List, show, fetch and open documents')
            [CompletionResult]::new('assign', 'assign', [CompletionResultType]::ParameterValue, 'Reassign a customer and record the handoff')
            [CompletionResult]::new('amend', 'amend', [CompletionResultType]::ParameterValue, 'Correct a touchpoint or note (summary, body, channel, time, direction, author, customer) with a correction record; history is never rewritten')
            [CompletionResult]::new('void', 'void', [CompletionResultType]::ParameterValue, 'Withdraw a touchpoint or note with a reason (a correction record; nothing is deleted)')
            [CompletionResult]::new('handoff', 'handoff', [CompletionResultType]::ParameterValue, 'List, accept and decline handoffs')
            [CompletionResult]::new('task', 'task', [CompletionResultType]::ParameterValue, 'Follow-up tasks')
            [CompletionResult]::new('timeline', 'timeline', [CompletionResultType]::ParameterValue, 'A customer''s touchpoints, notes, handoffs and tasks in one chronological view')
            [CompletionResult]::new('find', 'find', [CompletionResultType]::ParameterValue, 'Find customers (name, contact, email, phone, domain), touchpoints and notes, ranked')
            [CompletionResult]::new('inbox', 'inbox', [CompletionResultType]::ParameterValue, 'What needs you now: unanswered threads, handoffs to you, your tasks, mentions')
            [CompletionResult]::new('metrics', 'metrics', [CompletionResultType]::ParameterValue, 'Team metrics: first response, first contact resolution, handoffs, coverage, consistency')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate the whole store with named checks; report every problem')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import customers or touchpoints from a spreadsheet (CSV, XLSX, ODS) with a rules file')
            [CompletionResult]::new('ingest', 'ingest', [CompletionResultType]::ParameterValue, 'Ingest mail (.eml, mbox, Maildir, stdin), calendar events (.ics) and contacts (.vcf)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export customers, touchpoints, notes, handoffs or contacts as CSV, JSON or vCard')
            [CompletionResult]::new('review', 'review', [CompletionResultType]::ParameterValue, 'Summarise a branch for merge review: customers, reassignments, records, fields, problems')
            [CompletionResult]::new('rules', 'rules', [CompletionResultType]::ParameterValue, 'Run the team''s workflow rules (.gitcrm/rules.yaml) on the committed store, or test them')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'A customer''s git history in words: who changed what, when, in which commit')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Fetch, merge, check and push the store through your git (exit 3 conflict, 4 network)')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'Build a demo agency store and show a short tour')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions (bash, zsh, fish, powershell, elvish, nushell) or the man page')
            [CompletionResult]::new('merge-driver', 'merge-driver', [CompletionResultType]::ParameterValue, 'The merge driver git calls for customer records (registered by init/setup)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'git-crm;init' {
            [CompletionResult]::new('--handle', '--handle', [CompletionResultType]::ParameterName, 'Your handle (default: the local part of your git email)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Your name (default: git config user.name)')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'Your email (default: git config user.email)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--no-commit', '--no-commit', [CompletionResultType]::ParameterName, 'Leave the new files uncommitted')
            [CompletionResult]::new('--lfs', '--lfs', [CompletionResultType]::ParameterName, 'Store document contents through Git LFS (needs git-lfs; asked on a terminal when it is installed)')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;setup' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--lfs', '--lfs', [CompletionResultType]::ParameterName, 'Also start storing document contents through Git LFS (one commit of .gitattributes; asked on a terminal when git-lfs is installed and the store does not use it yet)')
            [CompletionResult]::new('--hooks', '--hooks', [CompletionResultType]::ParameterName, 'Also install a post-merge hook that runs the event rules after each merge or pull')
            [CompletionResult]::new('--fast-git', '--fast-git', [CompletionResultType]::ParameterName, 'Also turn on the git settings that keep a large store fast (untracked cache, index version 4, commit-graph with changed paths, background maintenance) and build the history index; see docs/git-setup.md')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;person' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a person')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List people')
            [CompletionResult]::new('away', 'away', [CompletionResultType]::ParameterValue, 'Mark a person away (holidays, leave): their customers'' inbound threads wait in their team''s queue meanwhile (`git crm inbox --team <team>`)')
            [CompletionResult]::new('back', 'back', [CompletionResultType]::ParameterValue, 'Mark a person back from being away')
            [CompletionResult]::new('key', 'key', [CompletionResultType]::ParameterValue, 'Public keys for restricted content')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'git-crm;person;add' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Display name (becomes the author name of their commits)')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'Email addresses (repeatable); they identify the person from git config')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Teams (repeatable; the first is the default team of their customers)')
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'Role, for views (`sales`, `support`, `finance`, ...)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of the result')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--no-commit', '--no-commit', [CompletionResultType]::ParameterName, 'Write the files but do not commit them')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be written and change nothing')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;person;list' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (json is versioned; see docs/)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;person;away' {
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'The last day away (included): 2026-12-04, `friday`, `+2w`, ...')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'The first day away (default: now)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of the result')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--no-commit', '--no-commit', [CompletionResultType]::ParameterName, 'Write the files but do not commit them')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be written and change nothing')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;person;back' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of the result')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--no-commit', '--no-commit', [CompletionResultType]::ParameterName, 'Write the files but do not commit them')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be written and change nothing')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;person;key' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Register a public key restricted content of the person''s teams is sealed to')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List registered keys, and which of them this machine''s identity holds')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Withdraw a key (by fingerprint or its prefix); rekey the teams afterwards')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Create an age identity for this machine (~/.config/git-crm/identity.txt) and print its public key; with --add, also register it for a person')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'git-crm;person;key;add' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of the result')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--no-commit', '--no-commit', [CompletionResultType]::ParameterName, 'Write the files but do not commit them')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be written and change nothing')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;person;key;list' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (json is versioned; see docs/)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;person;key;remove' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of the result')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--no-commit', '--no-commit', [CompletionResultType]::ParameterName, 'Write the files but do not commit them')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be written and change nothing')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;person;key;generate' {
            [CompletionResult]::new('--add', '--add', [CompletionResultType]::ParameterName, 'Register the new public key for this handle')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the identity here instead')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of the result')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--no-commit', '--no-commit', [CompletionResultType]::ParameterName, 'Write the files but do not commit them')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be written and change nothing')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;person;key;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Register a public key restricted content of the person''s teams is sealed to')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List registered keys, and which of them this machine''s identity holds')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Withdraw a key (by fingerprint or its prefix); rekey the teams afterwards')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Create an age identity for this machine (~/.config/git-crm/identity.txt) and print its public key; with --add, also register it for a person')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'git-crm;person;key;help;add' {
            break
        }
        'git-crm;person;key;help;list' {
            break
        }
        'git-crm;person;key;help;remove' {
            break
        }
        'git-crm;person;key;help;generate' {
            break
        }
        'git-crm;person;key;help;help' {
            break
        }
        'git-crm;person;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a person')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List people')
            [CompletionResult]::new('away', 'away', [CompletionResultType]::ParameterValue, 'Mark a person away (holidays, leave): their customers'' inbound threads wait in their team''s queue meanwhile (`git crm inbox --team <team>`)')
            [CompletionResult]::new('back', 'back', [CompletionResultType]::ParameterValue, 'Mark a person back from being away')
            [CompletionResult]::new('key', 'key', [CompletionResultType]::ParameterValue, 'Public keys for restricted content')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'git-crm;person;help;add' {
            break
        }
        'git-crm;person;help;list' {
            break
        }
        'git-crm;person;help;away' {
            break
        }
        'git-crm;person;help;back' {
            break
        }
        'git-crm;person;help;key' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Register a public key restricted content of the person''s teams is sealed to')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List registered keys, and which of them this machine''s identity holds')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Withdraw a key (by fingerprint or its prefix); rekey the teams afterwards')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Create an age identity for this machine (~/.config/git-crm/identity.txt) and print its public key; with --add, also register it for a person')
            break
        }
        'git-crm;person;help;key;add' {
            break
        }
        'git-crm;person;help;key;list' {
            break
        }
        'git-crm;person;help;key;remove' {
            break
        }
        'git-crm;person;help;key;generate' {
            break
        }
        'git-crm;person;help;help' {
            break
        }
        'git-crm;team' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a team')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List teams')
            [CompletionResult]::new('join', 'join', [CompletionResultType]::ParameterValue, 'Add a person to a team')
            [CompletionResult]::new('leave', 'leave', [CompletionResultType]::ParameterValue, 'Remove a person from a team (rekey the team afterwards)')
            [CompletionResult]::new('rekey', 'rekey', [CompletionResultType]::ParameterValue, 'Re-seal everything restricted to the team to its current members, in one commit (needs a local identity that can read it)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'git-crm;team;add' {
            [CompletionResult]::new('--calendar', '--calendar', [CompletionResultType]::ParameterName, 'Calendar (defined under `calendars:` in the config) for business-hours metrics')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'What the team does (shown by `team list`)')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'A shared mail address of the team, e.g. `support@agency.example` (repeatable): ingested mail from or to it is the team''s')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of the result')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--no-commit', '--no-commit', [CompletionResultType]::ParameterName, 'Write the files but do not commit them')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be written and change nothing')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;team;list' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (json is versioned; see docs/)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;team;join' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of the result')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--no-commit', '--no-commit', [CompletionResultType]::ParameterName, 'Write the files but do not commit them')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be written and change nothing')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;team;leave' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of the result')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--no-commit', '--no-commit', [CompletionResultType]::ParameterName, 'Write the files but do not commit them')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be written and change nothing')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;team;rekey' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of the result')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--no-commit', '--no-commit', [CompletionResultType]::ParameterName, 'Write the files but do not commit them')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be written and change nothing')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;team;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a team')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List teams')
            [CompletionResult]::new('join', 'join', [CompletionResultType]::ParameterValue, 'Add a person to a team')
            [CompletionResult]::new('leave', 'leave', [CompletionResultType]::ParameterValue, 'Remove a person from a team (rekey the team afterwards)')
            [CompletionResult]::new('rekey', 'rekey', [CompletionResultType]::ParameterValue, 'Re-seal everything restricted to the team to its current members, in one commit (needs a local identity that can read it)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'git-crm;team;help;add' {
            break
        }
        'git-crm;team;help;list' {
            break
        }
        'git-crm;team;help;join' {
            break
        }
        'git-crm;team;help;leave' {
            break
        }
        'git-crm;team;help;rekey' {
            break
        }
        'git-crm;team;help;help' {
            break
        }
        'git-crm;customer' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a customer')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List customers')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a customer''s card: fields, contacts, open threads, last touchpoint, pending handoff')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Edit fields in place (comments and unknown keys in the file are kept)')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Give a customer a new slug (moves its folder, keeps its id) and/or a new name')
            [CompletionResult]::new('archive', 'archive', [CompletionResultType]::ParameterValue, 'Archive a customer (nothing is deleted); --undo brings it back')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'git-crm;customer;add' {
            [CompletionResult]::new('--slug', '--slug', [CompletionResultType]::ParameterName, 'Folder name and handle of the customer (default: derived from the name)')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'Company or person')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Where the relationship stands')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Owner handle (default: you)')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Team (default: the owner''s first team)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Tags (repeatable, or comma-separated)')
            [CompletionResult]::new('--contact', '--contact', [CompletionResultType]::ParameterName, 'A contact: `Name <email>`, optionally `;phone=...;role=...` (repeatable)')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'A custom field `key=value` (repeatable)')
            [CompletionResult]::new('--external-id', '--external-id', [CompletionResultType]::ParameterName, 'An id in another system, `source=key` (repeatable)')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'A mail domain of the customer, e.g. `acme.example` (repeatable, or comma-separated): ingested mail from that domain belongs to it')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of the result')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--no-commit', '--no-commit', [CompletionResultType]::ParameterName, 'Write the files but do not commit them')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be written and change nothing')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;customer;list' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only these statuses (repeatable)')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Only customers owned by this person')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Only customers of this team')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Only customers with all these tags')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by this column')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (json is versioned; see docs/)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--archived', '--archived', [CompletionResultType]::ParameterName, 'Include archived customers')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;customer;show' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (json is versioned; see docs/)')
            [CompletionResult]::new('--view', '--view', [CompletionResultType]::ParameterName, 'Apply the view of this role (default: the acting person''s role; `all` shows everything). A view decides what comes first and which tagged records are left out; it is surfacing, not security: everyone with the repository can read every record')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;customer;edit' {
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, '`key=value` for name, kind, status, tags, domains, fields.<name>, external_ids.<source>')
            [CompletionResult]::new('--unset', '--unset', [CompletionResultType]::ParameterName, 'Remove an optional field')
            [CompletionResult]::new('--add-tag', '--add-tag', [CompletionResultType]::ParameterName, 'Add a tag (repeatable; comma-separated lists work too)')
            [CompletionResult]::new('--remove-tag', '--remove-tag', [CompletionResultType]::ParameterName, 'Remove a tag (repeatable)')
            [CompletionResult]::new('--add-contact', '--add-contact', [CompletionResultType]::ParameterName, '`Name <email>;phone=...;role=...`')
            [CompletionResult]::new('--remove-contact', '--remove-contact', [CompletionResultType]::ParameterName, 'A contact''s name or email')
            [CompletionResult]::new('--set-restricted', '--set-restricted', [CompletionResultType]::ParameterName, '`fields.<name>=value` sealed to --team (its members and you), kept under `restricted_fields`')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'The team restricted values are kept to')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of the result')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--no-commit', '--no-commit', [CompletionResultType]::ParameterName, 'Write the files but do not commit them')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be written and change nothing')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;customer;rename' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The new display name')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of the result')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--no-commit', '--no-commit', [CompletionResultType]::ParameterName, 'Write the files but do not commit them')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be written and change nothing')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;customer;archive' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of the result')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--undo', '--undo', [CompletionResultType]::ParameterName, 'Unarchive instead')
            [CompletionResult]::new('--no-commit', '--no-commit', [CompletionResultType]::ParameterName, 'Write the files but do not commit them')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be written and change nothing')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;customer;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a customer')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List customers')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a customer''s card: fields, contacts, open threads, last touchpoint, pending handoff')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Edit fields in place (comments and unknown keys in the file are kept)')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Give a customer a new slug (moves its folder, keeps its id) and/or a new name')
            [CompletionResult]::new('archive', 'archive', [CompletionResultType]::ParameterValue, 'Archive a customer (nothing is deleted); --undo brings it back')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'git-crm;customer;help;add' {
            break
        }
        'git-crm;customer;help;list' {
            break
        }
        'git-crm;customer;help;show' {
            break
        }
        'git-crm;customer;help;edit' {
            break
        }
        'git-crm;customer;help;rename' {
            break
        }
        'git-crm;customer;help;archive' {
            break
        }
        'git-crm;customer;help;help' {
            break
        }
        'git-crm;log' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Channel from the store''s vocabulary (email, call, chat, meeting, ...)')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Channel from the store''s vocabulary (email, call, chat, meeting, ...)')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'inbound (from the customer), outbound (to the customer) or internal')
            [CompletionResult]::new('--direction', '--direction', [CompletionResultType]::ParameterName, 'inbound (from the customer), outbound (to the customer) or internal')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'One line saying what happened')
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'One line saying what happened')
            [CompletionResult]::new('--body', '--body', [CompletionResultType]::ParameterName, 'Longer text (Markdown)')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When it happened (default now): RFC 3339, `2026-11-02 14:30`, `yesterday`, `3h ago`')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Who: a person handle for outbound/internal (default you); for inbound, the customer''s contact (name or email; asked on a terminal when the customer has several, required without one). A person of the store is never the author of an inbound touchpoint')
            [CompletionResult]::new('--reply-to', '--reply-to', [CompletionResultType]::ParameterName, 'Join the thread of this touchpoint (short id prefix from the timeline, or `last`)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Tags (repeatable, or comma-separated)')
            [CompletionResult]::new('--restricted', '--restricted', [CompletionResultType]::ParameterName, 'Seal the summary and body to this team (its current members and you); channel, direction, times and thread stay in clear for the metrics')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of the result')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--resolves', '--resolves', [CompletionResultType]::ParameterName, 'This touchpoint resolved the thread')
            [CompletionResult]::new('--automated', '--automated', [CompletionResultType]::ParameterName, 'Sent by an automation (auto-reply, sequence); never starts or stops a metric clock')
            [CompletionResult]::new('--no-commit', '--no-commit', [CompletionResultType]::ParameterName, 'Write the files but do not commit them')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be written and change nothing')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;note' {
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Tag the note (repeatable)')
            [CompletionResult]::new('--restricted', '--restricted', [CompletionResultType]::ParameterName, 'Seal the text to this team (its current members and you); the rest stays in clear')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When (default now)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of the result')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--no-commit', '--no-commit', [CompletionResultType]::ParameterName, 'Write the files but do not commit them')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be written and change nothing')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;attach' {
            [CompletionResult]::new('--title', '--title', [CompletionResultType]::ParameterName, 'Title (default: the file name)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The original name to record (default: the file''s own name); a plain file name')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Tags (repeatable, or comma-separated)')
            [CompletionResult]::new('--restricted', '--restricted', [CompletionResultType]::ParameterName, 'Seal the file, its title and its name to this team (its current members and you)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The touchpoint, note, task or handoff it belongs to (id prefix from the timeline)')
            [CompletionResult]::new('--replaces', '--replaces', [CompletionResultType]::ParameterName, 'A new version of this document (id prefix from `docs list`)')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When it was attached (default now)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of the result')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--no-commit', '--no-commit', [CompletionResultType]::ParameterName, 'Write the files but do not commit them')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be written and change nothing')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;docs' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List documents (the current version of each; --all for every version)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'A document''s record and its versions')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Write a document''s content to a file (default: its original name here), or `-o -` for stdout. The content is checked against its sha256')
            [CompletionResult]::new('open', 'open', [CompletionResultType]::ParameterValue, 'Open a copy of a document with GITCRM_OPENER, `git config gitcrm.opener` or the desktop''s opener (on a terminal only; docs/security.md says when the copy is removed)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'git-crm;docs;list' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (json is versioned; see docs/)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Include versions replaced by newer ones')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;docs;show' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (json is versioned; see docs/)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;docs;get' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the file here (`-` for stdout) instead of under its original name')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the file here (`-` for stdout) instead of under its original name')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing file')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;docs;open' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;docs;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List documents (the current version of each; --all for every version)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'A document''s record and its versions')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Write a document''s content to a file (default: its original name here), or `-o -` for stdout. The content is checked against its sha256')
            [CompletionResult]::new('open', 'open', [CompletionResultType]::ParameterValue, 'Open a copy of a document with GITCRM_OPENER, `git config gitcrm.opener` or the desktop''s opener (on a terminal only; docs/security.md says when the copy is removed)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'git-crm;docs;help;list' {
            break
        }
        'git-crm;docs;help;show' {
            break
        }
        'git-crm;docs;help;get' {
            break
        }
        'git-crm;docs;help;open' {
            break
        }
        'git-crm;docs;help;help' {
            break
        }
        'git-crm;assign' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The new owner''s handle')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'The new team (default: the new owner''s first team)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why, for the handoff record')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of the result')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--no-commit', '--no-commit', [CompletionResultType]::ParameterName, 'Write the files but do not commit them')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be written and change nothing')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;amend' {
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'The new summary (touchpoints)')
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'The new summary (touchpoints)')
            [CompletionResult]::new('--body', '--body', [CompletionResultType]::ParameterName, 'The new body')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'The new channel (touchpoints)')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'The new channel (touchpoints)')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When it really happened: `2026-11-20 09:12`, `yesterday 14:00`, `2 days ago`, ...')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'The new direction (touchpoints): inbound, outbound or internal')
            [CompletionResult]::new('--direction', '--direction', [CompletionResultType]::ParameterName, 'The new direction (touchpoints): inbound, outbound or internal')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Who: a person for outbound/internal, the customer''s contact for inbound')
            [CompletionResult]::new('--customer', '--customer', [CompletionResultType]::ParameterName, 'Move it to this customer (slug, or a contact''s email or phone)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why (kept in the correction record)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of the result')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--no-body', '--no-body', [CompletionResultType]::ParameterName, 'Remove the body (touchpoints)')
            [CompletionResult]::new('--no-commit', '--no-commit', [CompletionResultType]::ParameterName, 'Write the files but do not commit them')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be written and change nothing')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;void' {
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why it is withdrawn (required; kept in the correction record)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of the result')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--no-commit', '--no-commit', [CompletionResultType]::ParameterName, 'Write the files but do not commit them')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be written and change nothing')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;handoff' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List handoffs, oldest first')
            [CompletionResult]::new('accept', 'accept', [CompletionResultType]::ParameterValue, 'Accept a handoff to you: by handoff id, or by customer (its latest handoff)')
            [CompletionResult]::new('decline', 'decline', [CompletionResultType]::ParameterValue, 'Decline a handoff to you: ownership goes back to the previous owner, in one commit')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'git-crm;handoff;list' {
            [CompletionResult]::new('--customer', '--customer', [CompletionResultType]::ParameterName, 'Only handoffs of this customer (slug, or a contact''s email or phone)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Only handoffs to this person')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (json is versioned; see docs/)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--pending', '--pending', [CompletionResultType]::ParameterName, 'Only handoffs not yet accepted')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;handoff;accept' {
            [CompletionResult]::new('--on-behalf-of', '--on-behalf-of', [CompletionResultType]::ParameterName, 'Accept for the receiving person (recorded as `on_behalf_of`)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of the result')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--no-commit', '--no-commit', [CompletionResultType]::ParameterName, 'Write the files but do not commit them')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be written and change nothing')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;handoff;decline' {
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why (required; the previous owner reads it)')
            [CompletionResult]::new('--on-behalf-of', '--on-behalf-of', [CompletionResultType]::ParameterName, 'Decline for the receiving person (recorded as `on_behalf_of`)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of the result')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--no-commit', '--no-commit', [CompletionResultType]::ParameterName, 'Write the files but do not commit them')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be written and change nothing')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;handoff;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List handoffs, oldest first')
            [CompletionResult]::new('accept', 'accept', [CompletionResultType]::ParameterValue, 'Accept a handoff to you: by handoff id, or by customer (its latest handoff)')
            [CompletionResult]::new('decline', 'decline', [CompletionResultType]::ParameterValue, 'Decline a handoff to you: ownership goes back to the previous owner, in one commit')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'git-crm;handoff;help;list' {
            break
        }
        'git-crm;handoff;help;accept' {
            break
        }
        'git-crm;handoff;help;decline' {
            break
        }
        'git-crm;handoff;help;help' {
            break
        }
        'git-crm;task' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a follow-up task on a customer')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a task in place: title, due date, assignee (reassign), recurrence')
            [CompletionResult]::new('reopen', 'reopen', [CompletionResultType]::ParameterValue, 'Open a done task again')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List open tasks (soonest due first)')
            [CompletionResult]::new('done', 'done', [CompletionResultType]::ParameterValue, 'Mark a task done (by id prefix); for a recurring task, this adds the next occurrence')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'git-crm;task;add' {
            [CompletionResult]::new('--assignee', '--assignee', [CompletionResultType]::ParameterName, 'Who does it (default: you)')
            [CompletionResult]::new('--due', '--due', [CompletionResultType]::ParameterName, 'Due date: 2026-12-01, `tomorrow`, `friday`, `next monday`, `+3d`, `in 2 weeks`')
            [CompletionResult]::new('--every', '--every', [CompletionResultType]::ParameterName, 'Make it recurring: 3d, 1w, 2w, 1mo (or daily, weekly, monthly). The next occurrence is added when this one is done, due `every` after this one''s due date (default due: today)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of the result')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--no-commit', '--no-commit', [CompletionResultType]::ParameterName, 'Write the files but do not commit them')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be written and change nothing')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;task;edit' {
            [CompletionResult]::new('--title', '--title', [CompletionResultType]::ParameterName, 'The new title')
            [CompletionResult]::new('--due', '--due', [CompletionResultType]::ParameterName, 'The new due date (same forms as `task add --due`)')
            [CompletionResult]::new('--assignee', '--assignee', [CompletionResultType]::ParameterName, 'Reassign to this person')
            [CompletionResult]::new('--every', '--every', [CompletionResultType]::ParameterName, 'Make a series recur at this interval (1w, 1mo, ...), or `never` to end it')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of the result')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--no-due', '--no-due', [CompletionResultType]::ParameterName, 'Remove the due date')
            [CompletionResult]::new('--no-commit', '--no-commit', [CompletionResultType]::ParameterName, 'Write the files but do not commit them')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be written and change nothing')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;task;reopen' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of the result')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--no-commit', '--no-commit', [CompletionResultType]::ParameterName, 'Write the files but do not commit them')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be written and change nothing')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;task;list' {
            [CompletionResult]::new('--assignee', '--assignee', [CompletionResultType]::ParameterName, 'Only tasks assigned to this person')
            [CompletionResult]::new('--customer', '--customer', [CompletionResultType]::ParameterName, 'Only tasks of this customer (slug, or a contact''s email or phone)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (json is versioned; see docs/)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--mine', '--mine', [CompletionResultType]::ParameterName, 'Only tasks assigned to you')
            [CompletionResult]::new('--overdue', '--overdue', [CompletionResultType]::ParameterName, 'Only tasks past their due date')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Include done tasks')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;task;done' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of the result')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--no-commit', '--no-commit', [CompletionResultType]::ParameterName, 'Write the files but do not commit them')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be written and change nothing')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;task;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a follow-up task on a customer')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a task in place: title, due date, assignee (reassign), recurrence')
            [CompletionResult]::new('reopen', 'reopen', [CompletionResultType]::ParameterValue, 'Open a done task again')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List open tasks (soonest due first)')
            [CompletionResult]::new('done', 'done', [CompletionResultType]::ParameterValue, 'Mark a task done (by id prefix); for a recurring task, this adds the next occurrence')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'git-crm;task;help;add' {
            break
        }
        'git-crm;task;help;edit' {
            break
        }
        'git-crm;task;help;reopen' {
            break
        }
        'git-crm;task;help;list' {
            break
        }
        'git-crm;task;help;done' {
            break
        }
        'git-crm;task;help;help' {
            break
        }
        'git-crm;timeline' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Start of the period: a date or a time (`2026-10-01`, `last monday 09:00`), a duration back from --at or now (`30d`), or `all` (`metrics` defaults to 30d, other commands to all)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'End of the period, exclusive (a bare date includes that day); the same forms as --since')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Only touchpoints on these channels (repeatable)')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'Only these kinds (repeatable)')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Only entries by these people or contacts (repeatable)')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Time zone for times and days, an IANA name such as `Europe/Paris` (default: the store''s `timezone`, else UTC). Never the machine''s zone')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (json is versioned; see docs/)')
            [CompletionResult]::new('--view', '--view', [CompletionResultType]::ParameterName, 'Apply the view of this role (default: the acting person''s role; `all` shows everything). A view decides what comes first and which tagged records are left out; it is surfacing, not security: everyone with the repository can read every record')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--body', '--body', [CompletionResultType]::ParameterName, 'Print touchpoint and note bodies')
            [CompletionResult]::new('--history', '--history', [CompletionResultType]::ParameterName, 'Weave in who changed the customer when, from git (field changes, renames, edits)')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;find' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Start of the period: a date or a time (`2026-10-01`, `last monday 09:00`), a duration back from --at or now (`30d`), or `all` (`metrics` defaults to 30d, other commands to all)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'End of the period, exclusive (a bare date includes that day); the same forms as --since')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Only customers of these teams (repeatable, or comma-separated)')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Only customers owned by these people')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Only touchpoints on these channels (metrics: threads started on them)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Only customers with any of these tags')
            [CompletionResult]::new('--customer', '--customer', [CompletionResultType]::ParameterName, 'Only these customers (slugs, or contact emails or phones)')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'Only these kinds of hit (repeatable)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Hits listed per section (0: all)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (the JSON is documented in docs/everyday.md)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;inbox' {
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'The queue of this team instead of your inbox: waiting threads on its customers that have no owner or whose owner is away')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (json is documented in docs/collaboration-sync.md)')
            [CompletionResult]::new('--view', '--view', [CompletionResultType]::ParameterName, 'Apply the view of this role (default: the acting person''s role; `all` shows everything). A view decides what comes first and which tagged records are left out; it is surfacing, not security: everyone with the repository can read every record')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Also list mentions already seen in this clone')
            [CompletionResult]::new('--peek', '--peek', [CompletionResultType]::ParameterName, 'Do not mark the mentions shown as seen')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;metrics' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Start of the period: a date or a time (`2026-10-01`, `last monday 09:00`), a duration back from --at or now (`30d`), or `all` (`metrics` defaults to 30d, other commands to all)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'End of the period, exclusive (a bare date includes that day); the same forms as --since')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Compute as of this instant (default now): later records are ignored, ages end here')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Time zone of periods, months and weeks (IANA name). Never the machine''s zone')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Only customers of these teams (repeatable, or comma-separated)')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Only customers owned by these people')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Only touchpoints on these channels (metrics: threads started on them)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Only customers with any of these tags')
            [CompletionResult]::new('--customer', '--customer', [CompletionResultType]::ParameterName, 'Only these customers (slugs, or contact emails or phones)')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Also show the metrics grouped by team, owner, channel, month or week')
            [CompletionResult]::new('--fcr-rule', '--fcr-rule', [CompletionResultType]::ParameterName, 'Which first-contact-resolution definition to use')
            [CompletionResult]::new('--clock', '--clock', [CompletionResultType]::ParameterName, 'Measure durations in business hours (where the team has a calendar) or wall-clock time')
            [CompletionResult]::new('--weeks', '--weeks', [CompletionResultType]::ParameterName, 'Weeks of the weekly coverage table')
            [CompletionResult]::new('--fail-if', '--fail-if', [CompletionResultType]::ParameterName, 'Exit 1 when a condition holds, e.g. ''handoff.p90 > 24h'', ''fcr.rate < 0.6'', ''frt.unanswered > 0'' (repeatable)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (json is versioned; see docs/)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;check' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Fail on warnings too (exit 1)')
            [CompletionResult]::new('--list', '--list', [CompletionResultType]::ParameterName, 'List the checks with what each one finds, and exit')
            [CompletionResult]::new('--fix', '--fix', [CompletionResultType]::ParameterName, 'First make the repairs that are safe (records a merge left in a renamed customer''s old folder are moved to the customer), in one commit; then check')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;import' {
            [CompletionResult]::new('--rules', '--rules', [CompletionResultType]::ParameterName, 'The rules file that maps its columns to fields (see docs/import.md)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of the summary')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--skip-invalid', '--skip-invalid', [CompletionResultType]::ParameterName, 'Import the valid rows and list the invalid ones, instead of importing nothing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be created and changed, and write nothing')
            [CompletionResult]::new('--no-commit', '--no-commit', [CompletionResultType]::ParameterName, 'Write the files but do not commit them (the next import commits them)')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;ingest' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('mail', 'mail', [CompletionResultType]::ParameterValue, 'Mail: .eml files, mbox files, Maildir folders (cur/ and new/), or one message on stdin (`-`)')
            [CompletionResult]::new('ics', 'ics', [CompletionResultType]::ParameterValue, 'Calendar events (.ics, or `-` for stdin) that involve customers'' contacts, as meetings')
            [CompletionResult]::new('vcf', 'vcf', [CompletionResultType]::ParameterValue, 'vCards (.vcf, or `-` for stdin) as contacts of the matching customers')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'git-crm;ingest;mail' {
            [CompletionResult]::new('--max-message-size', '--max-message-size', [CompletionResultType]::ParameterName, 'Largest message read (e.g. 64M); a larger one is invalid')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of the summary')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--no-attachments', '--no-attachments', [CompletionResultType]::ParameterName, 'Keep attachments as metadata on the touchpoint only: store no documents')
            [CompletionResult]::new('--create-customers', '--create-customers', [CompletionResultType]::ParameterName, 'Make a `lead` customer (from the sender''s domain and name) for items no customer claims')
            [CompletionResult]::new('--skip-invalid', '--skip-invalid', [CompletionResultType]::ParameterName, 'Ingest the valid items and list the invalid ones, instead of ingesting nothing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be created and changed, and write nothing')
            [CompletionResult]::new('--no-commit', '--no-commit', [CompletionResultType]::ParameterName, 'Write the files but do not commit them (the next ingest commits them)')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;ingest;ics' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of the summary')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--create-customers', '--create-customers', [CompletionResultType]::ParameterName, 'Make a `lead` customer (from the sender''s domain and name) for items no customer claims')
            [CompletionResult]::new('--skip-invalid', '--skip-invalid', [CompletionResultType]::ParameterName, 'Ingest the valid items and list the invalid ones, instead of ingesting nothing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be created and changed, and write nothing')
            [CompletionResult]::new('--no-commit', '--no-commit', [CompletionResultType]::ParameterName, 'Write the files but do not commit them (the next ingest commits them)')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;ingest;vcf' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of the summary')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--create-customers', '--create-customers', [CompletionResultType]::ParameterName, 'Make a `lead` customer (from the sender''s domain and name) for items no customer claims')
            [CompletionResult]::new('--skip-invalid', '--skip-invalid', [CompletionResultType]::ParameterName, 'Ingest the valid items and list the invalid ones, instead of ingesting nothing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be created and changed, and write nothing')
            [CompletionResult]::new('--no-commit', '--no-commit', [CompletionResultType]::ParameterName, 'Write the files but do not commit them (the next ingest commits them)')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;ingest;help' {
            [CompletionResult]::new('mail', 'mail', [CompletionResultType]::ParameterValue, 'Mail: .eml files, mbox files, Maildir folders (cur/ and new/), or one message on stdin (`-`)')
            [CompletionResult]::new('ics', 'ics', [CompletionResultType]::ParameterValue, 'Calendar events (.ics, or `-` for stdin) that involve customers'' contacts, as meetings')
            [CompletionResult]::new('vcf', 'vcf', [CompletionResultType]::ParameterValue, 'vCards (.vcf, or `-` for stdin) as contacts of the matching customers')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'git-crm;ingest;help;mail' {
            break
        }
        'git-crm;ingest;help;ics' {
            break
        }
        'git-crm;ingest;help;vcf' {
            break
        }
        'git-crm;ingest;help;help' {
            break
        }
        'git-crm;export' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (json is versioned; see docs/)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Start of the period: a date or a time (`2026-10-01`, `last monday 09:00`), a duration back from --at or now (`30d`), or `all` (`metrics` defaults to 30d, other commands to all)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'End of the period, exclusive (a bare date includes that day); the same forms as --since')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Only customers owned by this person (and their records)')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Only customers of this team (and their records)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Only records with all these tags (customers: customer tags; repeatable)')
            [CompletionResult]::new('--customer', '--customer', [CompletionResultType]::ParameterName, 'Only these customers (slugs, or contact emails or phones; repeatable)')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Only touchpoints on these channels (repeatable)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write `DIR/<kind>/month=YYYY-MM/part-0.<ext>` and `DIR/<kind>/schema.json` (--format jsonl or parquet)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write `DIR/<kind>/month=YYYY-MM/part-0.<ext>` and `DIR/<kind>/schema.json` (--format jsonl or parquet)')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Compute thread and handoff facts as of this instant (default now), as `metrics --at`')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an earlier export in the --output folder')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;review' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for terminals, markdown for a merge-request comment, json for bots')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--fail-on-problems', '--fail-on-problems', [CompletionResultType]::ParameterName, 'Exit 1 when head brings a new `check` error or a record edited or deleted after the fact')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;rules' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run the rules of .gitcrm/rules.yaml on the committed store and commit what they do')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Run the fixtures under `tests:` of the work tree''s rules file and compare the actions')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'git-crm;rules;run' {
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'The run''s "now" (default: now): schedule rules look at the store as of it')
            [CompletionResult]::new('--rule', '--rule', [CompletionResultType]::ParameterName, 'Run only this rule (repeatable)')
            [CompletionResult]::new('--only', '--only', [CompletionResultType]::ParameterName, 'Run only event rules or only schedule (and task.overdue) rules')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (the JSON is documented in docs/rules.md)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--reapply', '--reapply', [CompletionResultType]::ParameterName, 'Fire again what an earlier revision of a rule fired (after editing it)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('--no-commit', '--no-commit', [CompletionResultType]::ParameterName, 'Write the files but do not commit them')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing when there is nothing to do, or no rules are committed (for hooks and CI)')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;rules;test' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (the JSON is documented in docs/rules.md)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;rules;help' {
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run the rules of .gitcrm/rules.yaml on the committed store and commit what they do')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Run the fixtures under `tests:` of the work tree''s rules file and compare the actions')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'git-crm;rules;help;run' {
            break
        }
        'git-crm;rules;help;test' {
            break
        }
        'git-crm;rules;help;help' {
            break
        }
        'git-crm;history' {
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Time zone for times and days, an IANA name such as `Europe/Paris` (default: the store''s `timezone`, else UTC). Never the machine''s zone')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (text), markdown or json')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;sync' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (json is versioned; see docs/)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Fetch and show what would happen (incoming and outgoing commits, expected conflicts); change nothing but the remote-tracking refs')
            [CompletionResult]::new('--no-check', '--no-check', [CompletionResultType]::ParameterName, 'Push even when `git crm check` finds errors in the merged store')
            [CompletionResult]::new('--no-push', '--no-push', [CompletionResultType]::ParameterName, 'Fetch and merge, but do not push')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;demo' {
            [CompletionResult]::new('--customers', '--customers', [CompletionResultType]::ParameterName, 'Generate this many customers (a large store for benchmarks)')
            [CompletionResult]::new('--interactions', '--interactions', [CompletionResultType]::ParameterName, 'Generate this many touchpoints')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Seed of the generator (the same seed builds the same store)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;completions' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Write every target into this folder instead (file names as in completions/), with one man page per subcommand under `man/`')
            [CompletionResult]::new('--man-dir', '--man-dir', [CompletionResultType]::ParameterName, 'Install the man pages (git-crm.1 and one per subcommand, git-crm-timeline.1, ...) into this folder, e.g. `~/.cargo/share/man/man1`, where `man` finds them for programs in `~/.cargo/bin`; then `git crm --help` and `git crm help <command>` open them')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;merge-driver' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git''s color.ui are honoured')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a store (or adopt an existing git repository as one)')
            [CompletionResult]::new('setup', 'setup', [CompletionResultType]::ParameterValue, 'Prepare a fresh clone of a store: register the merge driver (Git LFS, when used, and, with --hooks, the post-merge hook that runs event rules)')
            [CompletionResult]::new('person', 'person', [CompletionResultType]::ParameterValue, 'Manage the people of the store')
            [CompletionResult]::new('team', 'team', [CompletionResultType]::ParameterValue, 'Manage teams')
            [CompletionResult]::new('customer', 'customer', [CompletionResultType]::ParameterValue, 'Add, list, show, edit, rename and archive customers')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Log a touchpoint with a customer')
            [CompletionResult]::new('note', 'note', [CompletionResultType]::ParameterValue, 'Add an internal note about a customer; @mentions name people')
            [CompletionResult]::new('attach', 'attach', [CompletionResultType]::ParameterValue, 'Attach files (proposals, contracts, invoices) to a customer as documents')
            [CompletionResult]::new('docs', 'docs', [CompletionResultType]::ParameterValue, 'List, show, fetch and open documents')
            [CompletionResult]::new('assign', 'assign', [CompletionResultType]::ParameterValue, 'Reassign a customer and record the handoff')
            [CompletionResult]::new('amend', 'amend', [CompletionResultType]::ParameterValue, 'Correct a touchpoint or note (summary, body, channel, time, direction, author, customer) with a correction record; history is never rewritten')
            [CompletionResult]::new('void', 'void', [CompletionResultType]::ParameterValue, 'Withdraw a touchpoint or note with a reason (a correction record; nothing is deleted)')
            [CompletionResult]::new('handoff', 'handoff', [CompletionResultType]::ParameterValue, 'List, accept and decline handoffs')
            [CompletionResult]::new('task', 'task', [CompletionResultType]::ParameterValue, 'Follow-up tasks')
            [CompletionResult]::new('timeline', 'timeline', [CompletionResultType]::ParameterValue, 'A customer''s touchpoints, notes, handoffs and tasks in one chronological view')
            [CompletionResult]::new('find', 'find', [CompletionResultType]::ParameterValue, 'Find customers (name, contact, email, phone, domain), touchpoints and notes, ranked')
            [CompletionResult]::new('inbox', 'inbox', [CompletionResultType]::ParameterValue, 'What needs you now: unanswered threads, handoffs to you, your tasks, mentions')
            [CompletionResult]::new('metrics', 'metrics', [CompletionResultType]::ParameterValue, 'Team metrics: first response, first contact resolution, handoffs, coverage, consistency')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate the whole store with named checks; report every problem')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import customers or touchpoints from a spreadsheet (CSV, XLSX, ODS) with a rules file')
            [CompletionResult]::new('ingest', 'ingest', [CompletionResultType]::ParameterValue, 'Ingest mail (.eml, mbox, Maildir, stdin), calendar events (.ics) and contacts (.vcf)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export customers, touchpoints, notes, handoffs or contacts as CSV, JSON or vCard')
            [CompletionResult]::new('review', 'review', [CompletionResultType]::ParameterValue, 'Summarise a branch for merge review: customers, reassignments, records, fields, problems')
            [CompletionResult]::new('rules', 'rules', [CompletionResultType]::ParameterValue, 'Run the team''s workflow rules (.gitcrm/rules.yaml) on the committed store, or test them')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'A customer''s git history in words: who changed what, when, in which commit')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Fetch, merge, check and push the store through your git (exit 3 conflict, 4 network)')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'Build a demo agency store and show a short tour')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions (bash, zsh, fish, powershell, elvish, nushell) or the man page')
            [CompletionResult]::new('merge-driver', 'merge-driver', [CompletionResultType]::ParameterValue, 'The merge driver git calls for customer records (registered by init/setup)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'git-crm;help;init' {
            break
        }
        'git-crm;help;setup' {
            break
        }
        'git-crm;help;person' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a person')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List people')
            [CompletionResult]::new('away', 'away', [CompletionResultType]::ParameterValue, 'Mark a person away (holidays, leave): their customers'' inbound threads wait in their team''s queue meanwhile (`git crm inbox --team <team>`)')
            [CompletionResult]::new('back', 'back', [CompletionResultType]::ParameterValue, 'Mark a person back from being away')
            [CompletionResult]::new('key', 'key', [CompletionResultType]::ParameterValue, 'Public keys for restricted content')
            break
        }
        'git-crm;help;person;add' {
            break
        }
        'git-crm;help;person;list' {
            break
        }
        'git-crm;help;person;away' {
            break
        }
        'git-crm;help;person;back' {
            break
        }
        'git-crm;help;person;key' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Register a public key restricted content of the person''s teams is sealed to')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List registered keys, and which of them this machine''s identity holds')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Withdraw a key (by fingerprint or its prefix); rekey the teams afterwards')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Create an age identity for this machine (~/.config/git-crm/identity.txt) and print its public key; with --add, also register it for a person')
            break
        }
        'git-crm;help;person;key;add' {
            break
        }
        'git-crm;help;person;key;list' {
            break
        }
        'git-crm;help;person;key;remove' {
            break
        }
        'git-crm;help;person;key;generate' {
            break
        }
        'git-crm;help;team' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a team')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List teams')
            [CompletionResult]::new('join', 'join', [CompletionResultType]::ParameterValue, 'Add a person to a team')
            [CompletionResult]::new('leave', 'leave', [CompletionResultType]::ParameterValue, 'Remove a person from a team (rekey the team afterwards)')
            [CompletionResult]::new('rekey', 'rekey', [CompletionResultType]::ParameterValue, 'Re-seal everything restricted to the team to its current members, in one commit (needs a local identity that can read it)')
            break
        }
        'git-crm;help;team;add' {
            break
        }
        'git-crm;help;team;list' {
            break
        }
        'git-crm;help;team;join' {
            break
        }
        'git-crm;help;team;leave' {
            break
        }
        'git-crm;help;team;rekey' {
            break
        }
        'git-crm;help;customer' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a customer')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List customers')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a customer''s card: fields, contacts, open threads, last touchpoint, pending handoff')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Edit fields in place (comments and unknown keys in the file are kept)')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Give a customer a new slug (moves its folder, keeps its id) and/or a new name')
            [CompletionResult]::new('archive', 'archive', [CompletionResultType]::ParameterValue, 'Archive a customer (nothing is deleted); --undo brings it back')
            break
        }
        'git-crm;help;customer;add' {
            break
        }
        'git-crm;help;customer;list' {
            break
        }
        'git-crm;help;customer;show' {
            break
        }
        'git-crm;help;customer;edit' {
            break
        }
        'git-crm;help;customer;rename' {
            break
        }
        'git-crm;help;customer;archive' {
            break
        }
        'git-crm;help;log' {
            break
        }
        'git-crm;help;note' {
            break
        }
        'git-crm;help;attach' {
            break
        }
        'git-crm;help;docs' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List documents (the current version of each; --all for every version)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'A document''s record and its versions')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Write a document''s content to a file (default: its original name here), or `-o -` for stdout. The content is checked against its sha256')
            [CompletionResult]::new('open', 'open', [CompletionResultType]::ParameterValue, 'Open a copy of a document with GITCRM_OPENER, `git config gitcrm.opener` or the desktop''s opener (on a terminal only; docs/security.md says when the copy is removed)')
            break
        }
        'git-crm;help;docs;list' {
            break
        }
        'git-crm;help;docs;show' {
            break
        }
        'git-crm;help;docs;get' {
            break
        }
        'git-crm;help;docs;open' {
            break
        }
        'git-crm;help;assign' {
            break
        }
        'git-crm;help;amend' {
            break
        }
        'git-crm;help;void' {
            break
        }
        'git-crm;help;handoff' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List handoffs, oldest first')
            [CompletionResult]::new('accept', 'accept', [CompletionResultType]::ParameterValue, 'Accept a handoff to you: by handoff id, or by customer (its latest handoff)')
            [CompletionResult]::new('decline', 'decline', [CompletionResultType]::ParameterValue, 'Decline a handoff to you: ownership goes back to the previous owner, in one commit')
            break
        }
        'git-crm;help;handoff;list' {
            break
        }
        'git-crm;help;handoff;accept' {
            break
        }
        'git-crm;help;handoff;decline' {
            break
        }
        'git-crm;help;task' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a follow-up task on a customer')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a task in place: title, due date, assignee (reassign), recurrence')
            [CompletionResult]::new('reopen', 'reopen', [CompletionResultType]::ParameterValue, 'Open a done task again')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List open tasks (soonest due first)')
            [CompletionResult]::new('done', 'done', [CompletionResultType]::ParameterValue, 'Mark a task done (by id prefix); for a recurring task, this adds the next occurrence')
            break
        }
        'git-crm;help;task;add' {
            break
        }
        'git-crm;help;task;edit' {
            break
        }
        'git-crm;help;task;reopen' {
            break
        }
        'git-crm;help;task;list' {
            break
        }
        'git-crm;help;task;done' {
            break
        }
        'git-crm;help;timeline' {
            break
        }
        'git-crm;help;find' {
            break
        }
        'git-crm;help;inbox' {
            break
        }
        'git-crm;help;metrics' {
            break
        }
        'git-crm;help;check' {
            break
        }
        'git-crm;help;import' {
            break
        }
        'git-crm;help;ingest' {
            [CompletionResult]::new('mail', 'mail', [CompletionResultType]::ParameterValue, 'Mail: .eml files, mbox files, Maildir folders (cur/ and new/), or one message on stdin (`-`)')
            [CompletionResult]::new('ics', 'ics', [CompletionResultType]::ParameterValue, 'Calendar events (.ics, or `-` for stdin) that involve customers'' contacts, as meetings')
            [CompletionResult]::new('vcf', 'vcf', [CompletionResultType]::ParameterValue, 'vCards (.vcf, or `-` for stdin) as contacts of the matching customers')
            break
        }
        'git-crm;help;ingest;mail' {
            break
        }
        'git-crm;help;ingest;ics' {
            break
        }
        'git-crm;help;ingest;vcf' {
            break
        }
        'git-crm;help;export' {
            break
        }
        'git-crm;help;review' {
            break
        }
        'git-crm;help;rules' {
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run the rules of .gitcrm/rules.yaml on the committed store and commit what they do')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Run the fixtures under `tests:` of the work tree''s rules file and compare the actions')
            break
        }
        'git-crm;help;rules;run' {
            break
        }
        'git-crm;help;rules;test' {
            break
        }
        'git-crm;help;history' {
            break
        }
        'git-crm;help;sync' {
            break
        }
        'git-crm;help;demo' {
            break
        }
        'git-crm;help;completions' {
            break
        }
        'git-crm;help;merge-driver' {
            break
        }
        'git-crm;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
