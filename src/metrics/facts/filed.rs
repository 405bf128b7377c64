//! A customer's facts as the cache keeps them: filed by the week they happen in, so that a
//! report decodes only the weeks it covers.
//!
//! A store holds years of touchpoints and a report usually covers a month. Decoding every
//! customer's facts of all time was the largest cost of a warm `metrics` after the stat pass,
//! and it grew with the store's history, not with the report. What a report reads of a
//! customer ([`Reach`]):
//!
//! - threads started or first resolved in its window, and handoffs, inbound arrivals,
//!   replies and logging lags placed in it (what [`Facts::join_report`] keeps);
//! - touches from the start of coverage's weekly table (which reaches back before the
//!   window) to the window's end, and, for the "last touchpoint" of a stale customer, each
//!   channel's last touch before that;
//! - the customer itself, its tags and its ownership over time (always).
//!
//! So the cache keeps, per customer, a head (the last group) and, for each week with data, the
//! facts filed under it (a thread under the week it started in), the span of instants those
//! facts are placed at (a thread started this week may be resolved weeks later), the week's
//! touches, and each channel's last touch up to the end of the week. Each week's parts are
//! encoded apart and borrowed from the cache's bytes: a report decodes the head, the weeks
//! whose span meets its window, and the touches of the weeks it reaches; of the weeks before,
//! only the last one's "last touch per channel". What it decodes is a superset of what it
//! reads, and every reader keeps facts by these same times, so the report is the same
//! (property-tested in `metrics::tests::window`).

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{ArrivalFact, CustomerFacts, HandoffFact, ReplyFact, ThreadFact, lags_serde};
use super::{Name, Timestamp, touches_serde};
use crate::metrics::name::{read_tabled, write_tabled};
use crate::store::snapshot::Ts;

/// The cache's number for a customer's filed facts (distinct from every `Derived::KIND`).
pub const FILED_KIND: u8 = 3;

const WEEK_SECONDS: i64 = 7 * 86_400;

/// The week (Monday to Monday, UTC) of `t`, counted from the Unix epoch (a Thursday).
fn week_of(t: Timestamp) -> i64 {
    (t.timestamp() + 3 * 86_400).div_euclid(WEEK_SECONDS)
}

/// What a report reads of each customer's facts: the facts placed in `since..until`, and the
/// touches from `touches_since` to `until` (earlier ones summed up as each channel's last).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reach {
    pub since: Timestamp,
    pub until: Timestamp,
    pub touches_since: Timestamp,
}

impl Reach {
    /// The reach of a report over `since..until` with a coverage table of `weeks` weeks
    /// ending at `until` (one week more, so that weeks aligned in any time zone are covered).
    pub fn of_report(since: Timestamp, until: Timestamp, weeks: u32) -> Reach {
        let table = until - chrono::Duration::weeks(i64::from(weeks) + 1);
        Reach {
            since,
            until,
            touches_since: since.min(table),
        }
    }

    fn reads_facts(&self, span: &Span) -> bool {
        span.last.0 >= self.since && span.first.0 < self.until
    }

    fn touches_weeks(&self) -> (i64, i64) {
        (week_of(self.touches_since), week_of(self.until))
    }
}

use super::Touch;
type Lag = (Timestamp, Name, i64);

/// The earliest and latest instant a week's facts are placed at.
#[derive(Clone, Copy, Serialize, Deserialize)]
struct Span {
    first: Ts,
    last: Ts,
}

/// What the cache keeps of one customer. Every name in `head` and in the weeks' parts is
/// written as its number in `names` (see [`super::super::name::write_tabled`]).
#[derive(Serialize, Deserialize)]
struct Filed<'a> {
    /// The distinct names of the customer's facts.
    #[serde(borrow)]
    names: Vec<Cow<'a, str>>,
    /// The customer's facts without threads, handoffs, arrivals, replies, touches and lags.
    #[serde(borrow)]
    head: Cow<'a, [u8]>,
    #[serde(borrow)]
    weeks: Vec<Week<'a>>,
}

