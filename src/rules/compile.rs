//! From the rules file as written to rules ready to run: every trigger, field, test, action,
//! placeholder, person and team is checked, and every problem is reported at once, located.
//!
//! Problems come in two kinds. A *file* problem means the rules file is wrong in itself (a
//! YAML error, an unknown key, field or trigger, a regex that does not compile, a value outside
//! a fixed vocabulary); a *data* problem means the file is fine but names something the store
//! does not have (a person who left, a team without members, a channel that is not in the
//! vocabulary). `rules run` exits 2 for the first kind and 1 for the second.

use std::collections::BTreeMap;
use std::path::Path;

use regex::Regex;
use serde_json::Value;
use serde_saphyr::Spanned;

use super::Problem;
use super::file::{Group, Pick, Pos, RULES_FILE, RawAction, RawEntry, RawFile, RawNode, RawRule};
use crate::model::Config;
use crate::model::{suggest, text, time};

/// What makes a rule look at something.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub enum Trigger {
    /// Every customer (or thread) of the store, each time rules run.
    #[serde(rename = "schedule")]
    Schedule,
    /// A touchpoint added by a commit in the range.
    #[serde(rename = "touchpoint.logged")]
    TouchpointLogged,
    /// A customer added by a commit in the range.
    #[serde(rename = "customer.added")]
    CustomerAdded,
    /// A `customer.yaml` changed by a commit in the range.
    #[serde(rename = "customer.changed")]
    CustomerChanged,
    /// A handoff added by a commit in the range.
    #[serde(rename = "handoff.created")]
    HandoffCreated,
    /// An open task past its due day, each time rules run.
    #[serde(rename = "task.overdue")]
    TaskOverdue,
}

impl Trigger {
    /// Every trigger, in the order the docs list them.
    pub const ALL: [Trigger; 6] = [
        Trigger::Schedule,
        Trigger::TouchpointLogged,
        Trigger::CustomerAdded,
        Trigger::CustomerChanged,
        Trigger::HandoffCreated,
        Trigger::TaskOverdue,
    ];

    /// The name written in the rules file.
    pub fn name(self) -> &'static str {
        match self {
            Trigger::Schedule => "schedule",
            Trigger::TouchpointLogged => "touchpoint.logged",
            Trigger::CustomerAdded => "customer.added",
            Trigger::CustomerChanged => "customer.changed",
            Trigger::HandoffCreated => "handoff.created",
            Trigger::TaskOverdue => "task.overdue",
        }
    }

    fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.name() == name)
    }

    /// Whether the trigger is an event found in the commits of a range (the others look at the
    /// whole store as of the run's time).
    pub fn is_event(self) -> bool {
        !matches!(self, Trigger::Schedule | Trigger::TaskOverdue)
    }
}

/// What a schedule rule looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Each {
    Customer,
    Thread,
}

/// How often a schedule rule may fire again on the same customer or thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    Day,
    Week,
    Month,
}

/// A rule ready to run.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub description: Option<String>,
    pub trigger: Trigger,
    pub each: Each,
    pub every: Option<Period>,
    pub conditions: Cond,
    pub actions: Vec<Action>,
    /// Eight hex digits identifying the rule's definition (its description aside): records and
    /// trailers carry it, and `--reapply` fires again what an older revision fired.
    pub revision: String,
    pub pos: Pos,
}

impl Rule {
    /// Whether the rule has a thread to talk about: the thread of the logged touchpoint, or the
    /// thread a `each: thread` schedule rule looks at.
    pub fn has_thread(&self) -> bool {
        self.trigger == Trigger::TouchpointLogged
            || (self.trigger == Trigger::Schedule && self.each == Each::Thread)
    }
}

/// A condition tree.
#[derive(Debug, Clone)]
pub enum Cond {
    All(Vec<Cond>),
    Any(Vec<Cond>),
    /// `none`: no item may hold.
    Not(Vec<Cond>),
    Leaf(Leaf),
}

/// One field and the test it must pass.
#[derive(Debug, Clone)]
pub struct Leaf {
    pub field: Field,
    /// The field as written (for messages).
    pub name: String,
    pub test: Test,
    pub pos: Pos,
}

/// The fields conditions can test.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Slug,
    Name,
    Kind,
    Status,
    Owner,
    Team,
    Tags,
    Archived,
    Custom(String),
    ExternalId(String),
    DaysWithoutContact,
    Touchpoint(TouchpointField),
    Thread(ThreadField),
    Handoff(HandoffField),
    Task(TaskField),
    /// `customer.changed`: the fields the commit changed.
    Changed,
}

/// Fields of the logged touchpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum TouchpointField {
    Channel,
    Direction,
    Actor,
    By,
    Summary,
    Body,
    /// Summary and body together.
    Text,
    Tags,
}

/// Fields of the thread (the metrics' thread facts, in business hours).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ThreadField {
    /// How long the thread's first inbound has waited for a first human reply (unanswered
    /// threads only), in the business hours of the owning team's calendar.
    UnansweredFor,
    Open,
    Channel,
    Subject,
}

/// Fields of the created handoff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum HandoffField {
    FromOwner,
    FromTeam,
    ToOwner,
    ToTeam,
    Reason,
    By,
}

/// Fields of the overdue task.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum TaskField {
    Assignee,
    Title,
    DaysOverdue,
}

/// The shape of a field's value, which decides the tests it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Text,
    /// A free-form custom field: text, number or boolean.
    Scalar,
    List,
    Number,
    Duration,
    Bool,
}

/// The test a field must pass.
#[derive(Debug, Clone)]
pub enum Test {
    /// Equal to one of these (for a list field: contains one of them).
    Equals(Vec<Value>),
    /// Not set (`null`; for a list field: empty).
    Unset,
    /// Set or not (`{set: true}`).
    Set(bool),
    Matches(Regex),
    AtLeast(Amount),
    LessThan(Amount),
}

