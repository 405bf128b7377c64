module completions {

  # A collaborative CRM whose database is a git repository of YAML files
  export extern git-crm [
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --help(-h)                # Print help
    --version(-V)             # Print version
  ]

  # Create a store (or adopt an existing git repository as one)
  export extern "git-crm init" [
    --handle: string          # Your handle (default: the local part of your git email)
    --name: string            # Your name (default: git config user.name)
    --email: string           # Your email (default: git config user.email)
    --no-commit               # Leave the new files uncommitted
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --help(-h)                # Print help
    --version(-V)             # Print version
    dir?: path                # Where to create the store (default: the current directory)
  ]

  # Prepare a fresh clone of a store: register the merge driver (and, with --hooks, the post-merge hook that runs event rules)
  export extern "git-crm setup" [
    --hooks                   # Also install a post-merge hook that runs the event rules after each merge or pull
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --help(-h)                # Print help
    --version(-V)             # Print version
  ]

  # Manage the people of the store
  export extern "git-crm person" [
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --help(-h)                # Print help
    --version(-V)             # Print version
  ]

  def "nu-complete git-crm person add format" [] {
    [ "table" "json" "markdown" "csv" ]
  }

  # Add a person
  export extern "git-crm person add" [
    --name: string
    --email: string           # Email addresses (repeatable); they identify the person from git config
    --team: string            # Teams (repeatable; the first is the default team of their customers)
    --role: string            # Role, for views (`sales`, `support`, `finance`, ...)
    --no-commit               # Write the files but do not commit them
    --dry-run                 # Show what would be written and change nothing
    --format: string@"nu-complete git-crm person add format" # Output format of the result
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --help(-h)                # Print help
    --version(-V)             # Print version
    handle: string            # Short lowercase handle (`alice`)
  ]

  def "nu-complete git-crm person list format" [] {
    [ "table" "json" "markdown" "csv" ]
  }

  # List people
  export extern "git-crm person list" [
    --format: string@"nu-complete git-crm person list format"
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --help(-h)                # Print help
    --version(-V)             # Print version
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

  # Print this message or the help of the given subcommand(s)
  export extern "git-crm person help help" [
  ]

  # Manage teams
  export extern "git-crm team" [
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --help(-h)                # Print help
    --version(-V)             # Print version
  ]

  def "nu-complete git-crm team add format" [] {
    [ "table" "json" "markdown" "csv" ]
  }

  # Add a team
  export extern "git-crm team add" [
    --calendar: string        # Calendar (defined under `calendars:` in the config) for business-hours metrics
    --description: string
    --no-commit               # Write the files but do not commit them
    --dry-run                 # Show what would be written and change nothing
    --format: string@"nu-complete git-crm team add format" # Output format of the result
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --help(-h)                # Print help
    --version(-V)             # Print version
    name: string
  ]

  def "nu-complete git-crm team list format" [] {
    [ "table" "json" "markdown" "csv" ]
  }

  # List teams
  export extern "git-crm team list" [
    --format: string@"nu-complete git-crm team list format"
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --help(-h)                # Print help
    --version(-V)             # Print version
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

  # Print this message or the help of the given subcommand(s)
  export extern "git-crm team help help" [
  ]

  # Add, list, show, edit, rename and archive customers
  export extern "git-crm customer" [
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --help(-h)                # Print help
    --version(-V)             # Print version
  ]

  def "nu-complete git-crm customer add kind" [] {
    [ "company" "person" ]
  }

  def "nu-complete git-crm customer add status" [] {
    [ "lead" "active" "paused" "churned" ]
  }

  def "nu-complete git-crm customer add format" [] {
    [ "table" "json" "markdown" "csv" ]
  }

  # Add a customer
  export extern "git-crm customer add" [
    --slug: string            # Folder name and handle of the customer (default: derived from the name)
    --kind: string@"nu-complete git-crm customer add kind"
    --status: string@"nu-complete git-crm customer add status"
    --owner: string           # Owner handle (default: you)
    --team: string            # Team (default: the owner's first team)
    --tag: string             # Tags (repeatable, or comma-separated)
    --contact: string         # A contact: `Name <email>`, optionally `;phone=...;role=...` (repeatable)
    --field: string           # A custom field `key=value` (repeatable)
    --external-id: string     # An id in another system, `source=key` (repeatable)
    --no-commit               # Write the files but do not commit them
    --dry-run                 # Show what would be written and change nothing
    --format: string@"nu-complete git-crm customer add format" # Output format of the result
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --help(-h)                # Print help
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

  # List customers
  export extern "git-crm customer list" [
    --status: string@"nu-complete git-crm customer list status" # Only these statuses (repeatable)
    --owner: string
    --team: string
    --tag: string             # Only customers with all these tags
    --archived                # Include archived customers
    --sort: string@"nu-complete git-crm customer list sort"
    --format: string@"nu-complete git-crm customer list format"
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
  ]

  def "nu-complete git-crm customer show format" [] {
    [ "table" "json" "markdown" "csv" ]
  }

  # Show a customer's card: fields, contacts, open threads, last touchpoint, pending handoff
  export extern "git-crm customer show" [
    --format: string@"nu-complete git-crm customer show format"
    --view: string            # Apply the view of this role (default: the acting person's role; `all` shows everything). A view decides what comes first and which tagged records are left out; it is surfacing, not security: everyone with the repository can read every record
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --help(-h)                # Print help
    --version(-V)             # Print version
    slug: string
  ]

  def "nu-complete git-crm customer edit format" [] {
    [ "table" "json" "markdown" "csv" ]
  }

  # Edit fields in place (comments and unknown keys in the file are kept)
  export extern "git-crm customer edit" [
    --set: string             # `key=value` for name, kind, status, tags, fields.<name>, external_ids.<source>
    --unset: string           # Remove an optional field
    --add-tag: string
    --remove-tag: string
    --add-contact: string     # `Name <email>;phone=...;role=...`
    --remove-contact: string  # A contact's name or email
    --no-commit               # Write the files but do not commit them
    --dry-run                 # Show what would be written and change nothing
    --format: string@"nu-complete git-crm customer edit format" # Output format of the result
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --help(-h)                # Print help
    --version(-V)             # Print version
    slug: string
  ]

  def "nu-complete git-crm customer rename format" [] {
    [ "table" "json" "markdown" "csv" ]
  }

  # Give a customer a new slug (moves its folder, keeps its id) and/or a new name
  export extern "git-crm customer rename" [
    --name: string
    --no-commit               # Write the files but do not commit them
    --dry-run                 # Show what would be written and change nothing
    --format: string@"nu-complete git-crm customer rename format" # Output format of the result
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --help(-h)                # Print help
    --version(-V)             # Print version
    slug: string
    new_slug?: string
  ]

  def "nu-complete git-crm customer archive format" [] {
    [ "table" "json" "markdown" "csv" ]
  }

  # Archive a customer (nothing is deleted); --undo brings it back
  export extern "git-crm customer archive" [
    --undo
    --no-commit               # Write the files but do not commit them
    --dry-run                 # Show what would be written and change nothing
    --format: string@"nu-complete git-crm customer archive format" # Output format of the result
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --help(-h)                # Print help
    --version(-V)             # Print version
    slug: string
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
    [ "table" "json" "markdown" "csv" ]
  }

  # Log a touchpoint with a customer
  export extern "git-crm log" [
    --channel(-c): string     # Channel from the store's vocabulary (email, call, chat, meeting, ...)
    --direction(-d): string@"nu-complete git-crm log direction" # inbound (from the customer), outbound (to the customer) or internal
    --summary(-s): string     # One line saying what happened
    --body: string            # Longer text (Markdown)
    --at: string              # When it happened (default now): RFC 3339, `2026-11-02 14:30`, `yesterday`, `3h ago`
    --by: string              # Who: a person handle for outbound/internal (default you), the contact for inbound
    --reply-to: string        # Join the thread of this touchpoint (short id prefix from the timeline, or `last`)
    --resolves                # This touchpoint resolved the thread
    --tag: string             # Tags (repeatable, or comma-separated)
    --automated               # Sent by an automation (auto-reply, sequence); never starts or stops a metric clock
    --no-commit               # Write the files but do not commit them
    --dry-run                 # Show what would be written and change nothing
    --format: string@"nu-complete git-crm log format" # Output format of the result
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    customer: string          # The customer's slug
  ]

  def "nu-complete git-crm note format" [] {
    [ "table" "json" "markdown" "csv" ]
  }

  # Add an internal note about a customer; @mentions name people
  export extern "git-crm note" [
    --tag: string
    --at: string              # When (default now)
    --no-commit               # Write the files but do not commit them
    --dry-run                 # Show what would be written and change nothing
    --format: string@"nu-complete git-crm note format" # Output format of the result
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --help(-h)                # Print help
    --version(-V)             # Print version
    customer: string          # The customer's slug
    text?: string             # The note (Markdown); `@handle` mentions a person
  ]

  def "nu-complete git-crm assign format" [] {
    [ "table" "json" "markdown" "csv" ]
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
    --help(-h)                # Print help
    --version(-V)             # Print version
    customer: string          # The customer's slug
  ]

  # List and accept handoffs
  export extern "git-crm handoff" [
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --help(-h)                # Print help
    --version(-V)             # Print version
  ]

  def "nu-complete git-crm handoff list format" [] {
    [ "table" "json" "markdown" "csv" ]
  }

  # List handoffs, oldest first
  export extern "git-crm handoff list" [
    --pending                 # Only handoffs not yet accepted
    --customer: string
    --to: string              # Only handoffs to this person
    --format: string@"nu-complete git-crm handoff list format"
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --help(-h)                # Print help
    --version(-V)             # Print version
  ]

  def "nu-complete git-crm handoff accept format" [] {
    [ "table" "json" "markdown" "csv" ]
  }

  # Accept a handoff: by customer (its latest pending handoff) or by handoff id
  export extern "git-crm handoff accept" [
    --no-commit               # Write the files but do not commit them
    --dry-run                 # Show what would be written and change nothing
    --format: string@"nu-complete git-crm handoff accept format" # Output format of the result
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --help(-h)                # Print help
    --version(-V)             # Print version
    target: string
  ]

  # Print this message or the help of the given subcommand(s)
  export extern "git-crm handoff help" [
  ]

  # List handoffs, oldest first
  export extern "git-crm handoff help list" [
  ]

  # Accept a handoff: by customer (its latest pending handoff) or by handoff id
  export extern "git-crm handoff help accept" [
  ]

  # Print this message or the help of the given subcommand(s)
  export extern "git-crm handoff help help" [
  ]

  # Follow-up tasks
  export extern "git-crm task" [
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --help(-h)                # Print help
    --version(-V)             # Print version
  ]

  def "nu-complete git-crm task add format" [] {
    [ "table" "json" "markdown" "csv" ]
  }

  # Add a follow-up task on a customer
  export extern "git-crm task add" [
    --assignee: string        # Who does it (default: you)
    --due: string             # Due date: 2026-12-01, `tomorrow`, `+3d`
    --no-commit               # Write the files but do not commit them
    --dry-run                 # Show what would be written and change nothing
    --format: string@"nu-complete git-crm task add format" # Output format of the result
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --help(-h)                # Print help
    --version(-V)             # Print version
    customer: string
    title: string
  ]

  def "nu-complete git-crm task list format" [] {
    [ "table" "json" "markdown" "csv" ]
  }

  # List open tasks (soonest due first)
  export extern "git-crm task list" [
    --mine                    # Only tasks assigned to you
    --assignee: string
    --overdue                 # Only tasks past their due date
    --all                     # Include done tasks
    --customer: string
    --format: string@"nu-complete git-crm task list format"
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --help(-h)                # Print help
    --version(-V)             # Print version
  ]

  def "nu-complete git-crm task done format" [] {
    [ "table" "json" "markdown" "csv" ]
  }

  # Mark a task done (by id prefix)
  export extern "git-crm task done" [
    --no-commit               # Write the files but do not commit them
    --dry-run                 # Show what would be written and change nothing
    --format: string@"nu-complete git-crm task done format" # Output format of the result
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --help(-h)                # Print help
    --version(-V)             # Print version
    id: string
  ]

  # Print this message or the help of the given subcommand(s)
  export extern "git-crm task help" [
  ]

  # Add a follow-up task on a customer
  export extern "git-crm task help add" [
  ]

  # List open tasks (soonest due first)
  export extern "git-crm task help list" [
  ]

  # Mark a task done (by id prefix)
  export extern "git-crm task help done" [
  ]

  # Print this message or the help of the given subcommand(s)
  export extern "git-crm task help help" [
  ]

  def "nu-complete git-crm timeline kind" [] {
    [ "touchpoint" "note" "handoff" "handoff-accepted" "task" "task-done" ]
  }

  def "nu-complete git-crm timeline format" [] {
    [ "table" "json" "markdown" "csv" ]
  }

  # A customer's touchpoints, notes, handoffs and tasks in one chronological view
  export extern "git-crm timeline" [
    --since: string           # Only entries at or after this time (`2026-10-01`, `30d`)
    --until: string           # Only entries before this time
    --channel: string         # Only touchpoints on these channels (repeatable)
    --kind: string@"nu-complete git-crm timeline kind" # Only these kinds (repeatable)
    --by: string              # Only entries by these people or contacts (repeatable)
    --tz: string              # Time zone for times and days (default: the store's `timezone`, else UTC)
    --body                    # Print touchpoint and note bodies
    --history                 # Weave in who changed the customer when, from git (field changes, renames, edits)
    --format: string@"nu-complete git-crm timeline format"
    --view: string            # Apply the view of this role (default: the acting person's role; `all` shows everything). A view decides what comes first and which tagged records are left out; it is surfacing, not security: everyone with the repository can read every record
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --help(-h)                # Print help
    --version(-V)             # Print version
    customer: string          # The customer's slug
  ]

  def "nu-complete git-crm inbox format" [] {
    [ "table" "json" "markdown" "csv" ]
  }

  # What needs you now: unanswered threads, handoffs to you, your tasks, mentions
  export extern "git-crm inbox" [
    --all                     # Also list mentions already seen in this clone
    --peek                    # Do not mark the mentions shown as seen
    --format: string@"nu-complete git-crm inbox format" # Output format (json is documented in docs/collaboration-sync.md)
    --view: string            # Apply the view of this role (default: the acting person's role; `all` shows everything). A view decides what comes first and which tagged records are left out; it is surfacing, not security: everyone with the repository can read every record
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
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

  # Team metrics: first response, first contact resolution, handoffs, coverage, consistency
  export extern "git-crm metrics" [
    --since: string           # Start of the period: a date (read in --tz), `30d` (30 days before --at) or `all`
    --until: string           # End of the period (exclusive; a bare date includes that day). Default: --at
    --at: string              # Compute as of this instant (default now): later records are ignored, ages end here
    --tz: string              # Time zone of periods, months and weeks (IANA name). Never the machine's zone
    --team: string            # Only customers owned by these teams (repeatable, or comma-separated)
    --owner: string           # Only customers owned by these people
    --channel: string         # Only threads started on (and touchpoints on) these channels
    --tag: string             # Only customers with these tags
    --customer: string        # Only these customers (slugs)
    --by: string@"nu-complete git-crm metrics by" # Also show the metrics grouped by team, owner, channel, month or week
    --fcr-rule: string@"nu-complete git-crm metrics fcr_rule" # Which first-contact-resolution definition to use
    --clock: string@"nu-complete git-crm metrics clock" # Measure durations in business hours (where the team has a calendar) or wall-clock time
    --weeks: string           # Weeks of the weekly coverage table
    --fail-if: string         # Exit 1 when a condition holds, e.g. 'handoff.p90 > 24h', 'fcr.rate < 0.6', 'frt.unanswered > 0' (repeatable)
    --format: string@"nu-complete git-crm metrics format"
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    metric?: string@"nu-complete git-crm metrics metric" # Show one metric in depth (default: an overview of the five)
  ]

  def "nu-complete git-crm check format" [] {
    [ "text" "json" ]
  }

  # Validate the whole store with named checks; report every problem
  export extern "git-crm check" [
    --format: string@"nu-complete git-crm check format" # Output format
    --strict                  # Fail on warnings too (exit 1)
    --list                    # List the checks with what each one finds, and exit
    --fix                     # First make the repairs that are safe (records a merge left in a renamed customer's old folder are moved to the customer), in one commit; then check
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    ...names: string          # Checks to run (default: all of them; `--list` shows them)
  ]

  def "nu-complete git-crm import format" [] {
    [ "table" "json" "markdown" "csv" ]
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
    --help(-h)                # Print help
    --version(-V)             # Print version
    file: path                # The spreadsheet: CSV/TSV (UTF-8), XLSX, XLS, XLSB or ODS
  ]

  def "nu-complete git-crm export what" [] {
    [ "customers" "touchpoints" "notes" "handoffs" ]
  }

  def "nu-complete git-crm export format" [] {
    [ "csv" "json" ]
  }

  # Export customers, touchpoints, notes or handoffs as CSV or JSON
  export extern "git-crm export" [
    --format: string@"nu-complete git-crm export format"
    --since: string           # Only records at or after this time (customers: created at or after), e.g. `2026-10-01`, `30d`
    --until: string           # Only records before this time
    --owner: string           # Only customers owned by this person (and their records)
    --team: string            # Only customers of this team (and their records)
    --tag: string             # Only records with all these tags (customers: customer tags; repeatable)
    --customer: string        # Only these customers (slugs; repeatable)
    --channel: string         # Only touchpoints on these channels (repeatable)
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --help(-h)                # Print help
    --version(-V)             # Print version
    what: string@"nu-complete git-crm export what" # What to export
  ]

  def "nu-complete git-crm review format" [] {
    [ "table" "json" "markdown" "csv" ]
  }

  # Summarise a branch for merge review: customers, reassignments, records, fields, problems
  export extern "git-crm review" [
    --fail-on-problems        # Exit 1 when head brings a new `check` error or a record edited or deleted after the fact
    --format: string@"nu-complete git-crm review format" # Output format: text for terminals, markdown for a merge-request comment, json for bots
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --help(-h)                # Print help
    --version(-V)             # Print version
    range?: string            # What to review: `<base>..<head>` (also `<base>...<head>`, `<base>..`, or a lone `<base>` meaning `<base>..HEAD`). Default: the branch's upstream `..HEAD`
  ]

  # Run the team's workflow rules (.gitcrm/rules.yaml) on the committed store, or test them
  export extern "git-crm rules" [
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --help(-h)                # Print help
    --version(-V)             # Print version
  ]

  def "nu-complete git-crm rules run only" [] {
    [ "events" "schedule" ]
  }

  def "nu-complete git-crm rules run format" [] {
    [ "table" "json" ]
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
    --format: string@"nu-complete git-crm rules run format"
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    range?: string            # Read events from `<base>..<head>` instead of the commits since the last run
  ]

  def "nu-complete git-crm rules test format" [] {
    [ "table" "json" ]
  }

  # Run the fixtures under `tests:` of the work tree's rules file and compare the actions
  export extern "git-crm rules test" [
    --format: string@"nu-complete git-crm rules test format"
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --help(-h)                # Print help
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
    [ "table" "json" "markdown" "csv" ]
  }

  # A customer's git history in words: who changed what, when, in which commit
  export extern "git-crm history" [
    --tz: string              # Time zone for times (default: the store's `timezone`, else UTC)
    --format: string@"nu-complete git-crm history format" # Output format: table (text), markdown or json
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --help(-h)                # Print help
    --version(-V)             # Print version
    customer: string          # The customer's slug (its current one; the history follows renames)
  ]

  def "nu-complete git-crm sync format" [] {
    [ "table" "json" "markdown" "csv" ]
  }

  # Fetch, merge, check and push the store through your git (exit 3 conflict, 4 network)
  export extern "git-crm sync" [
    --dry-run                 # Fetch and show what would happen (incoming and outgoing commits, expected conflicts); change nothing but the remote-tracking refs
    --no-check                # Push even when `git crm check` finds errors in the merged store
    --no-push                 # Fetch and merge, but do not push
    --format: string@"nu-complete git-crm sync format"
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
  ]

  # Build a demo agency store and show a short tour
  export extern "git-crm demo" [
    --customers: string       # Generate this many customers (a large store for benchmarks)
    --interactions: string    # Generate this many touchpoints
    --seed: string            # Seed of the generator (the same seed builds the same store)
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --help(-h)                # Print help
    --version(-V)             # Print version
    dir?: path                # Where to build it (default: ./git-crm-demo); must not exist or be empty
  ]

  def "nu-complete git-crm completions target" [] {
    [ "bash" "zsh" "fish" "powershell" "elvish" "nushell" "man" ]
  }

  # Print shell completions (bash, zsh, fish, powershell, elvish, nushell) or the man page
  export extern "git-crm completions" [
    --dir: path               # Write every target into this folder instead (file names as in completions/)
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    target?: string@"nu-complete git-crm completions target" # Which shell (or `man`)
  ]

  # The merge driver git calls for customer records (registered by init/setup)
  export extern "git-crm merge-driver" [
    --store: path             # The store to use (default: found from the current directory, as git does)
    --as: string              # Act as this person (a handle from .gitcrm/config.yaml)
    --help(-h)                # Print help
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

  # Prepare a fresh clone of a store: register the merge driver (and, with --hooks, the post-merge hook that runs event rules)
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

  # Manage teams
  export extern "git-crm help team" [
  ]

  # Add a team
  export extern "git-crm help team add" [
  ]

  # List teams
  export extern "git-crm help team list" [
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

  # Reassign a customer and record the handoff
  export extern "git-crm help assign" [
  ]

  # List and accept handoffs
  export extern "git-crm help handoff" [
  ]

  # List handoffs, oldest first
  export extern "git-crm help handoff list" [
  ]

  # Accept a handoff: by customer (its latest pending handoff) or by handoff id
  export extern "git-crm help handoff accept" [
  ]

  # Follow-up tasks
  export extern "git-crm help task" [
  ]

  # Add a follow-up task on a customer
  export extern "git-crm help task add" [
  ]

  # List open tasks (soonest due first)
  export extern "git-crm help task list" [
  ]

  # Mark a task done (by id prefix)
  export extern "git-crm help task done" [
  ]

  # A customer's touchpoints, notes, handoffs and tasks in one chronological view
  export extern "git-crm help timeline" [
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

  # Export customers, touchpoints, notes or handoffs as CSV or JSON
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
