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
    /// A merge left something a person has to resolve.
    #[error("{0}")]
    Conflict(String),
    /// Talking to the remote failed (network, authentication, a rejected push): which git
    /// command, and what git said.
    #[error("`{command}` failed: {stderr}")]
    Remote { command: String, stderr: String },
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
            _ => None,
        }
    }

    /// Whether the command line itself is wrong (rather than the data).
    pub fn is_usage(&self) -> bool {
        matches!(
            self,
            Error::Usage { .. } | Error::Problems { usage: true, .. }
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
        }
    }

    /// An [`Error::Usage`] naming the flag that would have avoided it.
    pub fn usage(message: impl Into<String>, hint: Option<String>) -> Self {
        Error::Usage {
            message: message.into(),
            hint,
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
