# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_git_crm_global_optspecs
    string join \n store= as= h/help V/version
end

function __fish_git_crm_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_git_crm_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_git_crm_using_subcommand
    set -l cmd (__fish_git_crm_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c git-crm -n "__fish_git_crm_needs_command" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_needs_command" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_needs_command" -s h -l help -d 'Print help'
complete -c git-crm -n "__fish_git_crm_needs_command" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_needs_command" -f -a "init" -d 'Create a store (or adopt an existing git repository as one)'
complete -c git-crm -n "__fish_git_crm_needs_command" -f -a "setup" -d 'Prepare a fresh clone of a store: register the merge driver (and, with --hooks, the post-merge hook that runs event rules)'
complete -c git-crm -n "__fish_git_crm_needs_command" -f -a "person" -d 'Manage the people of the store'
complete -c git-crm -n "__fish_git_crm_needs_command" -f -a "team" -d 'Manage teams'
complete -c git-crm -n "__fish_git_crm_needs_command" -f -a "customer" -d 'Add, list, show, edit, rename and archive customers'
complete -c git-crm -n "__fish_git_crm_needs_command" -f -a "log" -d 'Log a touchpoint with a customer'
complete -c git-crm -n "__fish_git_crm_needs_command" -f -a "note" -d 'Add an internal note about a customer; @mentions name people'
complete -c git-crm -n "__fish_git_crm_needs_command" -f -a "assign" -d 'Reassign a customer and record the handoff'
complete -c git-crm -n "__fish_git_crm_needs_command" -f -a "handoff" -d 'List and accept handoffs'
complete -c git-crm -n "__fish_git_crm_needs_command" -f -a "task" -d 'Follow-up tasks'
complete -c git-crm -n "__fish_git_crm_needs_command" -f -a "timeline" -d 'A customer\'s touchpoints, notes, handoffs and tasks in one chronological view'
complete -c git-crm -n "__fish_git_crm_needs_command" -f -a "inbox" -d 'What needs you now: unanswered threads, handoffs to you, your tasks, mentions'
complete -c git-crm -n "__fish_git_crm_needs_command" -f -a "metrics" -d 'Team metrics: first response, first contact resolution, handoffs, coverage, consistency'
complete -c git-crm -n "__fish_git_crm_needs_command" -f -a "check" -d 'Validate the whole store with named checks; report every problem'
complete -c git-crm -n "__fish_git_crm_needs_command" -f -a "import" -d 'Import customers or touchpoints from a spreadsheet (CSV, XLSX, ODS) with a rules file'
complete -c git-crm -n "__fish_git_crm_needs_command" -f -a "export" -d 'Export customers, touchpoints, notes or handoffs as CSV or JSON'
complete -c git-crm -n "__fish_git_crm_needs_command" -f -a "review" -d 'Summarise a branch for merge review: customers, reassignments, records, fields, problems'
complete -c git-crm -n "__fish_git_crm_needs_command" -f -a "rules" -d 'Run the team\'s workflow rules (.gitcrm/rules.yaml) on the committed store, or test them'
complete -c git-crm -n "__fish_git_crm_needs_command" -f -a "history" -d 'A customer\'s git history in words: who changed what, when, in which commit'
complete -c git-crm -n "__fish_git_crm_needs_command" -f -a "sync" -d 'Fetch, merge, check and push the store through your git (exit 3 conflict, 4 network)'
complete -c git-crm -n "__fish_git_crm_needs_command" -f -a "demo" -d 'Build a demo agency store and show a short tour'
complete -c git-crm -n "__fish_git_crm_needs_command" -f -a "completions" -d 'Print shell completions (bash, zsh, fish, powershell, elvish, nushell) or the man page'
complete -c git-crm -n "__fish_git_crm_needs_command" -f -a "merge-driver" -d 'The merge driver git calls for customer records (registered by init/setup)'
complete -c git-crm -n "__fish_git_crm_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c git-crm -n "__fish_git_crm_using_subcommand init" -l handle -d 'Your handle (default: the local part of your git email)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand init" -l name -d 'Your name (default: git config user.name)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand init" -l email -d 'Your email (default: git config user.email)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand init" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand init" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand init" -l no-commit -d 'Leave the new files uncommitted'
complete -c git-crm -n "__fish_git_crm_using_subcommand init" -s h -l help -d 'Print help'
complete -c git-crm -n "__fish_git_crm_using_subcommand init" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand setup" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand setup" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand setup" -l hooks -d 'Also install a post-merge hook that runs the event rules after each merge or pull'
complete -c git-crm -n "__fish_git_crm_using_subcommand setup" -s h -l help -d 'Print help'
complete -c git-crm -n "__fish_git_crm_using_subcommand setup" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and not __fish_seen_subcommand_from add list help" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and not __fish_seen_subcommand_from add list help" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and not __fish_seen_subcommand_from add list help" -s h -l help -d 'Print help'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and not __fish_seen_subcommand_from add list help" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and not __fish_seen_subcommand_from add list help" -f -a "add" -d 'Add a person'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and not __fish_seen_subcommand_from add list help" -f -a "list" -d 'List people'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and not __fish_seen_subcommand_from add list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from add" -l name -r
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from add" -l email -d 'Email addresses (repeatable); they identify the person from git config' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from add" -l team -d 'Teams (repeatable; the first is the default team of their customers)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from add" -l role -d 'Role, for views (`sales`, `support`, `finance`, ...)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from add" -l format -d 'Output format of the result' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from add" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from add" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from add" -l no-commit -d 'Write the files but do not commit them'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from add" -l dry-run -d 'Show what would be written and change nothing'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from list" -l format -r -f -a "table\t''
json\t''
markdown\t''
csv\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from list" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from list" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a person'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from help" -f -a "list" -d 'List people'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and not __fish_seen_subcommand_from add list help" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and not __fish_seen_subcommand_from add list help" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and not __fish_seen_subcommand_from add list help" -s h -l help -d 'Print help'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and not __fish_seen_subcommand_from add list help" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and not __fish_seen_subcommand_from add list help" -f -a "add" -d 'Add a team'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and not __fish_seen_subcommand_from add list help" -f -a "list" -d 'List teams'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and not __fish_seen_subcommand_from add list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from add" -l calendar -d 'Calendar (defined under `calendars:` in the config) for business-hours metrics' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from add" -l description -r
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from add" -l format -d 'Output format of the result' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from add" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from add" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from add" -l no-commit -d 'Write the files but do not commit them'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from add" -l dry-run -d 'Show what would be written and change nothing'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from list" -l format -r -f -a "table\t''
json\t''
markdown\t''
csv\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from list" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from list" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a team'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from help" -f -a "list" -d 'List teams'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and not __fish_seen_subcommand_from add list show edit rename archive help" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and not __fish_seen_subcommand_from add list show edit rename archive help" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and not __fish_seen_subcommand_from add list show edit rename archive help" -s h -l help -d 'Print help'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and not __fish_seen_subcommand_from add list show edit rename archive help" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and not __fish_seen_subcommand_from add list show edit rename archive help" -f -a "add" -d 'Add a customer'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and not __fish_seen_subcommand_from add list show edit rename archive help" -f -a "list" -d 'List customers'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and not __fish_seen_subcommand_from add list show edit rename archive help" -f -a "show" -d 'Show a customer\'s card: fields, contacts, open threads, last touchpoint, pending handoff'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and not __fish_seen_subcommand_from add list show edit rename archive help" -f -a "edit" -d 'Edit fields in place (comments and unknown keys in the file are kept)'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and not __fish_seen_subcommand_from add list show edit rename archive help" -f -a "rename" -d 'Give a customer a new slug (moves its folder, keeps its id) and/or a new name'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and not __fish_seen_subcommand_from add list show edit rename archive help" -f -a "archive" -d 'Archive a customer (nothing is deleted); --undo brings it back'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and not __fish_seen_subcommand_from add list show edit rename archive help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from add" -l slug -d 'Folder name and handle of the customer (default: derived from the name)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from add" -l kind -r -f -a "company\t''
person\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from add" -l status -r -f -a "lead\t''
active\t''
paused\t''
churned\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from add" -l owner -d 'Owner handle (default: you)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from add" -l team -d 'Team (default: the owner\'s first team)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from add" -l tag -d 'Tags (repeatable, or comma-separated)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from add" -l contact -d 'A contact: `Name <email>`, optionally `;phone=...;role=...` (repeatable)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from add" -l field -d 'A custom field `key=value` (repeatable)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from add" -l external-id -d 'An id in another system, `source=key` (repeatable)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from add" -l format -d 'Output format of the result' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from add" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from add" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from add" -l no-commit -d 'Write the files but do not commit them'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from add" -l dry-run -d 'Show what would be written and change nothing'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from list" -l status -d 'Only these statuses (repeatable)' -r -f -a "lead\t''
active\t''
paused\t''
churned\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from list" -l owner -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from list" -l team -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from list" -l tag -d 'Only customers with all these tags' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from list" -l sort -r -f -a "slug\t''
name\t''
created\t''
status\t''
owner\t''
last\t'Most recent touchpoint first'"
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from list" -l format -r -f -a "table\t''
json\t''
markdown\t''
csv\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from list" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from list" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from list" -l archived -d 'Include archived customers'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from show" -l format -r -f -a "table\t''
json\t''
markdown\t''
csv\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from show" -l view -d 'Apply the view of this role (default: the acting person\'s role; `all` shows everything). A view decides what comes first and which tagged records are left out; it is surfacing, not security: everyone with the repository can read every record' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from show" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from show" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from edit" -l set -d '`key=value` for name, kind, status, tags, fields.<name>, external_ids.<source>' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from edit" -l unset -d 'Remove an optional field' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from edit" -l add-tag -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from edit" -l remove-tag -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from edit" -l add-contact -d '`Name <email>;phone=...;role=...`' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from edit" -l remove-contact -d 'A contact\'s name or email' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from edit" -l format -d 'Output format of the result' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from edit" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from edit" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from edit" -l no-commit -d 'Write the files but do not commit them'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from edit" -l dry-run -d 'Show what would be written and change nothing'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from edit" -s h -l help -d 'Print help'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from edit" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from rename" -l name -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from rename" -l format -d 'Output format of the result' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from rename" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from rename" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from rename" -l no-commit -d 'Write the files but do not commit them'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from rename" -l dry-run -d 'Show what would be written and change nothing'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from rename" -s h -l help -d 'Print help'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from rename" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from archive" -l format -d 'Output format of the result' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from archive" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from archive" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from archive" -l undo
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from archive" -l no-commit -d 'Write the files but do not commit them'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from archive" -l dry-run -d 'Show what would be written and change nothing'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from archive" -s h -l help -d 'Print help'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from archive" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a customer'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from help" -f -a "list" -d 'List customers'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show a customer\'s card: fields, contacts, open threads, last touchpoint, pending handoff'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from help" -f -a "edit" -d 'Edit fields in place (comments and unknown keys in the file are kept)'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from help" -f -a "rename" -d 'Give a customer a new slug (moves its folder, keeps its id) and/or a new name'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from help" -f -a "archive" -d 'Archive a customer (nothing is deleted); --undo brings it back'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c git-crm -n "__fish_git_crm_using_subcommand log" -s c -l channel -d 'Channel from the store\'s vocabulary (email, call, chat, meeting, ...)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand log" -s d -l direction -d 'inbound (from the customer), outbound (to the customer) or internal' -r -f -a "inbound\t'From the customer to us'
outbound\t'From us to the customer'
internal\t'Among ourselves, about the customer'"
complete -c git-crm -n "__fish_git_crm_using_subcommand log" -s s -l summary -d 'One line saying what happened' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand log" -l body -d 'Longer text (Markdown)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand log" -l at -d 'When it happened (default now): RFC 3339, `2026-11-02 14:30`, `yesterday`, `3h ago`' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand log" -l by -d 'Who: a person handle for outbound/internal (default you), the contact for inbound' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand log" -l reply-to -d 'Join the thread of this touchpoint (short id prefix from the timeline, or `last`)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand log" -l tag -d 'Tags (repeatable, or comma-separated)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand log" -l format -d 'Output format of the result' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand log" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand log" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand log" -l resolves -d 'This touchpoint resolved the thread'
complete -c git-crm -n "__fish_git_crm_using_subcommand log" -l automated -d 'Sent by an automation (auto-reply, sequence); never starts or stops a metric clock'
complete -c git-crm -n "__fish_git_crm_using_subcommand log" -l no-commit -d 'Write the files but do not commit them'
complete -c git-crm -n "__fish_git_crm_using_subcommand log" -l dry-run -d 'Show what would be written and change nothing'
complete -c git-crm -n "__fish_git_crm_using_subcommand log" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand log" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand note" -l tag -r
complete -c git-crm -n "__fish_git_crm_using_subcommand note" -l at -d 'When (default now)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand note" -l format -d 'Output format of the result' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand note" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand note" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand note" -l no-commit -d 'Write the files but do not commit them'
complete -c git-crm -n "__fish_git_crm_using_subcommand note" -l dry-run -d 'Show what would be written and change nothing'
complete -c git-crm -n "__fish_git_crm_using_subcommand note" -s h -l help -d 'Print help'
complete -c git-crm -n "__fish_git_crm_using_subcommand note" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand assign" -l to -d 'The new owner\'s handle' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand assign" -l team -d 'The new team (default: the new owner\'s first team)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand assign" -l reason -d 'Why, for the handoff record' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand assign" -l format -d 'Output format of the result' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand assign" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand assign" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand assign" -l no-commit -d 'Write the files but do not commit them'
complete -c git-crm -n "__fish_git_crm_using_subcommand assign" -l dry-run -d 'Show what would be written and change nothing'
complete -c git-crm -n "__fish_git_crm_using_subcommand assign" -s h -l help -d 'Print help'
complete -c git-crm -n "__fish_git_crm_using_subcommand assign" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and not __fish_seen_subcommand_from list accept help" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and not __fish_seen_subcommand_from list accept help" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and not __fish_seen_subcommand_from list accept help" -s h -l help -d 'Print help'
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and not __fish_seen_subcommand_from list accept help" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and not __fish_seen_subcommand_from list accept help" -f -a "list" -d 'List handoffs, oldest first'
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and not __fish_seen_subcommand_from list accept help" -f -a "accept" -d 'Accept a handoff: by customer (its latest pending handoff) or by handoff id'
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and not __fish_seen_subcommand_from list accept help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from list" -l customer -r
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from list" -l to -d 'Only handoffs to this person' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from list" -l format -r -f -a "table\t''
json\t''
markdown\t''
csv\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from list" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from list" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from list" -l pending -d 'Only handoffs not yet accepted'
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from accept" -l format -d 'Output format of the result' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from accept" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from accept" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from accept" -l no-commit -d 'Write the files but do not commit them'
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from accept" -l dry-run -d 'Show what would be written and change nothing'
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from accept" -s h -l help -d 'Print help'
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from accept" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from help" -f -a "list" -d 'List handoffs, oldest first'
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from help" -f -a "accept" -d 'Accept a handoff: by customer (its latest pending handoff) or by handoff id'
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and not __fish_seen_subcommand_from add list done help" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and not __fish_seen_subcommand_from add list done help" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and not __fish_seen_subcommand_from add list done help" -s h -l help -d 'Print help'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and not __fish_seen_subcommand_from add list done help" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and not __fish_seen_subcommand_from add list done help" -f -a "add" -d 'Add a follow-up task on a customer'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and not __fish_seen_subcommand_from add list done help" -f -a "list" -d 'List open tasks (soonest due first)'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and not __fish_seen_subcommand_from add list done help" -f -a "done" -d 'Mark a task done (by id prefix)'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and not __fish_seen_subcommand_from add list done help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from add" -l assignee -d 'Who does it (default: you)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from add" -l due -d 'Due date: 2026-12-01, `tomorrow`, `+3d`' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from add" -l format -d 'Output format of the result' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from add" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from add" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from add" -l no-commit -d 'Write the files but do not commit them'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from add" -l dry-run -d 'Show what would be written and change nothing'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from list" -l assignee -r
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from list" -l customer -r
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from list" -l format -r -f -a "table\t''
json\t''
markdown\t''
csv\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from list" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from list" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from list" -l mine -d 'Only tasks assigned to you'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from list" -l overdue -d 'Only tasks past their due date'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from list" -l all -d 'Include done tasks'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from done" -l format -d 'Output format of the result' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from done" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from done" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from done" -l no-commit -d 'Write the files but do not commit them'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from done" -l dry-run -d 'Show what would be written and change nothing'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from done" -s h -l help -d 'Print help'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from done" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a follow-up task on a customer'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from help" -f -a "list" -d 'List open tasks (soonest due first)'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from help" -f -a "done" -d 'Mark a task done (by id prefix)'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c git-crm -n "__fish_git_crm_using_subcommand timeline" -l since -d 'Only entries at or after this time (`2026-10-01`, `30d`)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand timeline" -l until -d 'Only entries before this time' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand timeline" -l channel -d 'Only touchpoints on these channels (repeatable)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand timeline" -l kind -d 'Only these kinds (repeatable)' -r -f -a "touchpoint\t''
note\t''
handoff\t''
handoff-accepted\t''
task\t''
task-done\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand timeline" -l by -d 'Only entries by these people or contacts (repeatable)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand timeline" -l tz -d 'Time zone for times and days (default: the store\'s `timezone`, else UTC)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand timeline" -l format -r -f -a "table\t''
json\t''
markdown\t''
csv\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand timeline" -l view -d 'Apply the view of this role (default: the acting person\'s role; `all` shows everything). A view decides what comes first and which tagged records are left out; it is surfacing, not security: everyone with the repository can read every record' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand timeline" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand timeline" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand timeline" -l body -d 'Print touchpoint and note bodies'
complete -c git-crm -n "__fish_git_crm_using_subcommand timeline" -l history -d 'Weave in who changed the customer when, from git (field changes, renames, edits)'
complete -c git-crm -n "__fish_git_crm_using_subcommand timeline" -s h -l help -d 'Print help'
complete -c git-crm -n "__fish_git_crm_using_subcommand timeline" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand inbox" -l format -d 'Output format (json is documented in docs/collaboration-sync.md)' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand inbox" -l view -d 'Apply the view of this role (default: the acting person\'s role; `all` shows everything). A view decides what comes first and which tagged records are left out; it is surfacing, not security: everyone with the repository can read every record' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand inbox" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand inbox" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand inbox" -l all -d 'Also list mentions already seen in this clone'
complete -c git-crm -n "__fish_git_crm_using_subcommand inbox" -l peek -d 'Do not mark the mentions shown as seen'
complete -c git-crm -n "__fish_git_crm_using_subcommand inbox" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand inbox" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand metrics" -l since -d 'Start of the period: a date (read in --tz), `30d` (30 days before --at) or `all`' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand metrics" -l until -d 'End of the period (exclusive; a bare date includes that day). Default: --at' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand metrics" -l at -d 'Compute as of this instant (default now): later records are ignored, ages end here' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand metrics" -l tz -d 'Time zone of periods, months and weeks (IANA name). Never the machine\'s zone' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand metrics" -l team -d 'Only customers owned by these teams (repeatable, or comma-separated)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand metrics" -l owner -d 'Only customers owned by these people' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand metrics" -l channel -d 'Only threads started on (and touchpoints on) these channels' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand metrics" -l tag -d 'Only customers with these tags' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand metrics" -l customer -d 'Only these customers (slugs)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand metrics" -l by -d 'Also show the metrics grouped by team, owner, channel, month or week' -r -f -a "team\t''
owner\t''
channel\t''
month\t''
week\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand metrics" -l fcr-rule -d 'Which first-contact-resolution definition to use' -r -f -a "strict\t'Exactly one human reply before resolution and no inbound after that reply'
one-touch\t'Zendesk "one-touch": fewer than two human replies before resolution, not reopened'
no-further-contact\t'Freshservice: no inbound from the customer after the first reply, not reopened'"
complete -c git-crm -n "__fish_git_crm_using_subcommand metrics" -l clock -d 'Measure durations in business hours (where the team has a calendar) or wall-clock time' -r -f -a "business\t'Business hours of the calendar of the owning team; wall clock for teams without one'
wall\t'Wall-clock time everywhere'"
complete -c git-crm -n "__fish_git_crm_using_subcommand metrics" -l weeks -d 'Weeks of the weekly coverage table' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand metrics" -l fail-if -d 'Exit 1 when a condition holds, e.g. \'handoff.p90 > 24h\', \'fcr.rate < 0.6\', \'frt.unanswered > 0\' (repeatable)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand metrics" -l format -r -f -a "table\t''
json\t''
markdown\t''
csv\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand metrics" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand metrics" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand metrics" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand metrics" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand check" -l format -d 'Output format' -r -f -a "text\t'`path:line:col: error[check]: message` lines and a summary, on stderr'
json\t'One versioned JSON document on stdout (docs/check.md)'"
complete -c git-crm -n "__fish_git_crm_using_subcommand check" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand check" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand check" -l strict -d 'Fail on warnings too (exit 1)'
complete -c git-crm -n "__fish_git_crm_using_subcommand check" -l list -d 'List the checks with what each one finds, and exit'
complete -c git-crm -n "__fish_git_crm_using_subcommand check" -l fix -d 'First make the repairs that are safe (records a merge left in a renamed customer\'s old folder are moved to the customer), in one commit; then check'
complete -c git-crm -n "__fish_git_crm_using_subcommand check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand check" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand import" -l rules -d 'The rules file that maps its columns to fields (see docs/import.md)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand import" -l format -d 'Output format of the summary' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand import" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand import" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand import" -l skip-invalid -d 'Import the valid rows and list the invalid ones, instead of importing nothing'
complete -c git-crm -n "__fish_git_crm_using_subcommand import" -l dry-run -d 'Show what would be created and changed, and write nothing'
complete -c git-crm -n "__fish_git_crm_using_subcommand import" -l no-commit -d 'Write the files but do not commit them (the next import commits them)'
complete -c git-crm -n "__fish_git_crm_using_subcommand import" -s h -l help -d 'Print help'
complete -c git-crm -n "__fish_git_crm_using_subcommand import" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand export" -l format -r -f -a "csv\t''
json\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand export" -l since -d 'Only records at or after this time (customers: created at or after), e.g. `2026-10-01`, `30d`' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand export" -l until -d 'Only records before this time' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand export" -l owner -d 'Only customers owned by this person (and their records)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand export" -l team -d 'Only customers of this team (and their records)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand export" -l tag -d 'Only records with all these tags (customers: customer tags; repeatable)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand export" -l customer -d 'Only these customers (slugs; repeatable)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand export" -l channel -d 'Only touchpoints on these channels (repeatable)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand export" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand export" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand export" -s h -l help -d 'Print help'
complete -c git-crm -n "__fish_git_crm_using_subcommand export" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand review" -l format -d 'Output format: text for terminals, markdown for a merge-request comment, json for bots' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand review" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand review" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand review" -l fail-on-problems -d 'Exit 1 when head brings a new `check` error or a record edited or deleted after the fact'
complete -c git-crm -n "__fish_git_crm_using_subcommand review" -s h -l help -d 'Print help'
complete -c git-crm -n "__fish_git_crm_using_subcommand review" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and not __fish_seen_subcommand_from run test help" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and not __fish_seen_subcommand_from run test help" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and not __fish_seen_subcommand_from run test help" -s h -l help -d 'Print help'
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and not __fish_seen_subcommand_from run test help" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and not __fish_seen_subcommand_from run test help" -f -a "run" -d 'Run the rules of .gitcrm/rules.yaml on the committed store and commit what they do'
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and not __fish_seen_subcommand_from run test help" -f -a "test" -d 'Run the fixtures under `tests:` of the work tree\'s rules file and compare the actions'
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and not __fish_seen_subcommand_from run test help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and __fish_seen_subcommand_from run" -l at -d 'The run\'s "now" (default: now): schedule rules look at the store as of it' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and __fish_seen_subcommand_from run" -l rule -d 'Run only this rule (repeatable)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and __fish_seen_subcommand_from run" -l only -d 'Run only event rules or only schedule (and task.overdue) rules' -r -f -a "events\t'Event rules (touchpoint.logged, customer.added, customer.changed, handoff.created)'
schedule\t'Schedule and task.overdue rules'"
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and __fish_seen_subcommand_from run" -l format -r -f -a "table\t''
json\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and __fish_seen_subcommand_from run" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and __fish_seen_subcommand_from run" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and __fish_seen_subcommand_from run" -l reapply -d 'Fire again what an earlier revision of a rule fired (after editing it)'
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and __fish_seen_subcommand_from run" -l dry-run -d 'Print the plan and change nothing'
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and __fish_seen_subcommand_from run" -l no-commit -d 'Write the files but do not commit them'
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and __fish_seen_subcommand_from run" -l quiet -d 'Print nothing when there is nothing to do, or no rules are committed (for hooks and CI)'
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and __fish_seen_subcommand_from run" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and __fish_seen_subcommand_from test" -l format -r -f -a "table\t''
json\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and __fish_seen_subcommand_from test" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and __fish_seen_subcommand_from test" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and __fish_seen_subcommand_from test" -s h -l help -d 'Print help'
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and __fish_seen_subcommand_from test" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and __fish_seen_subcommand_from help" -f -a "run" -d 'Run the rules of .gitcrm/rules.yaml on the committed store and commit what they do'
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and __fish_seen_subcommand_from help" -f -a "test" -d 'Run the fixtures under `tests:` of the work tree\'s rules file and compare the actions'
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c git-crm -n "__fish_git_crm_using_subcommand history" -l tz -d 'Time zone for times (default: the store\'s `timezone`, else UTC)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand history" -l format -d 'Output format: table (text), markdown or json' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand history" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand history" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand history" -s h -l help -d 'Print help'
complete -c git-crm -n "__fish_git_crm_using_subcommand history" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand sync" -l format -r -f -a "table\t''
json\t''
markdown\t''
csv\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand sync" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand sync" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand sync" -l dry-run -d 'Fetch and show what would happen (incoming and outgoing commits, expected conflicts); change nothing but the remote-tracking refs'
complete -c git-crm -n "__fish_git_crm_using_subcommand sync" -l no-check -d 'Push even when `git crm check` finds errors in the merged store'
complete -c git-crm -n "__fish_git_crm_using_subcommand sync" -l no-push -d 'Fetch and merge, but do not push'
complete -c git-crm -n "__fish_git_crm_using_subcommand sync" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand sync" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand demo" -l customers -d 'Generate this many customers (a large store for benchmarks)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand demo" -l interactions -d 'Generate this many touchpoints' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand demo" -l seed -d 'Seed of the generator (the same seed builds the same store)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand demo" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand demo" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand demo" -s h -l help -d 'Print help'
complete -c git-crm -n "__fish_git_crm_using_subcommand demo" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand completions" -l dir -d 'Write every target into this folder instead (file names as in completions/)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand completions" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand completions" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand completions" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand merge-driver" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand merge-driver" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand merge-driver" -s h -l help -d 'Print help'
complete -c git-crm -n "__fish_git_crm_using_subcommand merge-driver" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note assign handoff task timeline inbox metrics check import export review rules history sync demo completions merge-driver help" -f -a "init" -d 'Create a store (or adopt an existing git repository as one)'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note assign handoff task timeline inbox metrics check import export review rules history sync demo completions merge-driver help" -f -a "setup" -d 'Prepare a fresh clone of a store: register the merge driver (and, with --hooks, the post-merge hook that runs event rules)'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note assign handoff task timeline inbox metrics check import export review rules history sync demo completions merge-driver help" -f -a "person" -d 'Manage the people of the store'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note assign handoff task timeline inbox metrics check import export review rules history sync demo completions merge-driver help" -f -a "team" -d 'Manage teams'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note assign handoff task timeline inbox metrics check import export review rules history sync demo completions merge-driver help" -f -a "customer" -d 'Add, list, show, edit, rename and archive customers'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note assign handoff task timeline inbox metrics check import export review rules history sync demo completions merge-driver help" -f -a "log" -d 'Log a touchpoint with a customer'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note assign handoff task timeline inbox metrics check import export review rules history sync demo completions merge-driver help" -f -a "note" -d 'Add an internal note about a customer; @mentions name people'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note assign handoff task timeline inbox metrics check import export review rules history sync demo completions merge-driver help" -f -a "assign" -d 'Reassign a customer and record the handoff'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note assign handoff task timeline inbox metrics check import export review rules history sync demo completions merge-driver help" -f -a "handoff" -d 'List and accept handoffs'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note assign handoff task timeline inbox metrics check import export review rules history sync demo completions merge-driver help" -f -a "task" -d 'Follow-up tasks'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note assign handoff task timeline inbox metrics check import export review rules history sync demo completions merge-driver help" -f -a "timeline" -d 'A customer\'s touchpoints, notes, handoffs and tasks in one chronological view'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note assign handoff task timeline inbox metrics check import export review rules history sync demo completions merge-driver help" -f -a "inbox" -d 'What needs you now: unanswered threads, handoffs to you, your tasks, mentions'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note assign handoff task timeline inbox metrics check import export review rules history sync demo completions merge-driver help" -f -a "metrics" -d 'Team metrics: first response, first contact resolution, handoffs, coverage, consistency'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note assign handoff task timeline inbox metrics check import export review rules history sync demo completions merge-driver help" -f -a "check" -d 'Validate the whole store with named checks; report every problem'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note assign handoff task timeline inbox metrics check import export review rules history sync demo completions merge-driver help" -f -a "import" -d 'Import customers or touchpoints from a spreadsheet (CSV, XLSX, ODS) with a rules file'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note assign handoff task timeline inbox metrics check import export review rules history sync demo completions merge-driver help" -f -a "export" -d 'Export customers, touchpoints, notes or handoffs as CSV or JSON'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note assign handoff task timeline inbox metrics check import export review rules history sync demo completions merge-driver help" -f -a "review" -d 'Summarise a branch for merge review: customers, reassignments, records, fields, problems'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note assign handoff task timeline inbox metrics check import export review rules history sync demo completions merge-driver help" -f -a "rules" -d 'Run the team\'s workflow rules (.gitcrm/rules.yaml) on the committed store, or test them'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note assign handoff task timeline inbox metrics check import export review rules history sync demo completions merge-driver help" -f -a "history" -d 'A customer\'s git history in words: who changed what, when, in which commit'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note assign handoff task timeline inbox metrics check import export review rules history sync demo completions merge-driver help" -f -a "sync" -d 'Fetch, merge, check and push the store through your git (exit 3 conflict, 4 network)'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note assign handoff task timeline inbox metrics check import export review rules history sync demo completions merge-driver help" -f -a "demo" -d 'Build a demo agency store and show a short tour'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note assign handoff task timeline inbox metrics check import export review rules history sync demo completions merge-driver help" -f -a "completions" -d 'Print shell completions (bash, zsh, fish, powershell, elvish, nushell) or the man page'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note assign handoff task timeline inbox metrics check import export review rules history sync demo completions merge-driver help" -f -a "merge-driver" -d 'The merge driver git calls for customer records (registered by init/setup)'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note assign handoff task timeline inbox metrics check import export review rules history sync demo completions merge-driver help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and __fish_seen_subcommand_from person" -f -a "add" -d 'Add a person'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and __fish_seen_subcommand_from person" -f -a "list" -d 'List people'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and __fish_seen_subcommand_from team" -f -a "add" -d 'Add a team'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and __fish_seen_subcommand_from team" -f -a "list" -d 'List teams'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and __fish_seen_subcommand_from customer" -f -a "add" -d 'Add a customer'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and __fish_seen_subcommand_from customer" -f -a "list" -d 'List customers'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and __fish_seen_subcommand_from customer" -f -a "show" -d 'Show a customer\'s card: fields, contacts, open threads, last touchpoint, pending handoff'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and __fish_seen_subcommand_from customer" -f -a "edit" -d 'Edit fields in place (comments and unknown keys in the file are kept)'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and __fish_seen_subcommand_from customer" -f -a "rename" -d 'Give a customer a new slug (moves its folder, keeps its id) and/or a new name'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and __fish_seen_subcommand_from customer" -f -a "archive" -d 'Archive a customer (nothing is deleted); --undo brings it back'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and __fish_seen_subcommand_from handoff" -f -a "list" -d 'List handoffs, oldest first'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and __fish_seen_subcommand_from handoff" -f -a "accept" -d 'Accept a handoff: by customer (its latest pending handoff) or by handoff id'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and __fish_seen_subcommand_from task" -f -a "add" -d 'Add a follow-up task on a customer'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and __fish_seen_subcommand_from task" -f -a "list" -d 'List open tasks (soonest due first)'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and __fish_seen_subcommand_from task" -f -a "done" -d 'Mark a task done (by id prefix)'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and __fish_seen_subcommand_from rules" -f -a "run" -d 'Run the rules of .gitcrm/rules.yaml on the committed store and commit what they do'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and __fish_seen_subcommand_from rules" -f -a "test" -d 'Run the fixtures under `tests:` of the work tree\'s rules file and compare the actions'
