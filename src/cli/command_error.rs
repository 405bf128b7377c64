//! The one way a command fails: a [`CommandError`] says what kind of failure it is (which
//! decides the exit code), what went wrong, the lines of detail that belong to it (git's own
//! words on a failed push), and what the user can do next. The library's errors carry data;
//! the wording of hints that name flags and commands, and the exit codes, are decided here, in
//! the `From` impls, and printed by one handler ([`report`]). Modelled on jj's
//! `cli/src/command_error.rs`.

use std::fmt;

use git_crm::model::text::escape;

use super::vocabulary;

/// What kind of failure, for scripts and CI: each maps to one exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Bad data or a request the store cannot satisfy (exit 1).
    User,
    /// The command line is wrong (exit 2; clap uses 2 too).
    Usage,
    /// A merge stopped on conflicts a person must resolve (exit 3).
    Conflict,
    /// The network or the remote failed (exit 4).
    Remote,
}

impl Kind {
    /// The process exit code: 1 data or user error, 2 usage, 3 conflict, 4 remote.
    pub fn exit_code(self) -> i32 {
        match self {
            Kind::User => 1,
            Kind::Usage => 2,
            Kind::Conflict => 3,
            Kind::Remote => 4,
        }
    }
}

/// A failed command, ready to be printed.
#[derive(Debug)]
pub struct CommandError {
    pub kind: Kind,
    pub error: anyhow::Error,
    /// Located problems (`path:line:col: ...`), printed one a line before the message, as
    /// `check` prints its diagnostics.
    pub problems: Vec<String>,
    /// Lines printed under the message, indented (another program's output).
    pub details: Vec<String>,
    pub hints: Vec<String>,
}

impl CommandError {
    pub fn new(kind: Kind, error: impl Into<anyhow::Error>) -> Self {
        CommandError {
            kind,
            error: error.into(),
            problems: Vec::new(),
            details: Vec::new(),
            hints: Vec::new(),
        }
    }

    /// A failure of kind `kind` with a message of our own.
    pub fn message(kind: Kind, message: impl Into<String>) -> Self {
        Self::new(kind, anyhow::anyhow!(message.into()))
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
        self
    }
}

impl fmt::Display for CommandError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:#}", self.error)
    }
}

impl std::error::Error for CommandError {}

/// The kind of a library error, and the hints the CLI adds to it.
impl From<git_crm::Error> for CommandError {
    fn from(err: git_crm::Error) -> Self {
        use git_crm::Error as E;
        let kind = kind_of(&err);
        let hints = hints_of(&err);
        let mut details = Vec::new();
        let mut problems = Vec::new();
        let error = match err {
            E::Problems {
                summary,
                problems: found,
                ..
            } => {
                problems = found;
                anyhow::anyhow!(summary)
            }
            E::Remote { command, stderr } => {
                details = stderr
                    .lines()
                    .filter(|l| !l.trim().is_empty())
                    .map(str::to_string)
                    .collect();
                anyhow::anyhow!("network or remote failure: `{command}` failed:")
            }
            E::MissingInput {
                input,
                message,
                choices,
                ..
            } if !choices.is_empty() => {
                anyhow::anyhow!("{message} with {}", vocabulary::flag(input))
            }
            E::BadInput { input, message, .. } => {
                anyhow::anyhow!("{} {message}", vocabulary::flag(input))
            }
            other => other.into(),
        };
        CommandError {
            kind,
            error,
            problems,
            details,
            hints,
        }
    }
}

/// The kind of failure a library error is.
fn kind_of(err: &git_crm::Error) -> Kind {
    use git_crm::Error as E;
    match err {
        E::Conflict(_) => Kind::Conflict,
        E::Remote { .. } => Kind::Remote,
        e if e.is_usage() => Kind::Usage,
        _ => Kind::User,
    }
}

/// The library's own hint, then the CLI's; for the errors that name an input or a listing,
/// the CLI's wording of it (the library never spells flags or commands).
fn hints_of(err: &git_crm::Error) -> Vec<String> {
    use git_crm::Error as E;
    match err {
        E::MissingInput { input, choices, .. } if !choices.is_empty() => {
            let flag = vocabulary::flag(*input);
            let each: Vec<String> = choices.iter().map(|c| format!("{flag} '{c}'")).collect();
            vec![each.join(" or ")]
        }
        E::MissingInput { input, why, .. } => {
            let pass = format!("pass {}", vocabulary::example(*input));
            vec![match why {
                // A why that offers another way continues the sentence.
                Some(why) if why.starts_with("or ") => format!("{pass}, {why}"),
                Some(why) => format!("{pass}: {why}"),
                None => pass,
            }]
        }
        E::NothingToChange { inputs, .. } => {
            vec![format!("pass {}", vocabulary::one_of(inputs))]
        }
        E::Refused { remedy, .. } => vec![vocabulary::remedy(remedy)],
        _ => err
            .hint()
            .map(str::to_string)
            .into_iter()
            .chain(err.listing().map(vocabulary::listing))
            .chain(cli_hint(err).map(str::to_string))
            .collect(),
    }
}

