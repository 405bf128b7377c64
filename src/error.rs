//! Typed errors of the library, carrying what failed (the file and position, the git command
//! and what it said). The CLI maps each kind to one process exit code, so that scripts and CI
//! can tell a usage mistake from bad data from an unresolved merge.

use std::path::PathBuf;

/// Every failure the library reports. The `hint` of the variants that carry one is printed on
/// its own line after the message, telling the user what to do next.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A record or config file that does not parse or does not fit the schema.
    #[error("{}:{line}:{column}: {message}", path.display())]
    Parse {
        path: PathBuf,
        line: u64,
        column: u64,
        message: String,
    },
    /// `.gitcrm/config.yaml` parses but holds a value no command can use.
    #[error("{}:{line}:{column}: {message}", path.display())]
    Config {
        path: PathBuf,
        line: u64,
        column: u64,
        message: String,
        hint: String,
    },
    /// Something the user named does not exist (a customer, a person, a record id).
    #[error("{message}")]
    NotFound {
        message: String,
        hint: Option<String>,
        /// The listing that shows what can be named instead, which the CLI words as the
        /// command that prints it.
        listing: Option<Listing>,
    },
    /// A value the user gave that the store cannot accept (a bad slug, an unknown channel).
    #[error("{message}")]
    Invalid {
        message: String,
        hint: Option<String>,
    },
    /// The command line itself is wrong (a missing flag without a TTY to ask on).
    #[error("{message}")]
    Usage {
        message: String,
        hint: Option<String>,
        /// As for [`Error::NotFound`]: where the valid values are listed.
        listing: Option<Listing>,
    },
    /// No store was found where the command looked for one.
    #[error("not a git-crm store (or any parent up to the repository root): {}", start.display())]
    NoStore { start: PathBuf },
    /// A file-system operation failed.
    #[error("{}: {error}", path.display())]
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    /// A git operation failed; the message says which.
    #[error("git: {0}")]
    Git(String),
    /// A git lock file is held: by a running git command, or left by one that was killed.
    #[error("{} exists: another git process is using this repository, or one was killed", path.display())]
    Locked { path: PathBuf },
    /// A file with several problems (a rules file), each located as `path:line:col: message`:
    /// kept apart so they can be printed one a line, as `check` prints its diagnostics.
    #[error("{summary}")]
    Problems {
        summary: String,
        problems: Vec<String>,
        /// Whether the file itself is malformed (a usage error) rather than naming data that
        /// does not exist.
        usage: bool,
        hint: Option<String>,
    },
    /// An input of an operation is missing: which one, and what needs it. The CLI words the
    /// remedy as the flag that sets it (`pass --summary "..."`); a library caller fills the
    /// field of its input struct.
    #[error("{message}")]
    MissingInput {
        input: Input,
        message: String,
        /// Why the input matters, in the store's words ("the previous owner reads it").
        why: Option<String>,
        /// The values to choose from, when the store knows them (a customer's contacts).
        choices: Vec<String>,
    },
    /// An input of an operation holds a value the operation cannot take. `message` says what is
    /// wrong with the value without naming how it was given; the CLI puts the flag in front
    /// (`--at 2027-01-01T09:00:00Z is in the future`).
    #[error("{}: {message}", input.word())]
    BadInput {
        input: Input,
        message: String,
        hint: Option<String>,
        /// Whether the input is wrong as a request (it cannot go with the others, or the
        /// command does not take it: a usage error) rather than a value the data refuses.
        usage: bool,
    },
    /// An edit that changes nothing: none of the inputs that would change something was given.
    #[error("{message}")]
    NothingToChange {
        message: String,
        /// The inputs that would have changed something, in the order to mention them.
        inputs: Vec<Input>,
    },
    /// A value the store refuses, whose remedy is an input (see [`Remedy`]).
    #[error("{message}")]
    Refused { message: String, remedy: Remedy },
    /// A merge left something a person has to resolve.
    #[error("{0}")]
    Conflict(String),
    /// Talking to the remote failed (network, authentication, a rejected push): which git
    /// command, and what git said.
    #[error("`{command}` failed: {stderr}")]
    Remote { command: String, stderr: String },
}

