//! git-crm's own index of a repository's history, for `history <customer>`: for each commit,
//! its parents, the commit time the walk orders it by, and the folders directly under the
//! watched folder (`customers`) whose object differs from its first parent, with both object
//! ids (or a mark "many" past [`MAX_FOLDERS`], which sends the walk to the trees for that
//! commit). With it, the walk of one customer over 100,000 commits reads no commit and no tree
//! except those of the commits that changed the customer. It lives in
//! `<git common dir>/gitcrm/history/` (commit ids are the same in every worktree), one file per
//! watched folder:
//!
//! - Extended from HEAD down to commits already in it, so a checkout, a pull or a rewritten
//!   history only adds entries; an entry, keyed by a commit id, never goes stale. Entries that
//!   HEAD and the refs no longer reach (an amended, rebased or reset history) are dropped when
//!   they are more than half of the file, on the next extension (`HistIndex::pruned`).
//! - Built from nothing only where that is the cheaper walk: not where git's changed-path
//!   filters cover the history (the walk with them costs what `git log -- <path>` does), unless asked
//!   ([`prepare`], from `setup --fast-git`).
//! - Checked by a CRC-32 and a stamp naming the tool version, the format and the watched
//!   folder: a damaged, truncated or foreign file is ignored and rebuilt. Every parent and name
//!   reference is bounds-checked, and the walk over it keeps a seen-set, so even a file that
//!   passes the checks cannot make it panic or loop.
//! - Never used where a commit id does not name its content alone: a shallow clone (its
//!   boundary), a repository with replace refs, a SHA-256 repository. Those walk the trees.
//! - Written atomically; a write that fails (a read-only `.git`, a full disk) costs only the
//!   next run's time, so it is not reported.
//!
//! Size: 20 (id) + 8 (time) + 2 + 4 per parent + 2 + per changed folder 5 to 45 bytes, at most
//! [`MAX_FOLDERS`] of them (a commit of git-crm changes one customer: 76 bytes), plus each
//! folder name once.

use std::collections::{BinaryHeap, HashMap, HashSet};
use std::ops::ControlFlow;
use std::path::PathBuf;

use gix::ObjectId;

use super::repo::Repo;

const MAGIC: &[u8; 8] = b"GCRMHIST";
/// Bumped whenever the layout of the file or the meaning of what it holds changes.
const FORMAT: u8 = 1;
/// Past this many changed folders a commit is marked "many" (the walk reads its trees): a demo
/// or import commit that adds thousands of customers would otherwise cost 45 bytes each.
pub(super) const MAX_FOLDERS: usize = 64;
/// `GITCRM_HISTORY_INDEX=off` walks the trees, neither reading nor writing the index: the
/// walk the index must agree with, for tests and for anyone who doubts it.
pub const OFF_VAR: &str = "GITCRM_HISTORY_INDEX";
/// A sanity bound on a file read back (the index of 10 million commits is well under it).
const MAX_FILE: u64 = 4 << 30;
/// A folder name longer than this makes its commit "many" (no customer folder is this long).
const MAX_NAME: usize = 1024;
/// Commit times outside 0..2^34 seconds (the commit-graph's range) are not indexed: the walk's
/// order could depend on where gix read the time from.
const MAX_TIME: i64 = 1 << 34;

/// A folder that differs from the commit's first parent: its name (an index into the names)
/// and its object id in the parent and in the commit (`None`: absent there).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Folder {
    pub name: u32,
    pub old: Option<ObjectId>,
    pub new: Option<ObjectId>,
}

/// What the index says about one folder in one commit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Said {
    /// Its object is the first parent's (or it is absent in both).
    Same,
    /// It differs from the first parent: the ids on both sides.
    Differs {
        old: Option<ObjectId>,
        new: Option<ObjectId>,
    },
    /// The index does not tell (a commit marked "many"): read the trees.
    Unknown,
}

/// The index, in memory: commits in the order they were added, with parents as positions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct HistIndex {
    ids: Vec<ObjectId>,
    times: Vec<i64>,
    /// `parents[parent_start[i]..parent_start[i + 1]]` are commit `i`'s parents.
    parent_start: Vec<u32>,
    parents: Vec<u32>,
    /// `folders[folder_start[i]..folder_start[i + 1]]`, unless `many[i]`.
    folder_start: Vec<u32>,
    folders: Vec<Folder>,
    many: Vec<bool>,
    names: Vec<Vec<u8>>,
    /// Built on demand, while commits are added: the position of each name.
    name_ids: HashMap<Vec<u8>, u32>,
}

impl HistIndex {
    /// An empty index.
    pub fn new() -> Self {
        HistIndex {
            ids: Vec::new(),
            times: Vec::new(),
            parent_start: vec![0],
            parents: Vec::new(),
            folder_start: vec![0],
            folders: Vec::new(),
            many: Vec::new(),
            names: Vec::new(),
            name_ids: HashMap::new(),
        }
    }

    /// The position of commit `id`: a linear scan (a run asks once, for HEAD; 100,000 ids take
    /// well under a millisecond).
    pub fn position(&self, id: &ObjectId) -> Option<u32> {
        self.ids.iter().position(|i| i == id).map(|i| i as u32)
    }

    /// The id of the commit at `at`.
    pub fn id(&self, at: u32) -> ObjectId {
        self.ids[at as usize]
    }

    /// The parents of the commit at `at`, as positions.
    pub fn parents(&self, at: u32) -> &[u32] {
        let i = at as usize;
        &self.parents[self.parent_start[i] as usize..self.parent_start[i + 1] as usize]
    }