/// A bound of `at_least` / `less_than`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Amount {
    Number(f64),
    Seconds(i64),
}

/// Who an action names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PersonRef {
    /// The customer's owner (after the actions before this one).
    Owner,
    /// The lead of the customer's team (`teams.<team>.lead`).
    Lead,
    Handle(String),
}

/// Where an assignment goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Person {
        handle: String,
        team: Option<String>,
    },
    Team {
        team: String,
        pick: Pick,
    },
}

/// An action ready to run.
#[derive(Debug, Clone)]
pub struct Action {
    pub kind: ActionKind,
    pub pos: Pos,
}

/// What an action does.
#[derive(Debug, Clone)]
pub enum ActionKind {
    Assign {
        target: Target,
        reason: Option<Template>,
    },
    Escalate {
        to: PersonRef,
        team: Option<String>,
        note: Option<Template>,
    },
    AddTask {
        title: Template,
        assignee: PersonRef,
        due_days: Option<i64>,
    },
    AddNote {
        body: Template,
        tags: Vec<String>,
    },
    AddTags(Vec<String>),
    RemoveTags(Vec<String>),
    /// Field and value, as `customer edit --set` takes them.
    SetField(Vec<(String, String)>),
    MarkThread {
        note: Option<Template>,
        notify: Vec<PersonRef>,
    },
}

impl ActionKind {
    /// The action's name in the rules file.
    pub fn name(&self) -> &'static str {
        match self {
            ActionKind::Assign { .. } => "assign",
            ActionKind::Escalate { .. } => "escalate",
            ActionKind::AddTask { .. } => "add_task",
            ActionKind::AddNote { .. } => "add_note",
            ActionKind::AddTags(_) => "add_tags",
            ActionKind::RemoveTags(_) => "remove_tags",
            ActionKind::SetField(_) => "set_field",
            ActionKind::MarkThread { .. } => "mark_thread",
        }
    }
}

/// A text with `{placeholders}`, filled in when the rule fires.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template(pub Vec<Part>);

/// A piece of a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    Text(String),
    Var(Var),
}

/// What a placeholder stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Var {
    CustomerName,
    CustomerSlug,
    Owner,
    Team,
    Lead,
    Rule,
    DaysWithoutContact,
    TouchpointSummary,
    TouchpointChannel,
    TouchpointBy,
    ThreadSubject,
    ThreadAge,
    ThreadId,
    HandoffFrom,
    HandoffTo,
    TaskTitle,
    TaskDue,
    Field(String),
}

/// The placeholders, with what they need.
const VARS: &[(&str, Need)] = &[
    ("customer.name", Need::Nothing),
    ("customer.slug", Need::Nothing),
    ("owner", Need::Nothing),
    ("team", Need::Nothing),
    ("lead", Need::Nothing),
    ("rule", Need::Nothing),
    ("days_without_contact", Need::Nothing),
    (
        "touchpoint.summary",
        Need::Trigger(Trigger::TouchpointLogged),
    ),
    (
        "touchpoint.channel",
        Need::Trigger(Trigger::TouchpointLogged),
    ),
    ("touchpoint.by", Need::Trigger(Trigger::TouchpointLogged)),
    ("thread.subject", Need::Thread),
    ("thread.age", Need::Thread),
    ("thread.id", Need::Thread),
    ("handoff.from", Need::Trigger(Trigger::HandoffCreated)),
    ("handoff.to", Need::Trigger(Trigger::HandoffCreated)),
    ("task.title", Need::Trigger(Trigger::TaskOverdue)),
    ("task.due", Need::Trigger(Trigger::TaskOverdue)),
    ("fields.<name>", Need::Nothing),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Need {
    Nothing,
    Trigger(Trigger),
    Thread,
}

/// The condition fields, for messages and suggestions.
pub const FIELDS: &[&str] = &[
    "slug",
    "name",
    "kind",
    "status",
    "owner",
    "team",
    "tags",
    "archived",
    "fields.<name>",
    "external_ids.<system>",
    "days_without_contact",
    "touchpoint.channel",
    "touchpoint.direction",
    "touchpoint.actor",
    "touchpoint.by",
    "touchpoint.summary",
    "touchpoint.body",
    "touchpoint.text",
    "touchpoint.tags",
    "thread.unanswered_for",
    "thread.open",
    "thread.channel",
    "thread.subject",
    "handoff.from.owner",
    "handoff.from.team",
    "handoff.to.owner",
    "handoff.to.team",
    "handoff.reason",
    "handoff.by",
    "task.assignee",
    "task.title",
    "task.days_overdue",
    "changed",
];

/// The tests, for messages.
const TESTS: &[&str] = &["matches", "at_least", "less_than", "set"];

/// The rules file, compiled.
#[derive(Debug, Clone)]
pub struct Rules {
    /// The person rules act as.
    pub actor: String,
    pub rules: Vec<Rule>,
    /// The file as read (fixtures are compiled by `rules test`).
    pub raw: RawFile,
}

/// What compiling found: the rules (when there is no error) and every problem.
#[derive(Debug, Clone, Default)]
pub struct Compiled {
    pub rules: Option<Rules>,
    pub problems: Vec<Problem>,
}

/// Reads and checks the rules file `text` (shown as `path`) against `config`.
pub fn compile(path: &str, text: &str, config: &Config) -> Compiled {
    let raw: RawFile = match crate::store::yaml::parse(Path::new(path), text) {
        Ok(raw) => raw,
        Err(crate::Error::Parse {
            line,
            column,
            message,
            ..
        }) => {
            return Compiled {
                rules: None,
                problems: vec![
                    Problem::file(Pos { line, column }, None, message)
                        .with_hint("docs/rules.md describes the rules file"),
                ],
            };
        }
        Err(other) => {
            return Compiled {
                rules: None,
                problems: vec![Problem::file(Pos::default(), None, other.to_string())],
            };
        }
    };
    let mut c = Compiler {
        config,
        problems: Vec::new(),
        rule: None,
    };
    let actor = c.actor(&raw);
    if let Some(version) = &raw.version
        && version.value != 1
    {
        c.file(
            Pos::of(version),
            format!(
                "version {} is not known; this git-crm reads version 1",
                version.value
            ),
        );
    }
    let mut ids: BTreeMap<String, Pos> = BTreeMap::new();
    let mut rules = Vec::new();
    for spanned in &raw.rules {
        if let Some(rule) = c.rule(spanned, &mut ids) {
            rules.push(rule);
        }
    }
    let errors = c.problems.iter().any(|p| p.is_error());
    Compiled {
        rules: (!errors).then(|| Rules {
            actor: actor.unwrap_or_default(),
            rules,
            raw,
        }),
        problems: c.problems,
    }
}

struct Compiler<'a> {
    config: &'a Config,
    problems: Vec<Problem>,
    /// The id of the rule being compiled, for messages.
    rule: Option<String>,
}