/// An input of a library operation, named so that the CLI can word an error as the flag that
/// sets it and a library caller as the field of its input struct. The library never spells
/// flags: the CLI owns that vocabulary (`cli::command_error`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Summary,
    Body,
    At,
    By,
    Channel,
    Direction,
    Customer,
    Name,
    Email,
    Slug,
    /// The new slug of a rename (a positional argument on the command line).
    NewSlug,
    Reason,
    Title,
    Due,
    NoDue,
    Assignee,
    Every,
    Set,
    Unset,
    AddTag,
    RemoveTag,
    AddContact,
    RemoveContact,
    ReplyTo,
    /// The record a document belongs to.
    To,
    /// The document a new version replaces.
    Replaces,
    /// The file name a document is stored under, when the original is unusable.
    FileName,
    /// Where a file or an export is written.
    Output,
    /// Whether to replace what is in the way.
    Force,
    From,
    Until,
    /// Who is acting.
    Actor,
    /// The owner a handoff is answered for.
    OnBehalfOf,
    /// How many demo customers to generate.
    Customers,
    /// A rule picked by id.
    Rule,
    /// A metrics gate expression.
    FailIf,
    /// The largest message an ingest reads.
    MaxMessageSize,
    Tag,
    /// The output format.
    Format,
    /// The team restricted content is sealed to.
    Restricted,
}

impl Input {
    /// The input in plain words, for library callers and logs ("summary", "reply-to").
    pub fn word(self) -> &'static str {
        match self {
            Input::Summary => "summary",
            Input::Body => "body",
            Input::At => "at",
            Input::By => "by",
            Input::Channel => "channel",
            Input::Direction => "direction",
            Input::Customer => "customer",
            Input::Name => "name",
            Input::Email => "email",
            Input::Slug => "slug",
            Input::NewSlug => "new slug",
            Input::Reason => "reason",
            Input::Title => "title",
            Input::Due => "due",
            Input::NoDue => "no due date",
            Input::Assignee => "assignee",
            Input::Every => "every",
            Input::Set => "set",
            Input::Unset => "unset",
            Input::AddTag => "add tag",
            Input::RemoveTag => "remove tag",
            Input::AddContact => "add contact",
            Input::RemoveContact => "remove contact",
            Input::ReplyTo => "reply-to",
            Input::To => "to",
            Input::Replaces => "replaces",
            Input::FileName => "file name",
            Input::Output => "output",
            Input::Force => "force",
            Input::From => "from",
            Input::Until => "until",
            Input::Actor => "actor",
            Input::OnBehalfOf => "on behalf of",
            Input::Customers => "customers",
            Input::Rule => "rule",
            Input::FailIf => "fail-if",
            Input::MaxMessageSize => "max message size",
            Input::Tag => "tag",
            Input::Format => "format",
            Input::Restricted => "restricted",
        }
    }
}

/// What the user can give to get past a refusal, as data the CLI words as a flag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Remedy {
    /// Another value of this input (the one given, or derived, is taken).
    Another(Input),
    /// This input with this value: what giving it does ("accept it for them"), and a note.
    Give {
        input: Input,
        value: String,
        does: String,
        note: Option<String>,
    },
}

/// A listing that shows what can be named: the remedy of an id or name that matched nothing,
/// which the CLI words as the command that prints it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Listing {
    /// The customers of the store.
    Customers,
    /// Customers searched by name, contact or domain.
    CustomerSearch,
    /// The record ids of one customer's timeline, or of any customer's.
    Timeline { customer: Option<String> },
    /// Record ids anywhere (timelines and search).
    RecordIds,
    /// The tasks.
    Tasks,
    /// The documents.
    Documents,
    /// The handoffs waiting for an answer.
    PendingHandoffs,
    /// One customer's handoffs.
    CustomerHandoffs,
}