/// One week of a customer's facts, each part encoded apart (postcard), read only if needed:
/// owned as it is written, borrowed from the cache's bytes as it is read.
#[derive(Serialize, Deserialize)]
struct Week<'a> {
    week: i64,
    /// `None`: no facts are filed under this week (only touches).
    span: Option<Span>,
    /// A [`Part`].
    #[serde(borrow)]
    facts: Cow<'a, [u8]>,
    /// The week's touches.
    #[serde(borrow)]
    touches: Cow<'a, [u8]>,
    /// Each channel's last touch up to the end of this week, in time order.
    #[serde(borrow)]
    last_touches: Cow<'a, [u8]>,
}

/// The facts filed under one week.
#[derive(Default, Deserialize)]
struct Part {
    threads: Vec<ThreadFact>,
    handoffs: Vec<HandoffFact>,
    arrivals: Vec<ArrivalFact>,
    replies: Vec<ReplyFact>,
    #[serde(with = "lags_serde")]
    lags: Vec<Lag>,
}

/// [`Part`] as it is written, from references (the same bytes).
#[derive(Default, Serialize)]
struct PartRef<'f> {
    threads: Vec<&'f ThreadFact>,
    handoffs: Vec<&'f HandoffFact>,
    arrivals: Vec<&'f ArrivalFact>,
    replies: Vec<&'f ReplyFact>,
    lags: Compact<'f, Lag>,
}

impl PartRef<'_> {
    fn span(&self) -> Option<Span> {
        let times = self
            .threads
            .iter()
            .flat_map(|t| std::iter::once(t.started_at).chain(t.first_resolved))
            .chain(self.handoffs.iter().map(|h| h.at))
            .chain(self.arrivals.iter().map(|a| a.at))
            .chain(self.replies.iter().map(|r| r.at))
            .chain(self.lags.0.iter().map(|l| l.0));
        let (first, last) = times.fold(None, |span: Option<(Timestamp, Timestamp)>, t| {
            Some(span.map_or((t, t), |(a, b)| (a.min(t), b.max(t))))
        })?;
        Some(Span {
            first: Ts(first),
            last: Ts(last),
        })
    }
}

/// Touches or lags written as `touches_serde` and `lags_serde` write them, from references.
struct Compact<'f, T>(Vec<&'f T>);

impl<T> Default for Compact<'_, T> {
    fn default() -> Self {
        Compact(Vec::new())
    }
}

impl<A: Serialize, B: Serialize> Serialize for Compact<'_, (Timestamp, A, B)> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|(t, a, b)| (Ts(*t), a, b)))
    }
}

/// The parts of one week as they are gathered.
#[derive(Default)]
struct Gathered<'f> {
    part: PartRef<'f>,
    touches: Compact<'f, Touch>,
}

fn encode(value: &impl Serialize) -> Option<Cow<'static, [u8]>> {
    postcard::to_allocvec(value).ok().map(Cow::Owned)
}

impl CustomerFacts {
    /// These facts filed by week, for the cache (see the module's documentation); `None` if
    /// they cannot be encoded.
    pub fn file(&self) -> Option<Vec<u8>> {
        let (written, names) = write_tabled(|| Some((encode(&self.head())?, self.file_weeks()?)));
        let (head, weeks) = written?;
        let filed = Filed {
            names: names.iter().map(|n| Cow::Borrowed(n.as_str())).collect(),
            head,
            weeks,
        };
        postcard::to_allocvec(&filed).ok()
    }

