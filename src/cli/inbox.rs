//! `git crm inbox`: what needs the acting person now.

use anyhow::Result;
use clap::Args;

use git_crm::model::text::escape;
use git_crm::model::time;
use git_crm::ops::inbox::{self, Inbox, InboxQuery, Section, age_text, one_line};
use git_crm::render::{self, Format, Ui};

use super::Ctx;
use super::output::print;
use super::view::ViewArg;

/// The long help of `inbox`: its sections and what "seen" means.
const LONG_HELP: &str = "\
Sections (ordered by your role's view):
  unanswered  open threads on customers you own whose customer waits for a human reply, oldest
              first, with the age against targets.first_response (wall-clock)
  queue       the same on customers of your teams that nobody answers: no owner, or an owner
              who is away (`git crm person away`); `--team <team>` shows one team's queue alone
  handoffs    handoffs to you not accepted yet (explicitly or by your first touchpoint or note)
  tasks       your open tasks, overdue first
  mentions    notes by others that @mention you, not yet seen in this clone

Reading the inbox marks the mentions shown as seen (in .git/gitcrm/inbox/, per clone and \
person) unless --peek; --all lists the seen ones too. --as <person> reads someone else's inbox. \
A view is surfacing, not security: whoever has the repository can read every record.";

#[derive(Debug, Args)]
#[command(after_long_help = LONG_HELP)]
pub struct InboxArgs {
    /// Also list mentions already seen in this clone.
    #[arg(long)]
    all: bool,
    /// Do not mark the mentions shown as seen.
    #[arg(long)]
    peek: bool,
    /// The queue of this team instead of your inbox: waiting threads on its customers that have
    /// no owner or whose owner is away.
    #[arg(long)]
    team: Option<String>,
    /// Output format (json is documented in docs/collaboration-sync.md).
    #[arg(long, value_enum, default_value_t)]
    format: super::args::TextJson,
    #[command(flatten)]
    view: ViewArg,
}

pub fn run(ctx: &Ctx, args: InboxArgs) -> Result<i32> {
    let person = match &args.team {
        // A team's queue is anyone's to look at: no identity is needed.
        Some(_) => ctx.actor().unwrap_or_default(),
        None => ctx.actor()?,
    };
    let view = args.view.resolve(ctx)?;
    let query = InboxQuery {
        person,
        now: time::now(),
        all_mentions: args.all,
        view: view.clone(),
        team: args.team.clone(),
    };
    let inbox = inbox::inbox(&ctx.store, &query)?;
    for warning in &inbox.warnings {
        eprintln!("warning: {}", escape(warning));
    }
    let text = match Format::from(args.format) {
        Format::Json => {
            /// `inbox --format json`: the inbox, and the view it was seen through.
            #[derive(serde::Serialize)]
            struct Document<'a> {
                inbox: &'a Inbox,
                view: serde_json::Value,
            }
            render::json_of(&Document {
                inbox: &inbox,
                view: view.json(inbox.hidden),
            })
        }
        Format::Markdown | Format::Csv | Format::Table => table(
            ctx,
            &inbox,
            super::view::hidden_note(&view, inbox.hidden, "item", "items"),
        ),
    };
    print(&text)?;
    if !args.peek && args.team.is_none() {
        inbox::mark_seen(&ctx.store, &inbox)?;
    }
    Ok(0)
}

fn table(ctx: &Ctx, inbox: &Inbox, note: Option<String>) -> String {
    let zone = ctx.store.zone();
    let ui = &ctx.ui;
    let mut out = match inbox.sections.as_slice() {
        [Section::Queue] => format!(
            "Queue of team {}, {}\n",
            escape(&inbox.queue_teams.join(", ")),
            render::short_time(&inbox.now, zone)
        ),
        _ => format!(
            "Inbox of {}, {}\n",
            escape(&inbox.person),
            render::short_time(&inbox.now, zone)
        ),
    };
    for section in &inbox.sections {
        out.push('\n');
        out.push_str(&match section {
            Section::Unanswered => unanswered(ui, inbox, zone),
            Section::Queue => queue(ui, inbox, zone),
            Section::Handoffs => handoffs(ui, inbox, zone),
            Section::Tasks => tasks(ui, inbox),
            Section::Mentions => mentions(ui, inbox, zone),
        });
    }
    out.push_str(&super::view::note_line(note, ""));
    out
}

fn target_word(over: Option<bool>) -> &'static str {
    match over {
        Some(true) => "over target",
        Some(false) => "within target",
        None => "",
    }
}

/// The cells a waiting thread shows in both its sections: thread, channel, from, waiting since,
/// age, target.
fn thread_cells(u: &inbox::Unanswered, zone: chrono_tz::Tz) -> [String; 6] {
    [
        format!("#{}", &u.thread[..4.min(u.thread.len())]),
        u.channel.clone(),
        u.from.clone(),
        render::short_time(&u.waiting_since, zone),
        age_text(u.age_seconds),
        target_word(u.over_target).to_string(),
    ]
}

/// One section of the inbox as text: a heading line with its count, then a table, or a line in words when
/// nothing waits, and a line saying what to do next.
struct Block<'a> {
    heading: String,
    empty: &'a str,
    headers: &'a [&'a str],
    rows: Vec<Vec<String>>,
    next: Option<&'a str>,
}

