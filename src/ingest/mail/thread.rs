//! Mail threads, the way mail clients build them (JWZ, RFC 5256 REFERENCES), computed from the
//! whole set of a customer's messages so that the result never depends on the order in which
//! they were ingested.
//!
//! - Every Message-ID a message names (its own, each References entry, In-Reply-To) is a node;
//!   a message links its own id to every id it names. Connected nodes form one thread, so
//!   replies to a message nobody has ingested (an unknown id) still group as siblings.
//! - A message without reply headers whose subject says it is a reply (`Re: Invoice`) joins the
//!   thread of the latest message with the same subject at most 30 days before it. The subject
//!   is only this fallback: it never joins two threads the headers built.
//! - The thread's root is its message with no ancestor among the thread's messages (not one
//!   joined by subject), the earliest one if there are several; the thread is identified by
//!   the root's touchpoint id. When a parent arrives after its reply, it becomes the root and
//!   the reply's thread is updated in place.

use std::collections::HashMap;

use crate::model::Timestamp;

/// What threading needs to know of one message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    pub key: String,
    pub at: Timestamp,
    /// References and In-Reply-To, the parent last.
    pub references: Vec<String>,
    /// The subject reduced for comparison.
    pub base_subject: String,
    /// The subject starts with a reply prefix.
    pub reply_subject: bool,
}

/// How far back a subject-only reply looks for its thread.
pub const SUBJECT_WINDOW_DAYS: i64 = 30;

struct Sets {
    parent: Vec<usize>,
}

impl Sets {
    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            let (lo, hi) = (a.min(b), a.max(b));
            self.parent[hi] = lo;
        }
    }
}