    /// The position of folder name `name` among the names, if any commit changed it.
    pub fn name_id(&self, name: &[u8]) -> Option<u32> {
        match self.name_ids.get(name) {
            Some(id) => Some(*id),
            None if self.name_ids.len() == self.names.len() => None,
            None => self.names.iter().position(|n| n == name).map(|i| i as u32),
        }
    }

    /// What commit `at` did to folder `name` (from [`HistIndex::name_id`]; `None`: a name no
    /// commit of the index changed).
    pub fn said(&self, at: u32, name: Option<u32>) -> Said {
        let i = at as usize;
        if self.many[i] {
            return Said::Unknown;
        }
        let Some(name) = name else { return Said::Same };
        self.folders[self.folder_start[i] as usize..self.folder_start[i + 1] as usize]
            .iter()
            .find(|f| f.name == name)
            .map_or(Said::Same, |f| Said::Differs {
                old: f.old,
                new: f.new,
            })
    }

    /// The name's position, added when new.
    fn intern(&mut self, name: &[u8]) -> u32 {
        if self.name_ids.len() != self.names.len() {
            self.name_ids = (0..self.names.len() as u32)
                .map(|i| (self.names[i as usize].clone(), i))
                .collect();
        }
        if let Some(id) = self.name_ids.get(name) {
            return *id;
        }
        let id = self.names.len() as u32;
        self.names.push(name.to_vec());
        self.name_ids.insert(name.to_vec(), id);
        id
    }

    /// Appends a commit; `folders` `None` is "many". Parents must be positions already known
    /// or about to be added by the caller before the index is used.
    fn push(&mut self, id: ObjectId, time: i64, parents: &[u32], folders: Option<&[Changed]>) {
        self.ids.push(id);
        self.times.push(time);
        self.parents.extend_from_slice(parents);
        self.parent_start.push(self.parents.len() as u32);
        match folders {
            Some(list) => {
                for c in list {
                    let name = self.intern(&c.name);
                    self.folders.push(Folder {
                        name,
                        old: c.old,
                        new: c.new,
                    });
                }
                self.many.push(false);
            }
            None => self.many.push(true),
        }
        self.folder_start.push(self.folders.len() as u32);
    }

    /// Which commits `tips` (positions) reach through their parents, tips included.
    fn reachable(&self, tips: &[u32]) -> Vec<bool> {
        let mut seen = vec![false; self.ids.len()];
        let mut stack: Vec<u32> = tips.to_vec();
        while let Some(at) = stack.pop() {
            if std::mem::replace(&mut seen[at as usize], true) {
                continue;
            }
            stack.extend(self.parents(at).iter().filter(|&&p| !seen[p as usize]));
        }
        seen
    }

    /// The index without the commits none of `tips` reaches, when those are more than half of
    /// it (`None`: kept as it is). The kept commits stay in their order with their parents
    /// (which they reach too) renumbered; names no kept commit changed are dropped. What is
    /// dropped is only work done: a branch checked out again later is indexed again.
    pub fn pruned(&self, tips: &[u32]) -> Option<HistIndex> {
        let reached = self.reachable(tips);
        let kept = reached.iter().filter(|&&r| r).count();
        if self.ids.len() - kept <= kept {
            return None;
        }
        let mut position = vec![u32::MAX; self.ids.len()];
        for (new, old) in (0..self.ids.len()).filter(|&i| reached[i]).enumerate() {
            position[old] = new as u32;
        }
        let mut out = HistIndex::new();
        for i in (0..self.ids.len()).filter(|&i| reached[i]) {
            let parents: Vec<u32> = self
                .parents(i as u32)
                .iter()
                .map(|&p| position[p as usize])
                .collect();
            let folders: Option<Vec<Changed>> = (!self.many[i]).then(|| {
                self.folders[self.folder_start[i] as usize..self.folder_start[i + 1] as usize]
                    .iter()
                    .map(|f| Changed {
                        name: self.names[f.name as usize].clone(),
                        old: f.old,
                        new: f.new,
                    })
                    .collect()
            });
            out.push(self.ids[i], self.times[i], &parents, folders.as_deref());
        }
        Some(out)
    }