impl Compiler<'_> {
    fn file(&mut self, pos: Pos, message: impl Into<String>) -> &mut Problem {
        self.problems
            .push(Problem::file(pos, self.rule.clone(), message));
        self.problems.last_mut().expect("just pushed")
    }

    fn data(&mut self, pos: Pos, message: impl Into<String>) -> &mut Problem {
        self.problems
            .push(Problem::data(pos, self.rule.clone(), message));
        self.problems.last_mut().expect("just pushed")
    }

    fn actor(&mut self, raw: &RawFile) -> Option<String> {
        let Some(actor) = &raw.actor else {
            self.file(Pos { line: 1, column: 1 }, "`actor` is missing: name the person rules act as").hint_owned(
                "add `actor: <handle>` at the top; records written by rules are by this person (a person of .gitcrm/config.yaml)".into(),
            );
            return None;
        };
        self.person(Pos::of(actor), &actor.value, "actor");
        Some(actor.value.clone())
    }

    /// Checks that `handle` names a person of the store (a data problem otherwise: they may
    /// have left).
    fn person(&mut self, pos: Pos, handle: &str, what: &str) {
        if self.config.people.contains_key(handle) {
            return;
        }
        let hint = suggest::did_you_mean(handle, self.config.people.keys().map(String::as_str))
            .unwrap_or_else(|| {
                "people are listed under `people:` in .gitcrm/config.yaml; someone who left is no longer there".to_string()
            });
        self.data(
            pos,
            format!(
                "{what}: no person `{}` in .gitcrm/config.yaml (did they leave?)",
                text::escape(handle)
            ),
        )
        .hint_owned(hint);
    }

    fn team(&mut self, pos: Pos, team: &str, what: &str) -> bool {
        if self.config.teams.contains_key(team) {
            return true;
        }
        let hint = suggest::did_you_mean(team, self.config.teams.keys().map(String::as_str))
            .unwrap_or_else(|| format!("add it with `git crm team add {team}`"));
        self.data(
            pos,
            format!(
                "{what}: no team `{}` in .gitcrm/config.yaml",
                text::escape(team)
            ),
        )
        .hint_owned(hint);
        false
    }

    fn rule(
        &mut self,
        spanned: &Spanned<RawRule>,
        ids: &mut BTreeMap<String, Pos>,
    ) -> Option<Rule> {
        let raw = &spanned.value;
        let pos = Pos::of(spanned);
        let id = raw.id.value.clone();
        self.rule = Some(id.clone());
        if let Err(e) = crate::ops::validate_handle(&id) {
            self.file(
                Pos::of(&raw.id),
                e.to_string().replace("is not a handle", "is not a rule id"),
            );
        }
        if let Some(first) = ids.get(&id) {
            let line = first.line;
            self.file(
                Pos::of(&raw.id),
                format!("the id is also the id of the rule at line {line}"),
            )
            .hint_owned("rule ids must be unique: records and commits name rules by id".into());
        } else {
            ids.insert(id.clone(), Pos::of(&raw.id));
        }
        let trigger = match Trigger::parse(&raw.trigger.value) {
            Some(t) => Some(t),
            None => {
                let names: Vec<&str> = Trigger::ALL.iter().map(|t| t.name()).collect();
                let hint = suggest::did_you_mean(&raw.trigger.value, names.iter().copied())
                    .unwrap_or_else(|| format!("triggers are: {}", names.join(", ")));
                self.file(
                    Pos::of(&raw.trigger),
                    format!("`{}` is not a trigger", text::escape(&raw.trigger.value)),
                )
                .hint_owned(hint);
                None
            }
        };
        let each = match &raw.each {
            None => Each::Customer,
            Some(each) => {
                let value = match each.value.as_str() {
                    "customer" => Each::Customer,
                    "thread" => Each::Thread,
                    other => {
                        self.file(
                            Pos::of(each),
                            format!(
                                "`each: {}`: use `customer` or `thread`",
                                text::escape(other)
                            ),
                        );
                        Each::Customer
                    }
                };
                if trigger.is_some_and(|t| t != Trigger::Schedule) {
                    self.file(Pos::of(each), "`each` is for `trigger: schedule` rules");
                }
                value
            }
        };
        let every = match &raw.every {
            None => None,
            Some(every) => {
                let value = match every.value.as_str() {
                    "day" => Some(Period::Day),
                    "week" => Some(Period::Week),
                    "month" => Some(Period::Month),
                    other => {
                        self.file(
                            Pos::of(every),
                            format!(
                                "`every: {}`: use `day`, `week` or `month`",
                                text::escape(other)
                            ),
                        );
                        None
                    }
                };
                if trigger.is_some_and(|t| t != Trigger::Schedule) {
                    self.file(
                        Pos::of(every),
                        "`every` is for `trigger: schedule` rules (events fire once each)",
                    );
                }
                value
            }
        };
        let ctx = Scope { trigger, each };
        let conditions = match &raw.conditions {
            Some(node) => self.node(node, &ctx),
            None => Cond::All(Vec::new()),
        };
        if raw.actions.is_empty() {
            self.file(pos, "a rule needs at least one action")
                .hint_owned("actions: assign, escalate, add_task, add_note, add_tags, remove_tags, set_field, mark_thread".into());
        }
        let actions: Vec<Action> = raw
            .actions
            .iter()
            .filter_map(|a| self.action(a, &ctx))
            .collect();
        let revision = revision(raw);
        let trigger = trigger?;
        Some(Rule {
            id,
            description: raw.description.clone(),
            trigger,
            each,
            every,
            conditions,
            actions,
            revision,
            pos,
        })
    }

    fn node(&mut self, node: &Spanned<RawNode>, scope: &Scope) -> Cond {
        match &node.value {
            RawNode::List(items) => Cond::All(items.iter().map(|n| self.node(n, scope)).collect()),
            RawNode::Map(entries) => {
                let mut all = Vec::new();
                for entry in entries {
                    match entry {
                        RawEntry::Group { group, node, .. } => {
                            let items = match &node.value {
                                RawNode::List(items) => {
                                    items.iter().map(|n| self.node(n, scope)).collect()
                                }
                                RawNode::Map(_) => vec![self.node(node, scope)],
                            };
                            all.push(match group {
                                Group::All => Cond::All(items),
                                Group::Any => Cond::Any(items),
                                Group::None => Cond::Not(items),
                            });
                        }
                        RawEntry::Leaf { field, test } => {
                            if let Some(leaf) = self.leaf(field, test, scope) {
                                all.push(Cond::Leaf(leaf));
                            }
                        }
                    }
                }
                if all.len() == 1 {
                    all.pop().unwrap_or(Cond::All(Vec::new()))
                } else {
                    Cond::All(all)
                }
            }
        }
    }

    fn leaf(
        &mut self,
        name: &Spanned<String>,
        test: &Spanned<Value>,
        scope: &Scope,
    ) -> Option<Leaf> {
        let pos = Pos::of(name);
        let field = match parse_field(&name.value) {
            Some(f) => f,
            None => {
                let hint = suggest::did_you_mean(&name.value, FIELDS.iter().copied())
                    .unwrap_or_else(|| format!("fields are: {}", FIELDS.join(", ")));
                self.file(
                    pos,
                    format!(
                        "`{}` is not a field rules can test",
                        text::escape(&name.value)
                    ),
                )
                .hint_owned(hint);
                return None;
            }
        };
        if let Some(need) = field_need(&field)
            && !scope.allows(need)
        {
            self.file(pos, format!("`{}` {}", name.value, need_words(need)));
            return None;
        }
        let shape = shape(&field);
        let test = self.test(&name.value, test, shape)?;
        self.values(&field, &name.value, &test, Pos::of(name));
        Some(Leaf {
            field,
            name: name.value.clone(),
            test,
            pos,
        })
    }

    fn test(&mut self, name: &str, spanned: &Spanned<Value>, shape: Shape) -> Option<Test> {
        let pos = Pos::of(spanned);
        let value = &spanned.value;
        let scalar_ok = |v: &Value| match shape {
            Shape::Text => v.is_string() || v.is_number() || v.is_boolean(),
            Shape::Scalar | Shape::List => v.is_string() || v.is_number() || v.is_boolean(),
            Shape::Number => v.is_number(),
            Shape::Bool => v.is_boolean(),
            Shape::Duration => false,
        };
        let words = |shape: Shape| match shape {
            Shape::Text | Shape::Scalar | Shape::List => {
                "a value, a list of values, null, or {matches: <regex>} / {set: true}"
            }
            Shape::Number => "a number, or {at_least: <n>} / {less_than: <n>}",
            Shape::Duration => {
                "{at_least: <duration>} or {less_than: <duration>} (4h, 30m, 2d, or `target`), or {set: true}"
            }
            Shape::Bool => "true or false",
        };
        let bad = |c: &mut Self, why: String| {
            c.file(pos, format!("`{name}`: {why}; write {}", words(shape)));
            None
        };
        match value {
            Value::Null if matches!(shape, Shape::Text | Shape::Scalar | Shape::List) => {
                Some(Test::Unset)
            }
            Value::Array(items) if matches!(shape, Shape::Text | Shape::Scalar | Shape::List) => {
                if let Some(item) = items.iter().find(|v| !scalar_ok(v)) {
                    return bad(self, format!("`{item}` cannot be compared"));
                }
                Some(Test::Equals(items.clone()))
            }
            Value::Object(map) => {
                if map.len() != 1 {
                    return bad(self, "a test is a mapping with one key".into());
                }
                let (op, arg) = map.iter().next().expect("one entry");
                match op.as_str() {
                    "matches" if matches!(shape, Shape::Text | Shape::Scalar | Shape::List) => {
                        let Some(pattern) = arg.as_str() else {
                            return bad(self, "`matches` takes a regular expression".into());
                        };
                        match regex::RegexBuilder::new(pattern)
                            .size_limit(1 << 20)
                            .build()
                        {
                            Ok(re) => Some(Test::Matches(re)),
                            Err(e) => {
                                let why = e
                                    .to_string()
                                    .lines()
                                    .rev()
                                    .find(|l| !l.trim().is_empty())
                                    .unwrap_or_default()
                                    .trim()
                                    .trim_start_matches("error: ")
                                    .to_string();
                                self.file(
                                    pos,
                                    format!(
                                        "`{name}`: `{}` is not a regular expression: {why}",
                                        text::escape(pattern)
                                    ),
                                )
                                .hint_owned(
                                    "the syntax is Rust's regex crate (like RE2): escape `(`, `[` and `\\` with `\\`"
                                        .into(),
                                );
                                None
                            }
                        }
                    }
                    "set" if shape != Shape::Number && shape != Shape::Bool => match arg {
                        Value::Bool(b) => Some(Test::Set(*b)),
                        _ => bad(self, "`set` takes true or false".into()),
                    },
                    "at_least" | "less_than"
                        if matches!(shape, Shape::Number | Shape::Duration | Shape::Scalar) =>
                    {
                        let amount = match (shape, arg) {
                            (Shape::Duration, Value::String(s)) if s == "target" => {
                                match self.config.targets.get("first_response") {
                                    Some(t) => match time::parse_duration(t) {
                                        Ok(d) => Amount::Seconds(d.num_seconds()),
                                        Err(why) => {
                                            self.data(
                                                pos,
                                                format!("`{name}`: targets.first_response: {why}"),
                                            );
                                            return None;
                                        }
                                    },
                                    None => {
                                        self.data(
                                            pos,
                                            format!("`{name}`: `target` is the first-response target, and .gitcrm/config.yaml sets none"),
                                        )
                                        .hint_owned("add `targets: {first_response: 4h}` to the config, or write a duration".into());
                                        return None;
                                    }
                                }
                            }
                            (Shape::Duration, Value::String(s)) => match time::parse_duration(s) {
                                Ok(d) => Amount::Seconds(d.num_seconds()),
                                Err(why) => return bad(self, why),
                            },
                            (Shape::Number | Shape::Scalar, Value::Number(n)) => {
                                Amount::Number(n.as_f64().unwrap_or(0.0))
                            }
                            _ => {
                                return bad(
                                    self,
                                    format!(
                                        "`{op}` takes {}",
                                        if shape == Shape::Duration {
                                            "a duration"
                                        } else {
                                            "a number"
                                        }
                                    ),
                                );
                            }
                        };
                        Some(if op == "at_least" {
                            Test::AtLeast(amount)
                        } else {
                            Test::LessThan(amount)
                        })
                    }
                    other => {
                        let hint = suggest::did_you_mean(other, TESTS.iter().copied())
                            .map(|h| format!(" ({h})"))
                            .unwrap_or_default();
                        bad(
                            self,
                            format!(
                                "`{}` is not a test for this field{hint}",
                                text::escape(other)
                            ),
                        )
                    }
                }
            }
            v if scalar_ok(v) => Some(Test::Equals(vec![v.clone()])),
            v => bad(self, format!("`{v}` is not a test for this field")),
        }
    }

    /// Checks the values a test compares with against the vocabulary of the field.
    fn values(&mut self, field: &Field, name: &str, test: &Test, pos: Pos) {
        let Test::Equals(values) = test else { return };
        let texts: Vec<String> = values.iter().map(value_text).collect();
        let fixed: Option<&[&str]> = match field {
            Field::Kind => Some(&["company", "person"]),
            Field::Status => Some(&["lead", "active", "paused", "churned"]),
            Field::Touchpoint(TouchpointField::Direction) => {
                Some(&["inbound", "outbound", "internal"])
            }
            Field::Touchpoint(TouchpointField::Actor) => Some(&["human", "automation", "import"]),
            _ => None,
        };
        for value in &texts {
            if let Some(allowed) = fixed {
                if !allowed.contains(&value.as_str()) {
                    let hint = suggest::did_you_mean(value, allowed.iter().copied())
                        .unwrap_or_else(|| format!("values are: {}", allowed.join(", ")));
                    self.file(
                        pos,
                        format!("`{name}: {}` can never match", text::escape(value)),
                    )
                    .hint_owned(hint);
                }
                continue;
            }
            match field {
                Field::Owner
                | Field::Handoff(
                    HandoffField::FromOwner | HandoffField::ToOwner | HandoffField::By,
                )
                | Field::Task(TaskField::Assignee) => self.person(pos, value, name),
                Field::Team | Field::Handoff(HandoffField::FromTeam | HandoffField::ToTeam) => {
                    self.team(pos, value, name);
                }
                Field::Touchpoint(TouchpointField::Channel)
                | Field::Thread(ThreadField::Channel)
                    if !self.config.knows_channel(value) =>
                {
                    let hint = suggest::did_you_mean(
                        value,
                        self.config.channels.iter().map(String::as_str),
                    )
                    .unwrap_or_else(|| {
                        format!("channels are: {}", self.config.channels.join(", "))
                    });
                    self.data(
                        pos,
                        format!(
                            "`{name}: {}`: not a channel of the store",
                            text::escape(value)
                        ),
                    )
                    .hint_owned(hint);
                }
                _ => {}
            }
        }
    }

    fn action(&mut self, spanned: &Spanned<RawAction>, scope: &Scope) -> Option<Action> {
        let pos = Pos::of(spanned);
        let kind = match &spanned.value {
            RawAction::Assign(a) => {
                let reason = self.template(pos, a.reason.as_deref(), scope)?;
                let target = match (&a.to, &a.team, a.pick) {
                    (Some(to), team, None) => {
                        self.person(pos, to, "assign.to");
                        if let Some(team) = team {
                            self.team(pos, team, "assign.team");
                        }
                        Target::Person {
                            handle: to.clone(),
                            team: team.clone(),
                        }
                    }
                    (None, Some(team), pick) => {
                        if self.team(pos, team, "assign.team") {
                            self.members(pos, team);
                        }
                        Target::Team {
                            team: team.clone(),
                            pick: pick.unwrap_or(Pick::RoundRobin),
                        }
                    }
                    (Some(_), _, Some(_)) => {
                        self.file(pos, "`assign`: `pick` chooses within a `team`; with `to` there is nothing to pick");
                        return None;
                    }
                    (None, None, _) => {
                        self.file(pos, "`assign` needs `to: <person>` or `team: <team>`")
                            .hint_owned(
                                "for example `assign: {team: finance, pick: least-loaded}`".into(),
                            );
                        return None;
                    }
                };
                ActionKind::Assign { target, reason }
            }
            RawAction::Escalate(e) => {
                let to = self.person_ref(pos, &e.to, "escalate.to", false)?;
                if let Some(team) = &e.team {
                    self.team(pos, team, "escalate.team");
                }
                ActionKind::Escalate {
                    to,
                    team: e.team.clone(),
                    note: self.template(pos, e.note.as_deref(), scope)?,
                }
            }
            RawAction::AddTask(t) => {
                let title = self
                    .template(pos, Some(&t.title), scope)?
                    .unwrap_or(Template(Vec::new()));
                if t.title.trim().is_empty() {
                    self.file(pos, "`add_task`: the title is empty");
                }
                let assignee = match &t.assignee {
                    Some(a) => self.person_ref(pos, a, "add_task.assignee", true)?,
                    None => PersonRef::Owner,
                };
                let due_days = match &t.due {
                    None => None,
                    Some(d) => match time::parse_duration(d) {
                        Ok(d) if d.num_seconds() % 86_400 == 0 => Some(d.num_days()),
                        Ok(_) => {
                            self.file(
                                pos,
                                format!(
                                    "`add_task.due: {}`: give whole days (0d, 2d, 1w)",
                                    text::escape(d)
                                ),
                            );
                            return None;
                        }
                        Err(why) => {
                            self.file(pos, format!("`add_task.due`: {why}"));
                            return None;
                        }
                    },
                };
                ActionKind::AddTask {
                    title,
                    assignee,
                    due_days,
                }
            }
            RawAction::AddNote(n) => {
                if n.body.trim().is_empty() {
                    self.file(pos, "`add_note`: the body is empty");
                }
                let body = self
                    .template(pos, Some(&n.body), scope)?
                    .unwrap_or(Template(Vec::new()));
                self.static_mentions(pos, &n.body);
                ActionKind::AddNote {
                    body,
                    tags: self.tags(pos, &n.tags, "add_note.tags", false),
                }
            }
            RawAction::AddTags(tags) => ActionKind::AddTags(self.tags(pos, tags, "add_tags", true)),
            RawAction::RemoveTags(tags) => {
                ActionKind::RemoveTags(self.tags(pos, tags, "remove_tags", true))
            }
            RawAction::SetField(map) => {
                let mut pairs = Vec::new();
                for (key, value) in map {
                    let value = match value {
                        Value::String(_) | Value::Number(_) | Value::Bool(_) => value_text(value),
                        other => {
                            self.file(
                                pos,
                                format!("`set_field.{key}`: `{other}` is not a single value"),
                            );
                            continue;
                        }
                    };
                    if let Err(e) = crate::ops::customer::field_edit(key, Some(&value)) {
                        let p = self.file(pos, format!("`set_field`: {e}"));
                        if let Some(hint) = e.hint() {
                            p.hint = Some(hint.replace(
                                "`git crm assign <customer> --to <person> [--team <team>]`",
                                "the `assign` action",
                            ));
                        }
                        continue;
                    }
                    pairs.push((key.clone(), value));
                }
                if map.is_empty() {
                    self.file(pos, "`set_field` sets nothing");
                }
                ActionKind::SetField(pairs)
            }
            RawAction::MarkThread(m) => {
                if !scope.thread() {
                    self.file(pos, "`mark_thread` needs a thread: use it with `trigger: touchpoint.logged` or `each: thread`");
                    return None;
                }
                let mut notify = Vec::new();
                for who in &m.notify {
                    notify.push(self.person_ref(pos, who, "mark_thread.notify", true)?);
                }
                if let Some(note) = &m.note {
                    self.static_mentions(pos, note);
                }
                ActionKind::MarkThread {
                    note: self.template(pos, m.note.as_deref(), scope)?,
                    notify,
                }
            }
        };
        Some(Action { kind, pos })
    }

    fn person_ref(
        &mut self,
        pos: Pos,
        text_ref: &str,
        what: &str,
        owner_ok: bool,
    ) -> Option<PersonRef> {
        match text_ref {
            "owner" if owner_ok => Some(PersonRef::Owner),
            "owner" => {
                self.file(pos, format!("`{what}: owner` changes nothing"));
                None
            }
            "lead" => {
                if self.config.teams.values().all(|t| t.lead.is_none()) {
                    self.data(
                        pos,
                        format!("`{what}: lead`: no team of .gitcrm/config.yaml has a `lead`"),
                    )
                    .hint_owned("set `teams.<team>.lead: <handle>` in the config".into());
                }
                Some(PersonRef::Lead)
            }
            handle => {
                self.person(pos, handle, what);
                Some(PersonRef::Handle(handle.to_string()))
            }
        }
    }

    fn members(&mut self, pos: Pos, team: &str) {
        let members = team_members(self.config, team);
        if members.is_empty() {
            self.data(pos, format!("team `{team}` has no members: nobody to pick"))
                .hint_owned(format!(
                    "add people to it (`teams: [{team}]` under their entry in .gitcrm/config.yaml)"
                ));
        }
    }

    fn tags(&mut self, pos: Pos, tags: &[String], what: &str, required: bool) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for tag in tags {
            let tag = tag.trim();
            if tag.is_empty() {
                self.file(pos, format!("`{what}`: a tag is empty"));
            } else if !out.iter().any(|t| t == tag) {
                out.push(tag.to_string());
            }
        }
        if required && tags.is_empty() {
            self.file(pos, format!("`{what}` lists no tag"));
        }
        out
    }

    fn static_mentions(&mut self, pos: Pos, body: &str) {
        // Mentions written as text (`@grace`); placeholders (`@{owner}`) are checked when the
        // rule fires.
        for handle in crate::ops::note::mentions(&strip_placeholders(body)) {
            if !self.config.people.contains_key(&handle) {
                self.person(pos, &handle, "mention");
            }
        }
    }

    fn template(
        &mut self,
        pos: Pos,
        text: Option<&str>,
        scope: &Scope,
    ) -> Option<Option<Template>> {
        let Some(text) = text else {
            return Some(None);
        };
        match parse_template(text) {
            Ok(template) => {
                for part in &template.0 {
                    if let Part::Var(var) = part {
                        let need = var_need(var);
                        if !scope.allows(need) {
                            self.file(pos, format!("`{{{}}}` {}", var_name(var), need_words(need)));
                            return None;
                        }
                    }
                }
                Some(Some(template))
            }
            Err(why) => {
                let names: Vec<&str> = VARS.iter().map(|(n, _)| *n).collect();
                self.file(pos, why).hint_owned(format!(
                    "placeholders are: {}; write `{{{{` for a literal `{{`",
                    names.join(", ")
                ));
                None
            }
        }
    }
}