impl Block<'_> {
    fn render(self, ui: &Ui) -> String {
        let mut out = self.heading;
        if self.rows.is_empty() {
            out.push_str(&format!("  {}\n", self.empty));
            return out;
        }
        out.push_str(&render::table(ui, self.headers, &self.rows));
        if let Some(next) = self.next {
            out.push_str(&format!("  {next}\n"));
        }
        out
    }
}

fn unanswered(ui: &Ui, inbox: &Inbox, zone: chrono_tz::Tz) -> String {
    let target = inbox
        .first_response_target
        .as_ref()
        .map(|t| format!(", first-response target {}", t.text))
        .unwrap_or_default();
    let heading = format!(
        "Unanswered threads on your customers ({}{target})\n",
        inbox.unanswered.len()
    );
    let rows: Vec<Vec<String>> = inbox
        .unanswered
        .iter()
        .map(|u| {
            let mut row = vec![u.customer.clone()];
            row.extend(thread_cells(u, zone));
            row.extend([
                if u.first_response {
                    "first response".into()
                } else {
                    "follow-up".into()
                },
                one_line(&u.subject),
            ]);
            row
        })
        .collect();
    Block {
        heading,
        empty: "nothing waits for a reply",
        headers: &[
            "customer",
            "thread",
            "channel",
            "sender",
            "waiting since",
            "age",
            "target",
            "owed",
            "subject",
        ],
        rows,
        next: None,
    }
    .render(ui)
}

fn queue(ui: &Ui, inbox: &Inbox, zone: chrono_tz::Tz) -> String {
    let teams = inbox.queue_teams.join(", ");
    let heading = format!(
        "Waiting for {teams}, with no owner to answer ({})\n",
        inbox.queue.len()
    );
    let rows: Vec<Vec<String>> = inbox
        .queue
        .iter()
        .map(|q| {
            let u = &q.thread;
            let why = match (&q.why.owner, q.why.away_until) {
                (Some(owner), Some(until)) => format!("{owner} away until {until}"),
                (Some(owner), None) => format!("{owner} unknown"),
                (None, _) => "no owner".to_string(),
            };
            let mut row = vec![
                u.customer.clone(),
                q.why.team.clone().unwrap_or_default(),
                why,
            ];
            row.extend(thread_cells(u, zone));
            row.push(one_line(&u.subject));
            row
        })
        .collect();
    Block {
        heading,
        empty: "nothing waits in the queue",
        headers: &[
            "customer",
            "team",
            "why",
            "thread",
            "channel",
            "sender",
            "waiting since",
            "age",
            "target",
            "subject",
        ],
        rows,
        next: Some("take one with `git crm assign <customer> --to <you>`"),
    }
    .render(ui)
}

fn handoffs(ui: &Ui, inbox: &Inbox, zone: chrono_tz::Tz) -> String {
    let target = inbox
        .handoff_target
        .as_ref()
        .map(|t| format!(", handoff target {}", t.text))
        .unwrap_or_default();
    let heading = format!(
        "Handoffs to you, not accepted ({}{target})\n",
        inbox.handoffs.len()
    );
    let rows: Vec<Vec<String>> = inbox
        .handoffs
        .iter()
        .map(|h| {
            vec![
                h.id.clone(),
                h.customer.clone(),
                render::short_time(&h.at, zone),
                h.from.to_string(),
                h.by.clone(),
                age_text(h.age_seconds),
                target_word(h.over_target).to_string(),
                one_line(h.reason.as_deref().unwrap_or_default()),
            ]
        })
        .collect();
    Block {
        heading,
        empty: "none pending",
        headers: &[
            "id", "customer", "at", "from", "by", "age", "target", "reason",
        ],
        rows,
        next: Some("accept with `git crm handoff accept <id>`"),
    }
    .render(ui)
}

fn tasks(ui: &Ui, inbox: &Inbox) -> String {
    let overdue = inbox.tasks.iter().filter(|t| t.overdue).count();
    let heading = format!(
        "Your open tasks ({}, {overdue} overdue)\n",
        inbox.tasks.len()
    );
    let rows: Vec<Vec<String>> = inbox
        .tasks
        .iter()
        .map(|t| {
            vec![
                t.id.clone(),
                t.customer.clone(),
                t.due.map(|d| d.to_string()).unwrap_or_default(),
                if t.overdue {
                    "overdue".into()
                } else {
                    String::new()
                },
                one_line(&t.title),
            ]
        })
        .collect();
    Block {
        heading,
        empty: "no open tasks",
        headers: &["id", "customer", "due", "state", "title"],
        rows,
        next: None,
    }
    .render(ui)
}

fn mentions(ui: &Ui, inbox: &Inbox, zone: chrono_tz::Tz) -> String {
    let new = inbox.mentions.iter().filter(|m| !m.seen).count();
    let heading = format!("Notes that mention you ({new} new)\n");
    let rows: Vec<Vec<String>> = inbox
        .mentions
        .iter()
        .map(|m| {
            vec![
                m.id.clone(),
                m.customer.clone(),
                render::short_time(&m.at, zone),
                m.by.clone(),
                if m.seen { "seen".into() } else { "new".into() },
                one_line(&m.text),
            ]
        })
        .collect();
    Block {
        heading,
        empty: "no new mentions",
        headers: &["id", "customer", "at", "by", "state", "note"],
        rows,
        next: None,
    }
    .render(ui)
}
