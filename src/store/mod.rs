//! The store on disk: finding it, its settings, reading and writing records, and turning a
//! planned [`Change`] into files and one git commit.

pub mod atomic;
pub mod change;
pub mod config_template;
pub mod corrected;
pub mod edit;
pub mod fs;
mod gate;
pub use gate::check_file;
pub mod journal;
pub mod layout;
pub mod load;
pub mod locate;
pub mod resolve;
pub mod snapshot;
mod sparse;
pub mod txn;
pub mod yaml;

use std::path::{Path, PathBuf};

use chrono_tz::Tz;

use crate::error::{Error, IoContext, Result};
use crate::model::config::Config;
use crate::model::suggest;

pub use change::{Change, FileOp};
pub use journal::Recovery;
pub use load::CustomerBundle;
pub use txn::{AbortPoint, ApplyOptions, Transaction, set_abort_point};

/// An open store: where it is, inside which git work tree, and its settings.
#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
    repo_root: PathBuf,
    config: Config,
}

impl Store {
    /// Finds the store containing `start` (or `start` itself), as git finds a repository.
    pub fn discover(start: &Path) -> Result<Self> {
        Self::discover_inner(start, Self::open)
    }

    fn discover_inner(start: &Path, open: fn(&Path) -> Result<Self>) -> Result<Self> {
        let start = std::path::absolute(start).at(start)?;
        let mut dir = Some(start.as_path());
        while let Some(d) = dir {
            // Found by its settings folder, looked at without following a link: a `.gitcrm`
            // that is a link is found, then refused by `open` with its name.
            if std::fs::symlink_metadata(d.join(layout::CONFIG_DIR)).is_ok() {
                return open(d);
            }
            if d.join(".git").exists() {
                if let Some(error) = sparse::settings_left_out(d) {
                    return Err(error);
                }
                break;
            }
            dir = d.parent();
        }
        Err(Error::NoStore { start })
    }

    /// Opens the store whose root is exactly `root`. A config with an error (an unknown zone,
    /// a hostile handle, a target that is not a duration...) is refused, naming
    /// `file:line:column`: no command runs on settings it would misread.
    pub fn open(root: &Path) -> Result<Self> {
        let store = Self::open_lenient(root)?;
        store.require_valid_config()?;
        Ok(store)
    }

    /// Like [`Store::discover`], but accepts a config with problems (for `git crm check`,
    /// which reports them all).
    pub fn discover_lenient(start: &Path) -> Result<Self> {
        let store = Self::discover_inner(start, Self::open_lenient)?;
        Ok(store)
    }

    /// Fails with the first error of the config, located in the file.
    pub fn require_valid_config(&self) -> Result<()> {
        let Some(problem) = crate::model::config_problems::first_error(&self.config) else {
            return Ok(());
        };
        let text = fs::read_text(&self.root, layout::CONFIG_FILE, MAX_CONFIG_BYTES).ok();
        let keys: Vec<&str> = problem.keys.iter().map(String::as_str).collect();
        let (line, column) = text
            .as_deref()
            .and_then(|t| locate::key_or_parent(t, &keys))
            .unwrap_or((1, 1));
        let hint = problem
            .hint
            .map(|h| format!("{h}; `git crm check config` lists every problem"))
            .unwrap_or_else(|| "`git crm check config` lists every problem".into());
        Err(Error::Config {
            path: PathBuf::from(layout::CONFIG_FILE),
            line,
            column,
            message: format!("{}: {}", problem.keys.join("."), problem.message),
            hint,
        })
    }

    /// Opens the store at `root` without judging its config beyond its YAML.
    pub fn open_lenient(root: &Path) -> Result<Self> {
        let root = std::path::absolute(root).at(root)?;
        if fs::kind(&root, layout::CONFIG_FILE)?.is_none() {
            return Err(Error::NoStore { start: root });
        }
        let repo_root = find_repo_root(&root).ok_or_else(|| {
            Error::invalid_hint(
                format!("{} is not inside a git repository", root.display()),
                "run `git crm init` there to create one",
            )
        })?;
        let config = load_config(&root)?;
        Ok(Store {
            root,
            repo_root,
            config,
        })
    }

    /// The folder holding `.gitcrm/`.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The git work tree the store lives in.
    pub fn repo_root(&self) -> &Path {
        &self.repo_root
    }

