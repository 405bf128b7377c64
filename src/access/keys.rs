//! People's public keys: parsing what `person key add` is given, the fingerprint stored with
//! each sealed value, and the recipients a team's content is sealed to.

use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::model::config::Config;
use crate::model::text;

/// The two kinds of public key a person can register. Neither carries recipient labels, so age
/// lets one message be sealed to both kinds at once (age refuses to mix only labelled kinds,
/// such as passphrases and plugin or post-quantum recipients, which git-crm does not accept).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyKind {
    /// A native age X25519 key, `age1…`.
    Age,
    /// An OpenSSH Ed25519 key, `ssh-ed25519 AAAA…`.
    SshEd25519,
}

/// A validated public key in its canonical text (an SSH key without its comment).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicKey {
    pub kind: KeyKind,
    pub text: String,
}

impl PublicKey {
    /// Parses a key as people paste it: `age1…`, or an OpenSSH `ssh-ed25519 AAAA… comment`
    /// line (the comment is dropped). Anything else is an error saying what is accepted.
    pub fn parse(input: &str) -> Result<PublicKey> {
        let input = input.trim();
        let accepted = "give an age key (`age1…`, from `age-keygen` or `git crm person key generate`) or an OpenSSH `ssh-ed25519 AAAA…` line (~/.ssh/id_ed25519.pub)";
        if input.starts_with("age1") {
            let text = input.to_string();
            return text
                .parse::<age::x25519::Recipient>()
                .map(|_| PublicKey {
                    kind: KeyKind::Age,
                    text,
                })
                .map_err(|e| {
                    Error::invalid_hint(
                        format!("`{}` is not a valid age key: {e}", text::escape(input)),
                        accepted,
                    )
                });
        }
        let mut parts = input.split_whitespace();
        match (parts.next(), parts.next()) {
            (Some("ssh-ed25519"), Some(data)) => {
                let text = format!("ssh-ed25519 {data}");
                text.parse::<age::ssh::Recipient>()
                    .map(|_| PublicKey {
                        kind: KeyKind::SshEd25519,
                        text: text.clone(),
                    })
                    .map_err(|_| {
                        Error::invalid_hint(
                            "the ssh-ed25519 key does not decode".to_string(),
                            accepted,
                        )
                    })
            }
            (Some(kind), _) if kind.starts_with("ssh-") || kind.starts_with("ecdsa-") => {
                Err(Error::invalid_hint(
                    format!(
                        "`{}` keys are not supported for restricted content",
                        text::escape(kind)
                    ),
                    accepted,
                ))
            }
            _ => Err(Error::invalid_hint(
                format!(
                    "`{}` is not a public key",
                    text::escape(&text::truncate(input, 40))
                ),
                accepted,
            )),
        }
    }

    /// A short stable name of the key (the first 16 hex digits of the SHA-256 of its canonical
    /// text), stored with each sealed value so `check` can tell who it was sealed to without
    /// opening it.
    pub fn fingerprint(&self) -> String {
        fingerprint_of(&self.text)
    }

    /// The age recipient for this key.
    pub fn recipient(&self) -> Box<dyn age::Recipient + Send> {
        match self.kind {
            KeyKind::Age => Box::new(
                self.text
                    .parse::<age::x25519::Recipient>()
                    .expect("validated on parse"),
            ),
            KeyKind::SshEd25519 => Box::new(
                self.text
                    .parse::<age::ssh::Recipient>()
                    .expect("validated on parse"),
            ),
        }
    }
}

/// The fingerprint of a key's canonical text.
pub fn fingerprint_of(text: &str) -> String {
    let digest = Sha256::digest(text.trim().as_bytes());
    crate::model::text::hex(&digest[..8])
}

/// One key a value is sealed to, with whose it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    pub person: String,
    pub key: PublicKey,
}

impl Recipient {
    /// `handle:fingerprint`, as stored in `recipients:`.
    pub fn label(&self) -> String {
        format!("{}:{}", self.person, self.key.fingerprint())
    }
}

/// The keys a person registered that parse (a key that does not is reported by `check config`).
pub fn person_keys(config: &Config, handle: &str) -> Vec<PublicKey> {
    config
        .person(handle)
        .map(|p| {
            p.keys
                .iter()
                .filter_map(|k| PublicKey::parse(k).ok())
                .collect()
        })
        .unwrap_or_default()
}

/// Who content of `team` written by `author` is sealed to: every key of every current member,
/// and the author's keys (so the author can read what they wrote even outside the team). Fails
/// when the team does not exist or nobody in it has a key.
pub fn team_recipients(config: &Config, team: &str, author: &str) -> Result<Vec<Recipient>> {
    if !config.teams.contains_key(team) {
        let hint =
            crate::model::suggest::did_you_mean(team, config.teams.keys().map(String::as_str))
                .or_else(|| Some(format!("add it with `git crm team add {team}`")));
        return Err(Error::not_found(
            format!("no team `{}`", text::escape(team)),
            hint,
        ));
    }
    let mut people: Vec<&str> = config.members(team);
    let mut out = Vec::new();
    for handle in &people {
        out.extend(
            person_keys(config, handle)
                .into_iter()
                .map(|key| Recipient {
                    person: handle.to_string(),
                    key,
                }),
        );
    }
    if out.is_empty() {
        let members = if people.is_empty() {
            "it has no members".to_string()
        } else {
            format!("none of {} has registered a key", people.join(", "))
        };
        return Err(Error::invalid_hint(
            format!("cannot restrict to team `{team}`: {members}"),
            "register one with `git crm person key add <handle> <age1…|ssh-ed25519 …>`",
        ));
    }
    if !people.contains(&author) {
        people.push(author);
        out.extend(
            person_keys(config, author)
                .into_iter()
                .map(|key| Recipient {
                    person: author.to_string(),
                    key,
                }),
        );
    }
    out.dedup_by(|a, b| a.key == b.key);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_age_and_ssh_keys_and_refuses_the_rest() {
        let age = age::x25519::Identity::generate().to_public().to_string();
        let k = PublicKey::parse(&format!("  {age}\n")).unwrap();
        assert_eq!(k.kind, KeyKind::Age);
        assert_eq!(k.fingerprint().len(), 16);
        let ssh = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGhWl6XXQwVf0rzMJeuqc6O9zmgGyrLu7QFd0S7ooS45 alice@laptop";
        let k = PublicKey::parse(ssh).unwrap();
        assert_eq!(k.kind, KeyKind::SshEd25519);
        assert!(!k.text.contains("alice@laptop"));
        assert!(PublicKey::parse("age1notakey").is_err());
        assert!(PublicKey::parse("ssh-rsa AAAAB3NzaC1yc2E").is_err());
        assert!(PublicKey::parse("hello").is_err());
        assert!(PublicKey::parse("").is_err());
    }
}
