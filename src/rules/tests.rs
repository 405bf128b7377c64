//! Unit tests of the rules: where problems are reported, how conditions judge, and that a plan
//! is a function of its inputs (the same files whoever runs it, whenever in the period).

use super::compile::{Trigger, compile, parse_template};
use super::eval::Env;
use super::fixtures::world;
use super::plan::{Fired, Inputs, Plan, plan};
use super::{ProblemKind, RULES_FILE};
use crate::model::Config;
use crate::model::time::Timestamp;
use crate::store::yaml;

const CONFIG: &str = r#"
timezone: Europe/Paris
people:
  alice: {name: Alice, teams: [sales]}
  bob: {name: Bob, teams: [sales]}
  grace: {name: Grace, teams: [sales]}
  dave: {name: Dave, teams: [support]}
  frank: {name: Frank, teams: [finance]}
teams:
  sales: {calendar: paris, lead: grace}
  support: {calendar: paris, lead: dave}
  finance: {calendar: paris}
  legal: {}
calendars:
  paris:
    zone: Europe/Paris
    hours: {mon: "09:00-18:00", tue: "09:00-18:00", wed: "09:00-18:00", thu: "09:00-18:00", fri: "09:00-17:00"}
targets: {first_response: 4h}
"#;

fn config() -> Config {
    yaml::parse(std::path::Path::new("c.yaml"), CONFIG).unwrap()
}

fn t(s: &str) -> Timestamp {
    chrono::DateTime::parse_from_rfc3339(s).unwrap()
}

/// The problems of `text`, as `line:col kind message`.
fn problems(text: &str) -> Vec<String> {
    compile(RULES_FILE, text, &config())
        .problems
        .iter()
        .map(|p| {
            let kind = match p.kind {
                ProblemKind::File => "file",
                ProblemKind::Data => "data",
            };
            format!("{}:{} {kind} {}", p.pos.line, p.pos.column, p.text())
        })
        .collect()
}

#[test]
fn problems_are_located_and_all_reported() {
    let text = "actor: grace\nrules:\n  - id: a\n    trigger: schedule\n    conditions:\n      any:\n        - fields.tier: gold\n        - staus: active\n    actions:\n      - add_task: {title: x, assignee: zoe}\n  - id: a\n    trigger: touchpoint.logged\n    conditions: {touchpoint.text: {matches: '[a-'}}\n    actions:\n      - assign: {team: legal}\n";
    assert_eq!(
        problems(text),
        [
            "8:11 file rule `a`: `staus` is not a field rules can test",
            "10:9 data rule `a`: add_task.assignee: no person `zoe` in .gitcrm/config.yaml (did they leave?)",
            "11:9 file rule `a`: the id is also the id of the rule at line 3",
            "13:35 file rule `a`: `touchpoint.text`: `[a-` is not a regular expression: unclosed character class",
            "15:9 data rule `a`: team `legal` has no members: nobody to pick",
        ]
    );
    let compiled = compile(RULES_FILE, text, &config());
    assert!(compiled.rules.is_none());
    // A file error makes the whole a usage error (exit 2); data errors alone exit 1.
    let err = super::problems_error(RULES_FILE, &compiled.problems).unwrap();
    assert!(err.is_usage());
    let data_only = "actor: grace\nrules:\n  - id: a\n    trigger: schedule\n    actions:\n      - add_task: {title: x, assignee: zoe}\n";
    let compiled = compile(RULES_FILE, data_only, &config());
    assert!(
        !super::problems_error(RULES_FILE, &compiled.problems)
            .unwrap()
            .is_usage()
    );
}

#[test]
fn fields_and_placeholders_need_their_trigger() {
    let text = "actor: grace\nrules:\n  - id: a\n    trigger: customer.added\n    conditions: {thread.unanswered_for: {at_least: 4h}}\n    actions:\n      - add_note: {body: 'about {handoff.to}'}\n      - mark_thread: {}\n";
    assert_eq!(
        problems(text),
        [
            "5:18 file rule `a`: `thread.unanswered_for` needs a thread: use it with `trigger: touchpoint.logged` or `trigger: schedule` with `each: thread`",
            "7:9 file rule `a`: `{handoff.to}` needs `trigger: handoff.created`",
            "8:9 file rule `a`: `mark_thread` needs a thread: use it with `trigger: touchpoint.logged` or `each: thread`",
        ]
    );
}

#[test]
fn templates() {
    let t = parse_template("Call {customer.name} {{now}} about {fields.tier}").unwrap();
    assert_eq!(t.0.len(), 4, "{t:?}");
    assert_eq!(t.0[2], super::compile::Part::Text(" {now} about ".into()));
    assert!(
        parse_template("{nope}")
            .unwrap_err()
            .contains("is not a placeholder")
    );
    assert!(
        parse_template("{customer.name")
            .unwrap_err()
            .contains("not closed")
    );
    assert!(parse_template("a } b").is_err());
}

fn plan_at(rules: &str, at: &str) -> Plan {
    plan_after(rules, at, &Fired::default())
}

