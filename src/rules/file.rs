//! `.gitcrm/rules.yaml` as written: the serde types the file is read into, with the position of
//! every rule, condition and action kept (serde-saphyr's `Spanned`), so that a problem found
//! after parsing (an unknown field, a regex that does not compile, a person who left) is
//! reported at its `file:line:column` like a syntax error is. Meaning is given to these types
//! by [`super::compile`].

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

use crate::model::records::{Actor, CustomerKind, CustomerStatus, Direction, Party};
use crate::model::time::Timestamp;

/// Where the rules live, relative to the store root.
pub const RULES_FILE: &str = ".gitcrm/rules.yaml";

/// A 1-based line and column in the rules file (0 when unknown).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize)]
pub struct Pos {
    pub line: u64,
    pub column: u64,
}

impl Pos {
    /// Where a spanned value was written.
    pub fn of<T>(spanned: &Spanned<T>) -> Pos {
        Pos {
            line: spanned.referenced.line(),
            column: spanned.referenced.column(),
        }
    }
}

/// The whole file.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawFile {
    #[serde(default)]
    pub version: Option<Spanned<u32>>,
    /// The person the records written by rules are by (`by:`), and the commit author.
    #[serde(default)]
    pub actor: Option<Spanned<String>>,
    #[serde(default)]
    pub rules: Vec<Spanned<RawRule>>,
    /// Fixtures for `git crm rules test`.
    #[serde(default)]
    pub tests: Vec<Spanned<RawTest>>,
}

/// One rule.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawRule {
    pub id: Spanned<String>,
    /// What the rule is for, in words (not part of its revision: rewording it re-fires nothing,
    /// even with `--reapply`).
    #[serde(default, skip_serializing)]
    pub description: Option<String>,
    pub trigger: Spanned<String>,
    /// What a schedule rule looks at: `customer` (default) or `thread`.
    #[serde(default)]
    pub each: Option<Spanned<String>>,
    /// How often a schedule rule may fire again on the same customer or thread: `day`, `week`
    /// or `month` (default: once).
    #[serde(default)]
    pub every: Option<Spanned<String>>,
    #[serde(default)]
    pub conditions: Option<Spanned<RawNode>>,
    pub actions: Vec<Spanned<RawAction>>,
}

/// A condition: a list (all of its items must hold) or a mapping (all of its entries must
/// hold). An entry is a group (`all`, `any`, `none`) or a field with the test it must pass.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum RawNode {
    List(Vec<Spanned<RawNode>>),
    Map(Vec<RawEntry>),
}

/// The three kinds of group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Group {
    All,
    Any,
    None,
}

/// One entry of a condition mapping.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum RawEntry {
    Group {
        group: Group,
        #[serde(skip_serializing)]
        at: Pos,
        node: Spanned<RawNode>,
    },
    Leaf {
        field: Spanned<String>,
        test: Spanned<serde_json::Value>,
    },
}

impl<'de> Deserialize<'de> for RawNode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NodeVisitor;

        impl<'de> Visitor<'de> for NodeVisitor {
            type Value = RawNode;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("conditions: a mapping of fields to tests, `all`/`any`/`none` groups, or a list of them")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawNode, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element::<Spanned<RawNode>>()? {
                    items.push(item);
                }
                Ok(RawNode::List(items))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawNode, A::Error> {
                let mut entries = Vec::new();
                while let Some(key) = map.next_key::<Spanned<String>>()? {
                    let group = match key.value.as_str() {
                        "all" => Some(Group::All),
                        "any" => Some(Group::Any),
                        "none" => Some(Group::None),
                        _ => None,
                    };
                    entries.push(match group {
                        Some(group) => RawEntry::Group {
                            group,
                            at: Pos::of(&key),
                            node: map.next_value::<Spanned<RawNode>>()?,
                        },
                        None => RawEntry::Leaf {
                            field: key,
                            test: map.next_value::<Spanned<serde_json::Value>>()?,
                        },
                    });
                }
                Ok(RawNode::Map(entries))
            }
        }

        deserializer.deserialize_any(NodeVisitor)
    }
}

/// One action, written as a mapping with one key: the action's name.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RawAction {
    Assign(RawAssign),
    Escalate(RawEscalate),
    AddTask(RawTask),
    AddNote(RawNote),
    AddTags(Vec<String>),
    RemoveTags(Vec<String>),
    SetField(BTreeMap<String, serde_json::Value>),
    MarkThread(RawMark),
}

/// How an assignment within a team picks the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Pick {
    /// The next member after the one this rule assigned last, in handle order.
    RoundRobin,
    /// The member who owns the fewest open customers; ties go to the first handle.
    LeastLoaded,
}

/// `assign`: to a person, or to a team with a pick.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawAssign {
    #[serde(default)]
    pub to: Option<String>,
    #[serde(default)]
    pub team: Option<String>,
    #[serde(default)]
    pub pick: Option<Pick>,
    #[serde(default)]
    pub reason: Option<String>,
}