    /// Whether this clone has the git-crm merge driver registered in its git config (`git crm
    /// setup`): without it, git merges record files line by line.
    pub fn merge_driver_registered(&self) -> bool {
        crate::git::local_config(self.repo_root(), "merge.gitcrm.driver").is_some()
    }

    /// The store settings.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Re-reads the settings after a command changed them.
    pub fn reload_config(&mut self) -> Result<()> {
        self.config = load_config(&self.root)?;
        self.require_valid_config()
    }

    /// Absolute path of a store-relative path.
    pub fn path(&self, rel: &str) -> PathBuf {
        layout::join(&self.root, rel)
    }

    /// The path git uses for a store-relative path (the store may be a folder of the repo).
    pub fn git_path(&self, rel: &str) -> String {
        let prefix = self
            .root
            .strip_prefix(&self.repo_root)
            .unwrap_or(Path::new(""));
        let prefix: Vec<String> = prefix
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        if prefix.is_empty() {
            rel.to_string()
        } else {
            format!("{}/{rel}", prefix.join("/"))
        }
    }

    /// The zone in which naive times typed by people are read.
    pub fn zone(&self) -> Tz {
        // An invalid zone never gets here: `open` refuses the config.
        self.config
            .timezone
            .as_deref()
            .and_then(|z| crate::model::time::parse_zone(z).ok())
            .unwrap_or(Tz::UTC)
    }

    /// What typed times are read against: now, the store's zone and its date order.
    pub fn reading(&self) -> crate::model::time::Reading {
        crate::model::time::Reading::now(self.zone(), self.config.date_order)
    }

    /// Checks that `handle` names a person, with a suggestion when it does not. Naming someone
    /// the store does not know is a usage mistake (exit 2), like an unknown flag value.
    pub fn require_person(&self, handle: &str) -> Result<()> {
        if self.config.people.contains_key(handle) {
            return Ok(());
        }
        let hint = suggest::did_you_mean(handle, self.config.people.keys().map(String::as_str))
            .or_else(|| {
                Some(format!(
                    "add them with `git crm person add {handle} --name ...`"
                ))
            });
        Err(Error::usage(
            format!(
                "no person `{}` in {}",
                crate::model::text::escape(handle),
                layout::CONFIG_FILE
            ),
            hint,
        ))
    }

    /// Checks that `team` is a configured team (a usage mistake otherwise, exit 2).
    pub fn require_team(&self, team: &str) -> Result<()> {
        if self.config.teams.contains_key(team) {
            return Ok(());
        }
        let hint = suggest::did_you_mean(team, self.config.teams.keys().map(String::as_str))
            .or_else(|| Some(format!("add it with `git crm team add {team}`")));
        Err(Error::usage(
            format!(
                "no team `{}` in {}",
                crate::model::text::escape(team),
                layout::CONFIG_FILE
            ),
            hint,
        ))
    }

    /// The store's spelling of the channel `typed` names (case ignored), or the error of
    /// [`Store::require_channel`]: what `log` and `amend` write.
    pub fn channel_named(&self, typed: &str) -> Result<String> {
        match self.config.channel_named(typed) {
            Some(known) => Ok(known.to_string()),
            None => self.require_channel(typed).map(|()| typed.to_string()),
        }
    }

    /// Checks that `channel` is in the vocabulary (a usage mistake otherwise, exit 2, as an
    /// unknown `--direction` is).
    pub fn require_channel(&self, channel: &str) -> Result<()> {
        if self.config.knows_channel(channel) {
            return Ok(());
        }
        let hint = suggest::did_you_mean(channel, self.config.channels.iter().map(String::as_str))
            .unwrap_or_else(|| format!("known channels: {}", self.config.channels.join(", ")));
        Err(Error::usage(
            format!("unknown channel `{}`", crate::model::text::escape(channel)),
            Some(hint),
        ))
    }
}

/// Largest settings file read.
pub const MAX_CONFIG_BYTES: u64 = 4 << 20;

fn load_config(root: &Path) -> Result<Config> {
    let bytes = fs::read(root, layout::CONFIG_FILE, MAX_CONFIG_BYTES)?;
    yaml::parse_bytes(Path::new(layout::CONFIG_FILE), &bytes)
}

/// The nearest folder at or above `dir` that has a `.git`.
pub fn find_repo_root(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .find(|d| d.join(".git").exists())
        .map(Path::to_path_buf)
}
