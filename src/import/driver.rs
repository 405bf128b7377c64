//! The one import pipeline. The driver reads the data file, maps each row by the rules, asks
//! the record kind's [`Planner`] to validate it, rejects duplicate keys, lets the planner
//! plan the valid rows into file operations, and collects the problems, each at its row, and
//! the outcomes into one [`Plan`]. Progress is reported through [`Progress`]; whether a plan
//! with problems may be written is [`Plan::refused`]; the commit it makes is
//! [`Plan::change`]. A planner knows only its record kind: how a row becomes a record and how
//! a record is matched with the store.

use std::collections::HashMap;
use std::path::Path;

use crate::error::Result;
use crate::progress::Progress;
use crate::store::{Change, FileOp, Store};

use super::read::{self, Row};
use super::rules::{MappedRow, RecordType, Rules, RulesFile};
use super::{Action, Context, Outcome, Plan, Problem, values};

/// What one row becomes: its outcome and the files it writes, or its problems.
pub(super) type RowResult = Result<(Outcome, Vec<FileOp>), Vec<Problem>>;

/// What a record kind adds to the driver.
pub(super) trait Planner {
    /// A row validated: everything the planner needs to plan it.
    type Row: Send;

    /// The row number of a validated row.
    fn row_number(row: &Self::Row) -> usize;

    /// Validates one mapped row, with problems located at the cells they come from.
    fn validate(
        &self,
        ctx: &Context,
        row: usize,
        mapped: &MappedRow,
    ) -> Result<Self::Row, Vec<Problem>>;

    /// The key no two rows of the file may share, or the problem of a row without one.
    fn key(&self, ctx: &Context, mapped: &MappedRow, row: &Self::Row) -> Result<String, Problem>;

    /// What is said of a row whose key `key` row `first` has already.
    fn duplicate(&self, key: &str, first: usize) -> String;

    /// Work on all the valid rows at once, before any is planned (threads across rows); the
    /// rows it leaves out come back as problems.
    fn prepare(&mut self, _ctx: &Context, _rows: &mut Vec<Self::Row>) -> Result<Vec<Problem>> {
        Ok(Vec::new())
    }

    /// Plans one valid row.
    fn plan_row(&mut self, ctx: &Context, row: Self::Row) -> RowResult;

    /// Plans the valid rows, in order (a planner whose rows are independent may plan them in
    /// parallel).
    fn plan_rows(&mut self, ctx: &Context, rows: Vec<Self::Row>) -> Vec<RowResult> {
        rows.into_iter()
            .map(|row| self.plan_row(ctx, row))
            .collect()
    }

    /// Figures of the valid rows the summary reports (of touchpoints: how many metrics skip).
    fn tally(&self, _rows: &[Self::Row], _plan: &mut Plan) {}
}

/// Reads `data` with the rules file `rules_path` and plans the import, writing nothing. Rows
/// with problems are listed in [`Plan::problems`] and marked skipped.
pub fn plan(
    store: &Store,
    data: &Path,
    rules_path: &Path,
    actor: &str,
    progress: &dyn Progress,
) -> Result<Plan> {
    let rules_file = RulesFile::read(rules_path)?;
    let sheet = read::read(
        data,
        &read::ReadOptions {
            delimiter: rules_file.delimiter.clone(),
            sheet: rules_file.sheet.clone(),
        },
    )?;
    let (columns, rows) = split_header(&rules_file, sheet);
    let rules = Rules::compile(rules_file, &rules_path.display().to_string(), columns)?;
    let zone = match &rules.file.timezone {
        Some(z) => crate::model::time::parse_zone(z).map_err(crate::Error::invalid)?,
        None => store.zone(),
    };
    progress.phase("reading", "rows", Some(rows.len() as u64));
    let ctx = Context {
        store,
        rules: &rules,
        actor,
        file: data.display().to_string(),
        times: values::TimeReader {
            zone,
            formats: rules.file.date_formats.clone(),
        },
        now: crate::model::time::now(),
        progress,
    };
    match rules.file.records {
        RecordType::Customers => run(&ctx, &rows, super::customers::Customers::new(&ctx)?),
        RecordType::Touchpoints => run(&ctx, &rows, super::touchpoints::Touchpoints::new(&ctx)?),
    }
}

