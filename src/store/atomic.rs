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

/// Writes a file atomically from a function that streams its bytes (a document copied or sealed
/// as it is read), creating parent folders. With `create_new`, fails if a file is there.
pub fn write_with(
    path: &Path,
    create_new: bool,
    produce: &dyn Fn(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    if create_new && std::fs::symlink_metadata(path).is_ok() {
        return Err(crate::error::Error::invalid(format!(
            "{} already exists",
            path.display()
        )));
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).at(dir)?;
    let tmp = temp_path(path);
    let result = (|| {
        let file = std::fs::File::create(&tmp).at(&tmp)?;
        let mut out = std::io::BufWriter::with_capacity(1 << 16, file);
        produce(&mut out)?;
        let file = out
            .into_inner()
            .map_err(|e| crate::error::Error::io(&tmp, e.into_error()))?;
        file.sync_all().at(&tmp)?;
        drop(file);
        std::fs::rename(&tmp, path).at(path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
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