/// What to do about the library's errors that carry no hint of their own.
fn cli_hint(err: &git_crm::Error) -> Option<&'static str> {
    use git_crm::Error as E;
    match err {
        E::Locked { .. } => Some(
            "wait for the other git command to finish; if none is running, remove the file and run the command again",
        ),
        E::NoStore { .. } => {
            Some("run `git crm init` to create a store, or pass --store / set GITCRM_STORE")
        }
        E::Remote { .. } => Some(
            "check the network, the remote's address (`git remote -v`) and your access, then run `git crm sync` again; nothing was lost locally",
        ),
        _ => None,
    }
}

/// Any other failure: a [`CommandError`] or a library error somewhere in the chain decides
/// the kind; anything else is a user error (exit 1).
impl From<anyhow::Error> for CommandError {
    fn from(err: anyhow::Error) -> Self {
        let err = match err.downcast::<CommandError>() {
            Ok(command) => return command,
            Err(err) => err,
        };
        // A library error with no context added is converted whole (a remote failure keeps
        // git's lines apart); `downcast` would also see through added context and lose it.
        if err.chain().count() == 1 {
            match err.downcast::<git_crm::Error>() {
                Ok(lib) => return lib.into(),
                Err(other) => return Self::new(Kind::User, other),
            }
        }
        // A library error under added context keeps its kind and hints, and the context.
        let lib = err.chain().find_map(|e| e.downcast_ref::<git_crm::Error>());
        let kind = lib.map_or(Kind::User, kind_of);
        let hints = lib.map(hints_of).unwrap_or_default();
        CommandError {
            kind,
            error: err,
            problems: Vec::new(),
            details: Vec::new(),
            hints,
        }
    }
}

/// Whether the failure is only the reader of our output going away (`git crm ... | head`):
/// not an error at all.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// The one handler: prints the error, its details and hints to stderr (escaped: a message may
/// quote data), and returns the exit code.
pub fn report(err: CommandError) -> i32 {
    if is_broken_pipe(&err.error) {
        return 0;
    }
    for problem in &err.problems {
        eprintln!("{}", escape(problem));
    }
    let message = format!("{:#}", err.error);
    let mut lines = message.lines();
    eprintln!("error: {}", escape(lines.next().unwrap_or_default()));
    for line in lines {
        eprintln!("{}", escape(line));
    }
    for line in &err.details {
        eprintln!("  {}", escape(line));
    }
    for hint in &err.hints {
        eprintln!("hint: {}", escape(hint));
    }
    err.kind.exit_code()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn library_errors_keep_their_kind_under_context() {
        let usage = git_crm::Error::usage("bad flag", Some("pass --x".into()));
        let err: CommandError = anyhow::Error::new(usage).context("while parsing").into();
        assert_eq!(err.kind, Kind::Usage);
        assert_eq!(err.hints, ["pass --x"]);
        assert_eq!(err.to_string(), "while parsing: bad flag");
        let remote: CommandError = git_crm::Error::Remote {
            command: "git push".into(),
            stderr: "fatal: no\n\nrejected\n".into(),
        }
        .into();
        assert_eq!(remote.kind.exit_code(), 4);
        assert_eq!(remote.details, ["fatal: no", "rejected"]);
        assert_eq!(remote.hints.len(), 1);
    }

    #[test]
    fn inputs_and_listings_are_worded_as_flags_and_commands() {
        use git_crm::error::{Input, Listing, Remedy};
        let missing: CommandError = git_crm::Error::missing(Input::Summary, "needs one").into();
        assert_eq!(
            (missing.kind, missing.hints),
            (Kind::Usage, vec![r#"pass --summary "...""#.to_string()])
        );
        let bad: CommandError =
            git_crm::Error::bad_input(Input::At, "2027 is in the future", None).into();
        assert_eq!(
            (bad.kind, bad.to_string()),
            (Kind::User, "--at 2027 is in the future".into())
        );
        let nothing: CommandError = git_crm::Error::NothingToChange {
            message: "nothing".into(),
            inputs: vec![Input::Title, Input::Due],
        }
        .into();
        assert_eq!(nothing.hints, ["pass --title or --due"]);
        let unlisted: CommandError =
            git_crm::Error::malformed("`zz` is no id", Listing::Tasks).into();
        assert_eq!(unlisted.kind, Kind::Usage);
        assert_eq!(unlisted.hints, ["`git crm task list` shows task ids"]);
        let refused: CommandError =
            git_crm::Error::refused("taken", Remedy::Another(Input::Slug)).into();
        assert_eq!(refused.hints, ["pass another --slug"]);
        let choices: CommandError = git_crm::Error::MissingInput {
            input: Input::By,
            message: "two contacts: say which one wrote".into(),
            why: None,
            choices: vec!["a@x".into(), "b@x".into()],
        }
        .into();
        assert_eq!(
            choices.to_string(),
            "two contacts: say which one wrote with --by"
        );
        assert_eq!(choices.hints, ["--by 'a@x' or --by 'b@x'"]);
    }

    #[test]
    fn a_command_error_inside_anyhow_is_kept_whole() {
        let inner = CommandError::message(Kind::Conflict, "stopped").hint("resolve");
        let back: CommandError = anyhow::Error::new(inner).into();
        assert_eq!((back.kind, back.hints.len()), (Kind::Conflict, 1));
    }
}