impl Problem {
    fn hint_owned(&mut self, hint: String) -> &mut Self {
        self.hint = Some(hint);
        self
    }
}

/// What a rule's trigger and `each` make available.
struct Scope {
    trigger: Option<Trigger>,
    each: Each,
}

impl Scope {
    fn thread(&self) -> bool {
        match self.trigger {
            Some(Trigger::TouchpointLogged) => true,
            Some(Trigger::Schedule) => self.each == Each::Thread,
            // An unknown trigger was reported already: do not pile on.
            None => true,
            _ => false,
        }
    }

    fn allows(&self, need: Need) -> bool {
        match need {
            Need::Nothing => true,
            Need::Thread => self.thread(),
            Need::Trigger(t) => self.trigger.is_none_or(|mine| mine == t),
        }
    }
}

fn need_words(need: Need) -> String {
    match need {
        Need::Nothing => String::new(),
        Need::Thread => "needs a thread: use it with `trigger: touchpoint.logged` or `trigger: schedule` with `each: thread`".into(),
        Need::Trigger(t) => format!("needs `trigger: {}`", t.name()),
    }
}

/// The people of a team, in handle order: who a pick chooses from.
pub fn team_members<'c>(config: &'c Config, team: &str) -> Vec<&'c str> {
    config
        .people
        .iter()
        .filter(|(_, p)| p.teams.iter().any(|t| t == team))
        .map(|(h, _)| h.as_str())
        .collect()
}