/// The rows of the data, after the skipped lines, and the column names.
fn split_header(rules: &RulesFile, sheet: read::Sheet) -> (Vec<String>, Vec<Row>) {
    let mut rows = sheet.rows.into_iter().skip(rules.skip);
    let columns = match rules.header {
        true => rows
            .next()
            .map(|header| header.cells.iter().map(|c| c.trim().to_string()).collect())
            .unwrap_or_default(),
        false => Vec::new(),
    };
    let rows: Vec<Row> = rows
        .filter(|r| r.cells.iter().any(|c| !c.trim().is_empty()))
        .collect();
    let columns = if rules.header {
        columns
    } else {
        let width = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
        (1..=width).map(|n| n.to_string()).collect()
    };
    (columns, rows)
}

/// Plans `rows` with `planner`: validation and keys row by row, then the planner's work on
/// the valid rows, then the rows planned; outcomes and problems in row order.
fn run<P: Planner>(ctx: &Context, rows: &[Row], mut planner: P) -> Result<Plan> {
    let mut plan = Plan {
        records: ctx.rules.file.records,
        file: ctx.file.clone(),
        outcomes: Vec::new(),
        problems: Vec::new(),
        files: Vec::new(),
        ids: Vec::new(),
        outside_metrics: 0,
        touchpoint_rows: 0,
    };
    let mut valid = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for row in rows {
        ctx.progress.advance(1);
        let mapped = ctx.rules.map_row(&row.cells);
        if mapped.skip {
            plan.outcomes
                .push(skipped(row.number, "skipped by an `if` rule".into()));
            continue;
        }
        let checked = planner
            .validate(ctx, row.number, &mapped)
            .and_then(|incoming| {
                let key = planner.key(ctx, &mapped, &incoming).map_err(|p| vec![p])?;
                match seen.insert(key.clone(), row.number) {
                    Some(first) => Err(vec![ctx.problem(
                        row.number,
                        ctx.rules.key_columns.first().copied(),
                        planner.duplicate(&key, first),
                    )]),
                    None => Ok(incoming),
                }
            });
        match checked {
            Ok(incoming) => valid.push(incoming),
            Err(problems) => plan.reject(row.number, problems),
        }
    }
    for problem in planner.prepare(ctx, &mut valid)? {
        plan.reject(problem.row, vec![problem]);
    }
    planner.tally(&valid, &mut plan);
    let numbers: Vec<usize> = valid.iter().map(P::row_number).collect();
    for (row, result) in numbers.into_iter().zip(planner.plan_rows(ctx, valid)) {
        match result {
            Ok((outcome, files)) => plan.push_planned(ctx, outcome, files),
            Err(problems) => plan.reject(row, problems),
        }
    }
    // Each row's problems come from one step (validation, its key, the planner), so sorting
    // by row alone keeps them in the order that step found them.
    plan.outcomes.sort_by_key(|o| o.row);
    plan.problems.sort_by_key(|p| p.row);
    Ok(plan)
}

/// The outcome of a row left out, and why.
pub(super) fn skipped(row: usize, reason: String) -> Outcome {
    Outcome {
        row,
        action: Action::Skipped,
        path: None,
        id: None,
        changed: Vec::new(),
        reason: Some(reason),
    }
}

impl Plan {
    /// Leaves row `row` out for `problems`.
    fn reject(&mut self, row: usize, problems: Vec<Problem>) {
        let reason = problems
            .iter()
            .map(|p| p.message.clone())
            .collect::<Vec<_>>()
            .join("; ");
        self.outcomes.push(skipped(row, reason));
        self.problems.extend(problems);
    }

    /// Adds one planned row: its outcome, the files it writes, and its id when it creates or
    /// updates a record. A file that the store's write gate would refuse (a multi-line name,
    /// an oversized summary) makes the row a problem instead, located at the row.
    fn push_planned(&mut self, ctx: &Context, outcome: Outcome, files: Vec<FileOp>) {
        for file in &files {
            if let Err(e) = crate::store::check_file(file) {
                let message = e.to_string();
                let message = message
                    .strip_prefix("refusing to write ")
                    .unwrap_or(&message)
                    .to_string();
                self.problems.push(ctx.problem(outcome.row, None, message));
                return;
            }
        }
        if let Some(id) = outcome.id
            && matches!(outcome.action, Action::Created | Action::Updated)
        {
            self.ids.push(id);
        }
        self.outcomes.push(outcome);
        self.files.extend(files);
    }

