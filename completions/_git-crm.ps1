
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
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a store (or adopt an existing git repository as one)')
            [CompletionResult]::new('setup', 'setup', [CompletionResultType]::ParameterValue, 'Prepare a fresh clone of a store: register the merge driver (and, with --hooks, the post-merge hook that runs event rules)')
            [CompletionResult]::new('person', 'person', [CompletionResultType]::ParameterValue, 'Manage the people of the store')
            [CompletionResult]::new('team', 'team', [CompletionResultType]::ParameterValue, 'Manage teams')
            [CompletionResult]::new('customer', 'customer', [CompletionResultType]::ParameterValue, 'Add, list, show, edit, rename and archive customers')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Log a touchpoint with a customer')
            [CompletionResult]::new('note', 'note', [CompletionResultType]::ParameterValue, 'Add an internal note about a customer; @mentions name people')
            [CompletionResult]::new('assign', 'assign', [CompletionResultType]::ParameterValue, 'Reassign a customer and record the handoff')
            [CompletionResult]::new('handoff', 'handoff', [CompletionResultType]::ParameterValue, 'List and accept handoffs')
            [CompletionResult]::new('task', 'task', [CompletionResultType]::ParameterValue, 'Follow-up tasks')
            [CompletionResult]::new('timeline', 'timeline', [CompletionResultType]::ParameterValue, 'A customer''s touchpoints, notes, handoffs and tasks in one chronological view')
            [CompletionResult]::new('inbox', 'inbox', [CompletionResultType]::ParameterValue, 'What needs you now: unanswered threads, handoffs to you, your tasks, mentions')
            [CompletionResult]::new('metrics', 'metrics', [CompletionResultType]::ParameterValue, 'Team metrics: first response, first contact resolution, handoffs, coverage, consistency')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate the whole store with named checks; report every problem')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import customers or touchpoints from a spreadsheet (CSV, XLSX, ODS) with a rules file')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export customers, touchpoints, notes or handoffs as CSV or JSON')
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
            [CompletionResult]::new('--no-commit', '--no-commit', [CompletionResultType]::ParameterName, 'Leave the new files uncommitted')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;setup' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--hooks', '--hooks', [CompletionResultType]::ParameterName, 'Also install a post-merge hook that runs the event rules after each merge or pull')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;person' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a person')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List people')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'git-crm;person;add' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'name')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'Email addresses (repeatable); they identify the person from git config')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Teams (repeatable; the first is the default team of their customers)')
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'Role, for views (`sales`, `support`, `finance`, ...)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of the result')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--no-commit', '--no-commit', [CompletionResultType]::ParameterName, 'Write the files but do not commit them')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be written and change nothing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;person;list' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'format')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;person;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a person')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List people')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'git-crm;person;help;add' {
            break
        }
        'git-crm;person;help;list' {
            break
        }
        'git-crm;person;help;help' {
            break
        }
        'git-crm;team' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a team')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List teams')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'git-crm;team;add' {
            [CompletionResult]::new('--calendar', '--calendar', [CompletionResultType]::ParameterName, 'Calendar (defined under `calendars:` in the config) for business-hours metrics')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'description')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of the result')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--no-commit', '--no-commit', [CompletionResultType]::ParameterName, 'Write the files but do not commit them')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be written and change nothing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;team;list' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'format')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;team;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a team')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List teams')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'git-crm;team;help;add' {
            break
        }
        'git-crm;team;help;list' {
            break
        }
        'git-crm;team;help;help' {
            break
        }
        'git-crm;customer' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
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
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'kind')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'status')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Owner handle (default: you)')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Team (default: the owner''s first team)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Tags (repeatable, or comma-separated)')
            [CompletionResult]::new('--contact', '--contact', [CompletionResultType]::ParameterName, 'A contact: `Name <email>`, optionally `;phone=...;role=...` (repeatable)')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'A custom field `key=value` (repeatable)')
            [CompletionResult]::new('--external-id', '--external-id', [CompletionResultType]::ParameterName, 'An id in another system, `source=key` (repeatable)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of the result')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--no-commit', '--no-commit', [CompletionResultType]::ParameterName, 'Write the files but do not commit them')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be written and change nothing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;customer;list' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only these statuses (repeatable)')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'owner')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'team')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Only customers with all these tags')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'sort')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'format')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--archived', '--archived', [CompletionResultType]::ParameterName, 'Include archived customers')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;customer;show' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'format')
            [CompletionResult]::new('--view', '--view', [CompletionResultType]::ParameterName, 'Apply the view of this role (default: the acting person''s role; `all` shows everything). A view decides what comes first and which tagged records are left out; it is surfacing, not security: everyone with the repository can read every record')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;customer;edit' {
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, '`key=value` for name, kind, status, tags, fields.<name>, external_ids.<source>')
            [CompletionResult]::new('--unset', '--unset', [CompletionResultType]::ParameterName, 'Remove an optional field')
            [CompletionResult]::new('--add-tag', '--add-tag', [CompletionResultType]::ParameterName, 'add-tag')
            [CompletionResult]::new('--remove-tag', '--remove-tag', [CompletionResultType]::ParameterName, 'remove-tag')
            [CompletionResult]::new('--add-contact', '--add-contact', [CompletionResultType]::ParameterName, '`Name <email>;phone=...;role=...`')
            [CompletionResult]::new('--remove-contact', '--remove-contact', [CompletionResultType]::ParameterName, 'A contact''s name or email')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of the result')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--no-commit', '--no-commit', [CompletionResultType]::ParameterName, 'Write the files but do not commit them')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be written and change nothing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;customer;rename' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'name')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of the result')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--no-commit', '--no-commit', [CompletionResultType]::ParameterName, 'Write the files but do not commit them')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be written and change nothing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;customer;archive' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of the result')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--undo', '--undo', [CompletionResultType]::ParameterName, 'undo')
            [CompletionResult]::new('--no-commit', '--no-commit', [CompletionResultType]::ParameterName, 'Write the files but do not commit them')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be written and change nothing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
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
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Who: a person handle for outbound/internal (default you), the contact for inbound')
            [CompletionResult]::new('--reply-to', '--reply-to', [CompletionResultType]::ParameterName, 'Join the thread of this touchpoint (short id prefix from the timeline, or `last`)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Tags (repeatable, or comma-separated)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of the result')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--resolves', '--resolves', [CompletionResultType]::ParameterName, 'This touchpoint resolved the thread')
            [CompletionResult]::new('--automated', '--automated', [CompletionResultType]::ParameterName, 'Sent by an automation (auto-reply, sequence); never starts or stops a metric clock')
            [CompletionResult]::new('--no-commit', '--no-commit', [CompletionResultType]::ParameterName, 'Write the files but do not commit them')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be written and change nothing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;note' {
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'tag')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When (default now)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of the result')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--no-commit', '--no-commit', [CompletionResultType]::ParameterName, 'Write the files but do not commit them')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be written and change nothing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;assign' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The new owner''s handle')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'The new team (default: the new owner''s first team)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why, for the handoff record')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of the result')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--no-commit', '--no-commit', [CompletionResultType]::ParameterName, 'Write the files but do not commit them')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be written and change nothing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;handoff' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List handoffs, oldest first')
            [CompletionResult]::new('accept', 'accept', [CompletionResultType]::ParameterValue, 'Accept a handoff: by customer (its latest pending handoff) or by handoff id')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'git-crm;handoff;list' {
            [CompletionResult]::new('--customer', '--customer', [CompletionResultType]::ParameterName, 'customer')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Only handoffs to this person')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'format')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--pending', '--pending', [CompletionResultType]::ParameterName, 'Only handoffs not yet accepted')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;handoff;accept' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of the result')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--no-commit', '--no-commit', [CompletionResultType]::ParameterName, 'Write the files but do not commit them')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be written and change nothing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;handoff;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List handoffs, oldest first')
            [CompletionResult]::new('accept', 'accept', [CompletionResultType]::ParameterValue, 'Accept a handoff: by customer (its latest pending handoff) or by handoff id')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'git-crm;handoff;help;list' {
            break
        }
        'git-crm;handoff;help;accept' {
            break
        }
        'git-crm;handoff;help;help' {
            break
        }
        'git-crm;task' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a follow-up task on a customer')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List open tasks (soonest due first)')
            [CompletionResult]::new('done', 'done', [CompletionResultType]::ParameterValue, 'Mark a task done (by id prefix)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'git-crm;task;add' {
            [CompletionResult]::new('--assignee', '--assignee', [CompletionResultType]::ParameterName, 'Who does it (default: you)')
            [CompletionResult]::new('--due', '--due', [CompletionResultType]::ParameterName, 'Due date: 2026-12-01, `tomorrow`, `+3d`')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of the result')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--no-commit', '--no-commit', [CompletionResultType]::ParameterName, 'Write the files but do not commit them')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be written and change nothing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;task;list' {
            [CompletionResult]::new('--assignee', '--assignee', [CompletionResultType]::ParameterName, 'assignee')
            [CompletionResult]::new('--customer', '--customer', [CompletionResultType]::ParameterName, 'customer')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'format')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--mine', '--mine', [CompletionResultType]::ParameterName, 'Only tasks assigned to you')
            [CompletionResult]::new('--overdue', '--overdue', [CompletionResultType]::ParameterName, 'Only tasks past their due date')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Include done tasks')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;task;done' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of the result')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--no-commit', '--no-commit', [CompletionResultType]::ParameterName, 'Write the files but do not commit them')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be written and change nothing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;task;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a follow-up task on a customer')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List open tasks (soonest due first)')
            [CompletionResult]::new('done', 'done', [CompletionResultType]::ParameterValue, 'Mark a task done (by id prefix)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'git-crm;task;help;add' {
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
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only entries at or after this time (`2026-10-01`, `30d`)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Only entries before this time')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Only touchpoints on these channels (repeatable)')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'Only these kinds (repeatable)')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Only entries by these people or contacts (repeatable)')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Time zone for times and days (default: the store''s `timezone`, else UTC)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'format')
            [CompletionResult]::new('--view', '--view', [CompletionResultType]::ParameterName, 'Apply the view of this role (default: the acting person''s role; `all` shows everything). A view decides what comes first and which tagged records are left out; it is surfacing, not security: everyone with the repository can read every record')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--body', '--body', [CompletionResultType]::ParameterName, 'Print touchpoint and note bodies')
            [CompletionResult]::new('--history', '--history', [CompletionResultType]::ParameterName, 'Weave in who changed the customer when, from git (field changes, renames, edits)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;inbox' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (json is documented in docs/collaboration-sync.md)')
            [CompletionResult]::new('--view', '--view', [CompletionResultType]::ParameterName, 'Apply the view of this role (default: the acting person''s role; `all` shows everything). A view decides what comes first and which tagged records are left out; it is surfacing, not security: everyone with the repository can read every record')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Also list mentions already seen in this clone')
            [CompletionResult]::new('--peek', '--peek', [CompletionResultType]::ParameterName, 'Do not mark the mentions shown as seen')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;metrics' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Start of the period: a date (read in --tz), `30d` (30 days before --at) or `all`')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'End of the period (exclusive; a bare date includes that day). Default: --at')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Compute as of this instant (default now): later records are ignored, ages end here')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Time zone of periods, months and weeks (IANA name). Never the machine''s zone')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Only customers owned by these teams (repeatable, or comma-separated)')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Only customers owned by these people')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Only threads started on (and touchpoints on) these channels')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Only customers with these tags')
            [CompletionResult]::new('--customer', '--customer', [CompletionResultType]::ParameterName, 'Only these customers (slugs)')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Also show the metrics grouped by team, owner, channel, month or week')
            [CompletionResult]::new('--fcr-rule', '--fcr-rule', [CompletionResultType]::ParameterName, 'Which first-contact-resolution definition to use')
            [CompletionResult]::new('--clock', '--clock', [CompletionResultType]::ParameterName, 'Measure durations in business hours (where the team has a calendar) or wall-clock time')
            [CompletionResult]::new('--weeks', '--weeks', [CompletionResultType]::ParameterName, 'Weeks of the weekly coverage table')
            [CompletionResult]::new('--fail-if', '--fail-if', [CompletionResultType]::ParameterName, 'Exit 1 when a condition holds, e.g. ''handoff.p90 > 24h'', ''fcr.rate < 0.6'', ''frt.unanswered > 0'' (repeatable)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'format')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
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
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Fail on warnings too (exit 1)')
            [CompletionResult]::new('--list', '--list', [CompletionResultType]::ParameterName, 'List the checks with what each one finds, and exit')
            [CompletionResult]::new('--fix', '--fix', [CompletionResultType]::ParameterName, 'First make the repairs that are safe (records a merge left in a renamed customer''s old folder are moved to the customer), in one commit; then check')
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
            [CompletionResult]::new('--skip-invalid', '--skip-invalid', [CompletionResultType]::ParameterName, 'Import the valid rows and list the invalid ones, instead of importing nothing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be created and changed, and write nothing')
            [CompletionResult]::new('--no-commit', '--no-commit', [CompletionResultType]::ParameterName, 'Write the files but do not commit them (the next import commits them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;export' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'format')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only records at or after this time (customers: created at or after), e.g. `2026-10-01`, `30d`')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Only records before this time')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Only customers owned by this person (and their records)')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Only customers of this team (and their records)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Only records with all these tags (customers: customer tags; repeatable)')
            [CompletionResult]::new('--customer', '--customer', [CompletionResultType]::ParameterName, 'Only these customers (slugs; repeatable)')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Only touchpoints on these channels (repeatable)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;review' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text for terminals, markdown for a merge-request comment, json for bots')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--fail-on-problems', '--fail-on-problems', [CompletionResultType]::ParameterName, 'Exit 1 when head brings a new `check` error or a record edited or deleted after the fact')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;rules' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
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
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'format')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--reapply', '--reapply', [CompletionResultType]::ParameterName, 'Fire again what an earlier revision of a rule fired (after editing it)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('--no-commit', '--no-commit', [CompletionResultType]::ParameterName, 'Write the files but do not commit them')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing when there is nothing to do, or no rules are committed (for hooks and CI)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;rules;test' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'format')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
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
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Time zone for times (default: the store''s `timezone`, else UTC)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (text), markdown or json')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;sync' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'format')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Fetch and show what would happen (incoming and outgoing commits, expected conflicts); change nothing but the remote-tracking refs')
            [CompletionResult]::new('--no-check', '--no-check', [CompletionResultType]::ParameterName, 'Push even when `git crm check` finds errors in the merged store')
            [CompletionResult]::new('--no-push', '--no-push', [CompletionResultType]::ParameterName, 'Fetch and merge, but do not push')
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
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;completions' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Write every target into this folder instead (file names as in completions/)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;merge-driver' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to use (default: found from the current directory, as git does)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this person (a handle from .gitcrm/config.yaml)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'git-crm;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a store (or adopt an existing git repository as one)')
            [CompletionResult]::new('setup', 'setup', [CompletionResultType]::ParameterValue, 'Prepare a fresh clone of a store: register the merge driver (and, with --hooks, the post-merge hook that runs event rules)')
            [CompletionResult]::new('person', 'person', [CompletionResultType]::ParameterValue, 'Manage the people of the store')
            [CompletionResult]::new('team', 'team', [CompletionResultType]::ParameterValue, 'Manage teams')
            [CompletionResult]::new('customer', 'customer', [CompletionResultType]::ParameterValue, 'Add, list, show, edit, rename and archive customers')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Log a touchpoint with a customer')
            [CompletionResult]::new('note', 'note', [CompletionResultType]::ParameterValue, 'Add an internal note about a customer; @mentions name people')
            [CompletionResult]::new('assign', 'assign', [CompletionResultType]::ParameterValue, 'Reassign a customer and record the handoff')
            [CompletionResult]::new('handoff', 'handoff', [CompletionResultType]::ParameterValue, 'List and accept handoffs')
            [CompletionResult]::new('task', 'task', [CompletionResultType]::ParameterValue, 'Follow-up tasks')
            [CompletionResult]::new('timeline', 'timeline', [CompletionResultType]::ParameterValue, 'A customer''s touchpoints, notes, handoffs and tasks in one chronological view')
            [CompletionResult]::new('inbox', 'inbox', [CompletionResultType]::ParameterValue, 'What needs you now: unanswered threads, handoffs to you, your tasks, mentions')
            [CompletionResult]::new('metrics', 'metrics', [CompletionResultType]::ParameterValue, 'Team metrics: first response, first contact resolution, handoffs, coverage, consistency')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate the whole store with named checks; report every problem')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import customers or touchpoints from a spreadsheet (CSV, XLSX, ODS) with a rules file')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export customers, touchpoints, notes or handoffs as CSV or JSON')
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
            break
        }
        'git-crm;help;person;add' {
            break
        }
        'git-crm;help;person;list' {
            break
        }
        'git-crm;help;team' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a team')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List teams')
            break
        }
        'git-crm;help;team;add' {
            break
        }
        'git-crm;help;team;list' {
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
        'git-crm;help;assign' {
            break
        }
        'git-crm;help;handoff' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List handoffs, oldest first')
            [CompletionResult]::new('accept', 'accept', [CompletionResultType]::ParameterValue, 'Accept a handoff: by customer (its latest pending handoff) or by handoff id')
            break
        }
        'git-crm;help;handoff;list' {
            break
        }
        'git-crm;help;handoff;accept' {
            break
        }
        'git-crm;help;task' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a follow-up task on a customer')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List open tasks (soonest due first)')
            [CompletionResult]::new('done', 'done', [CompletionResultType]::ParameterValue, 'Mark a task done (by id prefix)')
            break
        }
        'git-crm;help;task;add' {
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