    /// The weeks of [`CustomerFacts::file`].
    fn file_weeks(&self) -> Option<Vec<Week<'static>>> {
        let mut weeks: BTreeMap<i64, Gathered> = BTreeMap::new();
        fn at<'w, 'f>(
            weeks: &'w mut BTreeMap<i64, Gathered<'f>>,
            t: Timestamp,
        ) -> &'w mut Gathered<'f> {
            weeks.entry(week_of(t)).or_default()
        }
        let facts = &self.facts;
        for t in &facts.threads {
            at(&mut weeks, t.started_at).part.threads.push(t);
        }
        for h in &facts.handoffs {
            at(&mut weeks, h.at).part.handoffs.push(h);
        }
        for a in &facts.arrivals {
            at(&mut weeks, a.at).part.arrivals.push(a);
        }
        for r in &facts.replies {
            at(&mut weeks, r.at).part.replies.push(r);
        }
        for c in &facts.customers {
            for l in &c.lags {
                at(&mut weeks, l.0).part.lags.0.push(l);
            }
            for t in &c.touches {
                at(&mut weeks, t.0).touches.0.push(t);
            }
        }
        // Each channel's last touch so far (touches are in time order; the later one wins).
        let mut last: BTreeMap<&Name, &Touch> = BTreeMap::new();
        let weeks: Vec<Week> = weeks
            .into_iter()
            .map(|(week, g)| {
                for t in &g.touches.0 {
                    let kept = last.entry(&t.1).or_insert(t);
                    if t.0 >= kept.0 {
                        *kept = t;
                    }
                }
                let mut so_far: Vec<&Touch> = last.values().copied().collect();
                so_far.sort_by_key(|t| t.0);
                let span = g.part.span();
                let facts = match span {
                    Some(_) => encode(&g.part)?,
                    None => Cow::Borrowed(&[][..]),
                };
                Some(Week {
                    week,
                    span,
                    facts,
                    touches: encode(&g.touches)?,
                    last_touches: encode(&Compact(so_far))?,
                })
            })
            .collect::<Option<_>>()?;
        Some(weeks)
    }

    /// These facts without what is filed by week.
    fn head(&self) -> CustomerFacts {
        let customers = self
            .facts
            .customers
            .iter()
            .map(|c| super::CustomerFact {
                touches: Vec::new(),
                lags: Vec::new(),
                ..c.clone()
            })
            .collect();
        CustomerFacts {
            slug: self.slug.clone(),
            tags: self.tags.clone(),
            latest: self.latest,
            earliest: self.earliest,
            ownership: self.ownership.clone(),
            facts: super::Facts {
                customers,
                ..super::Facts::default()
            },
        }
    }

    /// The facts `bytes` (written by [`CustomerFacts::file`]) hold for a report that reads
    /// `reach` (`None`: all of them). `None` when the bytes do not decode.
    pub fn open(bytes: &[u8], reach: Option<&Reach>) -> Option<CustomerFacts> {
        let filed: Filed = postcard::from_bytes(bytes).ok()?;
        let table = filed.names.iter().map(|n| Name::from(&**n)).collect();
        read_tabled(table, || Self::open_weeks(&filed, reach))
    }

    /// [`CustomerFacts::open`] of what is filed, with its name table in use.
    fn open_weeks(filed: &Filed, reach: Option<&Reach>) -> Option<CustomerFacts> {
        let mut facts: CustomerFacts = postcard::from_bytes(&filed.head).ok()?;
        let mut touches: Vec<Touch> = Vec::new();
        let mut lags: Vec<Lag> = Vec::new();
        let mut before: Option<&[u8]> = None;
        let touches_weeks = reach.map(Reach::touches_weeks);
        for week in &filed.weeks {
            if let Some(span) = &week.span
                && reach.is_none_or(|r| r.reads_facts(span))
            {
                let part: Part = postcard::from_bytes(&week.facts).ok()?;
                facts.facts.threads.extend(part.threads);
                facts.facts.handoffs.extend(part.handoffs);
                facts.facts.arrivals.extend(part.arrivals);
                facts.facts.replies.extend(part.replies);
                lags.extend(part.lags);
            }
            let reads_touches = match touches_weeks {
                None => true,
                Some((from, _)) if week.week < from => {
                    before = Some(&week.last_touches);
                    false
                }
                Some((_, to)) => week.week <= to,
            };
            if reads_touches {
                touches.extend(decode_touches(&week.touches)?);
            }
        }
        if let Some(before) = before {
            let mut earlier = decode_touches(before)?;
            earlier.append(&mut touches);
            touches = earlier;
        }
        let customer = facts.facts.customers.first_mut()?;
        customer.touches = touches;
        customer.lags = lags;
        Some(facts)
    }
}

