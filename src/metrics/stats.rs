//! Summary statistics shared by the metrics: n, median, p90, mean and max with nearest-rank
//! percentiles, and counts within a target. Nearest rank means every reported percentile is a
//! value that was actually observed, so a reader can find it in the data.

use serde::Serialize;

/// The nearest-rank `p`-th percentile (0 < p <= 100) of ascending `sorted` values: the value at
/// rank `ceil(p / 100 * n)`. `None` for no values.
pub fn nearest_rank(sorted: &[i64], p: u32) -> Option<i64> {
    if sorted.is_empty() {
        return None;
    }
    let n = sorted.len();
    let rank = (p as usize * n).div_ceil(100).clamp(1, n);
    Some(sorted[rank - 1])
}

/// n, median, p90, mean and max of durations in seconds.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DurationStats {
    pub n: usize,
    /// Nearest-rank 50th percentile (with an even n, the lower of the two middle values).
    pub median: Option<i64>,
    /// Nearest-rank 90th percentile.
    pub p90: Option<i64>,
    /// Arithmetic mean, rounded down to the second.
    pub mean: Option<i64>,
    pub max: Option<i64>,
}

impl DurationStats {
    /// Summarises `values` (seconds), in any order.
    pub fn of(values: impl IntoIterator<Item = i64>) -> Self {
        let mut sorted: Vec<i64> = values.into_iter().collect();
        sorted.sort_unstable();
        let n = sorted.len();
        let sum: i128 = sorted.iter().map(|v| i128::from(*v)).sum();
        DurationStats {
            n,
            median: nearest_rank(&sorted, 50),
            p90: nearest_rank(&sorted, 90),
            mean: (n > 0).then(|| (sum.div_euclid(n as i128)) as i64),
            max: sorted.last().copied(),
        }
    }
}

/// How many measurements met a target: within (`<=` target), breached (`>` target) and the
/// share within. Derived from times each run, never stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetStats {
    /// The target in seconds (business seconds where the thread has a calendar).
    pub target: i64,
    pub within: usize,
    pub breached: usize,
    /// `within / n`; `None` when nothing was measured.
    pub share: Option<f64>,
}

impl TargetStats {
    /// Counts `values` (seconds) against `target`.
    pub fn of(values: &[i64], target: i64) -> Self {
        let within = values.iter().filter(|v| **v <= target).count();
        TargetStats {
            target,
            within,
            breached: values.len() - within,
            share: ratio(within, values.len()),
        }
    }
}

/// `part / whole`, or `None` when `whole` is zero.
pub fn ratio(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn nearest_rank_by_hand() {
        let v = [10, 20, 30, 40];
        assert_eq!(nearest_rank(&v, 50), Some(20));
        assert_eq!(nearest_rank(&v, 90), Some(40));
        assert_eq!(nearest_rank(&[7], 90), Some(7));
        assert_eq!(nearest_rank(&[], 50), None);
        let s = DurationStats::of([30, 10, 20]);
        assert_eq!(
            s,
            DurationStats {
                n: 3,
                median: Some(20),
                p90: Some(30),
                mean: Some(20),
                max: Some(30)
            }
        );
        let t = TargetStats::of(&[10, 20, 30], 20);
        assert_eq!((t.within, t.breached, t.share), (2, 1, Some(2.0 / 3.0)));
    }

    proptest! {
        #[test]
        fn percentiles_are_observed_and_ordered(mut v in proptest::collection::vec(-1000i64..100_000, 1..200)) {
            let s = DurationStats::of(v.clone());
            v.sort_unstable();
            let (median, p90, max) = (s.median.unwrap(), s.p90.unwrap(), s.max.unwrap());
            prop_assert!(v.contains(&median) && v.contains(&p90));
            prop_assert!(median <= p90 && p90 <= max);
            // At least 90% of the values are at or below p90, and fewer than 90% below it.
            let at_or_below = v.iter().filter(|x| **x <= p90).count();
            let below = v.iter().filter(|x| **x < p90).count();
            prop_assert!(at_or_below * 10 >= v.len() * 9);
            prop_assert!(below * 10 < v.len() * 9);
            let mean = s.mean.unwrap();
            prop_assert!(v[0] <= mean && mean <= max);
        }
    }
}
