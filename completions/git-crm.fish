# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_git_crm_global_optspecs
    string join \n store= as= color= no-pager h/help V/version
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
complete -c git-crm -n "__fish_git_crm_needs_command" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_needs_command" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_needs_command" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_needs_command" -f -a "init" -d 'Create a store (or adopt an existing git repository as one)'
complete -c git-crm -n "__fish_git_crm_needs_command" -f -a "setup" -d 'Prepare a fresh clone of a store: register the merge driver (Git LFS, when used, and, with --hooks, the post-merge hook that runs event rules)'
complete -c git-crm -n "__fish_git_crm_needs_command" -f -a "person" -d 'Manage the people of the store'
complete -c git-crm -n "__fish_git_crm_needs_command" -f -a "team" -d 'Manage teams'
complete -c git-crm -n "__fish_git_crm_needs_command" -f -a "customer" -d 'Add, list, show, edit, rename and archive customers'
complete -c git-crm -n "__fish_git_crm_needs_command" -f -a "log" -d 'Log a touchpoint with a customer'
complete -c git-crm -n "__fish_git_crm_needs_command" -f -a "note" -d 'Add an internal note about a customer; @mentions name people'
complete -c git-crm -n "__fish_git_crm_needs_command" -f -a "attach" -d 'Attach files (proposals, contracts, invoices) to a customer as documents'
complete -c git-crm -n "__fish_git_crm_needs_command" -f -a "docs" -d 'List, show, fetch and open documents'
complete -c git-crm -n "__fish_git_crm_needs_command" -f -a "assign" -d 'Reassign a customer and record the handoff'
complete -c git-crm -n "__fish_git_crm_needs_command" -f -a "amend" -d 'Correct a touchpoint or note (summary, body, channel, time, direction, author, customer) with a correction record; history is never rewritten'
complete -c git-crm -n "__fish_git_crm_needs_command" -f -a "void" -d 'Withdraw a touchpoint or note with a reason (a correction record; nothing is deleted)'
complete -c git-crm -n "__fish_git_crm_needs_command" -f -a "handoff" -d 'List, accept and decline handoffs'
complete -c git-crm -n "__fish_git_crm_needs_command" -f -a "task" -d 'Follow-up tasks'
complete -c git-crm -n "__fish_git_crm_needs_command" -f -a "timeline" -d 'A customer\'s touchpoints, notes, handoffs and tasks in one chronological view'
complete -c git-crm -n "__fish_git_crm_needs_command" -f -a "find" -d 'Find customers (name, contact, email, phone, domain), touchpoints and notes, ranked'
complete -c git-crm -n "__fish_git_crm_needs_command" -f -a "inbox" -d 'What needs you now: unanswered threads, handoffs to you, your tasks, mentions'
complete -c git-crm -n "__fish_git_crm_needs_command" -f -a "metrics" -d 'Team metrics: first response, first contact resolution, handoffs, coverage, consistency'
complete -c git-crm -n "__fish_git_crm_needs_command" -f -a "check" -d 'Validate the whole store with named checks; report every problem'
complete -c git-crm -n "__fish_git_crm_needs_command" -f -a "import" -d 'Import customers or touchpoints from a spreadsheet (CSV, XLSX, ODS) with a rules file'
complete -c git-crm -n "__fish_git_crm_needs_command" -f -a "ingest" -d 'Ingest mail (.eml, mbox, Maildir, stdin), calendar events (.ics) and contacts (.vcf)'
complete -c git-crm -n "__fish_git_crm_needs_command" -f -a "export" -d 'Export customers, touchpoints, notes, handoffs or contacts as CSV, JSON or vCard'
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
complete -c git-crm -n "__fish_git_crm_using_subcommand init" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand init" -l no-commit -d 'Leave the new files uncommitted'
complete -c git-crm -n "__fish_git_crm_using_subcommand init" -l lfs -d 'Store document contents through Git LFS (needs git-lfs; asked on a terminal when it is installed)'
complete -c git-crm -n "__fish_git_crm_using_subcommand init" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand init" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand setup" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand setup" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand setup" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand setup" -l lfs -d 'Also start storing document contents through Git LFS (one commit of .gitattributes; asked on a terminal when git-lfs is installed and the store does not use it yet)'
complete -c git-crm -n "__fish_git_crm_using_subcommand setup" -l hooks -d 'Also install a post-merge hook that runs the event rules after each merge or pull'
complete -c git-crm -n "__fish_git_crm_using_subcommand setup" -l fast-git -d 'Also turn on the git settings that keep a large store fast (untracked cache, index version 4, commit-graph with changed paths, background maintenance) and build the history index; see docs/git-setup.md'
complete -c git-crm -n "__fish_git_crm_using_subcommand setup" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand setup" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand setup" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and not __fish_seen_subcommand_from add list away back key help" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and not __fish_seen_subcommand_from add list away back key help" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and not __fish_seen_subcommand_from add list away back key help" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and not __fish_seen_subcommand_from add list away back key help" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and not __fish_seen_subcommand_from add list away back key help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and not __fish_seen_subcommand_from add list away back key help" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and not __fish_seen_subcommand_from add list away back key help" -f -a "add" -d 'Add a person'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and not __fish_seen_subcommand_from add list away back key help" -f -a "list" -d 'List people'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and not __fish_seen_subcommand_from add list away back key help" -f -a "away" -d 'Mark a person away (holidays, leave): their customers\' inbound threads wait in their team\'s queue meanwhile (`git crm inbox --team <team>`)'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and not __fish_seen_subcommand_from add list away back key help" -f -a "back" -d 'Mark a person back from being away'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and not __fish_seen_subcommand_from add list away back key help" -f -a "key" -d 'Public keys for restricted content'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and not __fish_seen_subcommand_from add list away back key help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from add" -l name -d 'Display name (becomes the author name of their commits)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from add" -l email -d 'Email addresses (repeatable); they identify the person from git config' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from add" -l team -d 'Teams (repeatable; the first is the default team of their customers)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from add" -l role -d 'Role, for views (`sales`, `support`, `finance`, ...)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from add" -l format -d 'Output format of the result' -r -f -a "table\t'Aligned text for people (the default)'
json\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from add" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from add" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from add" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from add" -l no-commit -d 'Write the files but do not commit them'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from add" -l dry-run -d 'Show what would be written and change nothing'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from add" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from list" -l format -d 'Output format (json is versioned; see docs/)' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from list" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from list" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from list" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from list" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from away" -l until -d 'The last day away (included): 2026-12-04, `friday`, `+2w`, ...' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from away" -l from -d 'The first day away (default: now)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from away" -l format -d 'Output format of the result' -r -f -a "table\t'Aligned text for people (the default)'
json\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from away" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from away" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from away" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from away" -l no-commit -d 'Write the files but do not commit them'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from away" -l dry-run -d 'Show what would be written and change nothing'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from away" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from away" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from away" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from back" -l format -d 'Output format of the result' -r -f -a "table\t'Aligned text for people (the default)'
json\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from back" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from back" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from back" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from back" -l no-commit -d 'Write the files but do not commit them'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from back" -l dry-run -d 'Show what would be written and change nothing'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from back" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from back" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from back" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from key" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from key" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from key" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from key" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from key" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from key" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from key" -f -a "add" -d 'Register a public key restricted content of the person\'s teams is sealed to'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from key" -f -a "list" -d 'List registered keys, and which of them this machine\'s identity holds'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from key" -f -a "remove" -d 'Withdraw a key (by fingerprint or its prefix); rekey the teams afterwards'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from key" -f -a "generate" -d 'Create an age identity for this machine (~/.config/git-crm/identity.txt) and print its public key; with --add, also register it for a person'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from key" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a person'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from help" -f -a "list" -d 'List people'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from help" -f -a "away" -d 'Mark a person away (holidays, leave): their customers\' inbound threads wait in their team\'s queue meanwhile (`git crm inbox --team <team>`)'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from help" -f -a "back" -d 'Mark a person back from being away'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from help" -f -a "key" -d 'Public keys for restricted content'
complete -c git-crm -n "__fish_git_crm_using_subcommand person; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and not __fish_seen_subcommand_from add list join leave rekey help" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and not __fish_seen_subcommand_from add list join leave rekey help" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and not __fish_seen_subcommand_from add list join leave rekey help" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and not __fish_seen_subcommand_from add list join leave rekey help" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and not __fish_seen_subcommand_from add list join leave rekey help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and not __fish_seen_subcommand_from add list join leave rekey help" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and not __fish_seen_subcommand_from add list join leave rekey help" -f -a "add" -d 'Add a team'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and not __fish_seen_subcommand_from add list join leave rekey help" -f -a "list" -d 'List teams'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and not __fish_seen_subcommand_from add list join leave rekey help" -f -a "join" -d 'Add a person to a team'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and not __fish_seen_subcommand_from add list join leave rekey help" -f -a "leave" -d 'Remove a person from a team (rekey the team afterwards)'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and not __fish_seen_subcommand_from add list join leave rekey help" -f -a "rekey" -d 'Re-seal everything restricted to the team to its current members, in one commit (needs a local identity that can read it)'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and not __fish_seen_subcommand_from add list join leave rekey help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from add" -l calendar -d 'Calendar (defined under `calendars:` in the config) for business-hours metrics' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from add" -l description -d 'What the team does (shown by `team list`)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from add" -l email -d 'A shared mail address of the team, e.g. `support@agency.example` (repeatable): ingested mail from or to it is the team\'s' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from add" -l format -d 'Output format of the result' -r -f -a "table\t'Aligned text for people (the default)'
json\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from add" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from add" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from add" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from add" -l no-commit -d 'Write the files but do not commit them'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from add" -l dry-run -d 'Show what would be written and change nothing'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from add" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from list" -l format -d 'Output format (json is versioned; see docs/)' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from list" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from list" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from list" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from list" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from join" -l format -d 'Output format of the result' -r -f -a "table\t'Aligned text for people (the default)'
json\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from join" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from join" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from join" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from join" -l no-commit -d 'Write the files but do not commit them'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from join" -l dry-run -d 'Show what would be written and change nothing'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from join" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from join" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from join" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from leave" -l format -d 'Output format of the result' -r -f -a "table\t'Aligned text for people (the default)'
json\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from leave" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from leave" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from leave" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from leave" -l no-commit -d 'Write the files but do not commit them'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from leave" -l dry-run -d 'Show what would be written and change nothing'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from leave" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from leave" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from leave" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from rekey" -l format -d 'Output format of the result' -r -f -a "table\t'Aligned text for people (the default)'
json\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from rekey" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from rekey" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from rekey" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from rekey" -l no-commit -d 'Write the files but do not commit them'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from rekey" -l dry-run -d 'Show what would be written and change nothing'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from rekey" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from rekey" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from rekey" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a team'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from help" -f -a "list" -d 'List teams'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from help" -f -a "join" -d 'Add a person to a team'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from help" -f -a "leave" -d 'Remove a person from a team (rekey the team afterwards)'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from help" -f -a "rekey" -d 'Re-seal everything restricted to the team to its current members, in one commit (needs a local identity that can read it)'
complete -c git-crm -n "__fish_git_crm_using_subcommand team; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and not __fish_seen_subcommand_from add list show edit rename archive help" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and not __fish_seen_subcommand_from add list show edit rename archive help" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and not __fish_seen_subcommand_from add list show edit rename archive help" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and not __fish_seen_subcommand_from add list show edit rename archive help" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and not __fish_seen_subcommand_from add list show edit rename archive help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and not __fish_seen_subcommand_from add list show edit rename archive help" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and not __fish_seen_subcommand_from add list show edit rename archive help" -f -a "add" -d 'Add a customer'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and not __fish_seen_subcommand_from add list show edit rename archive help" -f -a "list" -d 'List customers'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and not __fish_seen_subcommand_from add list show edit rename archive help" -f -a "show" -d 'Show a customer\'s card: fields, contacts, open threads, last touchpoint, pending handoff'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and not __fish_seen_subcommand_from add list show edit rename archive help" -f -a "edit" -d 'Edit fields in place (comments and unknown keys in the file are kept)'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and not __fish_seen_subcommand_from add list show edit rename archive help" -f -a "rename" -d 'Give a customer a new slug (moves its folder, keeps its id) and/or a new name'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and not __fish_seen_subcommand_from add list show edit rename archive help" -f -a "archive" -d 'Archive a customer (nothing is deleted); --undo brings it back'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and not __fish_seen_subcommand_from add list show edit rename archive help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from add" -l slug -d 'Folder name and handle of the customer (default: derived from the name)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from add" -l kind -d 'Company or person' -r -f -a "company\t''
person\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from add" -l status -d 'Where the relationship stands' -r -f -a "lead\t''
active\t''
paused\t''
churned\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from add" -l owner -d 'Owner handle (default: you)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from add" -l team -d 'Team (default: the owner\'s first team)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from add" -l tag -d 'Tags (repeatable, or comma-separated)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from add" -l contact -d 'A contact: `Name <email>`, optionally `;phone=...;role=...` (repeatable)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from add" -l field -d 'A custom field `key=value` (repeatable)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from add" -l external-id -d 'An id in another system, `source=key` (repeatable)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from add" -l domain -d 'A mail domain of the customer, e.g. `acme.example` (repeatable, or comma-separated): ingested mail from that domain belongs to it' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from add" -l format -d 'Output format of the result' -r -f -a "table\t'Aligned text for people (the default)'
json\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from add" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from add" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from add" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from add" -l no-commit -d 'Write the files but do not commit them'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from add" -l dry-run -d 'Show what would be written and change nothing'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from add" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from list" -l status -d 'Only these statuses (repeatable)' -r -f -a "lead\t''
active\t''
paused\t''
churned\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from list" -l owner -d 'Only customers owned by this person' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from list" -l team -d 'Only customers of this team' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from list" -l tag -d 'Only customers with all these tags' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from list" -l sort -d 'Sort by this column' -r -f -a "slug\t''
name\t''
created\t''
status\t''
owner\t''
last\t'Most recent touchpoint first'"
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from list" -l format -d 'Output format (json is versioned; see docs/)' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from list" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from list" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from list" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from list" -l archived -d 'Include archived customers'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from list" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from show" -l format -d 'Output format (json is versioned; see docs/)' -r -f -a "table\t'Aligned text for people (the default)'
json\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from show" -l view -d 'Apply the view of this role (default: the acting person\'s role; `all` shows everything). A view decides what comes first and which tagged records are left out; it is surfacing, not security: everyone with the repository can read every record' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from show" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from show" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from show" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from show" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from edit" -l set -d '`key=value` for name, kind, status, tags, domains, fields.<name>, external_ids.<source>' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from edit" -l unset -d 'Remove an optional field' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from edit" -l add-tag -d 'Add a tag (repeatable; comma-separated lists work too)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from edit" -l remove-tag -d 'Remove a tag (repeatable)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from edit" -l add-contact -d '`Name <email>;phone=...;role=...`' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from edit" -l remove-contact -d 'A contact\'s name or email' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from edit" -l set-restricted -d '`fields.<name>=value` sealed to --team (its members and you), kept under `restricted_fields`' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from edit" -l team -d 'The team restricted values are kept to' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from edit" -l format -d 'Output format of the result' -r -f -a "table\t'Aligned text for people (the default)'
json\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from edit" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from edit" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from edit" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from edit" -l no-commit -d 'Write the files but do not commit them'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from edit" -l dry-run -d 'Show what would be written and change nothing'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from edit" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from edit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from edit" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from rename" -l name -d 'The new display name' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from rename" -l format -d 'Output format of the result' -r -f -a "table\t'Aligned text for people (the default)'
json\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from rename" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from rename" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from rename" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from rename" -l no-commit -d 'Write the files but do not commit them'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from rename" -l dry-run -d 'Show what would be written and change nothing'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from rename" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from rename" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from rename" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from archive" -l format -d 'Output format of the result' -r -f -a "table\t'Aligned text for people (the default)'
json\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from archive" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from archive" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from archive" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from archive" -l undo -d 'Unarchive instead'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from archive" -l no-commit -d 'Write the files but do not commit them'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from archive" -l dry-run -d 'Show what would be written and change nothing'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from archive" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand customer; and __fish_seen_subcommand_from archive" -s h -l help -d 'Print help (see more with \'--help\')'
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
complete -c git-crm -n "__fish_git_crm_using_subcommand log" -l by -d 'Who: a person handle for outbound/internal (default you); for inbound, the customer\'s contact (name or email; asked on a terminal when the customer has several, required without one). A person of the store is never the author of an inbound touchpoint' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand log" -l reply-to -d 'Join the thread of this touchpoint (short id prefix from the timeline, or `last`)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand log" -l tag -d 'Tags (repeatable, or comma-separated)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand log" -l restricted -d 'Seal the summary and body to this team (its current members and you); channel, direction, times and thread stay in clear for the metrics' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand log" -l format -d 'Output format of the result' -r -f -a "table\t'Aligned text for people (the default)'
json\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand log" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand log" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand log" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand log" -l resolves -d 'This touchpoint resolved the thread'
complete -c git-crm -n "__fish_git_crm_using_subcommand log" -l automated -d 'Sent by an automation (auto-reply, sequence); never starts or stops a metric clock'
complete -c git-crm -n "__fish_git_crm_using_subcommand log" -l no-commit -d 'Write the files but do not commit them'
complete -c git-crm -n "__fish_git_crm_using_subcommand log" -l dry-run -d 'Show what would be written and change nothing'
complete -c git-crm -n "__fish_git_crm_using_subcommand log" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand log" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand log" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand note" -l tag -d 'Tag the note (repeatable)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand note" -l restricted -d 'Seal the text to this team (its current members and you); the rest stays in clear' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand note" -l at -d 'When (default now)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand note" -l format -d 'Output format of the result' -r -f -a "table\t'Aligned text for people (the default)'
json\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand note" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand note" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand note" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand note" -l no-commit -d 'Write the files but do not commit them'
complete -c git-crm -n "__fish_git_crm_using_subcommand note" -l dry-run -d 'Show what would be written and change nothing'
complete -c git-crm -n "__fish_git_crm_using_subcommand note" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand note" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand note" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand attach" -l title -d 'Title (default: the file name)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand attach" -l name -d 'The original name to record (default: the file\'s own name); a plain file name' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand attach" -l tag -d 'Tags (repeatable, or comma-separated)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand attach" -l restricted -d 'Seal the file, its title and its name to this team (its current members and you)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand attach" -l to -d 'The touchpoint, note, task or handoff it belongs to (id prefix from the timeline)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand attach" -l replaces -d 'A new version of this document (id prefix from `docs list`)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand attach" -l at -d 'When it was attached (default now)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand attach" -l format -d 'Output format of the result' -r -f -a "table\t'Aligned text for people (the default)'
json\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand attach" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand attach" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand attach" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand attach" -l no-commit -d 'Write the files but do not commit them'
complete -c git-crm -n "__fish_git_crm_using_subcommand attach" -l dry-run -d 'Show what would be written and change nothing'
complete -c git-crm -n "__fish_git_crm_using_subcommand attach" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand attach" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand attach" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand docs; and not __fish_seen_subcommand_from list show get open help" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand docs; and not __fish_seen_subcommand_from list show get open help" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand docs; and not __fish_seen_subcommand_from list show get open help" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand docs; and not __fish_seen_subcommand_from list show get open help" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand docs; and not __fish_seen_subcommand_from list show get open help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand docs; and not __fish_seen_subcommand_from list show get open help" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand docs; and not __fish_seen_subcommand_from list show get open help" -f -a "list" -d 'List documents (the current version of each; --all for every version)'
complete -c git-crm -n "__fish_git_crm_using_subcommand docs; and not __fish_seen_subcommand_from list show get open help" -f -a "show" -d 'A document\'s record and its versions'
complete -c git-crm -n "__fish_git_crm_using_subcommand docs; and not __fish_seen_subcommand_from list show get open help" -f -a "get" -d 'Write a document\'s content to a file (default: its original name here), or `-o -` for stdout. The content is checked against its sha256'
complete -c git-crm -n "__fish_git_crm_using_subcommand docs; and not __fish_seen_subcommand_from list show get open help" -f -a "open" -d 'Open a copy of a document with GITCRM_OPENER, `git config gitcrm.opener` or the desktop\'s opener (on a terminal only; docs/security.md says when the copy is removed)'
complete -c git-crm -n "__fish_git_crm_using_subcommand docs; and not __fish_seen_subcommand_from list show get open help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c git-crm -n "__fish_git_crm_using_subcommand docs; and __fish_seen_subcommand_from list" -l format -d 'Output format (json is versioned; see docs/)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand docs; and __fish_seen_subcommand_from list" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand docs; and __fish_seen_subcommand_from list" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand docs; and __fish_seen_subcommand_from list" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand docs; and __fish_seen_subcommand_from list" -l all -d 'Include versions replaced by newer ones'
complete -c git-crm -n "__fish_git_crm_using_subcommand docs; and __fish_seen_subcommand_from list" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand docs; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand docs; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand docs; and __fish_seen_subcommand_from show" -l format -d 'Output format (json is versioned; see docs/)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand docs; and __fish_seen_subcommand_from show" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand docs; and __fish_seen_subcommand_from show" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand docs; and __fish_seen_subcommand_from show" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand docs; and __fish_seen_subcommand_from show" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand docs; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand docs; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand docs; and __fish_seen_subcommand_from get" -s o -l output -d 'Write the file here (`-` for stdout) instead of under its original name' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand docs; and __fish_seen_subcommand_from get" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand docs; and __fish_seen_subcommand_from get" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand docs; and __fish_seen_subcommand_from get" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand docs; and __fish_seen_subcommand_from get" -l force -d 'Replace an existing file'
complete -c git-crm -n "__fish_git_crm_using_subcommand docs; and __fish_seen_subcommand_from get" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand docs; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand docs; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand docs; and __fish_seen_subcommand_from open" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand docs; and __fish_seen_subcommand_from open" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand docs; and __fish_seen_subcommand_from open" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand docs; and __fish_seen_subcommand_from open" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand docs; and __fish_seen_subcommand_from open" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand docs; and __fish_seen_subcommand_from open" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand docs; and __fish_seen_subcommand_from help" -f -a "list" -d 'List documents (the current version of each; --all for every version)'
complete -c git-crm -n "__fish_git_crm_using_subcommand docs; and __fish_seen_subcommand_from help" -f -a "show" -d 'A document\'s record and its versions'
complete -c git-crm -n "__fish_git_crm_using_subcommand docs; and __fish_seen_subcommand_from help" -f -a "get" -d 'Write a document\'s content to a file (default: its original name here), or `-o -` for stdout. The content is checked against its sha256'
complete -c git-crm -n "__fish_git_crm_using_subcommand docs; and __fish_seen_subcommand_from help" -f -a "open" -d 'Open a copy of a document with GITCRM_OPENER, `git config gitcrm.opener` or the desktop\'s opener (on a terminal only; docs/security.md says when the copy is removed)'
complete -c git-crm -n "__fish_git_crm_using_subcommand docs; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c git-crm -n "__fish_git_crm_using_subcommand assign" -l to -d 'The new owner\'s handle' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand assign" -l team -d 'The new team (default: the new owner\'s first team)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand assign" -l reason -d 'Why, for the handoff record' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand assign" -l format -d 'Output format of the result' -r -f -a "table\t'Aligned text for people (the default)'
json\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand assign" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand assign" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand assign" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand assign" -l no-commit -d 'Write the files but do not commit them'
complete -c git-crm -n "__fish_git_crm_using_subcommand assign" -l dry-run -d 'Show what would be written and change nothing'
complete -c git-crm -n "__fish_git_crm_using_subcommand assign" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand assign" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand assign" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand amend" -s s -l summary -d 'The new summary (touchpoints)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand amend" -l body -d 'The new body' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand amend" -s c -l channel -d 'The new channel (touchpoints)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand amend" -l at -d 'When it really happened: `2026-11-20 09:12`, `yesterday 14:00`, `2 days ago`, ...' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand amend" -s d -l direction -d 'The new direction (touchpoints): inbound, outbound or internal' -r -f -a "inbound\t'From the customer to us'
outbound\t'From us to the customer'
internal\t'Among ourselves, about the customer'"
complete -c git-crm -n "__fish_git_crm_using_subcommand amend" -l by -d 'Who: a person for outbound/internal, the customer\'s contact for inbound' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand amend" -l customer -d 'Move it to this customer (slug, or a contact\'s email or phone)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand amend" -l reason -d 'Why (kept in the correction record)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand amend" -l format -d 'Output format of the result' -r -f -a "table\t'Aligned text for people (the default)'
json\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand amend" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand amend" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand amend" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand amend" -l no-body -d 'Remove the body (touchpoints)'
complete -c git-crm -n "__fish_git_crm_using_subcommand amend" -l no-commit -d 'Write the files but do not commit them'
complete -c git-crm -n "__fish_git_crm_using_subcommand amend" -l dry-run -d 'Show what would be written and change nothing'
complete -c git-crm -n "__fish_git_crm_using_subcommand amend" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand amend" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand amend" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand void" -l reason -d 'Why it is withdrawn (required; kept in the correction record)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand void" -l format -d 'Output format of the result' -r -f -a "table\t'Aligned text for people (the default)'
json\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand void" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand void" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand void" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand void" -l no-commit -d 'Write the files but do not commit them'
complete -c git-crm -n "__fish_git_crm_using_subcommand void" -l dry-run -d 'Show what would be written and change nothing'
complete -c git-crm -n "__fish_git_crm_using_subcommand void" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand void" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand void" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and not __fish_seen_subcommand_from list accept decline help" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and not __fish_seen_subcommand_from list accept decline help" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and not __fish_seen_subcommand_from list accept decline help" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and not __fish_seen_subcommand_from list accept decline help" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and not __fish_seen_subcommand_from list accept decline help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and not __fish_seen_subcommand_from list accept decline help" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and not __fish_seen_subcommand_from list accept decline help" -f -a "list" -d 'List handoffs, oldest first'
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and not __fish_seen_subcommand_from list accept decline help" -f -a "accept" -d 'Accept a handoff to you: by handoff id, or by customer (its latest handoff)'
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and not __fish_seen_subcommand_from list accept decline help" -f -a "decline" -d 'Decline a handoff to you: ownership goes back to the previous owner, in one commit'
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and not __fish_seen_subcommand_from list accept decline help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from list" -l customer -d 'Only handoffs of this customer (slug, or a contact\'s email or phone)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from list" -l to -d 'Only handoffs to this person' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from list" -l format -d 'Output format (json is versioned; see docs/)' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from list" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from list" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from list" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from list" -l pending -d 'Only handoffs not yet accepted'
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from list" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from accept" -l on-behalf-of -d 'Accept for the receiving person (recorded as `on_behalf_of`)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from accept" -l format -d 'Output format of the result' -r -f -a "table\t'Aligned text for people (the default)'
json\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from accept" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from accept" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from accept" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from accept" -l no-commit -d 'Write the files but do not commit them'
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from accept" -l dry-run -d 'Show what would be written and change nothing'
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from accept" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from accept" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from accept" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from decline" -l reason -d 'Why (required; the previous owner reads it)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from decline" -l on-behalf-of -d 'Decline for the receiving person (recorded as `on_behalf_of`)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from decline" -l format -d 'Output format of the result' -r -f -a "table\t'Aligned text for people (the default)'
json\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from decline" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from decline" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from decline" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from decline" -l no-commit -d 'Write the files but do not commit them'
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from decline" -l dry-run -d 'Show what would be written and change nothing'
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from decline" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from decline" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from decline" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from help" -f -a "list" -d 'List handoffs, oldest first'
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from help" -f -a "accept" -d 'Accept a handoff to you: by handoff id, or by customer (its latest handoff)'
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from help" -f -a "decline" -d 'Decline a handoff to you: ownership goes back to the previous owner, in one commit'
complete -c git-crm -n "__fish_git_crm_using_subcommand handoff; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and not __fish_seen_subcommand_from add edit reopen list done help" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and not __fish_seen_subcommand_from add edit reopen list done help" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and not __fish_seen_subcommand_from add edit reopen list done help" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and not __fish_seen_subcommand_from add edit reopen list done help" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and not __fish_seen_subcommand_from add edit reopen list done help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and not __fish_seen_subcommand_from add edit reopen list done help" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and not __fish_seen_subcommand_from add edit reopen list done help" -f -a "add" -d 'Add a follow-up task on a customer'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and not __fish_seen_subcommand_from add edit reopen list done help" -f -a "edit" -d 'Change a task in place: title, due date, assignee (reassign), recurrence'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and not __fish_seen_subcommand_from add edit reopen list done help" -f -a "reopen" -d 'Open a done task again'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and not __fish_seen_subcommand_from add edit reopen list done help" -f -a "list" -d 'List open tasks (soonest due first)'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and not __fish_seen_subcommand_from add edit reopen list done help" -f -a "done" -d 'Mark a task done (by id prefix); for a recurring task, this adds the next occurrence'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and not __fish_seen_subcommand_from add edit reopen list done help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from add" -l assignee -d 'Who does it (default: you)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from add" -l due -d 'Due date: 2026-12-01, `tomorrow`, `friday`, `next monday`, `+3d`, `in 2 weeks`' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from add" -l every -d 'Make it recurring: 3d, 1w, 2w, 1mo (or daily, weekly, monthly). The next occurrence is added when this one is done, due `every` after this one\'s due date (default due: today)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from add" -l format -d 'Output format of the result' -r -f -a "table\t'Aligned text for people (the default)'
json\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from add" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from add" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from add" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from add" -l no-commit -d 'Write the files but do not commit them'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from add" -l dry-run -d 'Show what would be written and change nothing'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from add" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from edit" -l title -d 'The new title' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from edit" -l due -d 'The new due date (same forms as `task add --due`)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from edit" -l assignee -d 'Reassign to this person' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from edit" -l every -d 'Make a series recur at this interval (1w, 1mo, ...), or `never` to end it' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from edit" -l format -d 'Output format of the result' -r -f -a "table\t'Aligned text for people (the default)'
json\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from edit" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from edit" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from edit" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from edit" -l no-due -d 'Remove the due date'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from edit" -l no-commit -d 'Write the files but do not commit them'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from edit" -l dry-run -d 'Show what would be written and change nothing'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from edit" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from edit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from edit" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from reopen" -l format -d 'Output format of the result' -r -f -a "table\t'Aligned text for people (the default)'
json\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from reopen" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from reopen" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from reopen" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from reopen" -l no-commit -d 'Write the files but do not commit them'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from reopen" -l dry-run -d 'Show what would be written and change nothing'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from reopen" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from reopen" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from reopen" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from list" -l assignee -d 'Only tasks assigned to this person' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from list" -l customer -d 'Only tasks of this customer (slug, or a contact\'s email or phone)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from list" -l format -d 'Output format (json is versioned; see docs/)' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from list" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from list" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from list" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from list" -l mine -d 'Only tasks assigned to you'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from list" -l overdue -d 'Only tasks past their due date'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from list" -l all -d 'Include done tasks'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from list" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from done" -l format -d 'Output format of the result' -r -f -a "table\t'Aligned text for people (the default)'
json\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from done" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from done" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from done" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from done" -l no-commit -d 'Write the files but do not commit them'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from done" -l dry-run -d 'Show what would be written and change nothing'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from done" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from done" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from done" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a follow-up task on a customer'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from help" -f -a "edit" -d 'Change a task in place: title, due date, assignee (reassign), recurrence'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from help" -f -a "reopen" -d 'Open a done task again'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from help" -f -a "list" -d 'List open tasks (soonest due first)'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from help" -f -a "done" -d 'Mark a task done (by id prefix); for a recurring task, this adds the next occurrence'
complete -c git-crm -n "__fish_git_crm_using_subcommand task; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c git-crm -n "__fish_git_crm_using_subcommand timeline" -l since -d 'Start of the period: a date or a time (`2026-10-01`, `last monday 09:00`), a duration back from --at or now (`30d`), or `all` (`metrics` defaults to 30d, other commands to all)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand timeline" -l until -d 'End of the period, exclusive (a bare date includes that day); the same forms as --since' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand timeline" -l channel -d 'Only touchpoints on these channels (repeatable)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand timeline" -l kind -d 'Only these kinds (repeatable)' -r -f -a "touchpoint\t''
note\t''
handoff\t''
handoff-accepted\t''
task\t''
task-done\t''
document\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand timeline" -l by -d 'Only entries by these people or contacts (repeatable)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand timeline" -l tz -d 'Time zone for times and days, an IANA name such as `Europe/Paris` (default: the store\'s `timezone`, else UTC). Never the machine\'s zone' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand timeline" -l format -d 'Output format (json is versioned; see docs/)' -r -f -a "table\t'Aligned text for people (the default)'
json\t''
markdown\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand timeline" -l view -d 'Apply the view of this role (default: the acting person\'s role; `all` shows everything). A view decides what comes first and which tagged records are left out; it is surfacing, not security: everyone with the repository can read every record' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand timeline" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand timeline" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand timeline" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand timeline" -l body -d 'Print touchpoint and note bodies'
complete -c git-crm -n "__fish_git_crm_using_subcommand timeline" -l history -d 'Weave in who changed the customer when, from git (field changes, renames, edits)'
complete -c git-crm -n "__fish_git_crm_using_subcommand timeline" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand timeline" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand timeline" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand find" -l since -d 'Start of the period: a date or a time (`2026-10-01`, `last monday 09:00`), a duration back from --at or now (`30d`), or `all` (`metrics` defaults to 30d, other commands to all)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand find" -l until -d 'End of the period, exclusive (a bare date includes that day); the same forms as --since' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand find" -l team -d 'Only customers of these teams (repeatable, or comma-separated)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand find" -l owner -d 'Only customers owned by these people' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand find" -l channel -d 'Only touchpoints on these channels (metrics: threads started on them)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand find" -l tag -d 'Only customers with any of these tags' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand find" -l customer -d 'Only these customers (slugs, or contact emails or phones)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand find" -l kind -d 'Only these kinds of hit (repeatable)' -r -f -a "customer\t''
touchpoint\t''
note\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand find" -l limit -d 'Hits listed per section (0: all)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand find" -l format -d 'Output format (the JSON is documented in docs/everyday.md)' -r -f -a "table\t'Aligned text for people (the default)'
json\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand find" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand find" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand find" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand find" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand find" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand find" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand inbox" -l team -d 'The queue of this team instead of your inbox: waiting threads on its customers that have no owner or whose owner is away' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand inbox" -l format -d 'Output format (json is documented in docs/collaboration-sync.md)' -r -f -a "table\t'Aligned text for people (the default)'
json\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand inbox" -l view -d 'Apply the view of this role (default: the acting person\'s role; `all` shows everything). A view decides what comes first and which tagged records are left out; it is surfacing, not security: everyone with the repository can read every record' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand inbox" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand inbox" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand inbox" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand inbox" -l all -d 'Also list mentions already seen in this clone'
complete -c git-crm -n "__fish_git_crm_using_subcommand inbox" -l peek -d 'Do not mark the mentions shown as seen'
complete -c git-crm -n "__fish_git_crm_using_subcommand inbox" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand inbox" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand inbox" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand metrics" -l since -d 'Start of the period: a date or a time (`2026-10-01`, `last monday 09:00`), a duration back from --at or now (`30d`), or `all` (`metrics` defaults to 30d, other commands to all)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand metrics" -l until -d 'End of the period, exclusive (a bare date includes that day); the same forms as --since' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand metrics" -l at -d 'Compute as of this instant (default now): later records are ignored, ages end here' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand metrics" -l tz -d 'Time zone of periods, months and weeks (IANA name). Never the machine\'s zone' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand metrics" -l team -d 'Only customers of these teams (repeatable, or comma-separated)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand metrics" -l owner -d 'Only customers owned by these people' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand metrics" -l channel -d 'Only touchpoints on these channels (metrics: threads started on them)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand metrics" -l tag -d 'Only customers with any of these tags' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand metrics" -l customer -d 'Only these customers (slugs, or contact emails or phones)' -r
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
complete -c git-crm -n "__fish_git_crm_using_subcommand metrics" -l format -d 'Output format (json is versioned; see docs/)' -r -f -a "table\t''
json\t''
markdown\t''
csv\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand metrics" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand metrics" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand metrics" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand metrics" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand metrics" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand metrics" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand check" -l format -d 'Output format' -r -f -a "text\t'`path:line:col: error[check]: message` lines and a summary'
json\t'One versioned JSON document on stdout (docs/check.md)'"
complete -c git-crm -n "__fish_git_crm_using_subcommand check" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand check" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand check" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand check" -l strict -d 'Fail on warnings too (exit 1)'
complete -c git-crm -n "__fish_git_crm_using_subcommand check" -l list -d 'List the checks with what each one finds, and exit'
complete -c git-crm -n "__fish_git_crm_using_subcommand check" -l fix -d 'First make the repairs that are safe (records a merge left in a renamed customer\'s old folder are moved to the customer), in one commit; then check'
complete -c git-crm -n "__fish_git_crm_using_subcommand check" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand check" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand import" -l rules -d 'The rules file that maps its columns to fields (see docs/import.md)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand import" -l format -d 'Output format of the summary' -r -f -a "table\t'Aligned text for people (the default)'
json\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand import" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand import" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand import" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand import" -l skip-invalid -d 'Import the valid rows and list the invalid ones, instead of importing nothing'
complete -c git-crm -n "__fish_git_crm_using_subcommand import" -l dry-run -d 'Show what would be created and changed, and write nothing'
complete -c git-crm -n "__fish_git_crm_using_subcommand import" -l no-commit -d 'Write the files but do not commit them (the next import commits them)'
complete -c git-crm -n "__fish_git_crm_using_subcommand import" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand import" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand ingest; and not __fish_seen_subcommand_from mail ics vcf help" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand ingest; and not __fish_seen_subcommand_from mail ics vcf help" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand ingest; and not __fish_seen_subcommand_from mail ics vcf help" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand ingest; and not __fish_seen_subcommand_from mail ics vcf help" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand ingest; and not __fish_seen_subcommand_from mail ics vcf help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand ingest; and not __fish_seen_subcommand_from mail ics vcf help" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand ingest; and not __fish_seen_subcommand_from mail ics vcf help" -f -a "mail" -d 'Mail: .eml files, mbox files, Maildir folders (cur/ and new/), or one message on stdin (`-`)'
complete -c git-crm -n "__fish_git_crm_using_subcommand ingest; and not __fish_seen_subcommand_from mail ics vcf help" -f -a "ics" -d 'Calendar events (.ics, or `-` for stdin) that involve customers\' contacts, as meetings'
complete -c git-crm -n "__fish_git_crm_using_subcommand ingest; and not __fish_seen_subcommand_from mail ics vcf help" -f -a "vcf" -d 'vCards (.vcf, or `-` for stdin) as contacts of the matching customers'
complete -c git-crm -n "__fish_git_crm_using_subcommand ingest; and not __fish_seen_subcommand_from mail ics vcf help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c git-crm -n "__fish_git_crm_using_subcommand ingest; and __fish_seen_subcommand_from mail" -l max-message-size -d 'Largest message read (e.g. 64M); a larger one is invalid' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand ingest; and __fish_seen_subcommand_from mail" -l format -d 'Output format of the summary' -r -f -a "table\t''
json\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand ingest; and __fish_seen_subcommand_from mail" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand ingest; and __fish_seen_subcommand_from mail" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand ingest; and __fish_seen_subcommand_from mail" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand ingest; and __fish_seen_subcommand_from mail" -l no-attachments -d 'Keep attachments as metadata on the touchpoint only: store no documents'
complete -c git-crm -n "__fish_git_crm_using_subcommand ingest; and __fish_seen_subcommand_from mail" -l create-customers -d 'Make a `lead` customer (from the sender\'s domain and name) for items no customer claims'
complete -c git-crm -n "__fish_git_crm_using_subcommand ingest; and __fish_seen_subcommand_from mail" -l skip-invalid -d 'Ingest the valid items and list the invalid ones, instead of ingesting nothing'
complete -c git-crm -n "__fish_git_crm_using_subcommand ingest; and __fish_seen_subcommand_from mail" -l dry-run -d 'Show what would be created and changed, and write nothing'
complete -c git-crm -n "__fish_git_crm_using_subcommand ingest; and __fish_seen_subcommand_from mail" -l no-commit -d 'Write the files but do not commit them (the next ingest commits them)'
complete -c git-crm -n "__fish_git_crm_using_subcommand ingest; and __fish_seen_subcommand_from mail" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand ingest; and __fish_seen_subcommand_from mail" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand ingest; and __fish_seen_subcommand_from mail" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand ingest; and __fish_seen_subcommand_from ics" -l format -d 'Output format of the summary' -r -f -a "table\t''
json\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand ingest; and __fish_seen_subcommand_from ics" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand ingest; and __fish_seen_subcommand_from ics" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand ingest; and __fish_seen_subcommand_from ics" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand ingest; and __fish_seen_subcommand_from ics" -l create-customers -d 'Make a `lead` customer (from the sender\'s domain and name) for items no customer claims'
complete -c git-crm -n "__fish_git_crm_using_subcommand ingest; and __fish_seen_subcommand_from ics" -l skip-invalid -d 'Ingest the valid items and list the invalid ones, instead of ingesting nothing'
complete -c git-crm -n "__fish_git_crm_using_subcommand ingest; and __fish_seen_subcommand_from ics" -l dry-run -d 'Show what would be created and changed, and write nothing'
complete -c git-crm -n "__fish_git_crm_using_subcommand ingest; and __fish_seen_subcommand_from ics" -l no-commit -d 'Write the files but do not commit them (the next ingest commits them)'
complete -c git-crm -n "__fish_git_crm_using_subcommand ingest; and __fish_seen_subcommand_from ics" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand ingest; and __fish_seen_subcommand_from ics" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand ingest; and __fish_seen_subcommand_from ics" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand ingest; and __fish_seen_subcommand_from vcf" -l format -d 'Output format of the summary' -r -f -a "table\t''
json\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand ingest; and __fish_seen_subcommand_from vcf" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand ingest; and __fish_seen_subcommand_from vcf" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand ingest; and __fish_seen_subcommand_from vcf" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand ingest; and __fish_seen_subcommand_from vcf" -l create-customers -d 'Make a `lead` customer (from the sender\'s domain and name) for items no customer claims'
complete -c git-crm -n "__fish_git_crm_using_subcommand ingest; and __fish_seen_subcommand_from vcf" -l skip-invalid -d 'Ingest the valid items and list the invalid ones, instead of ingesting nothing'
complete -c git-crm -n "__fish_git_crm_using_subcommand ingest; and __fish_seen_subcommand_from vcf" -l dry-run -d 'Show what would be created and changed, and write nothing'
complete -c git-crm -n "__fish_git_crm_using_subcommand ingest; and __fish_seen_subcommand_from vcf" -l no-commit -d 'Write the files but do not commit them (the next ingest commits them)'
complete -c git-crm -n "__fish_git_crm_using_subcommand ingest; and __fish_seen_subcommand_from vcf" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand ingest; and __fish_seen_subcommand_from vcf" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand ingest; and __fish_seen_subcommand_from vcf" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand ingest; and __fish_seen_subcommand_from help" -f -a "mail" -d 'Mail: .eml files, mbox files, Maildir folders (cur/ and new/), or one message on stdin (`-`)'
complete -c git-crm -n "__fish_git_crm_using_subcommand ingest; and __fish_seen_subcommand_from help" -f -a "ics" -d 'Calendar events (.ics, or `-` for stdin) that involve customers\' contacts, as meetings'
complete -c git-crm -n "__fish_git_crm_using_subcommand ingest; and __fish_seen_subcommand_from help" -f -a "vcf" -d 'vCards (.vcf, or `-` for stdin) as contacts of the matching customers'
complete -c git-crm -n "__fish_git_crm_using_subcommand ingest; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c git-crm -n "__fish_git_crm_using_subcommand export" -l format -d 'Output format (json is versioned; see docs/)' -r -f -a "csv\t''
json\t''
vcf\t''
jsonl\t'One JSON object per line (to stdout, or partitioned by month under --output)'
parquet\t'Parquet files partitioned by month under --output (DuckDB, warehouses)'"
complete -c git-crm -n "__fish_git_crm_using_subcommand export" -l since -d 'Start of the period: a date or a time (`2026-10-01`, `last monday 09:00`), a duration back from --at or now (`30d`), or `all` (`metrics` defaults to 30d, other commands to all)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand export" -l until -d 'End of the period, exclusive (a bare date includes that day); the same forms as --since' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand export" -l owner -d 'Only customers owned by this person (and their records)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand export" -l team -d 'Only customers of this team (and their records)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand export" -l tag -d 'Only records with all these tags (customers: customer tags; repeatable)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand export" -l customer -d 'Only these customers (slugs, or contact emails or phones; repeatable)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand export" -l channel -d 'Only touchpoints on these channels (repeatable)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand export" -s o -l output -d 'Write `DIR/<kind>/month=YYYY-MM/part-0.<ext>` and `DIR/<kind>/schema.json` (--format jsonl or parquet)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand export" -l at -d 'Compute thread and handoff facts as of this instant (default now), as `metrics --at`' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand export" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand export" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand export" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand export" -l force -d 'Replace an earlier export in the --output folder'
complete -c git-crm -n "__fish_git_crm_using_subcommand export" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand export" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand review" -l format -d 'Output format: text for terminals, markdown for a merge-request comment, json for bots' -r -f -a "table\t'Aligned text for people (the default)'
json\t''
markdown\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand review" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand review" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand review" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand review" -l fail-on-problems -d 'Exit 1 when head brings a new `check` error or a record edited or deleted after the fact'
complete -c git-crm -n "__fish_git_crm_using_subcommand review" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand review" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand review" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and not __fish_seen_subcommand_from run test help" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and not __fish_seen_subcommand_from run test help" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and not __fish_seen_subcommand_from run test help" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and not __fish_seen_subcommand_from run test help" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and not __fish_seen_subcommand_from run test help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and not __fish_seen_subcommand_from run test help" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and not __fish_seen_subcommand_from run test help" -f -a "run" -d 'Run the rules of .gitcrm/rules.yaml on the committed store and commit what they do'
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and not __fish_seen_subcommand_from run test help" -f -a "test" -d 'Run the fixtures under `tests:` of the work tree\'s rules file and compare the actions'
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and not __fish_seen_subcommand_from run test help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and __fish_seen_subcommand_from run" -l at -d 'The run\'s "now" (default: now): schedule rules look at the store as of it' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and __fish_seen_subcommand_from run" -l rule -d 'Run only this rule (repeatable)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and __fish_seen_subcommand_from run" -l only -d 'Run only event rules or only schedule (and task.overdue) rules' -r -f -a "events\t'Event rules (touchpoint.logged, customer.added, customer.changed, handoff.created)'
schedule\t'Schedule and task.overdue rules'"
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and __fish_seen_subcommand_from run" -l format -d 'Output format (the JSON is documented in docs/rules.md)' -r -f -a "table\t'Aligned text for people (the default)'
json\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and __fish_seen_subcommand_from run" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and __fish_seen_subcommand_from run" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and __fish_seen_subcommand_from run" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and __fish_seen_subcommand_from run" -l reapply -d 'Fire again what an earlier revision of a rule fired (after editing it)'
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and __fish_seen_subcommand_from run" -l dry-run -d 'Print the plan and change nothing'
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and __fish_seen_subcommand_from run" -l no-commit -d 'Write the files but do not commit them'
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and __fish_seen_subcommand_from run" -l quiet -d 'Print nothing when there is nothing to do, or no rules are committed (for hooks and CI)'
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and __fish_seen_subcommand_from run" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and __fish_seen_subcommand_from run" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and __fish_seen_subcommand_from test" -l format -d 'Output format (the JSON is documented in docs/rules.md)' -r -f -a "table\t'Aligned text for people (the default)'
json\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and __fish_seen_subcommand_from test" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and __fish_seen_subcommand_from test" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and __fish_seen_subcommand_from test" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and __fish_seen_subcommand_from test" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and __fish_seen_subcommand_from test" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and __fish_seen_subcommand_from test" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and __fish_seen_subcommand_from help" -f -a "run" -d 'Run the rules of .gitcrm/rules.yaml on the committed store and commit what they do'
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and __fish_seen_subcommand_from help" -f -a "test" -d 'Run the fixtures under `tests:` of the work tree\'s rules file and compare the actions'
complete -c git-crm -n "__fish_git_crm_using_subcommand rules; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c git-crm -n "__fish_git_crm_using_subcommand history" -l tz -d 'Time zone for times and days, an IANA name such as `Europe/Paris` (default: the store\'s `timezone`, else UTC). Never the machine\'s zone' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand history" -l format -d 'Output format: table (text), markdown or json' -r -f -a "table\t'Aligned text for people (the default)'
json\t''
markdown\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand history" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand history" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand history" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand history" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand history" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand history" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand sync" -l format -d 'Output format (json is versioned; see docs/)' -r -f -a "table\t'Aligned text for people (the default)'
json\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand sync" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand sync" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand sync" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand sync" -l dry-run -d 'Fetch and show what would happen (incoming and outgoing commits, expected conflicts); change nothing but the remote-tracking refs'
complete -c git-crm -n "__fish_git_crm_using_subcommand sync" -l no-check -d 'Push even when `git crm check` finds errors in the merged store'
complete -c git-crm -n "__fish_git_crm_using_subcommand sync" -l no-push -d 'Fetch and merge, but do not push'
complete -c git-crm -n "__fish_git_crm_using_subcommand sync" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand sync" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand sync" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand demo" -l customers -d 'Generate this many customers (a large store for benchmarks)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand demo" -l interactions -d 'Generate this many touchpoints' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand demo" -l seed -d 'Seed of the generator (the same seed builds the same store)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand demo" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand demo" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand demo" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand demo" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand demo" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand demo" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand completions" -l dir -d 'Write every target into this folder instead (file names as in completions/), with one man page per subcommand under `man/`' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand completions" -l man-dir -d 'Install the man pages (git-crm.1 and one per subcommand, git-crm-timeline.1, ...) into this folder, e.g. `~/.cargo/share/man/man1`, where `man` finds them for programs in `~/.cargo/bin`; then `git crm --help` and `git crm help <command>` open them' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand completions" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand completions" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand completions" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand completions" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand completions" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand merge-driver" -l store -d 'The store to use (default: found from the current directory, as git does)' -r -F
complete -c git-crm -n "__fish_git_crm_using_subcommand merge-driver" -l as -d 'Act as this person (a handle from .gitcrm/config.yaml)' -r
complete -c git-crm -n "__fish_git_crm_using_subcommand merge-driver" -l color -d 'When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git\'s color.ui are honoured' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` or git\'s `color.ui` says otherwise'
always\t''
never\t''"
complete -c git-crm -n "__fish_git_crm_using_subcommand merge-driver" -l no-pager -d 'Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does'
complete -c git-crm -n "__fish_git_crm_using_subcommand merge-driver" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-crm -n "__fish_git_crm_using_subcommand merge-driver" -s V -l version -d 'Print version'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note attach docs assign amend void handoff task timeline find inbox metrics check import ingest export review rules history sync demo completions merge-driver help" -f -a "init" -d 'Create a store (or adopt an existing git repository as one)'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note attach docs assign amend void handoff task timeline find inbox metrics check import ingest export review rules history sync demo completions merge-driver help" -f -a "setup" -d 'Prepare a fresh clone of a store: register the merge driver (Git LFS, when used, and, with --hooks, the post-merge hook that runs event rules)'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note attach docs assign amend void handoff task timeline find inbox metrics check import ingest export review rules history sync demo completions merge-driver help" -f -a "person" -d 'Manage the people of the store'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note attach docs assign amend void handoff task timeline find inbox metrics check import ingest export review rules history sync demo completions merge-driver help" -f -a "team" -d 'Manage teams'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note attach docs assign amend void handoff task timeline find inbox metrics check import ingest export review rules history sync demo completions merge-driver help" -f -a "customer" -d 'Add, list, show, edit, rename and archive customers'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note attach docs assign amend void handoff task timeline find inbox metrics check import ingest export review rules history sync demo completions merge-driver help" -f -a "log" -d 'Log a touchpoint with a customer'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note attach docs assign amend void handoff task timeline find inbox metrics check import ingest export review rules history sync demo completions merge-driver help" -f -a "note" -d 'Add an internal note about a customer; @mentions name people'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note attach docs assign amend void handoff task timeline find inbox metrics check import ingest export review rules history sync demo completions merge-driver help" -f -a "attach" -d 'Attach files (proposals, contracts, invoices) to a customer as documents'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note attach docs assign amend void handoff task timeline find inbox metrics check import ingest export review rules history sync demo completions merge-driver help" -f -a "docs" -d 'List, show, fetch and open documents'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note attach docs assign amend void handoff task timeline find inbox metrics check import ingest export review rules history sync demo completions merge-driver help" -f -a "assign" -d 'Reassign a customer and record the handoff'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note attach docs assign amend void handoff task timeline find inbox metrics check import ingest export review rules history sync demo completions merge-driver help" -f -a "amend" -d 'Correct a touchpoint or note (summary, body, channel, time, direction, author, customer) with a correction record; history is never rewritten'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note attach docs assign amend void handoff task timeline find inbox metrics check import ingest export review rules history sync demo completions merge-driver help" -f -a "void" -d 'Withdraw a touchpoint or note with a reason (a correction record; nothing is deleted)'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note attach docs assign amend void handoff task timeline find inbox metrics check import ingest export review rules history sync demo completions merge-driver help" -f -a "handoff" -d 'List, accept and decline handoffs'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note attach docs assign amend void handoff task timeline find inbox metrics check import ingest export review rules history sync demo completions merge-driver help" -f -a "task" -d 'Follow-up tasks'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note attach docs assign amend void handoff task timeline find inbox metrics check import ingest export review rules history sync demo completions merge-driver help" -f -a "timeline" -d 'A customer\'s touchpoints, notes, handoffs and tasks in one chronological view'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note attach docs assign amend void handoff task timeline find inbox metrics check import ingest export review rules history sync demo completions merge-driver help" -f -a "find" -d 'Find customers (name, contact, email, phone, domain), touchpoints and notes, ranked'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note attach docs assign amend void handoff task timeline find inbox metrics check import ingest export review rules history sync demo completions merge-driver help" -f -a "inbox" -d 'What needs you now: unanswered threads, handoffs to you, your tasks, mentions'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note attach docs assign amend void handoff task timeline find inbox metrics check import ingest export review rules history sync demo completions merge-driver help" -f -a "metrics" -d 'Team metrics: first response, first contact resolution, handoffs, coverage, consistency'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note attach docs assign amend void handoff task timeline find inbox metrics check import ingest export review rules history sync demo completions merge-driver help" -f -a "check" -d 'Validate the whole store with named checks; report every problem'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note attach docs assign amend void handoff task timeline find inbox metrics check import ingest export review rules history sync demo completions merge-driver help" -f -a "import" -d 'Import customers or touchpoints from a spreadsheet (CSV, XLSX, ODS) with a rules file'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note attach docs assign amend void handoff task timeline find inbox metrics check import ingest export review rules history sync demo completions merge-driver help" -f -a "ingest" -d 'Ingest mail (.eml, mbox, Maildir, stdin), calendar events (.ics) and contacts (.vcf)'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note attach docs assign amend void handoff task timeline find inbox metrics check import ingest export review rules history sync demo completions merge-driver help" -f -a "export" -d 'Export customers, touchpoints, notes, handoffs or contacts as CSV, JSON or vCard'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note attach docs assign amend void handoff task timeline find inbox metrics check import ingest export review rules history sync demo completions merge-driver help" -f -a "review" -d 'Summarise a branch for merge review: customers, reassignments, records, fields, problems'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note attach docs assign amend void handoff task timeline find inbox metrics check import ingest export review rules history sync demo completions merge-driver help" -f -a "rules" -d 'Run the team\'s workflow rules (.gitcrm/rules.yaml) on the committed store, or test them'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note attach docs assign amend void handoff task timeline find inbox metrics check import ingest export review rules history sync demo completions merge-driver help" -f -a "history" -d 'A customer\'s git history in words: who changed what, when, in which commit'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note attach docs assign amend void handoff task timeline find inbox metrics check import ingest export review rules history sync demo completions merge-driver help" -f -a "sync" -d 'Fetch, merge, check and push the store through your git (exit 3 conflict, 4 network)'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note attach docs assign amend void handoff task timeline find inbox metrics check import ingest export review rules history sync demo completions merge-driver help" -f -a "demo" -d 'Build a demo agency store and show a short tour'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note attach docs assign amend void handoff task timeline find inbox metrics check import ingest export review rules history sync demo completions merge-driver help" -f -a "completions" -d 'Print shell completions (bash, zsh, fish, powershell, elvish, nushell) or the man page'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note attach docs assign amend void handoff task timeline find inbox metrics check import ingest export review rules history sync demo completions merge-driver help" -f -a "merge-driver" -d 'The merge driver git calls for customer records (registered by init/setup)'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and not __fish_seen_subcommand_from init setup person team customer log note attach docs assign amend void handoff task timeline find inbox metrics check import ingest export review rules history sync demo completions merge-driver help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and __fish_seen_subcommand_from person" -f -a "add" -d 'Add a person'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and __fish_seen_subcommand_from person" -f -a "list" -d 'List people'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and __fish_seen_subcommand_from person" -f -a "away" -d 'Mark a person away (holidays, leave): their customers\' inbound threads wait in their team\'s queue meanwhile (`git crm inbox --team <team>`)'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and __fish_seen_subcommand_from person" -f -a "back" -d 'Mark a person back from being away'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and __fish_seen_subcommand_from person" -f -a "key" -d 'Public keys for restricted content'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and __fish_seen_subcommand_from team" -f -a "add" -d 'Add a team'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and __fish_seen_subcommand_from team" -f -a "list" -d 'List teams'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and __fish_seen_subcommand_from team" -f -a "join" -d 'Add a person to a team'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and __fish_seen_subcommand_from team" -f -a "leave" -d 'Remove a person from a team (rekey the team afterwards)'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and __fish_seen_subcommand_from team" -f -a "rekey" -d 'Re-seal everything restricted to the team to its current members, in one commit (needs a local identity that can read it)'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and __fish_seen_subcommand_from customer" -f -a "add" -d 'Add a customer'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and __fish_seen_subcommand_from customer" -f -a "list" -d 'List customers'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and __fish_seen_subcommand_from customer" -f -a "show" -d 'Show a customer\'s card: fields, contacts, open threads, last touchpoint, pending handoff'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and __fish_seen_subcommand_from customer" -f -a "edit" -d 'Edit fields in place (comments and unknown keys in the file are kept)'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and __fish_seen_subcommand_from customer" -f -a "rename" -d 'Give a customer a new slug (moves its folder, keeps its id) and/or a new name'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and __fish_seen_subcommand_from customer" -f -a "archive" -d 'Archive a customer (nothing is deleted); --undo brings it back'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and __fish_seen_subcommand_from docs" -f -a "list" -d 'List documents (the current version of each; --all for every version)'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and __fish_seen_subcommand_from docs" -f -a "show" -d 'A document\'s record and its versions'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and __fish_seen_subcommand_from docs" -f -a "get" -d 'Write a document\'s content to a file (default: its original name here), or `-o -` for stdout. The content is checked against its sha256'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and __fish_seen_subcommand_from docs" -f -a "open" -d 'Open a copy of a document with GITCRM_OPENER, `git config gitcrm.opener` or the desktop\'s opener (on a terminal only; docs/security.md says when the copy is removed)'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and __fish_seen_subcommand_from handoff" -f -a "list" -d 'List handoffs, oldest first'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and __fish_seen_subcommand_from handoff" -f -a "accept" -d 'Accept a handoff to you: by handoff id, or by customer (its latest handoff)'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and __fish_seen_subcommand_from handoff" -f -a "decline" -d 'Decline a handoff to you: ownership goes back to the previous owner, in one commit'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and __fish_seen_subcommand_from task" -f -a "add" -d 'Add a follow-up task on a customer'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and __fish_seen_subcommand_from task" -f -a "edit" -d 'Change a task in place: title, due date, assignee (reassign), recurrence'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and __fish_seen_subcommand_from task" -f -a "reopen" -d 'Open a done task again'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and __fish_seen_subcommand_from task" -f -a "list" -d 'List open tasks (soonest due first)'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and __fish_seen_subcommand_from task" -f -a "done" -d 'Mark a task done (by id prefix); for a recurring task, this adds the next occurrence'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and __fish_seen_subcommand_from ingest" -f -a "mail" -d 'Mail: .eml files, mbox files, Maildir folders (cur/ and new/), or one message on stdin (`-`)'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and __fish_seen_subcommand_from ingest" -f -a "ics" -d 'Calendar events (.ics, or `-` for stdin) that involve customers\' contacts, as meetings'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and __fish_seen_subcommand_from ingest" -f -a "vcf" -d 'vCards (.vcf, or `-` for stdin) as contacts of the matching customers'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and __fish_seen_subcommand_from rules" -f -a "run" -d 'Run the rules of .gitcrm/rules.yaml on the committed store and commit what they do'
complete -c git-crm -n "__fish_git_crm_using_subcommand help; and __fish_seen_subcommand_from rules" -f -a "test" -d 'Run the fixtures under `tests:` of the work tree\'s rules file and compare the actions'
