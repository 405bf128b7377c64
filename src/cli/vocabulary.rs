//! How the command line names what the library speaks of as data: the flag that sets each
//! [`Input`] of an operation, and the command that prints each [`Listing`]. The library's
//! errors say which input was missing or wrong and which listing shows the valid values; the
//! words users read (`pass --summary "..."`, "`git crm task list` shows task ids") are decided
//! here, once, so a flag renamed in clap is renamed in every hint.

use git_crm::error::{Input, Listing, Remedy};

/// The flag (or argument) that sets `input`, as a user types it.
pub fn flag(input: Input) -> &'static str {
    match input {
        Input::Summary => "--summary",
        Input::Body => "--body",
        Input::At => "--at",
        Input::By => "--by",
        Input::Channel => "--channel",
        Input::Direction => "--direction",
        Input::Customer => "--customer",
        Input::Name => "--name",
        Input::Email => "--email",
        Input::Slug => "--slug",
        Input::NewSlug => "a new slug",
        Input::Reason => "--reason",
        Input::Title => "--title",
        Input::Due => "--due",
        Input::NoDue => "--no-due",
        Input::Assignee => "--assignee",
        Input::Every => "--every",
        Input::Set => "--set key=value",
        Input::Unset => "--unset",
        Input::AddTag => "--add-tag",
        Input::RemoveTag => "--remove-tag",
        Input::AddContact => "--add-contact",
        Input::RemoveContact => "--remove-contact",
        Input::ReplyTo => "--reply-to",
        Input::To => "--to",
        Input::Replaces => "--replaces",
        Input::FileName => "--name",
        Input::Output => "-o",
        Input::Force => "--force",
        Input::From => "--from",
        Input::Until => "--until",
        Input::Actor => "--as",
        Input::OnBehalfOf => "--on-behalf-of",
        Input::Customers => "--customers",
        Input::Rule => "--rule",
        Input::FailIf => "--fail-if",
        Input::MaxMessageSize => "--max-message-size",
        Input::Tag => "--tag",
        Input::Format => "--format",
        Input::Restricted => "--restricted",
    }
}

/// The flag with a placeholder for its value, as a hint shows it (`--summary "..."`).
pub fn example(input: Input) -> String {
    let value = match input {
        Input::Summary | Input::Body | Input::Reason | Input::Title => "\"...\"",
        Input::Name => "\"Full Name\"",
        Input::By | Input::Actor | Input::Assignee => "<handle>",
        Input::Customer => "<customer>",
        Input::Restricted => "<team>",
        _ => "",
    };
    match value {
        "" => flag(input).to_string(),
        value => format!("{} {value}", flag(input)),
    }
}

/// "a, b or c".
pub fn one_of(inputs: &[Input]) -> String {
    let flags: Vec<&str> = inputs.iter().map(|i| flag(*i)).collect();
    match flags.split_last() {
        None => String::new(),
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

/// A refusal's remedy as a hint (`pass another --slug`).
pub fn remedy(remedy: &Remedy) -> String {
    match remedy {
        Remedy::Another(input) => format!("pass another {}", flag(*input)),
        Remedy::Give {
            input,
            value,
            does,
            note,
        } => {
            let give = format!("{does} with `{} {value}`", flag(*input));
            match note {
                Some(note) => format!("{give} ({note})"),
                None => give,
            }
        }
    }
}

/// The command that shows what can be named instead, as a hint.
pub fn listing(listing: &Listing) -> String {
    match listing {
        Listing::Customers => "`git crm customer list` shows the customers".into(),
        Listing::CustomerSearch => {
            "`git crm find <text>` searches names, contacts and domains".into()
        }
        Listing::Timeline {
            customer: Some(slug),
        } => format!("`git crm timeline {slug}` shows the ids"),
        Listing::Timeline { customer: None } => {
            "`git crm timeline <customer>` shows record ids".into()
        }
        Listing::RecordIds => {
            "`git crm timeline <customer>` or `git crm find <text>` shows record ids".into()
        }
        Listing::Tasks => "`git crm task list` shows task ids".into(),
        Listing::Documents => "`git crm docs list` shows the ids".into(),
        Listing::PendingHandoffs => {
            "`git crm handoff list --pending` shows pending handoffs".into()
        }
        Listing::CustomerHandoffs => {
            "`git crm handoff list --customer <slug>` shows its handoffs".into()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_read_as_flags() {
        assert_eq!(example(Input::Summary), "--summary \"...\"");
        assert_eq!(example(Input::Due), "--due");
        assert_eq!(
            one_of(&[Input::Title, Input::Due, Input::Every]),
            "--title, --due or --every"
        );
        assert_eq!(one_of(&[Input::By]), "--by");
    }
}