    /// Whether the plan must not be written under `policy`: a plan with problems is written
    /// only when its invalid rows are skipped, so an import is all or nothing by default.
    pub fn refused(&self, policy: InvalidRows) -> bool {
        !self.problems.is_empty() && policy == InvalidRows::Refuse
    }

    /// The rows with problems, by number.
    pub fn invalid_rows(&self) -> std::collections::BTreeSet<usize> {
        self.problems.iter().map(|p| p.row).collect()
    }

    /// The one commit the plan makes: its files, its ids (see [`super::apply::batch_change`])
    /// and a subject with the counts.
    pub fn change(&self, actor: &str) -> Change {
        let counts = self.counts();
        let (what, op) = match self.records {
            RecordType::Customers => ("customers", "import.customers"),
            RecordType::Touchpoints => ("touchpoints", "import.touchpoints"),
        };
        let file = Path::new(&self.file)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.file.clone());
        let subject = format!(
            "import: {what} from {file}: {} created, {} updated ({actor})",
            counts.created, counts.updated
        );
        super::apply::batch_change(op, subject, actor, &self.files, &self.ids)
    }
}

/// What happens to an import with invalid rows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum InvalidRows {
    /// Nothing is imported (the default: an import is all or nothing).
    #[default]
    Refuse,
    /// The valid rows are imported and the invalid ones listed.
    Skip,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{ApplyOptions, apply};
    use crate::progress::Silent;

    /// A store with alice, and a customers file with one valid row (2) and one with an
    /// unknown status (3).
    fn fixture() -> (
        tempfile::TempDir,
        Store,
        std::path::PathBuf,
        std::path::PathBuf,
    ) {
        let dir = tempfile::tempdir().unwrap();
        let options = crate::ops::init::InitOptions {
            handle: Some("alice".into()),
            name: Some("Alice".into()),
            email: Some("alice@example.com".into()),
            ..Default::default()
        };
        crate::ops::init::init(&dir.path().join("store"), &options).unwrap();
        let store = Store::open(&dir.path().join("store")).unwrap();
        let data = dir.path().join("c.csv");
        std::fs::write(&data, "ID,Name,Status\n1,Acme,lead\n2,Bolt,sleeping\n").unwrap();
        let rules = dir.path().join("rules.yaml");
        std::fs::write(
            &rules,
            "records: customers\nsource: crm\nkey: [ID]\nfields:\n  name: Name\n  status: Status\n",
        )
        .unwrap();
        (dir, store, data, rules)
    }

    #[test]
    fn an_invalid_row_refuses_the_whole_import_unless_skipped() {
        let (_dir, store, data, rules) = fixture();
        let plan = plan(&store, &data, &rules, "alice", &Silent).unwrap();
        assert_eq!(plan.invalid_rows().into_iter().collect::<Vec<_>>(), [3]);
        assert_eq!(plan.problems[0].row, 3);
        assert_eq!(plan.problems[0].column, 3, "{}", plan.problems[0]);
        let counts = plan.counts();
        assert_eq!((counts.created, counts.skipped), (1, 1));
        assert!(plan.refused(InvalidRows::Refuse));
        assert!(!plan.refused(InvalidRows::Skip));

        let txn = store.begin().unwrap();
        let err = apply(&txn, &plan, "alice", &ApplyOptions::default(), &Silent).unwrap_err();
        assert_eq!(err.to_string(), "1 invalid row; nothing was imported");
        assert!(store.load_customers().unwrap().is_empty());

        let skip = ApplyOptions {
            invalid_rows: InvalidRows::Skip,
            ..Default::default()
        };
        let applied = apply(&txn, &plan, "alice", &skip, &Silent).unwrap();
        assert!(applied.commit.is_some());
        let names: Vec<String> = store
            .load_customers()
            .unwrap()
            .into_iter()
            .map(|c| c.record.name)
            .collect();
        assert_eq!(names, ["Acme"]);
    }

    #[test]
    fn the_change_names_the_file_and_counts() {
        let (_dir, store, data, rules) = fixture();
        let plan = plan(&store, &data, &rules, "alice", &Silent).unwrap();
        let change = plan.change("alice");
        assert_eq!(change.op, "import.customers");
        assert_eq!(
            change.subject,
            "import: customers from c.csv: 1 created, 0 updated (alice)"
        );
        assert_eq!(change.ids, plan.ids);
        assert_eq!(change.files.len(), plan.files.len());
    }
}