fn decode_touches(bytes: &[u8]) -> Option<Vec<Touch>> {
    #[derive(Deserialize)]
    struct Touches(#[serde(with = "touches_serde")] Vec<Touch>);
    postcard::from_bytes::<Touches>(bytes).ok().map(|t| t.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::fixtures::{at, bundle, tp};
    use crate::metrics::{ClockMode, Clocks};
    use crate::model::Config;
    use crate::model::records::Direction;

    #[test]
    fn weeks_start_on_mondays() {
        assert_eq!(
            week_of(at("2026-11-30T00:00:00Z")),
            week_of(at("2026-12-06T23:59:59Z"))
        );
        assert_eq!(
            week_of(at("2026-11-29T23:59:59Z")) + 1,
            week_of(at("2026-11-30T00:00:00Z"))
        );
        assert_eq!(week_of(at("1970-01-05T00:00:00Z")), 1);
        assert_eq!(week_of(at("1969-12-28T00:00:00Z")), -1);
    }

    fn facts() -> CustomerFacts {
        let mut touches = Vec::new();
        for (n, day) in ["2026-01-05", "2026-02-02", "2026-03-02", "2026-03-09"]
            .iter()
            .enumerate()
        {
            let n = n as u128 * 2;
            let mut ask = tp(
                n + 1,
                n + 1,
                &format!("{day}T10:00:00Z"),
                Direction::Inbound,
                "x",
            );
            let mut reply = tp(
                n + 2,
                n + 1,
                &format!("{day}T11:00:00Z"),
                Direction::Outbound,
                "a",
            );
            ask.channel = ["email", "phone"][n as usize % 4 / 2].into();
            reply.resolves = true;
            touches.extend([ask, reply]);
        }
        let clocks = Clocks::new(&Config::default(), ClockMode::Wall).unwrap();
        CustomerFacts::of(&bundle(touches, vec![]), &clocks, None)
    }

    #[test]
    fn all_of_it_reads_back_whole() {
        let facts = facts();
        let back = CustomerFacts::open(&facts.file().unwrap(), None).unwrap();
        assert_eq!(
            postcard::to_allocvec(&back).unwrap(),
            postcard::to_allocvec(&facts).unwrap()
        );
    }

    #[test]
    fn a_reach_reads_its_weeks_and_each_channels_last_touch_before() {
        let facts = facts();
        let reach = Reach {
            since: at("2026-03-02T00:00:00Z"),
            until: at("2026-03-16T00:00:00Z"),
            touches_since: at("2026-02-16T00:00:00Z"),
        };
        let back = CustomerFacts::open(&facts.file().unwrap(), Some(&reach)).unwrap();
        let started: Vec<String> = back
            .facts
            .threads
            .iter()
            .map(|t| t.started_at.to_rfc3339())
            .collect();
        assert_eq!(
            started,
            ["2026-03-02T10:00:00+00:00", "2026-03-09T10:00:00+00:00"]
        );
        let touches: Vec<String> = back.facts.customers[0]
            .touches
            .iter()
            .map(|(t, ch, _)| format!("{} {ch}", t.to_rfc3339()))
            .collect();
        assert_eq!(
            touches,
            [
                // Before the reach: the last email and the last phone touch.
                "2026-02-02T10:00:00+00:00 phone",
                "2026-02-02T11:00:00+00:00 email",
                "2026-03-02T10:00:00+00:00 email",
                "2026-03-02T11:00:00+00:00 email",
                "2026-03-09T10:00:00+00:00 phone",
                "2026-03-09T11:00:00+00:00 email",
            ]
        );
        assert_eq!(back.facts.customers[0].lags.len(), 4);
    }

    #[test]
    fn weeks_are_borrowed_from_the_bytes_not_copied() {
        let bytes = facts().file().unwrap();
        let filed: Filed = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(filed.weeks.len(), 4);
        for week in &filed.weeks {
            assert!(matches!(week.facts, Cow::Borrowed(_)));
            assert!(matches!(week.touches, Cow::Borrowed(_)));
            assert!(matches!(week.last_touches, Cow::Borrowed(_)));
        }
    }

    #[test]
    fn bytes_that_do_not_decode_are_no_facts() {
        let bytes = facts().file().unwrap();
        assert!(CustomerFacts::open(&bytes[..bytes.len() / 2], None).is_none());
        assert!(CustomerFacts::open(b"", None).is_none());
    }
}