/// Shorthand used across the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// What the user can do about it, when the code that failed knows (the CLI adds its own
    /// hints, and decides the exit code, in `cli::command_error`).
    pub fn hint(&self) -> Option<&str> {
        match self {
            Error::NotFound { hint, .. }
            | Error::Invalid { hint, .. }
            | Error::Usage { hint, .. }
            | Error::Problems { hint, .. } => hint.as_deref(),
            Error::Config { hint, .. } => Some(hint),
            Error::BadInput { hint, .. } => hint.as_deref(),
            Error::MissingInput { why, .. } => why.as_deref(),
            _ => None,
        }
    }

    /// Whether the command line itself is wrong (rather than the data).
    pub fn is_usage(&self) -> bool {
        matches!(
            self,
            Error::Usage { .. }
                | Error::Problems { usage: true, .. }
                | Error::MissingInput { .. }
                | Error::BadInput { usage: true, .. }
                | Error::NothingToChange { .. }
        )
    }

    /// An [`Error::Invalid`] without a hint.
    pub fn invalid(message: impl Into<String>) -> Self {
        Error::Invalid {
            message: message.into(),
            hint: None,
        }
    }

    /// An [`Error::Invalid`] with a hint.
    pub fn invalid_hint(message: impl Into<String>, hint: impl Into<String>) -> Self {
        Error::Invalid {
            message: message.into(),
            hint: Some(hint.into()),
        }
    }

    /// An [`Error::NotFound`] with an optional hint.
    pub fn not_found(message: impl Into<String>, hint: Option<String>) -> Self {
        Error::NotFound {
            message: message.into(),
            hint,
            listing: None,
        }
    }

    /// An [`Error::Usage`] naming the flag that would have avoided it.
    pub fn usage(message: impl Into<String>, hint: Option<String>) -> Self {
        Error::Usage {
            message: message.into(),
            hint,
            listing: None,
        }
    }

    /// An [`Error::MissingInput`].
    pub fn missing(input: Input, message: impl Into<String>) -> Self {
        Error::MissingInput {
            input,
            message: message.into(),
            why: None,
            choices: Vec::new(),
        }
    }

    /// An [`Error::MissingInput`] with the reason the input matters.
    pub fn missing_because(input: Input, message: impl Into<String>, why: &str) -> Self {
        Error::MissingInput {
            input,
            message: message.into(),
            why: Some(why.to_string()),
            choices: Vec::new(),
        }
    }

    /// An [`Error::BadInput`]: a value the data refuses (exit 1 on the command line).
    pub fn bad_input(input: Input, message: impl Into<String>, hint: Option<String>) -> Self {
        Error::BadInput {
            input,
            message: message.into(),
            hint,
            usage: false,
        }
    }

    /// An [`Error::BadInput`] that is a usage error: the input cannot go with the others.
    pub fn misused_input(input: Input, message: impl Into<String>, hint: Option<String>) -> Self {
        Error::BadInput {
            input,
            message: message.into(),
            hint,
            usage: true,
        }
    }

    /// An [`Error::NotFound`] whose remedy is a listing of what exists.
    pub fn not_listed(message: impl Into<String>, listing: Listing) -> Self {
        Error::NotFound {
            message: message.into(),
            hint: None,
            listing: Some(listing),
        }
    }

    /// An [`Error::Usage`] for a malformed name or id, whose remedy is a listing of valid ones.
    pub fn malformed(message: impl Into<String>, listing: Listing) -> Self {
        Error::Usage {
            message: message.into(),
            hint: None,
            listing: Some(listing),
        }
    }

    /// A refusal whose remedy is another value of an input (`pass another --slug`), or an
    /// input not given (`pass --on-behalf-of bob`).
    pub fn refused(message: impl Into<String>, remedy: Remedy) -> Self {
        Error::Refused {
            message: message.into(),
            remedy,
        }
    }

    /// Where the valid values are listed, when the error names one.
    pub fn listing(&self) -> Option<&Listing> {
        match self {
            Error::NotFound { listing, .. } | Error::Usage { listing, .. } => listing.as_ref(),
            _ => None,
        }
    }

    /// Wraps an I/O error with the path it happened on.
    pub fn io(path: impl Into<PathBuf>, error: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            error,
        }
    }
}

/// Adds the path to an `io::Result`, so no I/O error reaches the user without a file name.
pub trait IoContext<T> {
    /// Attaches `path` to the error.
    fn at(self, path: impl Into<PathBuf>) -> Result<T>;
}

impl<T> IoContext<T> for std::io::Result<T> {
    fn at(self, path: impl Into<PathBuf>) -> Result<T> {
        self.map_err(|e| Error::io(path, e))
    }
}
