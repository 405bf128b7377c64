//! git's own line-based three-way merge (`git merge-file`), the fallback for files the
//! field-level merge cannot read. Run through the user's `git`, which is the program that called
//! the merge driver in the first place.

use std::path::PathBuf;
use std::process::Stdio;

use crate::error::{Error, IoContext, Result};

/// The result of a line merge: the merged text (with conflict markers where it conflicted) and
/// whether it was clean.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineMerge {
    pub text: Vec<u8>,
    pub clean: bool,
}

/// Merges `ours` and `theirs` line by line against `base`, labelling conflict blocks with
/// `labels` (ours, base, theirs).
pub fn line_merge(base: &[u8], ours: &[u8], theirs: &[u8], labels: [&str; 3]) -> Result<LineMerge> {
    let dir = TempDir::new()?;
    let files = [("base", base), ("ours", ours), ("theirs", theirs)]
        .map(|(name, data)| (dir.0.join(name), data));
    for (path, data) in &files {
        std::fs::write(path, data).at(path)?;
    }
    let output = std::process::Command::new("git")
        .arg("merge-file")
        .arg("-p")
        .args(["-L", labels[0], "-L", labels[1], "-L", labels[2]])
        .arg(&files[1].0)
        .arg(&files[0].0)
        .arg(&files[2].0)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| Error::Git(format!("cannot run git merge-file: {e}")))?;
    match output.status.code() {
        Some(code) if (0..128).contains(&code) => Ok(LineMerge {
            text: output.stdout,
            clean: code == 0,
        }),
        _ => Err(Error::Git(format!(
            "git merge-file failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        ))),
    }
}

/// A private temporary folder, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> Result<Self> {
        use std::sync::atomic::{AtomicU64, Ordering};
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or_default();
        let name = format!(
            "git-crm-merge-{}-{nanos}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        );
        let path = std::env::temp_dir().join(name);
        std::fs::create_dir(&path).at(&path)?;
        Ok(TempDir(path))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adjacent_line_edits_conflict_and_separate_ones_merge() {
        let base = b"a: 1\nb: 2\nc: 3\nd: 4\ne: 5\n";
        let clean = line_merge(
            base,
            b"a: 9\nb: 2\nc: 3\nd: 4\ne: 5\n",
            b"a: 1\nb: 2\nc: 3\nd: 4\ne: 9\n",
            ["o", "b", "t"],
        )
        .unwrap();
        assert!(clean.clean);
        assert_eq!(clean.text, b"a: 9\nb: 2\nc: 3\nd: 4\ne: 9\n");
        let conflict = line_merge(
            base,
            b"a: 9\nb: 2\nc: 3\nd: 4\ne: 5\n",
            b"a: 1\nb: 9\nc: 3\nd: 4\ne: 5\n",
            ["o", "b", "t"],
        )
        .unwrap();
        assert!(!conflict.clean);
        assert!(String::from_utf8_lossy(&conflict.text).contains("<<<<<<< o\n"));
    }
}