    /// The commits reachable from `start`, in the order gix's walk sorted by commit time
    /// (newest first) visits them: the same binary heap keyed by the same times, fed in the
    /// same order (each commit's parents in order, each commit once), so ties between equal
    /// times break the same way and the result is the walk's, commit for commit.
    pub fn order(&self, start: u32) -> impl Iterator<Item = u32> + '_ {
        let mut seen = vec![false; self.ids.len()];
        let mut queue = BinaryHeap::new();
        seen[start as usize] = true;
        queue.push(Queued {
            time: self.times[start as usize],
            at: start,
        });
        std::iter::from_fn(move || {
            let next = queue.pop()?;
            for &parent in self.parents(next.at) {
                if !std::mem::replace(&mut seen[parent as usize], true) {
                    queue.push(Queued {
                        time: self.times[parent as usize],
                        at: parent,
                    });
                }
            }
            Some(next.at)
        })
    }

    /// The file's bytes.
    pub fn encode(&self, stamp: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(64 + self.ids.len() * 80);
        out.extend_from_slice(MAGIC);
        out.push(FORMAT);
        put_u32(&mut out, stamp.len() as u32);
        out.extend_from_slice(stamp.as_bytes());
        put_u32(&mut out, self.names.len() as u32);
        for name in &self.names {
            out.extend_from_slice(&(name.len() as u16).to_le_bytes());
            out.extend_from_slice(name);
        }
        put_u32(&mut out, self.ids.len() as u32);
        for i in 0..self.ids.len() {
            out.extend_from_slice(self.ids[i].as_bytes());
            out.extend_from_slice(&self.times[i].to_le_bytes());
            let parents = self.parents(i as u32);
            out.extend_from_slice(&(parents.len() as u16).to_le_bytes());
            for p in parents {
                put_u32(&mut out, *p);
            }
            if self.many[i] {
                out.extend_from_slice(&u16::MAX.to_le_bytes());
                continue;
            }
            let folders =
                &self.folders[self.folder_start[i] as usize..self.folder_start[i + 1] as usize];
            out.extend_from_slice(&(folders.len() as u16).to_le_bytes());
            for f in folders {
                put_u32(&mut out, f.name);
                out.push(u8::from(f.old.is_some()) | (u8::from(f.new.is_some()) << 1));
                for id in [f.old, f.new].into_iter().flatten() {
                    out.extend_from_slice(id.as_bytes());
                }
            }
        }
        let sum = crc32fast::hash(&out);
        put_u32(&mut out, sum);
        out
    }

    /// Reads what [`HistIndex::encode`] wrote; `None` for anything else (damaged, truncated,
    /// another version, format or watched folder, a reference out of bounds).
    pub fn decode(bytes: &[u8], stamp: &str) -> Option<HistIndex> {
        let body = bytes.len().checked_sub(4)?;
        if crc32fast::hash(&bytes[..body]).to_le_bytes() != bytes[body..] {
            return None;
        }
        let mut r = Reader(&bytes[..body]);
        if r.take(8)? != MAGIC || r.u8()? != FORMAT {
            return None;
        }
        let stamp_len = r.u32()? as usize;
        if r.take(stamp_len)? != stamp.as_bytes() {
            return None;
        }
        let mut index = HistIndex::new();
        let names = r.u32()? as usize;
        for _ in 0..names {
            let len = usize::from(r.u16()?);
            index.names.push(r.take(len)?.to_vec());
        }
        let count = r.u32()? as usize;
        // Each commit takes at least 32 bytes: a count beyond that is a lie, not a reason to
        // reserve memory.
        if count > r.0.len() / 32 {
            return None;
        }
        index.ids.reserve(count);
        for _ in 0..count {
            let id = ObjectId::try_from(r.take(20)?).ok()?;
            let time = i64::from_le_bytes(r.take(8)?.try_into().ok()?);
            let parents = usize::from(r.u16()?);
            for _ in 0..parents {
                let p = r.u32()?;
                if p as usize >= count {
                    return None;
                }
                index.parents.push(p);
            }
            index.parent_start.push(index.parents.len() as u32);
            let folders = r.u16()?;
            if folders == u16::MAX {
                index.many.push(true);
            } else {
                for _ in 0..folders {
                    let name = r.u32()?;
                    if name as usize >= names {
                        return None;
                    }
                    let flags = r.u8()?;
                    if flags > 3 {
                        return None;
                    }
                    let mut id = |present: bool| -> Option<Option<ObjectId>> {
                        if present {
                            Some(Some(ObjectId::try_from(r.take(20)?).ok()?))
                        } else {
                            Some(None)
                        }
                    };
                    let old = id(flags & 1 != 0)?;
                    let new = id(flags & 2 != 0)?;
                    index.folders.push(Folder { name, old, new });
                }
                index.many.push(false);
            }
            index.folder_start.push(index.folders.len() as u32);
            index.ids.push(id);
            index.times.push(time);
        }
        r.0.is_empty().then_some(index)
    }
}

impl Default for HistIndex {
    fn default() -> Self {
        Self::new()
    }
}

/// A heap entry ordered by commit time alone, as gix's priority queue orders its items.
struct Queued {
    time: i64,
    at: u32,
}

impl PartialEq for Queued {
    fn eq(&self, other: &Self) -> bool {
        self.time == other.time
    }
}
impl Eq for Queued {}
impl PartialOrd for Queued {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Queued {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.time.cmp(&other.time)
    }
}

fn put_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// A bounds-checked reader: every read past the end is `None`.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if n > self.0.len() {
            return None;
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(head)
    }
    fn u8(&mut self) -> Option<u8> {
        self.take(1).map(|b| b[0])
    }
    fn u16(&mut self) -> Option<u16> {
        self.take(2).map(|b| u16::from_le_bytes([b[0], b[1]]))
    }
    fn u32(&mut self) -> Option<u32> {
        self.take(4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

/// A folder that differs, while its commit is being indexed.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Changed {
    name: Vec<u8>,
    old: Option<ObjectId>,
    new: Option<ObjectId>,
}

/// The folder entry of one commit's root tree, as the walk sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Watched {
    Absent,
    Tree(ObjectId),
    /// A file, a submodule or anything else that is not a folder: such commits are "many".
    Other,
}

/// The index of `repo` for folder `watched`, extended to cover every commit reachable from
/// `head`; `None` where it must not be used (see the module), cannot be built, or is absent
/// (or invalid) and `may_build` says not to build it, so the caller walks the trees as if
/// there were none. An index that exists is always extended: that costs only the commits
/// added since.
pub(super) fn for_walk(
    repo: &Repo,
    head: ObjectId,
    watched: &str,
    may_build: impl FnOnce() -> bool,
) -> Option<HistIndex> {
    let r = &repo.repo;
    if std::env::var_os(OFF_VAR).is_some_and(|v| v == "off")
        || r.object_hash() != gix::hash::Kind::Sha1
        || r.is_shallow().unwrap_or(true)
        || r.objects.store_ref().replacements().next().is_some()
    {
        return None;
    }
    let path = file(repo, watched);
    let stamp = stamp(watched);
    let found = read_bounded(&path).and_then(|bytes| HistIndex::decode(&bytes, &stamp));
    if found.is_none() && !may_build() {
        return None;
    }
    let mut index = found.unwrap_or_default();
    if index.position(&head).is_none() {
        let positions = extend(repo, &mut index, head, watched)?;
        if let Some(pruned) = index.pruned(&tips(repo, &positions, head)) {
            index = pruned;
        }
        // Not being able to write costs the next run its time, nothing else.
        let _ = crate::store::atomic::write(&path, &index.encode(&stamp));
    }
    Some(index)
}