/// The plan at `at`, with what `fired` before.
fn plan_after(rules: &str, at: &str, fired: &Fired) -> Plan {
    let config = config();
    let compiled = compile(RULES_FILE, rules, &config);
    assert!(compiled.problems.is_empty(), "{:?}", compiled.problems);
    let rules = compiled.rules.unwrap();
    let env = Env::new(&config, chrono_tz::Europe::Paris).unwrap();
    let test = &rules.raw.tests[0].value;
    let as_of = t(at);
    let (bundles, events) = world(test, as_of, &config, &rules.actor);
    let texts: std::collections::BTreeMap<String, String> = bundles
        .iter()
        .map(|b| (b.customer.slug.clone(), yaml::to_yaml(&b.customer).unwrap()))
        .collect();
    let text = |slug: &str| Ok(texts[slug].clone());
    plan(&Inputs {
        rules: &rules.rules,
        actor: &rules.actor,
        env: &env,
        bundles: &bundles,
        events: &events,
        fired,
        as_of,
        reapply: false,
        events_on: true,
        schedule_on: true,
        text: &text,
    })
    .unwrap()
}

const STORE: &str = r#"
actor: grace
rules:
  - id: follow-up
    trigger: schedule
    every: week
    conditions: {status: active, days_without_contact: {at_least: 30}}
    actions:
      - add_task: {title: "Call {customer.name} ({days_without_contact} days)", due: 1d}
  - id: escalate
    trigger: schedule
    each: thread
    conditions: {fields.tier: gold, thread.unanswered_for: {at_least: target}}
    actions:
      - escalate: {to: lead}
      - add_tags: [escalated]
tests:
  - name: store
    customers:
      - slug: quiet
        status: active
        owner: bob
        touchpoints:
          - {at: "2026-10-01T10:00:00+02:00", direction: outbound, summary: Review}
      - slug: gold
        status: active
        owner: alice
        fields: {tier: gold}
        touchpoints:
          - {at: "2026-11-20T15:00:00+01:00", direction: inbound, summary: Help}
"#;

#[test]
fn what_a_firing_writes_does_not_depend_on_when_it_runs() {
    let early = plan_at(STORE, "2026-11-23T12:00:00+01:00");
    let late = plan_at(STORE, "2026-11-27T16:30:00+01:00");
    assert_eq!(early.firings.len(), 2, "{:#?}", early.firings);
    let files = |p: &Plan| serde_json::to_string(&p.change.files).unwrap();
    assert_eq!(files(&early), files(&late));
    // The escalation is dated when the wait crossed the 4h target (Friday 2h, Monday 2h).
    let escalation = early.firings.iter().find(|f| f.rule == "escalate").unwrap();
    assert_eq!(escalation.at, t("2026-11-23T11:00:00+01:00"));
    assert_eq!(escalation.trigger, Trigger::Schedule);
    // The follow-up is dated at the start of the week and counts days from there.
    let follow = early
        .firings
        .iter()
        .find(|f| f.rule == "follow-up")
        .unwrap();
    assert_eq!(follow.at, t("2026-11-23T00:00:00+01:00"));
    assert!(
        follow.actions[0].text.contains("Call quiet (52 days)"),
        "{}",
        follow.actions[0].text
    );
    // Next week is another period: the follow-up again, the escalation not (it is once).
    let mut fired = Fired::default();
    for f in &early.firings {
        fired.add(&f.rule, &f.key, &f.revision);
    }
    let next = plan_after(STORE, "2026-11-30T09:00:00+01:00", &fired);
    let rules: Vec<&str> = next.firings.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(rules, ["follow-up"]);
    assert_ne!(files(&next), files(&early));
}

#[test]
fn actions_see_what_the_actions_before_did() {
    let plan = plan_at(STORE, "2026-11-23T12:00:00+01:00");
    let customer = plan
        .change
        .files
        .iter()
        .find(|f| f.path() == "customers/gold/customer.yaml")
        .unwrap();
    let crate::store::FileOp::Update { contents, .. } = customer else {
        panic!("an update")
    };
    assert!(contents.contains("owner: grace"), "{contents}");
    assert!(contents.contains("tags:\n- escalated"), "{contents}");
    assert_eq!(plan.change.trailers.len(), 2);
    assert!(plan.change.trailers[0].1.starts_with("follow-up customer:"));
}

#[test]
fn trailers_are_read_back() {
    let message = "rules: x (grace)\n\nCrm-Op: rules.run\nCrm-Rule: a touchpoint:1 abcd1234\nCrm-Rule: b customer:2@2026-W48 0000ffff\nCrm-Rules-Seen: 1234\n";
    let (firings, seen) = super::history::rule_trailers(message);
    assert_eq!(
        firings,
        [
            (
                "a".to_string(),
                "touchpoint:1".to_string(),
                "abcd1234".to_string()
            ),
            (
                "b".to_string(),
                "customer:2@2026-W48".to_string(),
                "0000ffff".to_string()
            ),
        ]
    );
    assert_eq!(seen.as_deref(), Some("1234"));
}

proptest::proptest! {
    /// Whatever the file holds, compiling reports problems or rules; it never panics.
    #[test]
    fn compiling_never_panics(text in "\\PC{0,300}") {
        let _ = compile(RULES_FILE, &text, &config());
    }

    /// Templates parse or are refused, whatever they hold.
    #[test]
    fn templates_never_panic(text in "[{}a-z. ]{0,40}") {
        let _ = parse_template(&text);
    }
}