/// `escalate`: reassign to a person (`lead`: the lead of the customer's team) and add a note.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawEscalate {
    pub to: String,
    #[serde(default)]
    pub team: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// `add_task`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawTask {
    pub title: String,
    #[serde(default)]
    pub assignee: Option<String>,
    /// Days after the firing: `0d`, `2d`, `1w`.
    #[serde(default)]
    pub due: Option<String>,
}

/// `add_note`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawNote {
    pub body: String,
    #[serde(default)]
    pub tags: Vec<String>,
}

/// `mark_thread`: a note tagged `attention` that names the thread.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawMark {
    #[serde(default)]
    pub note: Option<String>,
    /// People mentioned in the note, so it reaches their inbox: `owner`, `lead` or handles.
    #[serde(default)]
    pub notify: Vec<String>,
}

/// A fixture of `git crm rules test`: a small store, a moment, the actions expected.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawTest {
    pub name: String,
    /// The run's "now" (default: the latest time in the fixture).
    #[serde(default)]
    pub at: Option<Timestamp>,
    /// The rules to run (default: all).
    #[serde(default)]
    pub rules: Vec<String>,
    #[serde(default)]
    pub customers: Vec<RawFixtureCustomer>,
    #[serde(default)]
    pub expect: Vec<RawExpect>,
}

/// A customer of a fixture. `new: true` makes it a customer added in the run's range;
/// `changed` lists the fields a commit in the range changed.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawFixtureCustomer {
    pub slug: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub kind: Option<CustomerKind>,
    #[serde(default)]
    pub status: Option<CustomerStatus>,
    #[serde(default)]
    pub owner: Option<String>,
    #[serde(default)]
    pub team: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub fields: BTreeMap<String, serde_json::Value>,
    #[serde(default)]
    pub created: Option<Timestamp>,
    #[serde(default)]
    pub archived: Option<Timestamp>,
    #[serde(default)]
    pub new: bool,
    #[serde(default)]
    pub changed: Vec<String>,
    #[serde(default)]
    pub touchpoints: Vec<RawFixtureTouchpoint>,
    #[serde(default)]
    pub handoffs: Vec<RawFixtureHandoff>,
    #[serde(default)]
    pub tasks: Vec<RawFixtureTask>,
    #[serde(default)]
    pub notes: Vec<RawFixtureNote>,
}

/// A touchpoint of a fixture; `reply_to` is the 1-based position of an earlier touchpoint of
/// the customer whose thread it joins; `new: true` makes it logged in the run's range.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawFixtureTouchpoint {
    pub at: Timestamp,
    #[serde(default)]
    pub recorded_at: Option<Timestamp>,
    #[serde(default)]
    pub channel: Option<String>,
    pub direction: Direction,
    #[serde(default)]
    pub by: Option<String>,
    #[serde(default)]
    pub actor: Option<Actor>,
    pub summary: String,
    #[serde(default)]
    pub body: Option<String>,
    #[serde(default)]
    pub resolves: bool,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub reply_to: Option<usize>,
    #[serde(default)]
    pub new: bool,
}

/// A handoff of a fixture; `new: true` makes it created in the run's range.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawFixtureHandoff {
    pub at: Timestamp,
    #[serde(default)]
    pub by: Option<String>,
    #[serde(default)]
    pub from: Option<Party>,
    pub to: Party,
    #[serde(default)]
    pub reason: Option<String>,
    #[serde(default)]
    pub accepted_at: Option<Timestamp>,
    #[serde(default)]
    pub new: bool,
}

/// A task of a fixture.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawFixtureTask {
    pub title: String,
    #[serde(default)]
    pub created: Option<Timestamp>,
    #[serde(default)]
    pub by: Option<String>,
    #[serde(default)]
    pub assignee: Option<String>,
    #[serde(default)]
    pub due: Option<chrono::NaiveDate>,
    #[serde(default)]
    pub done_at: Option<Timestamp>,
}

/// A note of a fixture.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawFixtureNote {
    pub at: Timestamp,
    #[serde(default)]
    pub by: Option<String>,
    pub body: String,
    #[serde(default)]
    pub tags: Vec<String>,
}

/// One expected action: which rule on which customer did what. Only the details given are
/// compared.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawExpect {
    pub rule: String,
    pub customer: String,
    pub action: String,
    #[serde(default)]
    pub to: Option<String>,
    #[serde(default)]
    pub team: Option<String>,
    #[serde(default)]
    pub assignee: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub due: Option<String>,
    #[serde(default)]
    pub body: Option<String>,
    #[serde(default)]
    pub tags: Option<Vec<String>>,
    #[serde(default)]
    pub field: Option<String>,
    #[serde(default)]
    pub value: Option<String>,
}

impl RawExpect {
    /// The details given, by name, as text.
    pub fn details(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        let mut add = |k: &'static str, v: &Option<String>| {
            if let Some(v) = v {
                out.push((k, v.clone()));
            }
        };
        add("to", &self.to);
        add("team", &self.team);
        add("assignee", &self.assignee);
        add("title", &self.title);
        add("due", &self.due);
        add("body", &self.body);
        add("field", &self.field);
        add("value", &self.value);
        if let Some(tags) = &self.tags {
            out.push(("tags", tags.join(",")));
        }
        out
    }
}