/// Builds or extends the index of folder `watched` to cover HEAD, ahead of the first
/// `history` (which would otherwise pay for it): the number of commits it covers, or `None`
/// where no index is kept (an unborn HEAD, a shallow clone, replace refs, `GITCRM_HISTORY_INDEX=off`).
pub fn prepare(repo_root: &std::path::Path, watched: &str) -> crate::error::Result<Option<usize>> {
    let repo = Repo::open(repo_root)?;
    let Ok(head) = repo.resolve("HEAD") else {
        return Ok(None);
    };
    let head = super::repo::oid(&head)?;
    Ok(for_walk(&repo, head, watched.trim_matches('/'), || true).map(|index| index.ids.len()))
}

/// The bytes of the index file at `path`: a regular file only, never through a link and
/// never waiting on a FIFO (the store's reader: `store::fs::read_limited`), at most
/// [`MAX_FILE`] bytes; `None` for anything else.
fn read_bounded(path: &std::path::Path) -> Option<Vec<u8>> {
    let (dir, name) = (path.parent()?, path.file_name()?.to_str()?);
    crate::store::fs::read_limited(dir, name, MAX_FILE).ok()
}

/// Where the index of folder `watched` lives.
fn file(repo: &Repo, watched: &str) -> PathBuf {
    let dir = repo.repo.common_dir().join("gitcrm").join("history");
    if watched == "customers" {
        dir.join("customers.bin")
    } else {
        // A store in a sub-folder of the repository: named by a hash, never by the path.
        dir.join(format!(
            "folder-{:08x}.bin",
            crc32fast::hash(watched.as_bytes())
        ))
    }
}

/// The positions (`known`: of every commit in the index) of `head` and of every ref's commit
/// the index holds (branches, tags, remote-tracking branches): what pruning keeps. A ref that
/// cannot be read keeps nothing more; a ref whose commit is not in the index yet keeps what its
/// older commit reaches only through HEAD or another ref.
fn tips(repo: &Repo, known: &HashMap<ObjectId, u32>, head: ObjectId) -> Vec<u32> {
    let mut tips: Vec<u32> = known.get(&head).copied().into_iter().collect();
    if let Ok(refs) = repo.repo.references()
        && let Ok(all) = refs.all()
    {
        for mut reference in all.flatten() {
            if let Ok(id) = reference.peel_to_id()
                && let Some(&at) = known.get(&id.detach())
            {
                tips.push(at);
            }
        }
    }
    tips
}

/// What a valid index must say it is.
fn stamp(watched: &str) -> String {
    format!(
        "git-crm {} history {FORMAT} folder `{watched}`",
        env!("CARGO_PKG_VERSION")
    )
}

/// Adds every commit reachable from `head` and not yet in `index`, with what it changed under
/// `watched`; the position of every commit of the index as extended. `None` when any of it
/// cannot be read (the index is then not used).
fn extend(
    repo: &Repo,
    index: &mut HistIndex,
    head: ObjectId,
    watched: &str,
) -> Option<HashMap<ObjectId, u32>> {
    let known: HashSet<ObjectId> = index.ids.iter().copied().collect();
    let walk = repo
        .repo
        .rev_walk([head])
        .sorting(gix::revision::walk::Sorting::ByCommitTime(
            Default::default(),
        ))
        .selected(move |id| !known.contains(id))
        .ok()?;
    let mut new = Vec::new();
    for info in walk {
        let info = info.ok()?;
        let time = info.commit_time?;
        if !(0..MAX_TIME).contains(&time) || info.parent_ids.len() >= usize::from(u16::MAX) {
            return None;
        }
        new.push((info.id, time, info.parent_ids.to_vec()));
    }
    let positions: HashMap<ObjectId, u32> = index
        .ids
        .iter()
        .chain(new.iter().map(|(id, _, _)| id))
        .enumerate()
        .map(|(i, id)| (*id, i as u32))
        .collect();
    // Oldest first: gix's pack cache keeps each object it resolved, not the bases on the way,
    // and a history written commit by commit (or by `git fast-import`) stores each tree as a
    // delta on its previous version, which then is always in the cache.
    let oldest_first: Vec<(ObjectId, Option<ObjectId>)> = new
        .iter()
        .rev()
        .map(|(id, _, parent_ids)| (*id, parent_ids.first().copied()))
        .collect();
    let threads = rayon::current_num_threads().min(oldest_first.len() / PARALLEL_FROM);
    let changed = changed_by_commit(repo, watched, &oldest_first, threads)?;
    for ((id, time, parent_ids), folders) in new.iter().zip(changed.into_iter().rev()) {
        let parents = parent_ids
            .iter()
            .map(|p| positions.get(p).copied())
            .collect::<Option<Vec<u32>>>()?;
        index.push(*id, *time, &parents, folders.as_deref());
    }
    Some(positions)
}

