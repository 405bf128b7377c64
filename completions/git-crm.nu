module completions {

  def "nu-complete git-crm color" [] {
    [ "auto" "always" "never" ]
  }

  # A collaborative CRM whose database is a git repository of YAML files
  export extern git-crm [
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
  ]

  def "nu-complete git-crm init color" [] {
    [ "auto" "always" "never" ]
  }

  # Create a store (or adopt an existing git repository as one)
  export extern "git-crm init" [
    --handle: string          # Your handle (default: the local part of your git email)
    --name: string            # Your name (default: git config user.name)
    --email: string           # Your email (default: git config user.email)
    --no-commit               # Leave the new files uncommitted
    --lfs                     # Store document contents through Git LFS (needs git-lfs; asked on a terminal when it is installed)
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm init color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    dir?: path                # Where to create the store (default: the current directory)
  ]

  def "nu-complete git-crm setup color" [] {
    [ "auto" "always" "never" ]
  }

  # Prepare a fresh clone of a store: register the merge driver (Git LFS, when used, and, with --hooks, the post-merge hook that runs event rules)
  export extern "git-crm setup" [
    --lfs                     # Also start storing document contents through Git LFS (one commit of .gitattributes; asked on a terminal when git-lfs is installed and the store does not use it yet)
    --hooks                   # Also install a post-merge hook that runs the event rules after each merge or pull
    --fast-git                # Also turn on the git settings that keep a large store fast (untracked cache, index version 4, commit-graph with changed paths, background maintenance) and build the history index; see docs/git-setup.md
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm setup color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
  ]

  def "nu-complete git-crm person color" [] {
    [ "auto" "always" "never" ]
  }

  # Manage the people of the store
  export extern "git-crm person" [
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm person color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
  ]

  def "nu-complete git-crm person add format" [] {
    [ "table" "json" ]
  }

  def "nu-complete git-crm person add color" [] {
    [ "auto" "always" "never" ]
  }

  # Add a person
  export extern "git-crm person add" [
    --name: string            # Display name (becomes the author name of their commits)
    --email: string           # Email addresses (repeatable); they identify the person from git config
    --team: string            # Teams (repeatable; the first is the default team of their customers)
    --role: string            # Role, for views (`sales`, `support`, `finance`, ...)
    --no-commit               # Write the files but do not commit them
    --dry-run                 # Show what would be written and change nothing
    --format: string@"nu-complete git-crm person add format" # Output format of the result
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm person add color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    handle: string            # Short lowercase handle (`alice`)
  ]

  def "nu-complete git-crm person list format" [] {
    [ "table" "json" "markdown" "csv" ]
  }

  def "nu-complete git-crm person list color" [] {
    [ "auto" "always" "never" ]
  }

  # List people
  export extern "git-crm person list" [
    --format: string@"nu-complete git-crm person list format" # Output format (json is versioned; see docs/)
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm person list color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
  ]

  def "nu-complete git-crm person away format" [] {
    [ "table" "json" ]
  }

  def "nu-complete git-crm person away color" [] {
    [ "auto" "always" "never" ]
  }

  # Mark a person away (holidays, leave): their customers' inbound threads wait in their team's queue meanwhile (`git crm inbox --team <team>`)
  export extern "git-crm person away" [
    --until: string           # The last day away (included): 2026-12-04, `friday`, `+2w`, ...
    --from: string            # The first day away (default: now)
    --no-commit               # Write the files but do not commit them
    --dry-run                 # Show what would be written and change nothing
    --format: string@"nu-complete git-crm person away format" # Output format of the result
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm person away color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    handle: string            # The person's handle
  ]

  def "nu-complete git-crm person back format" [] {
    [ "table" "json" ]
  }

  def "nu-complete git-crm person back color" [] {
    [ "auto" "always" "never" ]
  }

  # Mark a person back from being away
  export extern "git-crm person back" [
    --no-commit               # Write the files but do not commit them
    --dry-run                 # Show what would be written and change nothing
    --format: string@"nu-complete git-crm person back format" # Output format of the result
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm person back color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    handle: string            # The person's handle
  ]

  def "nu-complete git-crm person key color" [] {
    [ "auto" "always" "never" ]
  }

  # Public keys for restricted content
  export extern "git-crm person key" [
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm person key color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
  ]

  def "nu-complete git-crm person key add format" [] {
    [ "table" "json" ]
  }

  def "nu-complete git-crm person key add color" [] {
    [ "auto" "always" "never" ]
  }

  # Register a public key restricted content of the person's teams is sealed to
  export extern "git-crm person key add" [
    --no-commit               # Write the files but do not commit them
    --dry-run                 # Show what would be written and change nothing
    --format: string@"nu-complete git-crm person key add format" # Output format of the result
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm person key add color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    handle: string            # The person's handle
    key: string               # `age1…` or an OpenSSH `ssh-ed25519 AAAA…` line (quote it)
  ]

  def "nu-complete git-crm person key list format" [] {
    [ "table" "json" ]
  }

  def "nu-complete git-crm person key list color" [] {
    [ "auto" "always" "never" ]
  }

  # List registered keys, and which of them this machine's identity holds
  export extern "git-crm person key list" [
    --format: string@"nu-complete git-crm person key list format" # Output format (json is versioned; see docs/)
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm person key list color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    handle?: string           # Only this person's keys
  ]

  def "nu-complete git-crm person key remove format" [] {
    [ "table" "json" ]
  }

  def "nu-complete git-crm person key remove color" [] {
    [ "auto" "always" "never" ]
  }

  # Withdraw a key (by fingerprint or its prefix); rekey the teams afterwards
  export extern "git-crm person key remove" [
    --no-commit               # Write the files but do not commit them
    --dry-run                 # Show what would be written and change nothing
    --format: string@"nu-complete git-crm person key remove format" # Output format of the result
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm person key remove color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    handle: string            # The person's handle
    fingerprint: string       # The key's fingerprint, or a prefix of it (`person key list` shows them)
  ]

  def "nu-complete git-crm person key generate format" [] {
    [ "table" "json" ]
  }

  def "nu-complete git-crm person key generate color" [] {
    [ "auto" "always" "never" ]
  }

  # Create an age identity for this machine (~/.config/git-crm/identity.txt) and print its public key; with --add, also register it for a person
  export extern "git-crm person key generate" [
    --add: string             # Register the new public key for this handle
    --output: path            # Write the identity here instead
    --no-commit               # Write the files but do not commit them
    --dry-run                 # Show what would be written and change nothing
    --format: string@"nu-complete git-crm person key generate format" # Output format of the result
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm person key generate color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
  ]

  # Print this message or the help of the given subcommand(s)
  export extern "git-crm person key help" [
  ]

  # Register a public key restricted content of the person's teams is sealed to
  export extern "git-crm person key help add" [
  ]

  # List registered keys, and which of them this machine's identity holds
  export extern "git-crm person key help list" [
  ]

  # Withdraw a key (by fingerprint or its prefix); rekey the teams afterwards
  export extern "git-crm person key help remove" [
  ]

  # Create an age identity for this machine (~/.config/git-crm/identity.txt) and print its public key; with --add, also register it for a person
  export extern "git-crm person key help generate" [
  ]

  # Print this message or the help of the given subcommand(s)
  export extern "git-crm person key help help" [
  ]

  # Print this message or the help of the given subcommand(s)
  export extern "git-crm person help" [
  ]

  # Add a person
  export extern "git-crm person help add" [
  ]

  # List people
  export extern "git-crm person help list" [
  ]

  # Mark a person away (holidays, leave): their customers' inbound threads wait in their team's queue meanwhile (`git crm inbox --team <team>`)
  export extern "git-crm person help away" [
  ]

  # Mark a person back from being away
  export extern "git-crm person help back" [
  ]

  # Public keys for restricted content
  export extern "git-crm person help key" [
  ]

  # Register a public key restricted content of the person's teams is sealed to
  export extern "git-crm person help key add" [
  ]

  # List registered keys, and which of them this machine's identity holds
  export extern "git-crm person help key list" [
  ]

  # Withdraw a key (by fingerprint or its prefix); rekey the teams afterwards
  export extern "git-crm person help key remove" [
  ]

  # Create an age identity for this machine (~/.config/git-crm/identity.txt) and print its public key; with --add, also register it for a person
  export extern "git-crm person help key generate" [
  ]

  # Print this message or the help of the given subcommand(s)
  export extern "git-crm person help help" [
  ]

  def "nu-complete git-crm team color" [] {
    [ "auto" "always" "never" ]
  }

  # Manage teams
  export extern "git-crm team" [
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm team color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
  ]

  def "nu-complete git-crm team add format" [] {
    [ "table" "json" ]
  }

  def "nu-complete git-crm team add color" [] {
    [ "auto" "always" "never" ]
  }

  # Add a team
  export extern "git-crm team add" [
    --calendar: string        # Calendar (defined under `calendars:` in the config) for business-hours metrics
    --description: string     # What the team does (shown by `team list`)
    --email: string           # A shared mail address of the team, e.g. `support@agency.example` (repeatable): ingested mail from or to it is the team's
    --no-commit               # Write the files but do not commit them
    --dry-run                 # Show what would be written and change nothing
    --format: string@"nu-complete git-crm team add format" # Output format of the result
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm team add color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    name: string              # The team's name: lowercase letters, digits and `-` (`support`)
  ]

  def "nu-complete git-crm team list format" [] {
    [ "table" "json" "markdown" "csv" ]
  }

  def "nu-complete git-crm team list color" [] {
    [ "auto" "always" "never" ]
  }

  # List teams
  export extern "git-crm team list" [
    --format: string@"nu-complete git-crm team list format" # Output format (json is versioned; see docs/)
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm team list color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
  ]

  def "nu-complete git-crm team join format" [] {
    [ "table" "json" ]
  }

  def "nu-complete git-crm team join color" [] {
    [ "auto" "always" "never" ]
  }

  # Add a person to a team
  export extern "git-crm team join" [
    --no-commit               # Write the files but do not commit them
    --dry-run                 # Show what would be written and change nothing
    --format: string@"nu-complete git-crm team join format" # Output format of the result
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm team join color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    team: string              # The team
    handle: string            # The person's handle
  ]

  def "nu-complete git-crm team leave format" [] {
    [ "table" "json" ]
  }

  def "nu-complete git-crm team leave color" [] {
    [ "auto" "always" "never" ]
  }

  # Remove a person from a team (rekey the team afterwards)
  export extern "git-crm team leave" [
    --no-commit               # Write the files but do not commit them
    --dry-run                 # Show what would be written and change nothing
    --format: string@"nu-complete git-crm team leave format" # Output format of the result
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm team leave color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    team: string              # The team
    handle: string            # The person's handle
  ]

  def "nu-complete git-crm team rekey format" [] {
    [ "table" "json" ]
  }

  def "nu-complete git-crm team rekey color" [] {
    [ "auto" "always" "never" ]
  }

  # Re-seal everything restricted to the team to its current members, in one commit (needs a local identity that can read it)
  export extern "git-crm team rekey" [
    --no-commit               # Write the files but do not commit them
    --dry-run                 # Show what would be written and change nothing
    --format: string@"nu-complete git-crm team rekey format" # Output format of the result
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm team rekey color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    team: string              # The team
  ]

  # Print this message or the help of the given subcommand(s)
  export extern "git-crm team help" [
  ]

  # Add a team
  export extern "git-crm team help add" [
  ]

  # List teams
  export extern "git-crm team help list" [
  ]

  # Add a person to a team
  export extern "git-crm team help join" [
  ]

  # Remove a person from a team (rekey the team afterwards)
  export extern "git-crm team help leave" [
  ]

  # Re-seal everything restricted to the team to its current members, in one commit (needs a local identity that can read it)
  export extern "git-crm team help rekey" [
  ]

  # Print this message or the help of the given subcommand(s)
  export extern "git-crm team help help" [
  ]

  def "nu-complete git-crm customer color" [] {
    [ "auto" "always" "never" ]
  }

  # Add, list, show, edit, rename and archive customers
  export extern "git-crm customer" [
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm customer color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
  ]

  def "nu-complete git-crm customer add kind" [] {
    [ "company" "person" ]
  }

  def "nu-complete git-crm customer add status" [] {
    [ "lead" "active" "paused" "churned" ]
  }

  def "nu-complete git-crm customer add format" [] {
    [ "table" "json" ]
  }

  def "nu-complete git-crm customer add color" [] {
    [ "auto" "always" "never" ]
  }

  # Add a customer
  export extern "git-crm customer add" [
    --slug: string            # Folder name and handle of the customer (default: derived from the name)
    --kind: string@"nu-complete git-crm customer add kind" # Company or person
    --status: string@"nu-complete git-crm customer add status" # Where the relationship stands
    --owner: string           # Owner handle (default: you)
    --team: string            # Team (default: the owner's first team)
    --tag: string             # Tags (repeatable, or comma-separated)
    --contact: string         # A contact: `Name <email>`, optionally `;phone=...;role=...` (repeatable)
    --field: string           # A custom field `key=value` (repeatable)
    --external-id: string     # An id in another system, `source=key` (repeatable)
    --domain: string          # A mail domain of the customer, e.g. `acme.example` (repeatable, or comma-separated): ingested mail from that domain belongs to it
    --no-commit               # Write the files but do not commit them
    --dry-run                 # Show what would be written and change nothing
    --format: string@"nu-complete git-crm customer add format" # Output format of the result
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm customer add color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    name?: string             # Display name (asked on a terminal when missing)
  ]

  def "nu-complete git-crm customer list status" [] {
    [ "lead" "active" "paused" "churned" ]
  }

  def "nu-complete git-crm customer list sort" [] {
    [ "slug" "name" "created" "status" "owner" "last" ]
  }

  def "nu-complete git-crm customer list format" [] {
    [ "table" "json" "markdown" "csv" ]
  }

  def "nu-complete git-crm customer list color" [] {
    [ "auto" "always" "never" ]
  }

  # List customers
  export extern "git-crm customer list" [
    --status: string@"nu-complete git-crm customer list status" # Only these statuses (repeatable)
    --owner: string           # Only customers owned by this person
    --team: string            # Only customers of this team
    --tag: string             # Only customers with all these tags
    --archived                # Include archived customers
    --sort: string@"nu-complete git-crm customer list sort" # Sort by this column
    --format: string@"nu-complete git-crm customer list format" # Output format (json is versioned; see docs/)
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm customer list color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
  ]

  def "nu-complete git-crm customer show format" [] {
    [ "table" "json" ]
  }

  def "nu-complete git-crm customer show color" [] {
    [ "auto" "always" "never" ]
  }

  # Show a customer's card: fields, contacts, open threads, last touchpoint, pending handoff
  export extern "git-crm customer show" [
    --format: string@"nu-complete git-crm customer show format" # Output format (json is versioned; see docs/)
    --view: string            # Apply the view of this role (default: the acting person's role; `all` shows everything). A view decides what comes first and which tagged records are left out; it is surfacing, not security: everyone with the repository can read every record
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm customer show color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    slug: string              # The customer: its slug, or a contact's email or phone
  ]

  def "nu-complete git-crm customer edit format" [] {
    [ "table" "json" ]
  }

  def "nu-complete git-crm customer edit color" [] {
    [ "auto" "always" "never" ]
  }

  # Edit fields in place (comments and unknown keys in the file are kept)
  export extern "git-crm customer edit" [
    --set: string             # `key=value` for name, kind, status, tags, domains, fields.<name>, external_ids.<source>
    --unset: string           # Remove an optional field
    --add-tag: string         # Add a tag (repeatable; comma-separated lists work too)
    --remove-tag: string      # Remove a tag (repeatable)
    --add-contact: string     # `Name <email>;phone=...;role=...`
    --remove-contact: string  # A contact's name or email
    --set-restricted: string  # `fields.<name>=value` sealed to --team (its members and you), kept under `restricted_fields`
    --team: string            # The team restricted values are kept to
    --no-commit               # Write the files but do not commit them
    --dry-run                 # Show what would be written and change nothing
    --format: string@"nu-complete git-crm customer edit format" # Output format of the result
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm customer edit color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    slug: string              # The customer: its slug, or a contact's email or phone
  ]

  def "nu-complete git-crm customer rename format" [] {
    [ "table" "json" ]
  }

  def "nu-complete git-crm customer rename color" [] {
    [ "auto" "always" "never" ]
  }

  # Give a customer a new slug (moves its folder, keeps its id) and/or a new name
  export extern "git-crm customer rename" [
    --name: string            # The new display name
    --no-commit               # Write the files but do not commit them
    --dry-run                 # Show what would be written and change nothing
    --format: string@"nu-complete git-crm customer rename format" # Output format of the result
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm customer rename color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    slug: string              # The customer: its slug, or a contact's email or phone
    new_slug?: string         # The new slug (the folder moves; the old slug keeps pointing to the new one)
  ]

  def "nu-complete git-crm customer archive format" [] {
    [ "table" "json" ]
  }

  def "nu-complete git-crm customer archive color" [] {
    [ "auto" "always" "never" ]
  }

  # Archive a customer (nothing is deleted); --undo brings it back
  export extern "git-crm customer archive" [
    --undo                    # Unarchive instead
    --no-commit               # Write the files but do not commit them
    --dry-run                 # Show what would be written and change nothing
    --format: string@"nu-complete git-crm customer archive format" # Output format of the result
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm customer archive color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    slug: string              # The customer: its slug, or a contact's email or phone
  ]

  # Print this message or the help of the given subcommand(s)
  export extern "git-crm customer help" [
  ]

  # Add a customer
  export extern "git-crm customer help add" [
  ]

  # List customers
  export extern "git-crm customer help list" [
  ]

  # Show a customer's card: fields, contacts, open threads, last touchpoint, pending handoff
  export extern "git-crm customer help show" [
  ]

  # Edit fields in place (comments and unknown keys in the file are kept)
  export extern "git-crm customer help edit" [
  ]

  # Give a customer a new slug (moves its folder, keeps its id) and/or a new name
  export extern "git-crm customer help rename" [
  ]

  # Archive a customer (nothing is deleted); --undo brings it back
  export extern "git-crm customer help archive" [
  ]

  # Print this message or the help of the given subcommand(s)
  export extern "git-crm customer help help" [
  ]

  def "nu-complete git-crm log direction" [] {
    [ "inbound" "outbound" "internal" ]
  }

  def "nu-complete git-crm log format" [] {
    [ "table" "json" ]
  }

  def "nu-complete git-crm log color" [] {
    [ "auto" "always" "never" ]
  }

  # Log a touchpoint with a customer
  export extern "git-crm log" [
    --channel(-c): string     # Channel from the store's vocabulary (email, call, chat, meeting, ...)
    --direction(-d): string@"nu-complete git-crm log direction" # inbound (from the customer), outbound (to the customer) or internal
    --summary(-s): string     # One line saying what happened
    --body: string            # Longer text (Markdown)
    --at: string              # When it happened (default now): RFC 3339, `2026-11-02 14:30`, `yesterday`, `3h ago`
    --by: string              # Who: a person handle for outbound/internal (default you); for inbound, the customer's contact (name or email; asked on a terminal when the customer has several, required without one). A person of the store is never the author of an inbound touchpoint
    --reply-to: string        # Join the thread of this touchpoint (short id prefix from the timeline, or `last`)
    --resolves                # This touchpoint resolved the thread
    --tag: string             # Tags (repeatable, or comma-separated)
    --automated               # Sent by an automation (auto-reply, sequence); never starts or stops a metric clock
    --restricted: string      # Seal the summary and body to this team (its current members and you); channel, direction, times and thread stay in clear for the metrics
    --no-commit               # Write the files but do not commit them
    --dry-run                 # Show what would be written and change nothing
    --format: string@"nu-complete git-crm log format" # Output format of the result
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm log color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    customer: string          # The customer: its slug, or a contact's email or phone when only one customer has it
  ]

  def "nu-complete git-crm note format" [] {
    [ "table" "json" ]
  }

  def "nu-complete git-crm note color" [] {
    [ "auto" "always" "never" ]
  }

  # Add an internal note about a customer; @mentions name people
  export extern "git-crm note" [
    --tag: string             # Tag the note (repeatable)
    --restricted: string      # Seal the text to this team (its current members and you); the rest stays in clear
    --at: string              # When (default now)
    --no-commit               # Write the files but do not commit them
    --dry-run                 # Show what would be written and change nothing
    --format: string@"nu-complete git-crm note format" # Output format of the result
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm note color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    customer: string          # The customer: its slug, or a contact's email or phone when only one customer has it
    text?: string             # The note (Markdown); `@handle` mentions a person
  ]

  def "nu-complete git-crm attach format" [] {
    [ "table" "json" ]
  }

  def "nu-complete git-crm attach color" [] {
    [ "auto" "always" "never" ]
  }

  # Attach files (proposals, contracts, invoices) to a customer as documents
  export extern "git-crm attach" [
    --title: string           # Title (default: the file name)
    --name: string            # The original name to record (default: the file's own name); a plain file name
    --tag: string             # Tags (repeatable, or comma-separated)
    --restricted: string      # Seal the file, its title and its name to this team (its current members and you)
    --to: string              # The touchpoint, note, task or handoff it belongs to (id prefix from the timeline)
    --replaces: string        # A new version of this document (id prefix from `docs list`)
    --at: string              # When it was attached (default now)
    --no-commit               # Write the files but do not commit them
    --dry-run                 # Show what would be written and change nothing
    --format: string@"nu-complete git-crm attach format" # Output format of the result
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm attach color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    customer: string          # The customer's slug
    ...files: path            # Files to attach (each becomes one document; the same content twice is one document)
  ]

  def "nu-complete git-crm docs color" [] {
    [ "auto" "always" "never" ]
  }

  # List, show, fetch and open documents
  export extern "git-crm docs" [
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm docs color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
  ]

  def "nu-complete git-crm docs list format" [] {
    [ "table" "json" "csv" ]
  }

  def "nu-complete git-crm docs list color" [] {
    [ "auto" "always" "never" ]
  }

  # List documents (the current version of each; --all for every version)
  export extern "git-crm docs list" [
    --all                     # Include versions replaced by newer ones
    --format: string@"nu-complete git-crm docs list format" # Output format (json is versioned; see docs/)
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm docs list color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    customer?: string         # Only this customer's documents
  ]

  def "nu-complete git-crm docs show format" [] {
    [ "table" "json" "csv" ]
  }

  def "nu-complete git-crm docs show color" [] {
    [ "auto" "always" "never" ]
  }

  # A document's record and its versions
  export extern "git-crm docs show" [
    --format: string@"nu-complete git-crm docs show format" # Output format (json is versioned; see docs/)
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm docs show color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    id: string                # The document (a prefix of its id, as `docs list` shows)
  ]

  def "nu-complete git-crm docs get color" [] {
    [ "auto" "always" "never" ]
  }

  # Write a document's content to a file (default: its original name here), or `-o -` for stdout. The content is checked against its sha256
  export extern "git-crm docs get" [
    --output(-o): path        # Write the file here (`-` for stdout) instead of under its original name
    --force                   # Replace an existing file
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm docs get color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    id: string                # The document (a prefix of its id, as `docs list` shows)
  ]

  def "nu-complete git-crm docs open color" [] {
    [ "auto" "always" "never" ]
  }

  # Open a copy of a document with GITCRM_OPENER, `git config gitcrm.opener` or the desktop's opener (on a terminal only; docs/security.md says when the copy is removed)
  export extern "git-crm docs open" [
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm docs open color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    id: string                # The document (a prefix of its id, as `docs list` shows)
  ]

  # Print this message or the help of the given subcommand(s)
  export extern "git-crm docs help" [
  ]

  # List documents (the current version of each; --all for every version)
  export extern "git-crm docs help list" [
  ]

  # A document's record and its versions
  export extern "git-crm docs help show" [
  ]

  # Write a document's content to a file (default: its original name here), or `-o -` for stdout. The content is checked against its sha256
  export extern "git-crm docs help get" [
  ]

  # Open a copy of a document with GITCRM_OPENER, `git config gitcrm.opener` or the desktop's opener (on a terminal only; docs/security.md says when the copy is removed)
  export extern "git-crm docs help open" [
  ]

  # Print this message or the help of the given subcommand(s)
  export extern "git-crm docs help help" [
  ]

  def "nu-complete git-crm assign format" [] {
    [ "table" "json" ]
  }

  def "nu-complete git-crm assign color" [] {
    [ "auto" "always" "never" ]
  }

  # Reassign a customer and record the handoff
  export extern "git-crm assign" [
    --to: string              # The new owner's handle
    --team: string            # The new team (default: the new owner's first team)
    --reason: string          # Why, for the handoff record
    --no-commit               # Write the files but do not commit them
    --dry-run                 # Show what would be written and change nothing
    --format: string@"nu-complete git-crm assign format" # Output format of the result
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm assign color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    customer: string          # The customer: its slug, or a contact's email or phone when only one customer has it
  ]

  def "nu-complete git-crm amend direction" [] {
    [ "inbound" "outbound" "internal" ]
  }

  def "nu-complete git-crm amend format" [] {
    [ "table" "json" ]
  }

  def "nu-complete git-crm amend color" [] {
    [ "auto" "always" "never" ]
  }

  # Correct a touchpoint or note (summary, body, channel, time, direction, author, customer) with a correction record; history is never rewritten
  export extern "git-crm amend" [
    --summary(-s): string     # The new summary (touchpoints)
    --body: string            # The new body
    --no-body                 # Remove the body (touchpoints)
    --channel(-c): string     # The new channel (touchpoints)
    --at: string              # When it really happened: `2026-11-20 09:12`, `yesterday 14:00`, `2 days ago`, ...
    --direction(-d): string@"nu-complete git-crm amend direction" # The new direction (touchpoints): inbound, outbound or internal
    --by: string              # Who: a person for outbound/internal, the customer's contact for inbound
    --customer: string        # Move it to this customer (slug, or a contact's email or phone)
    --reason: string          # Why (kept in the correction record)
    --no-commit               # Write the files but do not commit them
    --dry-run                 # Show what would be written and change nothing
    --format: string@"nu-complete git-crm amend format" # Output format of the result
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm amend color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    id: string                # The touchpoint or note (a short id prefix from the timeline, or the full id)
  ]

  def "nu-complete git-crm void format" [] {
    [ "table" "json" ]
  }

  def "nu-complete git-crm void color" [] {
    [ "auto" "always" "never" ]
  }

  # Withdraw a touchpoint or note with a reason (a correction record; nothing is deleted)
  export extern "git-crm void" [
    --reason: string          # Why it is withdrawn (required; kept in the correction record)
    --no-commit               # Write the files but do not commit them
    --dry-run                 # Show what would be written and change nothing
    --format: string@"nu-complete git-crm void format" # Output format of the result
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm void color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    id: string                # The touchpoint or note (a short id prefix from the timeline, or the full id)
  ]

  def "nu-complete git-crm handoff color" [] {
    [ "auto" "always" "never" ]
  }

  # List, accept and decline handoffs
  export extern "git-crm handoff" [
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm handoff color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
  ]

  def "nu-complete git-crm handoff list format" [] {
    [ "table" "json" "markdown" "csv" ]
  }

  def "nu-complete git-crm handoff list color" [] {
    [ "auto" "always" "never" ]
  }

  # List handoffs, oldest first
  export extern "git-crm handoff list" [
    --pending                 # Only handoffs not yet accepted
    --customer: string        # Only handoffs of this customer (slug, or a contact's email or phone)
    --to: string              # Only handoffs to this person
    --format: string@"nu-complete git-crm handoff list format" # Output format (json is versioned; see docs/)
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm handoff list color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
  ]

  def "nu-complete git-crm handoff accept format" [] {
    [ "table" "json" ]
  }

  def "nu-complete git-crm handoff accept color" [] {
    [ "auto" "always" "never" ]
  }

  # Accept a handoff to you: by handoff id, or by customer (its latest handoff)
  export extern "git-crm handoff accept" [
    --on-behalf-of: string    # Accept for the receiving person (recorded as `on_behalf_of`)
    --no-commit               # Write the files but do not commit them
    --dry-run                 # Show what would be written and change nothing
    --format: string@"nu-complete git-crm handoff accept format" # Output format of the result
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm handoff accept color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    target: string            # The handoff (a prefix of its id), or a customer: its slug, or a contact's email or phone (its latest handoff)
  ]

  def "nu-complete git-crm handoff decline format" [] {
    [ "table" "json" ]
  }

  def "nu-complete git-crm handoff decline color" [] {
    [ "auto" "always" "never" ]
  }

  # Decline a handoff to you: ownership goes back to the previous owner, in one commit
  export extern "git-crm handoff decline" [
    --reason: string          # Why (required; the previous owner reads it)
    --on-behalf-of: string    # Decline for the receiving person (recorded as `on_behalf_of`)
    --no-commit               # Write the files but do not commit them
    --dry-run                 # Show what would be written and change nothing
    --format: string@"nu-complete git-crm handoff decline format" # Output format of the result
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm handoff decline color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    target: string            # A handoff id prefix, or a customer (slug, or a contact's email or phone)
  ]

  # Print this message or the help of the given subcommand(s)
  export extern "git-crm handoff help" [
  ]

  # List handoffs, oldest first
  export extern "git-crm handoff help list" [
  ]

  # Accept a handoff to you: by handoff id, or by customer (its latest handoff)
  export extern "git-crm handoff help accept" [
  ]

  # Decline a handoff to you: ownership goes back to the previous owner, in one commit
  export extern "git-crm handoff help decline" [
  ]

  # Print this message or the help of the given subcommand(s)
  export extern "git-crm handoff help help" [
  ]

  def "nu-complete git-crm task color" [] {
    [ "auto" "always" "never" ]
  }

  # Follow-up tasks
  export extern "git-crm task" [
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm task color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
  ]

  def "nu-complete git-crm task add format" [] {
    [ "table" "json" ]
  }

  def "nu-complete git-crm task add color" [] {
    [ "auto" "always" "never" ]
  }

  # Add a follow-up task on a customer
  export extern "git-crm task add" [
    --assignee: string        # Who does it (default: you)
    --due: string             # Due date: 2026-12-01, `tomorrow`, `friday`, `next monday`, `+3d`, `in 2 weeks`
    --every: string           # Make it recurring: 3d, 1w, 2w, 1mo (or daily, weekly, monthly). The next occurrence is added when this one is done, due `every` after this one's due date (default due: today)
    --no-commit               # Write the files but do not commit them
    --dry-run                 # Show what would be written and change nothing
    --format: string@"nu-complete git-crm task add format" # Output format of the result
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm task add color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    customer: string          # The customer: its slug, or a contact's email or phone
    title: string             # What is to be done (one line)
  ]

  def "nu-complete git-crm task edit format" [] {
    [ "table" "json" ]
  }

  def "nu-complete git-crm task edit color" [] {
    [ "auto" "always" "never" ]
  }

  # Change a task in place: title, due date, assignee (reassign), recurrence
  export extern "git-crm task edit" [
    --title: string           # The new title
    --due: string             # The new due date (same forms as `task add --due`)
    --no-due                  # Remove the due date
    --assignee: string        # Reassign to this person
    --every: string           # Make a series recur at this interval (1w, 1mo, ...), or `never` to end it
    --no-commit               # Write the files but do not commit them
    --dry-run                 # Show what would be written and change nothing
    --format: string@"nu-complete git-crm task edit format" # Output format of the result
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm task edit color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    id: string                # The task (a short id prefix from `task list`)
  ]

  def "nu-complete git-crm task reopen format" [] {
    [ "table" "json" ]
  }

  def "nu-complete git-crm task reopen color" [] {
    [ "auto" "always" "never" ]
  }

  # Open a done task again
  export extern "git-crm task reopen" [
    --no-commit               # Write the files but do not commit them
    --dry-run                 # Show what would be written and change nothing
    --format: string@"nu-complete git-crm task reopen format" # Output format of the result
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm task reopen color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    id: string                # The task (a short id prefix from `task list --all`)
  ]

  def "nu-complete git-crm task list format" [] {
    [ "table" "json" "markdown" "csv" ]
  }

  def "nu-complete git-crm task list color" [] {
    [ "auto" "always" "never" ]
  }

  # List open tasks (soonest due first)
  export extern "git-crm task list" [
    --mine                    # Only tasks assigned to you
    --assignee: string        # Only tasks assigned to this person
    --overdue                 # Only tasks past their due date
    --all                     # Include done tasks
    --customer: string        # Only tasks of this customer (slug, or a contact's email or phone)
    --format: string@"nu-complete git-crm task list format" # Output format (json is versioned; see docs/)
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm task list color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
  ]

  def "nu-complete git-crm task done format" [] {
    [ "table" "json" ]
  }

  def "nu-complete git-crm task done color" [] {
    [ "auto" "always" "never" ]
  }

  # Mark a task done (by id prefix); for a recurring task, this adds the next occurrence
  export extern "git-crm task done" [
    --no-commit               # Write the files but do not commit them
    --dry-run                 # Show what would be written and change nothing
    --format: string@"nu-complete git-crm task done format" # Output format of the result
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm task done color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    id: string                # The task (a prefix of its id, as `task list` shows it)
  ]

  # Print this message or the help of the given subcommand(s)
  export extern "git-crm task help" [
  ]

  # Add a follow-up task on a customer
  export extern "git-crm task help add" [
  ]

  # Change a task in place: title, due date, assignee (reassign), recurrence
  export extern "git-crm task help edit" [
  ]

  # Open a done task again
  export extern "git-crm task help reopen" [
  ]

  # List open tasks (soonest due first)
  export extern "git-crm task help list" [
  ]

  # Mark a task done (by id prefix); for a recurring task, this adds the next occurrence
  export extern "git-crm task help done" [
  ]

  # Print this message or the help of the given subcommand(s)
  export extern "git-crm task help help" [
  ]

  def "nu-complete git-crm timeline kind" [] {
    [ "touchpoint" "note" "handoff" "handoff-accepted" "task" "task-done" "document" ]
  }

  def "nu-complete git-crm timeline format" [] {
    [ "table" "json" "markdown" ]
  }

  def "nu-complete git-crm timeline color" [] {
    [ "auto" "always" "never" ]
  }

  # A customer's touchpoints, notes, handoffs and tasks in one chronological view
  export extern "git-crm timeline" [
    --since: string           # Start of the period: a date or a time (`2026-10-01`, `last monday 09:00`), a duration back from --at or now (`30d`), or `all` (`metrics` defaults to 30d, other commands to all)
    --until: string           # End of the period, exclusive (a bare date includes that day); the same forms as --since
    --channel: string         # Only touchpoints on these channels (repeatable)
    --kind: string@"nu-complete git-crm timeline kind" # Only these kinds (repeatable)
    --by: string              # Only entries by these people or contacts (repeatable)
    --tz: string              # Time zone for times and days, an IANA name such as `Europe/Paris` (default: the store's `timezone`, else UTC). Never the machine's zone
    --body                    # Print touchpoint and note bodies
    --history                 # Weave in who changed the customer when, from git (field changes, renames, edits)
    --format: string@"nu-complete git-crm timeline format" # Output format (json is versioned; see docs/)
    --view: string            # Apply the view of this role (default: the acting person's role; `all` shows everything). A view decides what comes first and which tagged records are left out; it is surfacing, not security: everyone with the repository can read every record
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm timeline color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    customer: string          # The customer: its slug, or a contact's email or phone when only one customer has it
  ]

  def "nu-complete git-crm find kind" [] {
    [ "customer" "touchpoint" "note" ]
  }

  def "nu-complete git-crm find format" [] {
    [ "table" "json" ]
  }

  def "nu-complete git-crm find color" [] {
    [ "auto" "always" "never" ]
  }

  # Find customers (name, contact, email, phone, domain), touchpoints and notes, ranked
  export extern "git-crm find" [
    --since: string           # Start of the period: a date or a time (`2026-10-01`, `last monday 09:00`), a duration back from --at or now (`30d`), or `all` (`metrics` defaults to 30d, other commands to all)
    --until: string           # End of the period, exclusive (a bare date includes that day); the same forms as --since
    --team: string            # Only customers of these teams (repeatable, or comma-separated)
    --owner: string           # Only customers owned by these people
    --channel: string         # Only touchpoints on these channels (metrics: threads started on them)
    --tag: string             # Only customers with any of these tags
    --customer: string        # Only these customers (slugs, or contact emails or phones)
    --kind: string@"nu-complete git-crm find kind" # Only these kinds of hit (repeatable)
    --limit: string           # Hits listed per section (0: all)
    --format: string@"nu-complete git-crm find format" # Output format (the JSON is documented in docs/everyday.md)
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm find color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    ...text: string           # What to look for: words, a name, an email, a phone number or a mail domain
  ]

  def "nu-complete git-crm inbox format" [] {
    [ "table" "json" ]
  }

  def "nu-complete git-crm inbox color" [] {
    [ "auto" "always" "never" ]
  }

  # What needs you now: unanswered threads, handoffs to you, your tasks, mentions
  export extern "git-crm inbox" [
    --all                     # Also list mentions already seen in this clone
    --peek                    # Do not mark the mentions shown as seen
    --team: string            # The queue of this team instead of your inbox: waiting threads on its customers that have no owner or whose owner is away
    --format: string@"nu-complete git-crm inbox format" # Output format (json is documented in docs/collaboration-sync.md)
    --view: string            # Apply the view of this role (default: the acting person's role; `all` shows everything). A view decides what comes first and which tagged records are left out; it is surfacing, not security: everyone with the repository can read every record
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm inbox color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
  ]

  def "nu-complete git-crm metrics metric" [] {
    [ "frt" "fcr" "handoff" "coverage" "consistency" ]
  }

  def "nu-complete git-crm metrics by" [] {
    [ "team" "owner" "channel" "month" "week" ]
  }

  def "nu-complete git-crm metrics fcr_rule" [] {
    [ "strict" "one-touch" "no-further-contact" ]
  }

  def "nu-complete git-crm metrics clock" [] {
    [ "business" "wall" ]
  }

  def "nu-complete git-crm metrics format" [] {
    [ "table" "json" "markdown" "csv" ]
  }

  def "nu-complete git-crm metrics color" [] {
    [ "auto" "always" "never" ]
  }

  # Team metrics: first response, first contact resolution, handoffs, coverage, consistency
  export extern "git-crm metrics" [
    --since: string           # Start of the period: a date or a time (`2026-10-01`, `last monday 09:00`), a duration back from --at or now (`30d`), or `all` (`metrics` defaults to 30d, other commands to all)
    --until: string           # End of the period, exclusive (a bare date includes that day); the same forms as --since
    --at: string              # Compute as of this instant (default now): later records are ignored, ages end here
    --tz: string              # Time zone of periods, months and weeks (IANA name). Never the machine's zone
    --team: string            # Only customers of these teams (repeatable, or comma-separated)
    --owner: string           # Only customers owned by these people
    --channel: string         # Only touchpoints on these channels (metrics: threads started on them)
    --tag: string             # Only customers with any of these tags
    --customer: string        # Only these customers (slugs, or contact emails or phones)
    --by: string@"nu-complete git-crm metrics by" # Also show the metrics grouped by team, owner, channel, month or week
    --fcr-rule: string@"nu-complete git-crm metrics fcr_rule" # Which first-contact-resolution definition to use
    --clock: string@"nu-complete git-crm metrics clock" # Measure durations in business hours (where the team has a calendar) or wall-clock time
    --weeks: string           # Weeks of the weekly coverage table
    --fail-if: string         # Exit 1 when a condition holds, e.g. 'handoff.p90 > 24h', 'fcr.rate < 0.6', 'frt.unanswered > 0' (repeatable)
    --format: string@"nu-complete git-crm metrics format" # Output format (json is versioned; see docs/)
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm metrics color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    metric?: string@"nu-complete git-crm metrics metric" # Show one metric in depth (default: an overview of the five)
  ]

  def "nu-complete git-crm check format" [] {
    [ "text" "json" ]
  }

  def "nu-complete git-crm check color" [] {
    [ "auto" "always" "never" ]
  }

  # Validate the whole store with named checks; report every problem
  export extern "git-crm check" [
    --format: string@"nu-complete git-crm check format" # Output format
    --strict                  # Fail on warnings too (exit 1)
    --list                    # List the checks with what each one finds, and exit
    --fix                     # First make the repairs that are safe (records a merge left in a renamed customer's old folder are moved to the customer), in one commit; then check
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm check color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    ...names: string          # Checks to run (default: all of them; `--list` shows them)
  ]

  def "nu-complete git-crm import format" [] {
    [ "table" "json" ]
  }

  def "nu-complete git-crm import color" [] {
    [ "auto" "always" "never" ]
  }

  # Import customers or touchpoints from a spreadsheet (CSV, XLSX, ODS) with a rules file
  export extern "git-crm import" [
    --rules: path             # The rules file that maps its columns to fields (see docs/import.md)
    --skip-invalid            # Import the valid rows and list the invalid ones, instead of importing nothing
    --dry-run                 # Show what would be created and changed, and write nothing
    --no-commit               # Write the files but do not commit them (the next import commits them)
    --format: string@"nu-complete git-crm import format" # Output format of the summary
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm import color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    file: path                # The spreadsheet: CSV/TSV (UTF-8), XLSX, XLS, XLSB or ODS
  ]

  def "nu-complete git-crm ingest color" [] {
    [ "auto" "always" "never" ]
  }

  # Ingest mail (.eml, mbox, Maildir, stdin), calendar events (.ics) and contacts (.vcf)
  export extern "git-crm ingest" [
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm ingest color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
  ]

  def "nu-complete git-crm ingest mail format" [] {
    [ "table" "json" ]
  }

  def "nu-complete git-crm ingest mail color" [] {
    [ "auto" "always" "never" ]
  }

  # Mail: .eml files, mbox files, Maildir folders (cur/ and new/), or one message on stdin (`-`)
  export extern "git-crm ingest mail" [
    --max-message-size: string # Largest message read (e.g. 64M); a larger one is invalid
    --no-attachments          # Keep attachments as metadata on the touchpoint only: store no documents
    --create-customers        # Make a `lead` customer (from the sender's domain and name) for items no customer claims
    --skip-invalid            # Ingest the valid items and list the invalid ones, instead of ingesting nothing
    --dry-run                 # Show what would be created and changed, and write nothing
    --no-commit               # Write the files but do not commit them (the next ingest commits them)
    --format: string@"nu-complete git-crm ingest mail format" # Output format of the summary
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm ingest mail color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    ...paths: path            # Messages to read: .eml files, mbox files, Maildir folders, `-` for stdin
  ]

  def "nu-complete git-crm ingest ics format" [] {
    [ "table" "json" ]
  }

  def "nu-complete git-crm ingest ics color" [] {
    [ "auto" "always" "never" ]
  }

  # Calendar events (.ics, or `-` for stdin) that involve customers' contacts, as meetings
  export extern "git-crm ingest ics" [
    --create-customers        # Make a `lead` customer (from the sender's domain and name) for items no customer claims
    --skip-invalid            # Ingest the valid items and list the invalid ones, instead of ingesting nothing
    --dry-run                 # Show what would be created and changed, and write nothing
    --no-commit               # Write the files but do not commit them (the next ingest commits them)
    --format: string@"nu-complete git-crm ingest ics format" # Output format of the summary
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm ingest ics color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    file: path                # The calendar file, or `-` for stdin
  ]

  def "nu-complete git-crm ingest vcf format" [] {
    [ "table" "json" ]
  }

  def "nu-complete git-crm ingest vcf color" [] {
    [ "auto" "always" "never" ]
  }

  # vCards (.vcf, or `-` for stdin) as contacts of the matching customers
  export extern "git-crm ingest vcf" [
    --create-customers        # Make a `lead` customer (from the sender's domain and name) for items no customer claims
    --skip-invalid            # Ingest the valid items and list the invalid ones, instead of ingesting nothing
    --dry-run                 # Show what would be created and changed, and write nothing
    --no-commit               # Write the files but do not commit them (the next ingest commits them)
    --format: string@"nu-complete git-crm ingest vcf format" # Output format of the summary
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm ingest vcf color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    file: path                # The vCard file, or `-` for stdin
  ]

  # Print this message or the help of the given subcommand(s)
  export extern "git-crm ingest help" [
  ]

  # Mail: .eml files, mbox files, Maildir folders (cur/ and new/), or one message on stdin (`-`)
  export extern "git-crm ingest help mail" [
  ]

  # Calendar events (.ics, or `-` for stdin) that involve customers' contacts, as meetings
  export extern "git-crm ingest help ics" [
  ]

  # vCards (.vcf, or `-` for stdin) as contacts of the matching customers
  export extern "git-crm ingest help vcf" [
  ]

  # Print this message or the help of the given subcommand(s)
  export extern "git-crm ingest help help" [
  ]

  def "nu-complete git-crm export what" [] {
    [ "customers" "touchpoints" "notes" "handoffs" "threads" "contacts" ]
  }

  def "nu-complete git-crm export format" [] {
    [ "csv" "json" "vcf" "jsonl" "parquet" ]
  }

  def "nu-complete git-crm export color" [] {
    [ "auto" "always" "never" ]
  }

  # Export customers, touchpoints, notes, handoffs or contacts as CSV, JSON or vCard
  export extern "git-crm export" [
    --format: string@"nu-complete git-crm export format" # Output format (json is versioned; see docs/)
    --since: string           # Start of the period: a date or a time (`2026-10-01`, `last monday 09:00`), a duration back from --at or now (`30d`), or `all` (`metrics` defaults to 30d, other commands to all)
    --until: string           # End of the period, exclusive (a bare date includes that day); the same forms as --since
    --owner: string           # Only customers owned by this person (and their records)
    --team: string            # Only customers of this team (and their records)
    --tag: string             # Only records with all these tags (customers: customer tags; repeatable)
    --customer: string        # Only these customers (slugs, or contact emails or phones; repeatable)
    --channel: string         # Only touchpoints on these channels (repeatable)
    --output(-o): path        # Write `DIR/<kind>/month=YYYY-MM/part-0.<ext>` and `DIR/<kind>/schema.json` (--format jsonl or parquet)
    --force                   # Replace an earlier export in the --output folder
    --at: string              # Compute thread and handoff facts as of this instant (default now), as `metrics --at`
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm export color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    what: string@"nu-complete git-crm export what" # What to export
  ]

  def "nu-complete git-crm review format" [] {
    [ "table" "json" "markdown" ]
  }

  def "nu-complete git-crm review color" [] {
    [ "auto" "always" "never" ]
  }

  # Summarise a branch for merge review: customers, reassignments, records, fields, problems
  export extern "git-crm review" [
    --fail-on-problems        # Exit 1 when head brings a new `check` error or a record edited or deleted after the fact
    --format: string@"nu-complete git-crm review format" # Output format: text for terminals, markdown for a merge-request comment, json for bots
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm review color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    range?: string            # What to review: `<base>..<head>` (also `<base>...<head>`, `<base>..`, or a lone `<base>` meaning `<base>..HEAD`). Default: the branch's upstream `..HEAD`
  ]

  def "nu-complete git-crm rules color" [] {
    [ "auto" "always" "never" ]
  }

  # Run the team's workflow rules (.gitcrm/rules.yaml) on the committed store, or test them
  export extern "git-crm rules" [
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm rules color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
  ]

  def "nu-complete git-crm rules run only" [] {
    [ "events" "schedule" ]
  }

  def "nu-complete git-crm rules run format" [] {
    [ "table" "json" ]
  }

  def "nu-complete git-crm rules run color" [] {
    [ "auto" "always" "never" ]
  }

  # Run the rules of .gitcrm/rules.yaml on the committed store and commit what they do
  export extern "git-crm rules run" [
    --at: string              # The run's "now" (default: now): schedule rules look at the store as of it
    --rule: string            # Run only this rule (repeatable)
    --only: string@"nu-complete git-crm rules run only" # Run only event rules or only schedule (and task.overdue) rules
    --reapply                 # Fire again what an earlier revision of a rule fired (after editing it)
    --dry-run                 # Print the plan and change nothing
    --no-commit               # Write the files but do not commit them
    --quiet                   # Print nothing when there is nothing to do, or no rules are committed (for hooks and CI)
    --format: string@"nu-complete git-crm rules run format" # Output format (the JSON is documented in docs/rules.md)
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm rules run color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    range?: string            # Read events from `<base>..<head>` instead of the commits since the last run
  ]

  def "nu-complete git-crm rules test format" [] {
    [ "table" "json" ]
  }

  def "nu-complete git-crm rules test color" [] {
    [ "auto" "always" "never" ]
  }

  # Run the fixtures under `tests:` of the work tree's rules file and compare the actions
  export extern "git-crm rules test" [
    --format: string@"nu-complete git-crm rules test format" # Output format (the JSON is documented in docs/rules.md)
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm rules test color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    name?: string             # Only the fixtures whose name contains this
  ]

  # Print this message or the help of the given subcommand(s)
  export extern "git-crm rules help" [
  ]

  # Run the rules of .gitcrm/rules.yaml on the committed store and commit what they do
  export extern "git-crm rules help run" [
  ]

  # Run the fixtures under `tests:` of the work tree's rules file and compare the actions
  export extern "git-crm rules help test" [
  ]

  # Print this message or the help of the given subcommand(s)
  export extern "git-crm rules help help" [
  ]

  def "nu-complete git-crm history format" [] {
    [ "table" "json" "markdown" ]
  }

  def "nu-complete git-crm history color" [] {
    [ "auto" "always" "never" ]
  }

  # A customer's git history in words: who changed what, when, in which commit
  export extern "git-crm history" [
    --tz: string              # Time zone for times and days, an IANA name such as `Europe/Paris` (default: the store's `timezone`, else UTC). Never the machine's zone
    --format: string@"nu-complete git-crm history format" # Output format: table (text), markdown or json
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm history color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    customer: string          # The customer: its slug (the current one; the history follows renames), or a contact's email or phone
  ]

  def "nu-complete git-crm sync format" [] {
    [ "table" "json" ]
  }

  def "nu-complete git-crm sync color" [] {
    [ "auto" "always" "never" ]
  }

  # Fetch, merge, check and push the store through your git (exit 3 conflict, 4 network)
  export extern "git-crm sync" [
    --dry-run                 # Fetch and show what would happen (incoming and outgoing commits, expected conflicts); change nothing but the remote-tracking refs
    --no-check                # Push even when `git crm check` finds errors in the merged store
    --no-push                 # Fetch and merge, but do not push
    --format: string@"nu-complete git-crm sync format" # Output format (json is versioned; see docs/)
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm sync color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
  ]

  def "nu-complete git-crm demo color" [] {
    [ "auto" "always" "never" ]
  }

  # Build a demo agency store and show a short tour
  export extern "git-crm demo" [
    --customers: string       # Generate this many customers (a large store for benchmarks)
    --interactions: string    # Generate this many touchpoints
    --seed: string            # Seed of the generator (the same seed builds the same store)
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm demo color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    dir?: path                # Where to build it (default: ./git-crm-demo); must not exist or be empty
  ]

  def "nu-complete git-crm completions target" [] {
    [ "bash" "zsh" "fish" "powershell" "elvish" "nushell" "man" ]
  }

  def "nu-complete git-crm completions color" [] {
    [ "auto" "always" "never" ]
  }

  # Print shell completions (bash, zsh, fish, powershell, elvish, nushell) or the man page
  export extern "git-crm completions" [
    --dir: path               # Write every target into this folder instead (file names as in completions/), with one man page per subcommand under `man/`
    --man-dir: path           # Install the man pages (git-crm.1 and one per subcommand, git-crm-timeline.1, ...) into this folder, e.g. `~/.cargo/share/man/man1`, where `man` finds them for programs in `~/.cargo/bin`; then `git crm --help` and `git crm help <command>` open them
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm completions color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    target?: string@"nu-complete git-crm completions target" # Which shell (or `man` for the main man page)
  ]

  def "nu-complete git-crm merge-driver color" [] {
    [ "auto" "always" "never" ]
  }

  # The merge driver git calls for customer records (registered by init/setup)
  export extern "git-crm merge-driver" [
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --color: string@"nu-complete git-crm merge-driver color" # When to colour what means something (overdue, over target, new): on a terminal by default; NO_COLOR, CLICOLOR_FORCE and git's color.ui are honoured
    --no-pager                # Print long output directly instead of through the pager (GIT_PAGER, core.pager, PAGER, else `less`), as `git --no-pager` does
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    base: path                # The common ancestor's version (%O)
    ours: path                # Our version (%A); the result is written here
    theirs: path              # Their version (%B)
    path?: string             # The path in the repository (%P), for messages
  ]

  # Print this message or the help of the given subcommand(s)
  export extern "git-crm help" [
  ]

  # Create a store (or adopt an existing git repository as one)
  export extern "git-crm help init" [
  ]

  # Prepare a fresh clone of a store: register the merge driver (Git LFS, when used, and, with --hooks, the post-merge hook that runs event rules)
  export extern "git-crm help setup" [
  ]

  # Manage the people of the store
  export extern "git-crm help person" [
  ]

  # Add a person
  export extern "git-crm help person add" [
  ]

  # List people
  export extern "git-crm help person list" [
  ]

  # Mark a person away (holidays, leave): their customers' inbound threads wait in their team's queue meanwhile (`git crm inbox --team <team>`)
  export extern "git-crm help person away" [
  ]

  # Mark a person back from being away
  export extern "git-crm help person back" [
  ]

  # Public keys for restricted content
  export extern "git-crm help person key" [
  ]

  # Register a public key restricted content of the person's teams is sealed to
  export extern "git-crm help person key add" [
  ]

  # List registered keys, and which of them this machine's identity holds
  export extern "git-crm help person key list" [
  ]

  # Withdraw a key (by fingerprint or its prefix); rekey the teams afterwards
  export extern "git-crm help person key remove" [
  ]

  # Create an age identity for this machine (~/.config/git-crm/identity.txt) and print its public key; with --add, also register it for a person
  export extern "git-crm help person key generate" [
  ]

  # Manage teams
  export extern "git-crm help team" [
  ]

  # Add a team
  export extern "git-crm help team add" [
  ]

  # List teams
  export extern "git-crm help team list" [
  ]

  # Add a person to a team
  export extern "git-crm help team join" [
  ]

  # Remove a person from a team (rekey the team afterwards)
  export extern "git-crm help team leave" [
  ]

  # Re-seal everything restricted to the team to its current members, in one commit (needs a local identity that can read it)
  export extern "git-crm help team rekey" [
  ]

  # Add, list, show, edit, rename and archive customers
  export extern "git-crm help customer" [
  ]

  # Add a customer
  export extern "git-crm help customer add" [
  ]

  # List customers
  export extern "git-crm help customer list" [
  ]

  # Show a customer's card: fields, contacts, open threads, last touchpoint, pending handoff
  export extern "git-crm help customer show" [
  ]

  # Edit fields in place (comments and unknown keys in the file are kept)
  export extern "git-crm help customer edit" [
  ]

  # Give a customer a new slug (moves its folder, keeps its id) and/or a new name
  export extern "git-crm help customer rename" [
  ]

  # Archive a customer (nothing is deleted); --undo brings it back
  export extern "git-crm help customer archive" [
  ]

  # Log a touchpoint with a customer
  export extern "git-crm help log" [
  ]

  # Add an internal note about a customer; @mentions name people
  export extern "git-crm help note" [
  ]

  # Attach files (proposals, contracts, invoices) to a customer as documents
  export extern "git-crm help attach" [
  ]

  # List, show, fetch and open documents
  export extern "git-crm help docs" [
  ]

  # List documents (the current version of each; --all for every version)
  export extern "git-crm help docs list" [
  ]

  # A document's record and its versions
  export extern "git-crm help docs show" [
  ]

  # Write a document's content to a file (default: its original name here), or `-o -` for stdout. The content is checked against its sha256
  export extern "git-crm help docs get" [
  ]

  # Open a copy of a document with GITCRM_OPENER, `git config gitcrm.opener` or the desktop's opener (on a terminal only; docs/security.md says when the copy is removed)
  export extern "git-crm help docs open" [
  ]

  # Reassign a customer and record the handoff
  export extern "git-crm help assign" [
  ]

  # Correct a touchpoint or note (summary, body, channel, time, direction, author, customer) with a correction record; history is never rewritten
  export extern "git-crm help amend" [
  ]

  # Withdraw a touchpoint or note with a reason (a correction record; nothing is deleted)
  export extern "git-crm help void" [
  ]

  # List, accept and decline handoffs
  export extern "git-crm help handoff" [
  ]

  # List handoffs, oldest first
  export extern "git-crm help handoff list" [
  ]

  # Accept a handoff to you: by handoff id, or by customer (its latest handoff)
  export extern "git-crm help handoff accept" [
  ]

  # Decline a handoff to you: ownership goes back to the previous owner, in one commit
  export extern "git-crm help handoff decline" [
  ]

  # Follow-up tasks
  export extern "git-crm help task" [
  ]

  # Add a follow-up task on a customer
  export extern "git-crm help task add" [
  ]

  # Change a task in place: title, due date, assignee (reassign), recurrence
  export extern "git-crm help task edit" [
  ]

  # Open a done task again
  export extern "git-crm help task reopen" [
  ]

  # List open tasks (soonest due first)
  export extern "git-crm help task list" [
  ]

  # Mark a task done (by id prefix); for a recurring task, this adds the next occurrence
  export extern "git-crm help task done" [
  ]

  # A customer's touchpoints, notes, handoffs and tasks in one chronological view
  export extern "git-crm help timeline" [
  ]

  # Find customers (name, contact, email, phone, domain), touchpoints and notes, ranked
  export extern "git-crm help find" [
  ]

  # What needs you now: unanswered threads, handoffs to you, your tasks, mentions
  export extern "git-crm help inbox" [
  ]

  # Team metrics: first response, first contact resolution, handoffs, coverage, consistency
  export extern "git-crm help metrics" [
  ]

  # Validate the whole store with named checks; report every problem
  export extern "git-crm help check" [
  ]

  # Import customers or touchpoints from a spreadsheet (CSV, XLSX, ODS) with a rules file
  export extern "git-crm help import" [
  ]

  # Ingest mail (.eml, mbox, Maildir, stdin), calendar events (.ics) and contacts (.vcf)
  export extern "git-crm help ingest" [
  ]

  # Mail: .eml files, mbox files, Maildir folders (cur/ and new/), or one message on stdin (`-`)
  export extern "git-crm help ingest mail" [
  ]

  # Calendar events (.ics, or `-` for stdin) that involve customers' contacts, as meetings
  export extern "git-crm help ingest ics" [
  ]

  # vCards (.vcf, or `-` for stdin) as contacts of the matching customers
  export extern "git-crm help ingest vcf" [
  ]

  # Export customers, touchpoints, notes, handoffs or contacts as CSV, JSON or vCard
  export extern "git-crm help export" [
  ]

  # Summarise a branch for merge review: customers, reassignments, records, fields, problems
  export extern "git-crm help review" [
  ]

  # Run the team's workflow rules (.gitcrm/rules.yaml) on the committed store, or test them
  export extern "git-crm help rules" [
  ]

  # Run the rules of .gitcrm/rules.yaml on the committed store and commit what they do
  export extern "git-crm help rules run" [
  ]

  # Run the fixtures under `tests:` of the work tree's rules file and compare the actions
  export extern "git-crm help rules test" [
  ]

  # A customer's git history in words: who changed what, when, in which commit
  export extern "git-crm help history" [
  ]

  # Fetch, merge, check and push the store through your git (exit 3 conflict, 4 network)
  export extern "git-crm help sync" [
  ]

  # Build a demo agency store and show a short tour
  export extern "git-crm help demo" [
  ]

  # Print shell completions (bash, zsh, fish, powershell, elvish, nushell) or the man page
  export extern "git-crm help completions" [
  ]

  # The merge driver git calls for customer records (registered by init/setup)
  export extern "git-crm help merge-driver" [
  ]

  # Print this message or the help of the given subcommand(s)
  export extern "git-crm help help" [
  ]

}

export use completions *
