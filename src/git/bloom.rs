//! git's changed-path Bloom filters (the `BIDX`/`BDAT` chunks of the commit-graph, written by
//! `git commit-graph write --changed-paths`), which tell for each commit, without reading a
//! tree, that a path certainly did not change against its first parent. gix reads the
//! commit-graph for walking but not these filters, so they are read here, as git's
//! `bloom.c` and gitformat-commit-graph(5) define them: murmur3 (x86, 32-bit) with seeds
//! 0x293ae76f and 0x7e646e2c, double hashing, bit `h % (8 * len)` of the commit's filter.
//!
//! Only the chunks needed are read (object ids, filter index and data), so even a graph of
//! millions of commits costs a few bytes per commit.

use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

/// The changed-path filters of every commit-graph file of a repository.
#[derive(Debug, Default)]
pub struct ChangedPaths {
    files: Vec<GraphFilters>,
}

/// The filters of one commit-graph file.
#[derive(Debug)]
struct GraphFilters {
    hash_len: usize,
    /// `OIDF`: how many object ids start with a byte up to each value.
    fanout: Vec<u32>,
    /// `OIDL`: the commits' ids, sorted.
    ids: Vec<u8>,
    /// `BIDX`: the end of each commit's filter in `data`.
    ends: Vec<u32>,
    /// `BDAT` after its header.
    data: Vec<u8>,
    num_hashes: u32,
}

/// The hashes of one path and of each folder leading to it (a commit that changed
/// `customers/acme` also changed `customers`, and git added both to its filter), computed once
/// and tested against many commits' filters: a filter that lacks any of them rules the path
/// out, which makes false positives rarer than one key alone would.
#[derive(Debug, Clone)]
pub struct PathKey {
    keys: Vec<Vec<u32>>,
}

impl ChangedPaths {
    /// Reads the filters of the repository whose object directory is `objects`, or `None` when
    /// there is no commit-graph with filters (or `core.commitGraph` /
    /// `commitGraph.readChangedPaths` is off, which the caller checks). A damaged or foreign
    /// graph is ignored, never trusted.
    pub fn open(objects: &Path) -> Option<ChangedPaths> {
        let info = objects.join("info");
        let mut paths = Vec::new();
        let single = info.join("commit-graph");
        if single.is_file() {
            paths.push(single);
        }
        let chain_dir = info.join("commit-graphs");
        if let Ok(chain) = std::fs::read_to_string(chain_dir.join("commit-graph-chain")) {
            paths.extend(
                chain
                    .lines()
                    .filter(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_hexdigit()))
                    .map(|l| chain_dir.join(format!("graph-{l}.graph"))),
            );
        }
        let files: Vec<GraphFilters> = paths.iter().filter_map(read_graph).collect();
        (!files.is_empty()).then_some(ChangedPaths { files })
    }

    /// The key of `path` (repository-relative, no trailing `/`). `None` for the root and for a
    /// path with bytes >= 0x80, which version-1 filters hashed wrongly: such paths are always
    /// looked up in trees.
    pub fn key(&self, path: &str) -> Option<PathKey> {
        // git adds no key for the root, and hashed bytes >= 0x80 differently before version 2.
        if path.is_empty() || !path.is_ascii() {
            return None;
        }
        let num_hashes = self.files.first()?.num_hashes;
        let hashes = |part: &str| -> Vec<u32> {
            let h0 = murmur3(0x293a_e76f, part.as_bytes());
            let h1 = murmur3(0x7e64_6e2c, part.as_bytes());
            (0..num_hashes)
                .map(|i| h0.wrapping_add(i.wrapping_mul(h1)))
                .collect()
        };
        let mut keys = vec![hashes(path)];
        let mut rest = path;
        while let Some((dir, _)) = rest.rsplit_once('/') {
            keys.push(hashes(dir));
            rest = dir;
        }
        Some(PathKey { keys })
    }

    /// Whether `commit` certainly left the path of `key` as its first parent had it: `true`
    /// only when the commit's filter says so. A commit outside the graph, or whose filter is
    /// missing or full, gives `false` (look at the trees).
    pub fn unchanged(&self, commit: &gix::oid, key: &PathKey) -> bool {
        self.filter(commit).is_some_and(|filter| {
            let bits = filter.len() as u64 * 8;
            bits > 0
                && key.keys.iter().any(|hashes| {
                    hashes.iter().any(|&h| {
                        let bit = u64::from(h) % bits;
                        filter[(bit / 8) as usize] & (1 << (bit % 8)) == 0
                    })
                })
        })
    }

    /// Whether the graph holds `commit` with a filter: a walk from it passes the commits the
    /// graph was written for without reading their trees.
    pub fn covers(&self, commit: &gix::oid) -> bool {
        self.filter(commit).is_some()
    }

    /// The filter of `commit` in the first graph file that has it.
    fn filter(&self, commit: &gix::oid) -> Option<&[u8]> {
        self.files.iter().find_map(|f| f.filter(commit))
    }
}