/// Below this many new commits one thread computes them all: a second handle starts with a
/// cold cache, which costs more than it saves on a short stretch.
const PARALLEL_FROM: usize = 4096;

/// What each of `commits` (oldest first, each with its first parent) changed under `watched`,
/// in the same order. A long stretch is cut into one contiguous run per thread, each read oldest
/// first through its own repository handle and caches (gix handles are not shared across
/// threads without its `parallel` feature): this thread takes the first run with `repo`, so
/// only the others open a handle (each costs its delta-base cache, 32 MB). The first commit of a
/// run finds its parent's tree not cached, which costs one read.
fn changed_by_commit(
    repo: &Repo,
    watched: &str,
    commits: &[(ObjectId, Option<ObjectId>)],
    threads: usize,
) -> Option<Vec<Option<Vec<Changed>>>> {
    let run = |repo: &Repo, part: &[(ObjectId, Option<ObjectId>)]| {
        let mut trees = Trees::new(repo, watched);
        part.iter()
            .map(|(c, p)| trees.changed(*c, *p))
            .collect::<Option<Vec<_>>>()
    };
    if threads <= 1 || commits.len() < 2 {
        return run(repo, commits);
    }
    let root = repo.repo.workdir().unwrap_or(repo.repo.git_dir());
    let mut parts = commits.chunks(commits.len().div_ceil(threads));
    let first = parts.next()?;
    std::thread::scope(|scope| {
        let others: Vec<_> = parts
            .map(|part| {
                scope.spawn(move || {
                    let mut repo = Repo::open(root).ok()?;
                    // Each tree is read once (`Trees` keeps the listings the next commit
                    // needs): an object cache would only hold copies.
                    repo.repo.object_cache_size(None);
                    run(&repo, part)
                })
            })
            .collect();
        let mut all = run(repo, first)?;
        for other in others {
            all.extend(other.join().ok()??);
        }
        Some(all)
    })
}

/// The tree reads of [`extend`], memoised: each commit's watched folder, and the last few
/// trees' raw content (a linear history reads each listing once, as the commit and as the
/// parent). Listings are parsed in place, never copied entry by entry.
struct Trees<'a> {
    repo: &'a Repo,
    watched: &'a str,
    folder: HashMap<ObjectId, Watched>,
    raw: HashMap<ObjectId, Vec<u8>>,
}

impl<'a> Trees<'a> {
    fn new(repo: &'a Repo, watched: &'a str) -> Self {
        Trees {
            repo,
            watched,
            folder: HashMap::new(),
            raw: HashMap::new(),
        }
    }

    /// The folders directly under the watched folder whose object differs between `parent`
    /// (`None`: a root commit, compared with nothing) and `commit`; `Some(None)` for "many";
    /// `None` when a tree cannot be read.
    fn changed(
        &mut self,
        commit: ObjectId,
        parent: Option<ObjectId>,
    ) -> Option<Option<Vec<Changed>>> {
        let new = self.watched_of(commit)?;
        let old = match parent {
            Some(p) => self.watched_of(p)?,
            None => Watched::Absent,
        };
        if new == old {
            return Some(Some(Vec::new()));
        }
        let tree = |w: Watched| match w {
            Watched::Absent => Some(None),
            Watched::Tree(id) => Some(Some(id)),
            Watched::Other => None,
        };
        let (Some(old), Some(new)) = (tree(old), tree(new)) else {
            return Some(None);
        };
        let old_raw = self.raw(old)?;
        let new_raw = self.raw(new)?;
        let hash = self.repo.repo.object_hash();
        let out = {
            let old_list = listing(&old_raw, hash)?;
            let new_list = listing(&new_raw, hash)?;
            differing(&old_list, &new_list)
        };
        // Keep the trees the next commit (this one's parent) needs.
        if self.raw.len() > 8 {
            self.raw.clear();
        }
        for (id, raw) in [(old, old_raw), (new, new_raw)] {
            if let Some(id) = id {
                self.raw.insert(id, raw);
            }
        }
        Some(out)
    }

    /// The watched folder's entry in `commit`'s tree (memoised).
    fn watched_of(&mut self, commit: ObjectId) -> Option<Watched> {
        if let Some(w) = self.folder.get(&commit) {
            return Some(*w);
        }
        // Named by git's commit-graph where it holds the commit (see `Repo::root_tree`).
        let tree = self.repo.root_tree(commit).ok()?;
        let found = match tree.lookup_entry_by_path(self.watched).ok()? {
            None => Watched::Absent,
            Some(e) if e.mode().is_tree() => Watched::Tree(e.object_id()),
            Some(_) => Watched::Other,
        };
        self.folder.insert(commit, found);
        Some(found)
    }

    /// The raw content of tree `id` (empty for `None`).
    fn raw(&mut self, id: Option<ObjectId>) -> Option<Vec<u8>> {
        let Some(id) = id else {
            return Some(Vec::new());
        };
        if let Some(raw) = self.raw.remove(&id) {
            return Some(raw);
        }
        let object = self.repo.repo.find_object(id).ok()?;
        (object.kind == gix::object::Kind::Tree).then(|| object.detach().data)
    }
}

/// The entries of a tree's raw content, of any kind (a submodule or a file named like a
/// customer counts as that name's object), in git's order.
fn listing(raw: &[u8], hash: gix::hash::Kind) -> Option<Vec<gix::objs::tree::EntryRef<'_>>> {
    Some(gix::objs::TreeRef::from_bytes(raw, hash).ok()?.entries)
}

