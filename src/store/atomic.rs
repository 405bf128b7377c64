//! Atomic file replacement: write a temporary file beside the target, then rename it over. A
//! process killed at any moment leaves either the old file or the new one, never a torn one.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{IoContext, Result};

/// Writes `contents` to `path` atomically, creating parent folders as needed.
pub fn write(path: &Path, contents: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).at(dir)?;
    let tmp = temp_path(path);
    let result = (|| {
        let mut file = std::fs::File::create(&tmp).at(&tmp)?;
        file.write_all(contents).at(&tmp)?;
        drop(file);
        std::fs::rename(&tmp, path).at(path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Writes `contents` to `path` only if no file is there yet (records are never overwritten by
/// creation).
pub fn create_new(path: &Path, contents: &[u8]) -> Result<()> {
    if path.exists() {
        return Err(crate::error::Error::invalid(format!(
            "{} already exists",
            path.display()
        )));
    }
    write(path, contents)
}

fn temp_path(path: &Path) -> PathBuf {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let nonce: u32 = rand_u32();
    path.with_file_name(format!(".{name}.{}.{nonce:08x}.tmp", std::process::id()))
}

fn rand_u32() -> u32 {
    uuid::Uuid::new_v4().as_u128() as u32
}

pub use super::fs::is_temp_name;