impl GraphFilters {
    /// The filter of `commit`, if this file has the commit.
    fn filter(&self, commit: &gix::oid) -> Option<&[u8]> {
        let id = commit.as_bytes();
        if id.len() != self.hash_len {
            return None;
        }
        let first = usize::from(id[0]);
        let lo = if first == 0 {
            0
        } else {
            self.fanout[first - 1] as usize
        };
        let hi = self.fanout[first] as usize;
        let (mut lo, mut hi) = (lo, hi.min(self.ends.len()));
        while lo < hi {
            let mid = (lo + hi) / 2;
            let here = &self.ids[mid * self.hash_len..(mid + 1) * self.hash_len];
            match here.cmp(id) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => {
                    let start = if mid == 0 {
                        0
                    } else {
                        self.ends[mid - 1] as usize
                    };
                    return self.data.get(start..self.ends[mid] as usize);
                }
            }
        }
        None
    }
}

/// Reads the id, filter-index and filter-data chunks of one commit-graph file.
fn read_graph(path: &PathBuf) -> Option<GraphFilters> {
    let mut file = std::fs::File::open(path).ok()?;
    let mut header = [0u8; 8];
    file.read_exact(&mut header).ok()?;
    if &header[..4] != b"CGPH" || header[4] != 1 {
        return None;
    }
    let hash_len = match header[5] {
        1 => 20,
        2 => 32,
        _ => return None,
    };
    let chunks = usize::from(header[6]);
    let mut toc = vec![0u8; (chunks + 1) * 12];
    file.read_exact(&mut toc).ok()?;
    let entry = |i: usize| -> ([u8; 4], u64) {
        let e = &toc[i * 12..i * 12 + 12];
        let id = [e[0], e[1], e[2], e[3]];
        let mut offset = [0u8; 8];
        offset.copy_from_slice(&e[4..]);
        (id, u64::from_be_bytes(offset))
    };
    let len = file.metadata().ok()?.len();
    let mut chunk = |wanted: &[u8; 4]| -> Option<Vec<u8>> {
        let i = (0..chunks).find(|&i| &entry(i).0 == wanted)?;
        let (start, end) = (entry(i).1, entry(i + 1).1);
        if end < start || end > len || end - start > (1 << 32) {
            return None;
        }
        let mut buf = vec![0u8; (end - start) as usize];
        file.seek(SeekFrom::Start(start)).ok()?;
        file.read_exact(&mut buf).ok()?;
        Some(buf)
    };
    let words = |bytes: &[u8]| -> Vec<u32> {
        bytes
            .chunks_exact(4)
            .map(|w| u32::from_be_bytes([w[0], w[1], w[2], w[3]]))
            .collect()
    };
    let fanout = words(&chunk(b"OIDF")?);
    let ids = chunk(b"OIDL")?;
    let ends = words(&chunk(b"BIDX")?);
    let bdat = chunk(b"BDAT")?;
    let count = ids.len() / hash_len;
    let settings = words(bdat.get(..12)?);
    let num_hashes = settings[1];
    let sound = fanout.len() == 256
        && fanout[255] as usize == count
        && ends.len() == count
        && matches!(settings[0], 1 | 2)
        && (1..=32).contains(&num_hashes)
        && ends.windows(2).all(|w| w[0] <= w[1])
        && ends.last().is_none_or(|&e| e as usize <= bdat.len() - 12);
    sound.then(|| GraphFilters {
        hash_len,
        fanout,
        ids,
        ends,
        data: bdat[12..].to_vec(),
        num_hashes,
    })
}

