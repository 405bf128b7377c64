//! Slicing and grouping: the facts that belong to the report (or to one `--by` group), each
//! placed in the period by its own time — threads by their start (FCR: by their first
//! resolution), handoffs by their time, arrivals and replies by theirs.

use crate::metrics::name::text;
use std::collections::BTreeSet;

use super::facts::{ArrivalFact, CustomerFact, Dims, Facts, HandoffFact, ReplyFact, ThreadFact};
use super::period::{Window, buckets};
use super::{By, Options, Targets};
use super::{consistency, coverage, fcr, frt, handoff};

/// The label of facts without a team or owner.
pub const NONE: &str = "(none)";

fn key_of(by: By, d: &Dims) -> Option<String> {
    match by {
        By::Team => Some(text(&d.team).unwrap_or_else(|| NONE.into())),
        By::Owner => Some(text(&d.owner).unwrap_or_else(|| NONE.into())),
        By::Channel => text(&d.channel),
        By::Month | By::Week => None,
    }
}

fn handoff_key(by: By, h: &HandoffFact) -> Option<String> {
    match by {
        By::Team => Some(h.to.team.clone().unwrap_or_else(|| NONE.into())),
        By::Owner => Some(h.to.owner.clone().unwrap_or_else(|| NONE.into())),
        By::Channel | By::Month | By::Week => None,
    }
}

/// The facts of one report or group.
pub struct View<'a> {
    options: &'a Options,
    window: Window,
    threads: Vec<&'a ThreadFact>,
    resolved: Vec<&'a ThreadFact>,
    handoffs: Vec<&'a HandoffFact>,
    arrivals: Vec<&'a ArrivalFact>,
    replies: Vec<&'a ReplyFact>,
    customers: Vec<&'a CustomerFact>,
    channels: Vec<String>,
    /// Whether metrics build their lists (the whole report) or only figures (a group).
    lists: bool,
}

impl<'a> View<'a> {
    /// The facts kept by the slices, in the period, and in `group` when given.
    pub fn of(facts: &'a Facts, options: &'a Options, group: Option<(By, &str)>) -> Self {
        let slice = &options.slice;
        let mut window = options.window();
        let mut channels = slice.channel.clone();
        let mut by_dims: Option<(By, &str)> = None;
        let mut handoff_group: Option<(By, &str)> = None;
        match group {
            Some((by @ (By::Month | By::Week), key)) => {
                if let Some((_, w)) = buckets(&window, options.tz, by == By::Month)
                    .into_iter()
                    .find(|(k, _)| k == key)
                {
                    window = w;
                }
            }
            Some((By::Channel, key)) => {
                channels = vec![key.to_string()];
                by_dims = Some((By::Channel, key));
            }
            Some(g) => {
                by_dims = Some(g);
                handoff_group = Some(g);
            }
            None => {}
        }
        let in_group = |d: &Dims| by_dims.is_none_or(|(by, k)| key_of(by, d).as_deref() == Some(k));
        let keep = |d: &Dims| slice.keeps(d) && in_group(d);
        let customer_dims = |d: &Dims| {
            let d = Dims {
                channel: None,
                ..d.clone()
            };
            let team_owner = super::Slice {
                channel: Vec::new(),
                ..slice.clone()
            };
            team_owner.keeps(&d)
                && match by_dims {
                    Some((By::Channel, _)) | None => true,
                    Some((by, k)) => key_of(by, &d).as_deref() == Some(k),
                }
        };
        let handoffs_kept = !matches!(group, Some((By::Channel, _)));
        View {
            options,
            window,
            threads: facts
                .threads
                .iter()
                .filter(|t| window.contains(t.started_at) && keep(&t.dims))
                .collect(),
            resolved: facts
                .threads
                .iter()
                .filter(|t| t.first_resolved.is_some_and(|r| window.contains(r)) && keep(&t.dims))
                .collect(),
            handoffs: facts
                .handoffs
                .iter()
                .filter(|h| handoffs_kept && window.contains(h.at) && slice.keeps_handoff(h))
                .filter(|h| {
                    handoff_group.is_none_or(|(by, k)| handoff_key(by, h).as_deref() == Some(k))
                })
                .collect(),
            arrivals: facts
                .arrivals
                .iter()
                .filter(|a| window.contains(a.at) && keep(&a.dims))
                .collect(),
            replies: facts
                .replies
                .iter()
                .filter(|r| window.contains(r.at) && keep(&r.dims))
                .collect(),
            customers: facts
                .customers
                .iter()
                .filter(|c| customer_dims(&c.dims))
                .collect(),
            channels,
            lists: group.is_none(),
        }
    }

    /// First response time.
    pub fn frt(&self, targets: &Targets) -> frt::Frt {
        frt::Frt::of(&self.threads, targets.first_response)
    }

    /// First contact resolution.
    pub fn fcr(&self) -> fcr::Fcr {
        fcr::Fcr::of(&self.resolved, self.options.fcr_rule)
    }

    /// Handoff time.
    pub fn handoff(&self, targets: &Targets) -> handoff::HandoffReport {
        handoff::HandoffReport::of(&self.handoffs, targets.handoff)
    }

    /// Interaction coverage.
    pub fn coverage(&self) -> coverage::Coverage {
        coverage::Coverage::of(
            &self.customers,
            &coverage::Scope {
                window: self.window,
                channels: &self.channels,
                weeks: self.options.weeks,
                tz: self.options.tz,
                as_of: self.options.as_of,
                lists: self.lists,
            },
        )
    }

    /// Channel consistency.
    pub fn consistency(&self) -> consistency::Consistency {
        consistency::Consistency::of(&self.arrivals, &self.replies, &self.threads)
    }
}

/// The group keys of `--by`: every month or week of the period, or the teams, owners or
/// channels that occur in it, sorted.
pub fn keys(facts: &Facts, options: &Options, by: By) -> Vec<String> {
    let window = options.window();
    if matches!(by, By::Month | By::Week) {
        return buckets(&window, options.tz, by == By::Month)
            .into_iter()
            .map(|(k, _)| k)
            .collect();
    }
    let mut keys = BTreeSet::new();
    let dims = facts
        .threads
        .iter()
        .filter(|t| window.contains(t.started_at))
        .map(|t| &t.dims)
        .chain(
            facts
                .arrivals
                .iter()
                .filter(|a| window.contains(a.at))
                .map(|a| &a.dims),
        )
        .chain(
            facts
                .replies
                .iter()
                .filter(|r| window.contains(r.at))
                .map(|r| &r.dims),
        );
    keys.extend(
        dims.filter(|d| options.slice.keeps(d))
            .filter_map(|d| key_of(by, d)),
    );
    keys.extend(
        facts
            .handoffs
            .iter()
            .filter(|h| window.contains(h.at) && options.slice.keeps_handoff(h))
            .filter_map(|h| handoff_key(by, h)),
    );
    match by {
        By::Channel => keys.extend(facts.customers.iter().flat_map(|c| {
            c.touches
                .iter()
                .filter(|(at, ch, _)| {
                    window.contains(*at)
                        && (options.slice.channel.is_empty()
                            || options.slice.channel.iter().any(|c| c == ch.as_str()))
                })
                .map(|(_, ch, _)| ch.to_string())
        })),
        _ => keys.extend(facts.customers.iter().filter_map(|c| {
            let d = Dims {
                channel: None,
                ..c.dims.clone()
            };
            let slice = super::Slice {
                channel: Vec::new(),
                ..options.slice.clone()
            };
            (c.active && slice.keeps(&d))
                .then(|| key_of(by, &d))
                .flatten()
        })),
    }
    keys.into_iter().collect()
}
