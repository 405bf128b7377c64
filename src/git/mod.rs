//! The only module that talks to git. Commits are written in-process with gix (blob, tree edit,
//! commit, index update), which is several times faster than `git add && git commit` on a large
//! store and leaves `git status` clean. Configuration of the clone and network transport use the
//! user's `git`, so credential helpers, SSH agents and hooks behave as the user expects.

pub mod bloom;
mod bulk;
mod commit;
mod config;
mod diff;
pub mod fsmonitor;
mod histindex;
pub use histindex::prepare as prepare_history_index;
mod history;
mod index;
mod index_write;
pub mod lfs;
mod line_merge;
pub mod remote;
mod repo;
mod sparse;
mod stream;
mod tree;
pub mod tuning;

pub use bulk::{BulkCommit, BulkImport, bulk_import};
pub use commit::{
    CommitSteps, PathUpdate, Prepared, commit, finish_prepared_index, remove_index_lock_since,
    remove_own_index_lock, remove_ref_locks_since, reset_index_to_head, write_blobs,
};
pub use config::{
    WriteLock, git_command, head_commit, init_repo, local_config, set_local_config, state_dir,
    try_write_lock, user_identity, write_lock,
};
pub use diff::{FileChange, FileStatus};
pub use history::{PathCommit, PathHistory, path_history};
pub use index::{
    EntryKind, FileStat, IndexRead, Unmerged, UnmergedRead, index_blobs, index_file_digest,
    unmerged_paths,
};
pub use index_write::IndexFormat;
pub use line_merge::{LineMerge, line_merge};
pub use repo::{CommitInfo, Repo};
pub use sparse::SparseCheckout;
pub use stream::{blob_id_of, blob_size, copy_blob, index_blob, indexed_blob, write_blob_from};
pub use tree::{
    TreeFile, blob_id, blob_id_raw, git_dir, list_files, missing_objects, read_blob, read_blobs,
    read_file, read_files, release_read_handles,
};

use crate::model::time::Timestamp;

/// Who a commit is by, and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    pub name: String,
    pub email: String,
    pub time: Timestamp,
}

impl Signature {
    fn to_gix(&self) -> gix::actor::Signature {
        gix::actor::Signature {
            name: self.name.as_str().into(),
            email: self.email.as_str().into(),
            time: gix::date::Time {
                seconds: self.time.timestamp(),
                offset: self.time.offset().local_minus_utc(),
            },
        }
    }
}

fn git_error(context: &str, e: impl std::fmt::Display) -> crate::error::Error {
    crate::error::Error::Git(format!("{context}: {e}"))
}