/// MurmurHash3, x86 32-bit variant, as git's `murmur3_seeded_v2` (identical to v1 for ASCII).
fn murmur3(seed: u32, data: &[u8]) -> u32 {
    const C1: u32 = 0xcc9e_2d51;
    const C2: u32 = 0x1b87_3593;
    let mut hash = seed;
    let mut blocks = data.chunks_exact(4);
    for block in &mut blocks {
        let mut k = u32::from_le_bytes([block[0], block[1], block[2], block[3]]);
        k = k.wrapping_mul(C1).rotate_left(15).wrapping_mul(C2);
        hash ^= k;
        hash = hash
            .rotate_left(13)
            .wrapping_mul(5)
            .wrapping_add(0xe654_6b64);
    }
    let tail = blocks.remainder();
    if !tail.is_empty() {
        let mut k = 0u32;
        for (i, &b) in tail.iter().enumerate() {
            k ^= u32::from(b) << (8 * i);
        }
        hash ^= k.wrapping_mul(C1).rotate_left(15).wrapping_mul(C2);
    }
    hash ^= data.len() as u32;
    hash ^= hash >> 16;
    hash = hash.wrapping_mul(0x85eb_ca6b);
    hash ^= hash >> 13;
    hash = hash.wrapping_mul(0xc2b2_ae35);
    hash ^ (hash >> 16)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Values from git's t/helper/test-bloom.c (`test-tool bloom get_murmur3`) and t0095.
    #[test]
    fn murmur3_matches_git() {
        assert_eq!(murmur3(0, b""), 0x0000_0000);
        assert_eq!(murmur3(0, b"Hello world!"), 0x627b_0c2c);
        assert_eq!(
            murmur3(0, b"The quick brown fox jumps over the lazy dog"),
            0x2e4f_f723
        );
    }

    fn git(root: &Path, args: &[&str]) -> String {
        let out = std::process::Command::new("git")
            .args(["-c", "user.name=T", "-c", "user.email=t@e"])
            .args(args)
            .current_dir(root)
            .output()
            .unwrap();
        assert!(out.status.success(), "git {args:?}");
        String::from_utf8(out.stdout).unwrap()
    }

    /// Against git's own filters: every commit that changed a folder is reported as possibly
    /// changed, and most that did not are reported unchanged.
    #[test]
    fn filters_agree_with_git_log() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        git(root, &["init", "-q"]);
        for i in 0..60 {
            let folder = root.join(format!("customers/c{}", i % 6));
            std::fs::create_dir_all(&folder).unwrap();
            std::fs::write(folder.join(format!("f{i}")), "x").unwrap();
            git(root, &["add", "."]);
            git(root, &["commit", "-qm", &format!("c{i}")]);
        }
        git(
            root,
            &["commit-graph", "write", "--reachable", "--changed-paths"],
        );
        let filters = ChangedPaths::open(&root.join(".git/objects")).expect("filters");
        let key = filters.key("customers/c2").unwrap();
        let touched = git(root, &["log", "--format=%H", "--", "customers/c2"]);
        let all = git(root, &["log", "--format=%H"]);
        let mut skipped = 0;
        for line in all.lines() {
            let id = gix::ObjectId::from_hex(line.as_bytes()).unwrap();
            let unchanged = filters.unchanged(&id, &key);
            if touched.contains(line) {
                assert!(!unchanged, "{line} changed customers/c2");
            }
            skipped += usize::from(unchanged);
        }
        assert!(skipped >= 40, "only {skipped} of 50 commits skipped");
        // A commit the graph does not hold must be looked at.
        assert!(!filters.unchanged(gix::ObjectId::null(gix::hash::Kind::Sha1).as_ref(), &key));
    }
}