fn parse_field(name: &str) -> Option<Field> {
    use Field::*;
    let dynamic = |prefix: &str| {
        name.strip_prefix(prefix)
            .filter(|rest| !rest.is_empty() && !rest.contains('.'))
            .map(str::to_string)
    };
    if let Some(k) = dynamic("fields.") {
        return Some(Custom(k));
    }
    if let Some(k) = dynamic("external_ids.") {
        return Some(ExternalId(k));
    }
    Some(match name {
        "slug" => Slug,
        "name" => Name,
        "kind" => Kind,
        "status" => Status,
        "owner" => Owner,
        "team" => Team,
        "tags" | "tag" => Tags,
        "archived" => Archived,
        "days_without_contact" => DaysWithoutContact,
        "touchpoint.channel" => Touchpoint(TouchpointField::Channel),
        "touchpoint.direction" => Touchpoint(TouchpointField::Direction),
        "touchpoint.actor" => Touchpoint(TouchpointField::Actor),
        "touchpoint.by" => Touchpoint(TouchpointField::By),
        "touchpoint.summary" => Touchpoint(TouchpointField::Summary),
        "touchpoint.body" => Touchpoint(TouchpointField::Body),
        "touchpoint.text" => Touchpoint(TouchpointField::Text),
        "touchpoint.tags" => Touchpoint(TouchpointField::Tags),
        "thread.unanswered_for" => Thread(ThreadField::UnansweredFor),
        "thread.open" => Thread(ThreadField::Open),
        "thread.channel" => Thread(ThreadField::Channel),
        "thread.subject" => Thread(ThreadField::Subject),
        "handoff.from.owner" => Handoff(HandoffField::FromOwner),
        "handoff.from.team" => Handoff(HandoffField::FromTeam),
        "handoff.to.owner" => Handoff(HandoffField::ToOwner),
        "handoff.to.team" => Handoff(HandoffField::ToTeam),
        "handoff.reason" => Handoff(HandoffField::Reason),
        "handoff.by" => Handoff(HandoffField::By),
        "task.assignee" => Task(TaskField::Assignee),
        "task.title" => Task(TaskField::Title),
        "task.days_overdue" => Task(TaskField::DaysOverdue),
        "changed" => Changed,
        _ => return None,
    })
}

