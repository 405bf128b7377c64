//! The local private identity: what this user can open. Found, in order, from the file named by
//! `GITCRM_IDENTITY`, the git-crm identity file in the user's config folder
//! (`$XDG_CONFIG_HOME/git-crm/identity.txt`, else `~/.config/git-crm/identity.txt`), and the
//! user's SSH key (`~/.ssh/id_ed25519`). Every one found is used. Nothing here prompts: a
//! passphrase-protected SSH key is reported, not used.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::error::{Error, IoContext, Result};

/// Largest identity file read (an age identity file is a few hundred bytes).
const MAX_IDENTITY_BYTES: u64 = 64 * 1024;

/// The private keys this process can open restricted content with.
#[derive(Default)]
pub struct Keyring {
    identities: Vec<Box<dyn age::Identity + Send + Sync>>,
    /// Where each usable identity came from (for `person key list` and messages).
    pub sources: Vec<String>,
    /// Identity files found but not usable, and why.
    pub problems: Vec<String>,
}

impl std::fmt::Debug for Keyring {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Keyring")
            .field("sources", &self.sources)
            .field("problems", &self.problems)
            .finish()
    }
}

static LOCAL: OnceLock<Keyring> = OnceLock::new();

impl Keyring {
    /// A keyring that opens nothing: what metrics and other shared views read with, so their
    /// output is the same for everyone.
    pub fn empty() -> Self {
        Keyring::default()
    }

    /// The local user's keyring, discovered once per process (and only when restricted content
    /// is actually met).
    pub fn local() -> &'static Keyring {
        LOCAL.get_or_init(Keyring::discover)
    }

    /// Discovers the local identities (see the module documentation).
    pub fn discover() -> Keyring {
        let mut ring = Keyring::default();
        if let Some(path) = std::env::var_os("GITCRM_IDENTITY").filter(|p| !p.is_empty()) {
            ring.add_file(Path::new(&path), true);
        }
        if let Some(path) = config_identity_path() {
            ring.add_file(&path, false);
        }
        if let Some(home) = std::env::var_os("HOME").filter(|h| !h.is_empty()) {
            ring.add_file(&Path::new(&home).join(".ssh").join("id_ed25519"), false);
        }
        ring
    }

    /// What to tell someone whose identity cannot open a value, when this keyring found an
    /// identity it could not use (a passphrase-protected SSH key, a damaged file): that is the
    /// likelier cause than a missing recipient.
    pub fn problem_hint(&self) -> Option<String> {
        (!self.problems.is_empty()).then(|| self.problems.join("; "))
    }

    /// Whether no identity is usable.
    pub fn is_empty(&self) -> bool {
        self.identities.is_empty()
    }

    /// Adds the identities of `path`; a missing file is a problem only when `required`.
    fn add_file(&mut self, path: &Path, required: bool) {
        match read_small(path) {
            Ok(Some(text)) => match self.add_text(&text, &path.display().to_string()) {
                Ok(()) => {}
                Err(why) => self.problems.push(format!("{}: {why}", path.display())),
            },
            Ok(None) if required => self.problems.push(format!(
                "{}: no such file (GITCRM_IDENTITY)",
                path.display()
            )),
            Ok(None) => {}
            Err(why) => self.problems.push(format!("{}: {why}", path.display())),
        }
    }

    /// Adds the identities in `text`: an age identity file (`AGE-SECRET-KEY-1…` lines) or an
    /// unencrypted OpenSSH Ed25519 private key.
    pub fn add_text(&mut self, text: &str, source: &str) -> std::result::Result<(), String> {
        if text.contains("AGE-SECRET-KEY-") {
            let file = age::IdentityFile::from_buffer(text.as_bytes())
                .map_err(|e| format!("not an age identity file: {e}"))?;
            let ids = file
                .into_identities()
                .map_err(|e| format!("cannot use the identities: {e}"))?;
            if ids.is_empty() {
                return Err("holds no identity".into());
            }
            self.identities.extend(ids);
            self.sources.push(source.to_string());
            return Ok(());
        }
        if text.contains("PRIVATE KEY") {
            let id = age::ssh::Identity::from_buffer(text.as_bytes(), Some(source.to_string()))
                .map_err(|e| format!("not a usable SSH key: {e}"))?;
            return match id {
                age::ssh::Identity::Unencrypted(_) => {
                    self.identities.push(Box::new(id));
                    self.sources.push(source.to_string());
                    Ok(())
                }
                age::ssh::Identity::Encrypted(_) => Err(
                    "the SSH key is passphrase-protected and git-crm does not prompt; set GITCRM_IDENTITY to an age identity file (`git crm person key generate`)".into(),
                ),
                age::ssh::Identity::Unsupported(_) => {
                    Err("this kind of SSH key is not supported (use ssh-ed25519)".into())
                }
            };
        }
        Err("neither an age identity file nor an OpenSSH private key".into())
    }

    /// The identities, for age's decryptor.
    pub(super) fn identities(&self) -> impl Iterator<Item = &dyn age::Identity> {
        self.identities
            .iter()
            .map(|i| i.as_ref() as &dyn age::Identity)
    }
}

/// Reads a small file without following a symbolic link; `None` when it does not exist.
fn read_small(path: &Path) -> std::result::Result<Option<String>, String> {
    let meta = match std::fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e.to_string()),
    };
    // A link is followed here on purpose only for the user's own files (a dotfiles manager
    // links ~/.ssh); the size bound still holds.
    let meta = if meta.file_type().is_symlink() {
        std::fs::metadata(path).map_err(|e| e.to_string())?
    } else {
        meta
    };
    if !meta.is_file() {
        return Err("not a regular file".into());
    }
    if meta.len() > MAX_IDENTITY_BYTES {
        return Err(format!("larger than {MAX_IDENTITY_BYTES} bytes"));
    }
    let mut text = String::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_IDENTITY_BYTES).read_to_string(&mut text))
        .map_err(|e| e.to_string())?;
    Ok(Some(text))
}

/// Where git-crm keeps the user's own identity file.
pub fn config_identity_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|v| !v.is_empty())
                .map(|h| PathBuf::from(h).join(".config"))
        })?;
    Some(base.join("git-crm").join("identity.txt"))
}

/// Creates a new age identity at `path` (readable by the owner only) and returns its public
/// key. Refuses to replace an existing file: losing an identity loses what was sealed to it.
pub fn generate(path: &Path) -> Result<String> {
    use age::secrecy::ExposeSecret;
    if std::fs::symlink_metadata(path).is_ok() {
        return Err(Error::invalid_hint(
            format!("{} already exists", path.display()),
            "git-crm never replaces an identity; register its public key with `git crm person key add`",
        ));
    }
    let identity = age::x25519::Identity::generate();
    let public = identity.to_public().to_string();
    let text = format!(
        "# git-crm identity, created {}\n# public key: {public}\n{}\n",
        crate::model::time::rfc3339(&crate::model::time::now()),
        identity.to_string().expose_secret()
    );
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).at(dir)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path).at(path)?;
    file.write_all(text.as_bytes()).at(path)?;
    file.sync_all().at(path)?;
    Ok(public)
}
