//! Attachment bytes kept on disk between parsing a message and writing its documents. A run
//! reads a mailbox one message at a time, so holding every attachment in memory until the
//! commit would make memory grow with the mailbox; instead each attachment that may become a
//! document is written once, named by its SHA-256 (the same bytes in two messages are one
//! file), to a private folder of this clone's git directory (`<git dir>/gitcrm/spool-<pid>-…`),
//! which is removed when the run ends. A killed run's folder is removed by the next run.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::store::Store;

/// The folder of one run's attachment files; removed when dropped.
#[derive(Debug)]
pub struct Spool {
    dir: PathBuf,
}

const PREFIX: &str = "spool-";

impl Spool {
    /// Makes the run's folder (readable by its owner only), removing the folders of runs that
    /// are no longer alive.
    pub fn new(store: &Store) -> Result<Spool> {
        let state = crate::git::state_dir(store.repo_root())?;
        sweep(&state);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        let dir = state.join(format!("{PREFIX}{}-{nanos}", std::process::id()));
        let mut builder = std::fs::DirBuilder::new();
        #[cfg(unix)]
        {
            use std::os::unix::fs::DirBuilderExt;
            builder.mode(0o700);
        }
        builder.create(&dir).map_err(|e| Error::io(&dir, e))?;
        Ok(Spool { dir })
    }

    /// Keeps `data` (whose SHA-256 is `sha256`, lowercase hex) and returns its file. Written
    /// under a temporary name and renamed, so a parallel parse of the same bytes never reads a
    /// half-written file.
    pub fn keep(&self, sha256: &str, data: &[u8]) -> std::io::Result<PathBuf> {
        debug_assert!(sha256.bytes().all(|b| b.is_ascii_hexdigit()));
        let path = self.dir.join(sha256);
        if path.is_file() {
            return Ok(path);
        }
        let temp = self
            .dir
            .join(format!("{sha256}.{:?}.tmp", std::thread::current().id()));
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(data)?;
        file.sync_data().ok();
        drop(file);
        std::fs::rename(&temp, &path)?;
        Ok(path)
    }
}

impl Drop for Spool {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Removes the spool folders of runs whose process is gone (on systems without `/proc`, those
/// older than a day).
fn sweep(state: &Path) {
    let Ok(entries) = std::fs::read_dir(state) else {
        return;
    };
    for entry in entries.filter_map(|e| e.ok()) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix(PREFIX) else {
            continue;
        };
        let pid = rest.split('-').next().unwrap_or_default();
        let proc = Path::new("/proc");
        let stale = if proc.is_dir() {
            !proc.join(pid).exists()
        } else {
            entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age.as_secs() > 24 * 3600)
        };
        if stale && entry.file_type().is_ok_and(|t| t.is_dir()) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}