/// For each message, the index of its thread's root message.
pub fn roots(messages: &[Node]) -> Vec<usize> {
    // Node ids: message keys first (index = message index), then every other referenced id.
    let mut ids: HashMap<&str, usize> = HashMap::new();
    for (i, m) in messages.iter().enumerate() {
        ids.entry(m.key.as_str()).or_insert(i);
    }
    let mut next = messages.len();
    for m in messages {
        for r in &m.references {
            ids.entry(r.as_str()).or_insert_with(|| {
                next += 1;
                next - 1
            });
        }
    }
    let mut sets = Sets {
        parent: (0..next).collect(),
    };
    // A duplicated key (the same message twice) shares one node.
    for (i, m) in messages.iter().enumerate() {
        sets.union(i, ids[m.key.as_str()]);
        for r in &m.references {
            sets.union(i, ids[r.as_str()]);
        }
    }

    // Subject fallback, in time order so each join sees the earlier ones.
    let mut by_time: Vec<usize> = (0..messages.len()).collect();
    by_time.sort_by(|a, b| {
        (messages[*a].at, &messages[*a].key).cmp(&(messages[*b].at, &messages[*b].key))
    });
    let mut joined_by_subject = vec![false; messages.len()];
    let window = chrono::Duration::days(SUBJECT_WINDOW_DAYS);
    for &i in &by_time {
        let m = &messages[i];
        if !m.references.is_empty() || !m.reply_subject || m.base_subject.is_empty() {
            continue;
        }
        let own = sets.find(i);
        let candidate = by_time.iter().copied().rfind(|&j| {
            let o = &messages[j];
            j != i
                && o.base_subject == m.base_subject
                && (o.at, &o.key) < (m.at, &m.key)
                && m.at - o.at <= window
                && sets.find(j) != own
        });
        if let Some(j) = candidate {
            sets.union(i, j);
            joined_by_subject[i] = true;
        }
    }

    // Roots: per thread, the earliest message with no ancestor in the thread.
    let present: HashMap<&str, usize> = messages
        .iter()
        .enumerate()
        .map(|(i, m)| (m.key.as_str(), i))
        .collect();
    let mut best: HashMap<usize, (bool, Timestamp, &str, usize)> = HashMap::new();
    for &i in &by_time {
        let m = &messages[i];
        let has_ancestor = m.references.iter().any(|r| {
            present
                .get(r.as_str())
                .is_some_and(|&j| messages[j].key != m.key)
        });
        let candidate = !has_ancestor && !joined_by_subject[i];
        let set = sets.find(i);
        let entry = (!candidate, m.at, m.key.as_str(), i);
        best.entry(set)
            .and_modify(|b| {
                if (entry.0, entry.1, entry.2) < (b.0, b.1, b.2) {
                    *b = entry;
                }
            })
            .or_insert(entry);
    }
    (0..messages.len()).map(|i| best[&sets.find(i)].3).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn at(h: u32) -> Timestamp {
        chrono::DateTime::parse_from_rfc3339("2026-11-02T00:00:00Z").unwrap()
            + chrono::Duration::hours(i64::from(h))
    }

    fn node(key: &str, h: u32, refs: &[&str], subject: &str) -> Node {
        let (base, reply) = super::super::text::base_subject(subject);
        Node {
            key: key.into(),
            at: at(h),
            references: refs.iter().map(|r| r.to_string()).collect(),
            base_subject: base,
            reply_subject: reply,
        }
    }

    fn root_keys(nodes: &[Node]) -> Vec<String> {
        roots(nodes)
            .into_iter()
            .map(|r| nodes[r].key.clone())
            .collect()
    }

    #[test]
    fn a_thread_with_its_root() {
        let nodes = vec![
            node("a", 0, &[], "Invoice"),
            node("b", 1, &["a"], "Re: Invoice"),
            node("c", 2, &["a", "b"], "Re: Invoice"),
            node("x", 3, &[], "Other"),
        ];
        assert_eq!(root_keys(&nodes), vec!["a", "a", "a", "x"]);
    }

    #[test]
    fn a_reply_before_its_parent_and_unknown_parents() {
        // Only the reply: it is its own root.
        let alone = vec![node("b", 1, &["a"], "Re: Invoice")];
        assert_eq!(root_keys(&alone), vec!["b"]);
        // Two siblings of an unknown parent share a thread.
        let siblings = vec![
            node("b", 1, &["a"], "Re: Invoice"),
            node("c", 2, &["a"], "Re: Invoice"),
        ];
        assert_eq!(root_keys(&siblings), vec!["b", "b"]);
        // The parent arrives, dated after its reply (a wrong clock): it is still the root.
        let both = vec![
            node("b", 1, &["a"], "Re: Invoice"),
            node("a", 5, &[], "Invoice"),
        ];
        assert_eq!(root_keys(&both), vec!["a", "a"]);
    }

    #[test]
    fn subject_is_only_a_fallback() {
        let nodes = vec![
            node("a", 0, &[], "Invoice"),
            node("b", 1, &[], "Re: Invoice"),
            node("c", 2, &[], "Invoice"),
            node("d", 3, &["zzz"], "Re: Invoice"),
            node("e", 24 * 40, &[], "Re: Invoice"),
        ];
        // b joins a; c is a new thread (no reply prefix); d has headers, so its own; e is
        // too late for any of them.
        assert_eq!(root_keys(&nodes), vec!["a", "a", "c", "d", "e"]);
    }

    fn thread_of(messages: &[Node]) -> HashMap<String, String> {
        let r = roots(messages);
        messages
            .iter()
            .enumerate()
            .map(|(i, m)| (m.key.clone(), messages[r[i]].key.clone()))
            .collect()
    }

    proptest! {
        /// Any order of the same messages gives every message the same root.
        #[test]
        fn order_does_not_matter(
            edges in proptest::collection::vec((0usize..12, proptest::collection::vec(0usize..16, 0..4), 0u32..200, any::<bool>()), 1..12),
            seed in any::<u64>(),
        ) {
            let mut nodes: Vec<Node> = Vec::new();
            for (i, (_, refs, hour, reply)) in edges.iter().enumerate() {
                let key = format!("m{i}");
                let refs: Vec<String> = refs.iter().map(|r| format!("m{r}")).filter(|r| *r != key).collect();
                nodes.push(Node {
                    key,
                    at: at(*hour),
                    references: refs,
                    base_subject: if *reply { "topic".into() } else { format!("t{}", edges[i].0 % 3) },
                    reply_subject: *reply,
                });
            }
            let expected = thread_of(&nodes);
            let mut shuffled = nodes.clone();
            let mut s = seed;
            for i in (1..shuffled.len()).rev() {
                s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                let j = (s >> 33) as usize % (i + 1);
                shuffled.swap(i, j);
            }
            prop_assert_eq!(thread_of(&shuffled), expected);
        }
    }
}
