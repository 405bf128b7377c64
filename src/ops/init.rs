//! Creating a store (`init`) and preparing a fresh clone of one (`setup`).

use std::path::{Path, PathBuf};

use crate::error::{Error, Input, IoContext, Result};
use crate::git;
use crate::model::config::Person;
use crate::store::config_template::template;
use crate::store::{Store, atomic, layout};

/// The line `.gitattributes` needs so git hands record files to the merge driver.
pub use crate::store::layout::ATTRIBUTES_LINE;
/// The driver command registered in each clone.
pub const DRIVER_COMMAND: &str = "git-crm merge-driver %O %A %B %P";

/// Who the first person of a new store is.
#[derive(Debug, Clone, Default)]
pub struct InitOptions {
    pub handle: Option<String>,
    pub name: Option<String>,
    pub email: Option<String>,
    pub team: Option<String>,
    /// Leave the created files uncommitted.
    pub no_commit: bool,
}

/// What `init` did.
#[derive(Debug, Clone, serde::Serialize)]
pub struct InitReport {
    pub root: PathBuf,
    pub handle: String,
    pub commit: Option<String>,
    pub created_repository: bool,
}

/// Creates a store in `dir` (creating the git repository too when there is none) and commits
/// its settings as the first person.
pub fn init(dir: &Path, options: &InitOptions) -> Result<InitReport> {
    std::fs::create_dir_all(dir).at(dir)?;
    let dir = std::path::absolute(dir).at(dir)?;
    if dir.join(layout::CONFIG_FILE).exists() {
        return Err(Error::invalid_hint(
            format!("{} is already a git-crm store", dir.display()),
            "in a fresh clone, run `git crm setup` instead",
        ));
    }
    let created_repository = crate::store::find_repo_root(&dir).is_none();
    if created_repository {
        git::init_repo(&dir)?;
    }
    let repo_root = crate::store::find_repo_root(&dir)
        .ok_or_else(|| Error::Git("git init left no repository".into()))?;
    let (handle, person) = first_person(&repo_root, options)?;
    atomic::write(
        &dir.join(layout::CONFIG_FILE),
        template((&handle, &person)).as_bytes(),
    )?;
    ensure_attributes(&dir)?;
    let store = Store::open(&dir)?;
    setup(&store)?;
    let mut change = crate::store::Change::new("store.init", "init: create git-crm store", &handle);
    change.files = vec![
        crate::store::FileOp::Update {
            path: layout::CONFIG_FILE.into(),
            contents: store.read_text(layout::CONFIG_FILE)?,
        },
        crate::store::FileOp::Update {
            path: ".gitattributes".into(),
            contents: store.read_text(".gitattributes")?,
        },
    ];
    // The files are on disk already; applying rewrites them unchanged and commits them through
    // the same path as every other command.
    let commit = store.begin()?.apply(
        &change,
        crate::store::ApplyOptions {
            no_commit: options.no_commit,
            ..Default::default()
        },
    )?;
    Ok(InitReport {
        root: dir,
        handle,
        commit,
        created_repository,
    })
}

fn first_person(repo_root: &Path, options: &InitOptions) -> Result<(String, Person)> {
    let identity = git::user_identity(repo_root);
    let email = options
        .email
        .clone()
        .or_else(|| identity.as_ref().map(|(_, e)| e.clone()));
    let name = options
        .name
        .clone()
        .or_else(|| identity.as_ref().map(|(n, _)| n.clone()));
    let (Some(email), Some(name)) = (email, name) else {
        return Err(Error::missing_because(
            Input::Email,
            "cannot tell who you are: git user.name/user.email are not set",
            "the first person of the store is you",
        ));
    };
    let handle = match &options.handle {
        Some(h) => h.clone(),
        None => handle_from_email(&email),
    };
    super::validate_handle(&handle)?;
    let person = Person {
        name,
        emails: vec![email],
        teams: options.team.iter().cloned().collect(),
        role: None,
        away: None,
        keys: Vec::new(),
        extra: Default::default(),
    };
    Ok((handle, person))
}