fn field_need(field: &Field) -> Option<Need> {
    Some(match field {
        Field::Touchpoint(_) => Need::Trigger(Trigger::TouchpointLogged),
        Field::Thread(_) => Need::Thread,
        Field::Handoff(_) => Need::Trigger(Trigger::HandoffCreated),
        Field::Task(_) => Need::Trigger(Trigger::TaskOverdue),
        Field::Changed => Need::Trigger(Trigger::CustomerChanged),
        _ => return None,
    })
}

fn shape(field: &Field) -> Shape {
    match field {
        Field::Tags | Field::Touchpoint(TouchpointField::Tags) | Field::Changed => Shape::List,
        Field::Custom(_) => Shape::Scalar,
        Field::DaysWithoutContact | Field::Task(TaskField::DaysOverdue) => Shape::Number,
        Field::Thread(ThreadField::UnansweredFor) => Shape::Duration,
        Field::Thread(ThreadField::Open) | Field::Archived => Shape::Bool,
        _ => Shape::Text,
    }
}

/// A scalar as text: strings as they are, numbers and booleans as YAML writes them.
pub fn value_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn var_need(var: &Var) -> Need {
    match var {
        Var::TouchpointSummary | Var::TouchpointChannel | Var::TouchpointBy => {
            Need::Trigger(Trigger::TouchpointLogged)
        }
        Var::ThreadSubject | Var::ThreadAge | Var::ThreadId => Need::Thread,
        Var::HandoffFrom | Var::HandoffTo => Need::Trigger(Trigger::HandoffCreated),
        Var::TaskTitle | Var::TaskDue => Need::Trigger(Trigger::TaskOverdue),
        _ => Need::Nothing,
    }
}