/// The names whose object differs between two listings (in git's order), in one merge pass;
/// `None` ("many") past [`MAX_FOLDERS`], for an over-long name, or for a changed name listed
/// twice in either (a file and a folder of one name, which the walk's path lookup resolves its
/// own way).
fn differing(
    old: &[gix::objs::tree::EntryRef<'_>],
    new: &[gix::objs::tree::EntryRef<'_>],
) -> Option<Vec<Changed>> {
    let mut out: Vec<Changed> = Vec::new();
    let pass = super::diff::each_differing(old, new, |name, before, after| {
        if out.len() == MAX_FOLDERS || name.len() > MAX_NAME {
            return ControlFlow::Break(());
        }
        out.push(Changed {
            name: name.to_vec(),
            old: before.map(ToOwned::to_owned),
            new: after.map(ToOwned::to_owned),
        });
        ControlFlow::Continue(())
    });
    if pass.is_break() {
        return None;
    }
    let twice = |list: &[gix::objs::tree::EntryRef<'_>], name: &[u8]| {
        list.iter()
            .filter(|e| *e.filename == *name)
            .nth(1)
            .is_some()
    };
    let ambiguous = out
        .iter()
        .any(|c| twice(old, &c.name) || twice(new, &c.name));
    (!ambiguous).then_some(out)
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::path::Path;

    /// `git args...` in `root` with author and committer dates `date`, its stdout trimmed.
    pub(in crate::git) fn git(root: &Path, args: &[&str], date: &str) -> String {
        let out = std::process::Command::new("git")
            .args(["-c", "user.name=T", "-c", "user.email=t@e"])
            .args(args)
            .current_dir(root)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_AUTHOR_DATE", date)
            .env("GIT_COMMITTER_DATE", date)
            .output()
            .unwrap();
        assert!(out.status.success(), "git {args:?}");
        String::from_utf8(out.stdout).unwrap().trim().to_string()
    }

    /// Writes `file` with `text` and commits everything, dated `date`.
    pub(in crate::git) fn commit(root: &Path, file: &str, text: &str, date: &str) {
        let path = root.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
        git(root, &["add", "-A"], date);
        git(root, &["commit", "-qm", file], date);
    }

    /// Branches and merges, most commits at one and the same second (as a test clock makes
    /// them), so the order is all tie-breaks.
    fn tangled(root: &Path) {
        let same = "2026-01-01T00:00:00Z";
        git(root, &["init", "-q", "-b", "main"], same);
        commit(root, "customers/a/customer.yaml", "1", same);
        for round in 0..3 {
            git(root, &["checkout", "-q", "-b", &format!("t{round}")], same);
            commit(root, "customers/b/x.yaml", &format!("b{round}"), same);
            commit(root, "customers/a/y.yaml", &format!("a{round}"), same);
            git(root, &["checkout", "-q", "main"], same);
            commit(
                root,
                "customers/c/z.yaml",
                &format!("c{round}"),
                "2026-01-02T00:00:00Z",
            );
            commit(root, "customers/a/w.yaml", &format!("w{round}"), same);
            git(
                root,
                &["merge", "-q", "--no-ff", "--no-edit", &format!("t{round}")],
                same,
            );
        }
    }

    /// The [`tangled`] history in a temporary folder (kept while the first value lives), opened,
    /// with its HEAD.
    fn tangled_repo() -> (tempfile::TempDir, Repo, ObjectId) {
        let dir = tempfile::tempdir().unwrap();
        tangled(dir.path());
        let repo = Repo::open(dir.path()).unwrap();
        let head = super::super::repo::oid(&repo.resolve("HEAD").unwrap()).unwrap();
        (dir, repo, head)
    }

    /// The commits gix's walk from `head` visits, in its order.
    fn walked(repo: &Repo, head: ObjectId) -> Vec<ObjectId> {
        repo.graph_ids(head)
            .unwrap()
            .into_iter()
            .map(|c| c.0)
            .collect()
    }

    fn ids(index: &HistIndex, head: &ObjectId) -> Vec<ObjectId> {
        index
            .order(index.position(head).unwrap())
            .map(|at| index.id(at))
            .collect()
    }

    /// The walk over the index visits the commits in exactly gix's order, ties included, when
    /// built at once and when extended from an older HEAD.
    #[test]
    fn order_is_the_walks_and_extension_only_adds() {
        let (_dir, repo, head) = tangled_repo();
        let walk = walked(&repo, head);
        let whole = for_walk(&repo, head, "customers", || true).unwrap();
        assert_eq!(ids(&whole, &head), walk);
        let older = super::super::repo::oid(&repo.resolve("HEAD~1").unwrap()).unwrap();
        let mut grown = HistIndex::new();
        extend(&repo, &mut grown, older, "customers").unwrap();
        let before = grown.ids.len();
        extend(&repo, &mut grown, head, "customers").unwrap();
        assert!(grown.ids.len() > before && grown.ids.len() == whole.ids.len());
        assert_eq!(ids(&grown, &head), walk);
        // Read back from the file `for_walk` wrote, it is the same index.
        let bytes = std::fs::read(file(&repo, "customers")).unwrap();
        let read = HistIndex::decode(&bytes, &stamp("customers")).unwrap();
        assert_eq!(ids(&read, &head), walk);
        assert!(HistIndex::decode(&bytes, &stamp("elsewhere")).is_none());
    }

    /// After a reset far back, the next extension drops the commits no ref reaches (more than
    /// half of the file) and the folder names only they changed; a branch left at the old
    /// commits keeps them.
    #[test]
    fn a_reset_history_is_pruned_on_the_next_extension_unless_a_ref_keeps_it() {
        for keep in [false, true] {
            let dir = tempfile::tempdir().unwrap();
            let root = dir.path();
            let date = "2026-01-01T00:00:00Z";
            git(root, &["init", "-q", "-b", "main"], date);
            commit(root, "customers/a/customer.yaml", "1", date);
            for i in 0..6 {
                commit(root, "customers/z/note.yaml", &i.to_string(), date);
            }
            let repo = Repo::open(root).unwrap();
            let head =
                |repo: &Repo| super::super::repo::oid(&repo.resolve("HEAD").unwrap()).unwrap();
            assert_eq!(
                for_walk(&repo, head(&repo), "customers", || true)
                    .unwrap()
                    .ids
                    .len(),
                7
            );
            if keep {
                git(root, &["branch", "keep"], date);
            }
            git(root, &["reset", "-q", "--hard", "HEAD~6"], date);
            commit(root, "customers/b/customer.yaml", "1", date);
            let new_head = head(&repo);
            let index = for_walk(&repo, new_head, "customers", || true).unwrap();
            let expected = if keep { 8 } else { 2 };
            assert_eq!(index.ids.len(), expected, "keep: {keep}");
            assert_eq!(ids(&index, &new_head), walked(&repo, new_head));
            let bytes = std::fs::read(file(&repo, "customers")).unwrap();
            let read = HistIndex::decode(&bytes, &stamp("customers")).unwrap();
            assert_eq!(read.ids.len(), expected);
            // `z` was changed only by the commits dropped.
            assert_eq!(read.names.len(), if keep { 3 } else { 2 });
        }
    }

    /// What a commit changed: the folders that differ from the first parent, with both ids,
    /// and "many" past the bound.
    #[test]
    fn folders_that_differ_from_the_first_parent() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let date = "2026-01-01T00:00:00Z";
        git(root, &["init", "-q", "-b", "main"], date);
        commit(root, "customers/a/customer.yaml", "1", date);
        commit(root, "customers/b/customer.yaml", "1", date);
        commit(root, "other/file", "1", date);
        for i in 0..=MAX_FOLDERS {
            std::fs::create_dir_all(root.join(format!("customers/n{i}"))).unwrap();
            std::fs::write(root.join(format!("customers/n{i}/f")), "x").unwrap();
        }
        git(root, &["add", "-A"], date);
        git(root, &["commit", "-qm", "many"], date);
        let repo = Repo::open(root).unwrap();
        let head = super::super::repo::oid(&repo.resolve("HEAD").unwrap()).unwrap();
        let index = for_walk(&repo, head, "customers", || true).unwrap();
        let at = |rev: &str| {
            let id = super::super::repo::oid(&repo.resolve(rev).unwrap()).unwrap();
            index.position(&id).unwrap()
        };
        let (a, b) = (index.name_id(b"a"), index.name_id(b"b"));
        assert_eq!(index.said(at("HEAD"), a), Said::Unknown);
        assert_eq!(index.said(at("HEAD~1"), b), Said::Same);
        let Said::Differs {
            old: None,
            new: Some(new),
        } = index.said(at("HEAD~2"), b)
        else {
            panic!("b added in HEAD~2");
        };
        assert_eq!(
            Some(new),
            repo.entry(
                super::super::repo::oid(&repo.resolve("HEAD~2").unwrap()).unwrap(),
                "customers/b"
            )
            .unwrap()
        );
        assert_eq!(index.said(at("HEAD~2"), a), Said::Same);
        // The root commit is compared with nothing.
        assert!(matches!(
            index.said(at("HEAD~3"), a),
            Said::Differs { old: None, .. }
        ));
        assert_eq!(index.said(at("HEAD~3"), index.name_id(b"zz")), Said::Same);
    }

    /// Cut into runs, one per thread, the changes are the ones one thread finds, in order,
    /// merges and a root commit included.
    #[test]
    fn runs_in_parallel_find_what_one_run_finds() {
        let (_dir, repo, head) = tangled_repo();
        let commits: Vec<(ObjectId, Option<ObjectId>)> = repo
            .graph_ids(head)
            .unwrap()
            .into_iter()
            .rev()
            .map(|(id, parents)| (id, parents.first().copied()))
            .collect();
        let alone = changed_by_commit(&repo, "customers", &commits, 1).unwrap();
        assert_eq!(alone.len(), commits.len());
        assert!(alone.iter().flatten().any(|c| !c.is_empty()));
        for threads in [2, 3, 7, commits.len() + 5] {
            let runs = changed_by_commit(&repo, "customers", &commits, threads).unwrap();
            assert_eq!(runs, alone, "{threads} threads");
        }
    }

    fn arb_id() -> impl Strategy<Value = ObjectId> {
        any::<[u8; 20]>().prop_map(|b| ObjectId::try_from(&b[..]).unwrap())
    }

    fn arb_index() -> impl Strategy<Value = HistIndex> {
        let folder = (
            0usize..4,
            proptest::option::of(arb_id()),
            proptest::option::of(arb_id()),
        );
        let commit = (
            arb_id(),
            0i64..MAX_TIME,
            proptest::collection::vec(any::<u16>(), 0..3),
            proptest::option::of(proptest::collection::vec(folder, 0..4)),
        );
        proptest::collection::vec(commit, 0..12).prop_map(|commits| {
            let mut index = HistIndex::new();
            let n = commits.len();
            for (id, time, parents, folders) in commits {
                let parents: Vec<u32> = parents.iter().map(|p| u32::from(*p) % n as u32).collect();
                let folders: Option<Vec<Changed>> = folders.map(|list| {
                    list.into_iter()
                        .map(|(name, old, new)| Changed {
                            name: format!("c{name}").into_bytes(),
                            old,
                            new,
                        })
                        .collect()
                });
                index.push(id, time, &parents, folders.as_deref());
            }
            index
        })
    }

    /// Decoding drops the name map, which is rebuilt on demand: compare what is stored.
    fn stored(mut index: HistIndex) -> HistIndex {
        index.name_ids.clear();
        index
    }

    proptest! {
        #[test]
        fn encode_decode_round_trips(index in arb_index()) {
            let bytes = index.encode("s");
            prop_assert_eq!(HistIndex::decode(&bytes, "s").map(stored), Some(stored(index)));
            prop_assert!(HistIndex::decode(&bytes, "t").is_none());
            prop_assert!(HistIndex::decode(&bytes[..bytes.len() - 1], "s").is_none());
        }

        #[test]
        fn a_changed_byte_is_rejected(index in arb_index(), at in any::<usize>(), flip in 1u8..) {
            let mut bytes = index.encode("s");
            let at = at % bytes.len();
            bytes[at] ^= flip;
            prop_assert!(HistIndex::decode(&bytes, "s").is_none());
        }

        /// Pruning keeps exactly what the tips reach, when the rest is more than half: the walk
        /// from each tip visits the same commits in the same order, every commit says the same
        /// of every folder, and the result is stored as any index is.
        #[test]
        fn pruning_keeps_what_the_tips_reach(index in arb_index(), picks in proptest::collection::vec(any::<u16>(), 0..3)) {
            let n = index.ids.len();
            let tips: Vec<u32> = if n == 0 { Vec::new() } else {
                picks.iter().map(|p| u32::from(*p) % n as u32).collect()
            };
            let reached = index.reachable(&tips);
            let kept: Vec<ObjectId> = (0..n).filter(|&i| reached[i]).map(|i| index.ids[i]).collect();
            let Some(pruned) = index.pruned(&tips) else {
                prop_assert!(n - kept.len() <= kept.len());
                return Ok(());
            };
            prop_assert!(n - kept.len() > kept.len());
            prop_assert_eq!(&pruned.ids, &kept);
            for &tip in &tips {
                let walk = |ix: &HistIndex, at: u32| ix.order(at).map(|a| ix.id(a)).collect::<Vec<_>>();
                let at = pruned.position(&index.id(tip)).unwrap();
                prop_assert_eq!(walk(&pruned, at), walk(&index, tip));
            }
            for (new, id) in kept.iter().enumerate() {
                let old = index.position(id).unwrap();
                for name in &index.names {
                    prop_assert_eq!(
                        pruned.said(new as u32, pruned.name_id(name)),
                        index.said(old, index.name_id(name))
                    );
                }
            }
            let bytes = pruned.encode("s");
            prop_assert_eq!(HistIndex::decode(&bytes, "s").map(stored), Some(stored(pruned)));
        }

        #[test]
        fn random_bytes_are_rejected(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            prop_assert!(HistIndex::decode(&bytes, "s").is_none());
        }
    }

    /// A file and a folder of one name, or too many folders, are "many".
    #[test]
    fn ambiguous_or_large_changes_are_many() {
        let id = |b: u8| ObjectId::try_from(&[b; 20][..]).unwrap();
        let tree = |entries: &[(&str, bool, u8)]| -> Vec<u8> {
            let mut t = gix::objs::Tree::empty();
            for (name, dir, b) in entries {
                t.entries.push(gix::objs::tree::Entry {
                    mode: if *dir {
                        gix::objs::tree::EntryKind::Tree.into()
                    } else {
                        gix::objs::tree::EntryKind::Blob.into()
                    },
                    filename: (*name).into(),
                    oid: id(*b),
                });
            }
            t.entries.sort();
            let mut out = Vec::new();
            gix::objs::WriteTo::write_to(&t, &mut out).unwrap();
            out
        };
        let sha1 = gix::hash::Kind::Sha1;
        let empty = tree(&[]);
        let twice = tree(&[("a", false, 1), ("a", true, 2), ("a-b", true, 3)]);
        let once = tree(&[("a", false, 1), ("a-b", true, 4)]);
        let (empty, twice, once) = (
            listing(&empty, sha1).unwrap(),
            listing(&twice, sha1).unwrap(),
            listing(&once, sha1).unwrap(),
        );
        assert!(differing(&empty, &twice).is_none());
        assert_eq!(differing(&once, &once.clone()), Some(Vec::new()));
        assert_eq!(
            differing(&once, &empty),
            Some(vec![
                Changed {
                    name: b"a".to_vec(),
                    old: Some(id(1)),
                    new: None
                },
                Changed {
                    name: b"a-b".to_vec(),
                    old: Some(id(4)),
                    new: None
                },
            ])
        );
        let names: Vec<(String, bool, u8)> = (0..=MAX_FOLDERS)
            .map(|i| (format!("f{i:03}"), true, 1))
            .collect();
        let borrowed: Vec<(&str, bool, u8)> =
            names.iter().map(|(n, d, b)| (n.as_str(), *d, *b)).collect();
        let wide = tree(&borrowed);
        let wide = listing(&wide, sha1).unwrap();
        assert!(differing(&empty, &wide).is_none());
        assert_eq!(differing(&wide, &wide.clone()), Some(Vec::new()));
        let less: Vec<_> = wide
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != 3)
            .map(|(_, e)| *e)
            .collect();
        assert_eq!(
            differing(&wide, &less),
            Some(vec![Changed {
                name: b"f003".to_vec(),
                old: Some(id(1)),
                new: None
            }])
        );
    }
}