/// A handle derived from the local part of an email: `Alice.Martin@x.com` -> `alice.martin`.
pub fn handle_from_email(email: &str) -> String {
    let local = email
        .split('@')
        .next()
        .unwrap_or(email)
        .to_ascii_lowercase();
    let handle: String = local
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                c
            } else {
                '-'
            }
        })
        .collect();
    let handle = handle
        .trim_matches(|c: char| !c.is_ascii_alphanumeric())
        .to_string();
    if handle.is_empty() {
        "me".into()
    } else {
        handle
    }
}

fn ensure_attributes(dir: &Path) -> Result<()> {
    let path = dir.join(".gitattributes");
    let existing = std::fs::read_to_string(&path).unwrap_or_default();
    if existing.lines().any(|l| l.trim() == ATTRIBUTES_LINE) {
        return Ok(());
    }
    let mut text = existing;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str("# git-crm: field-level merges of customer records (see `git crm setup`)\n");
    text.push_str(ATTRIBUTES_LINE);
    text.push('\n');
    atomic::write(&path, text.as_bytes())
}

/// The per-clone part of a store: registers the merge driver in `.git/config`. Idempotent.
pub fn setup(store: &Store) -> Result<()> {
    git::set_local_config(
        store.repo_root(),
        "merge.gitcrm.name",
        "git-crm field-level merge of customer records",
    )?;
    git::set_local_config(store.repo_root(), "merge.gitcrm.driver", DRIVER_COMMAND)?;
    // A customer renamed on one clone while another adds records under the old slug: git
    // moves those records into the renamed folder instead of stopping with a "file location"
    // conflict (records in folders git does not recognise as renamed are attached by their
    // rename forward, and `check --fix` / `sync` move them).
    git::set_local_config(store.repo_root(), "merge.directoryRenames", "true")
}

/// Whether the store's `.gitattributes` sends document contents through Git LFS.
pub fn lfs_enabled(store: &Store) -> bool {
    let text = std::fs::read_to_string(store.path(".gitattributes")).unwrap_or_default();
    layout::LFS_ATTRIBUTES
        .iter()
        .all(|line| text.lines().any(|l| l.trim() == *line))
}

/// Prepares this clone for LFS documents when the store uses them: `git lfs install --local`
/// (per clone, like the merge driver). Returns whether it did.
pub fn setup_lfs_clone(store: &Store) -> Result<bool> {
    if !lfs_enabled(store) || !git::lfs::installed() {
        return Ok(false);
    }
    git::lfs::install_local(store.repo_root())?;
    Ok(true)
}

/// Plans sending documents through Git LFS: the `.gitattributes` lines that track document
/// contents (record files stay in git), after configuring this clone. Needs git-lfs.
pub fn enable_lfs(store: &Store, actor: &str) -> Result<crate::store::Change> {
    if !git::lfs::installed() {
        return Err(Error::invalid_hint(
            "git-lfs is not installed",
            "install it (Debian/Ubuntu: apt-get install git-lfs; macOS: brew install git-lfs), then run `git crm setup --lfs`",
        ));
    }
    git::lfs::install_local(store.repo_root())?;
    let mut change = crate::store::Change::new(
        "store.lfs",
        "setup: store document contents through Git LFS",
        actor,
    );
    if lfs_enabled(store) {
        return Ok(change);
    }
    let mut text = std::fs::read_to_string(store.path(".gitattributes")).unwrap_or_default();
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str("# git-crm: document contents go through Git LFS (`git crm setup --lfs`)\n");
    for line in layout::LFS_ATTRIBUTES {
        if !text.lines().any(|l| l.trim() == line) {
            text.push_str(line);
            text.push('\n');
        }
    }
    change.files.push(crate::store::FileOp::Update {
        path: ".gitattributes".into(),
        contents: text,
    });
    Ok(change)
}