/// The name of a placeholder as written.
pub fn var_name(var: &Var) -> String {
    match var {
        Var::CustomerName => "customer.name".into(),
        Var::CustomerSlug => "customer.slug".into(),
        Var::Owner => "owner".into(),
        Var::Team => "team".into(),
        Var::Lead => "lead".into(),
        Var::Rule => "rule".into(),
        Var::DaysWithoutContact => "days_without_contact".into(),
        Var::TouchpointSummary => "touchpoint.summary".into(),
        Var::TouchpointChannel => "touchpoint.channel".into(),
        Var::TouchpointBy => "touchpoint.by".into(),
        Var::ThreadSubject => "thread.subject".into(),
        Var::ThreadAge => "thread.age".into(),
        Var::ThreadId => "thread.id".into(),
        Var::HandoffFrom => "handoff.from".into(),
        Var::HandoffTo => "handoff.to".into(),
        Var::TaskTitle => "task.title".into(),
        Var::TaskDue => "task.due".into(),
        Var::Field(k) => format!("fields.{k}"),
    }
}

/// Parses `Call {customer.name} about {touchpoint.summary}`; `{{` and `}}` are literal braces.
pub fn parse_template(text: &str) -> Result<Template, String> {
    let mut parts = Vec::new();
    let mut buf = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                buf.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                buf.push('}');
            }
            '{' => {
                let mut name = String::new();
                let mut closed = false;
                for c in chars.by_ref() {
                    if c == '}' {
                        closed = true;
                        break;
                    }
                    name.push(c);
                }
                if !closed {
                    return Err(format!("`{}`: a `{{` is not closed", text::escape(text)));
                }
                let var = parse_var(name.trim()).ok_or_else(|| {
                    format!("`{{{}}}` is not a placeholder", text::escape(name.trim()))
                })?;
                if !buf.is_empty() {
                    parts.push(Part::Text(std::mem::take(&mut buf)));
                }
                parts.push(Part::Var(var));
            }
            '}' => {
                return Err(format!(
                    "`{}`: a `}}` closes nothing (write `}}}}`)",
                    text::escape(text)
                ));
            }
            c => buf.push(c),
        }
    }
    if !buf.is_empty() {
        parts.push(Part::Text(buf));
    }
    Ok(Template(parts))
}

