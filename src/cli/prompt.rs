//! Asking for what is missing, only on a terminal. Without one (scripts, CI) a missing value is
//! a usage error that names the flag; nothing is ever assumed.

use anyhow::Result;
use git_crm::render::Ui;

fn missing(flag: &str, what: &str) -> anyhow::Error {
    anyhow::anyhow!(git_crm::Error::usage(
        format!("missing {flag} ({what}); there is no terminal to ask on"),
        Some(format!("pass {flag} <value>")),
    ))
}

/// A value from its flag, or asked for on a terminal.
pub fn text(value: Option<String>, flag: &str, question: &str) -> Result<String> {
    if let Some(v) = value {
        return Ok(v);
    }
    if !Ui::interactive() {
        return Err(missing(flag, question));
    }
    Ok(dialoguer::Input::<String>::new()
        .with_prompt(question)
        .interact_text()?)
}

/// A choice from its flag, or picked from `options` on a terminal.
pub fn choose<T: Clone>(
    value: Option<T>,
    flag: &str,
    question: &str,
    options: &[(String, T)],
) -> Result<T> {
    if let Some(v) = value {
        return Ok(v);
    }
    if !Ui::interactive() {
        return Err(missing(flag, question));
    }
    let labels: Vec<&str> = options.iter().map(|(l, _)| l.as_str()).collect();
    let picked = dialoguer::Select::new()
        .with_prompt(question)
        .items(&labels)
        .default(0)
        .interact()?;
    Ok(options[picked].1.clone())
}

/// A yes/no question asked only on a terminal; without one the answer is `default_no` (no).
pub fn confirm(question: &str) -> Result<bool> {
    if !Ui::interactive() {
        return Ok(false);
    }
    Ok(dialoguer::Confirm::new()
        .with_prompt(question)
        .default(false)
        .interact()?)
}
