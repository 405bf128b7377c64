//! The text `init` writes as `.gitcrm/config.yaml`: every section present and commented.

use std::collections::BTreeMap;

use crate::model::config::Person;

/// The text `init` writes: every section present and commented, so a person editing the file by
/// hand sees what can go there.
pub fn template(first_person: (&str, &Person)) -> String {
    let (handle, person) = first_person;
    let person_yaml = super::yaml::to_yaml(&BTreeMap::from([(handle, person)])).unwrap_or_default();
    let person_yaml = indent(&person_yaml, "  ");
    format!(
        r#"# git-crm store settings. Edit by hand, or with `git crm person add` and `git crm team add`;
# both keep your comments. Documented in docs/format.md.
version: 1

# Zone for times typed without an offset (`--at "2026-11-02 14:30"`) and for grouping
# timelines by day. Reports take --tz and default to UTC.
# timezone: Europe/Paris

# How dates typed with `/` or `.` are read: dmy (20/11/2026), mdy (11/20/2026) or ymd.
# Unset, such dates are refused as ambiguous; 2026-11-20 always works.
# date_order: dmy

# People, keyed by handle. `emails` match `git config user.email` to find who is acting.
people:
{person_yaml}
# Teams, keyed by name. A team's calendar decides business hours in metrics.
#   support:
#     calendar: paris
teams: {{}}

# The channel vocabulary of touchpoints.
channels: [email, call, chat, meeting, social, sms, whatsapp, other]

# Working hours for business-hours metrics: an IANA zone, ranges per weekday, days off.
#   paris:
#     zone: Europe/Paris
#     hours: {{mon: "09:00-18:00", tue: "09:00-18:00", wed: "09:00-18:00", thu: "09:00-18:00", fri: "09:00-17:00"}}
#     holidays: [2026-12-25]
calendars: {{}}

# Metric targets: breaches are derived from times, never stored.
#   first_response: 4h
#   handoff: 1d
targets: {{}}

# Views by role: which record kinds come first, which tags are left out. A view is surfacing,
# not security: whoever has the repository can read everything in it.
#   finance:
#     first: [tasks, handoffs]
#     hide_tags: [private]
views: {{}}
"#
    )
}

fn indent(text: &str, prefix: &str) -> String {
    text.lines().map(|l| format!("{prefix}{l}\n")).collect()
}