fn parse_var(name: &str) -> Option<Var> {
    if let Some(k) = name
        .strip_prefix("fields.")
        .filter(|k| !k.is_empty() && !k.contains('.'))
    {
        return Some(Var::Field(k.to_string()));
    }
    Some(match name {
        "customer.name" => Var::CustomerName,
        "customer.slug" => Var::CustomerSlug,
        "owner" => Var::Owner,
        "team" => Var::Team,
        "lead" => Var::Lead,
        "rule" => Var::Rule,
        "days_without_contact" => Var::DaysWithoutContact,
        "touchpoint.summary" => Var::TouchpointSummary,
        "touchpoint.channel" => Var::TouchpointChannel,
        "touchpoint.by" => Var::TouchpointBy,
        "thread.subject" => Var::ThreadSubject,
        "thread.age" => Var::ThreadAge,
        "thread.id" => Var::ThreadId,
        "handoff.from" => Var::HandoffFrom,
        "handoff.to" => Var::HandoffTo,
        "task.title" => Var::TaskTitle,
        "task.due" => Var::TaskDue,
        _ => return None,
    })
}

fn strip_placeholders(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' if depth > 0 => depth -= 1,
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The revision of a rule: eight hex digits of the stable hash of its definition as parsed
/// (so reformatting or re-commenting the file does not change it; the description is left out).
fn revision(raw: &RawRule) -> String {
    let canonical = serde_json::to_string(raw).unwrap_or_default();
    format!(
        "{:08x}",
        crate::model::ids::stable_hash(&["rule", &canonical]) as u32
    )
}

/// The fields referenced by a condition tree (for `check rules`).
pub fn leaves(cond: &Cond) -> Vec<&Leaf> {
    let mut out = Vec::new();
    fn walk<'a>(c: &'a Cond, out: &mut Vec<&'a Leaf>) {
        match c {
            Cond::All(items) | Cond::Any(items) | Cond::Not(items) => {
                items.iter().for_each(|i| walk(i, out))
            }
            Cond::Leaf(l) => out.push(l),
        }
    }
    walk(cond, &mut out);
    out
}

/// The revision of every rule of a rules file by id, without checking it against a config
/// (`review` compares two versions); `None` when the file does not read.
pub fn revisions(text: &str) -> Option<BTreeMap<String, String>> {
    let raw: RawFile = crate::store::yaml::parse(Path::new(RULES_FILE), text).ok()?;
    Some(
        raw.rules
            .iter()
            .map(|r| (r.value.id.value.clone(), revision(&r.value)))
            .collect(),
    )
}
