//! Mail attachments as documents of the customer (docs/ingest.md, "Attachments"). Each
//! attachment of an ingested message becomes a document linked to the message's touchpoint,
//! through the documents capability's own planner ([`crate::ops::documents::attach_among`]):
//! the same name rules, media type from the content, size limit and Git LFS as `git crm
//! attach`. What differs is only what makes a run re-runnable and clones agree: the id (and so
//! the file names) derives from the message key and the attachment's SHA-256, its time is the
//! message's, and `by` is a person the message names, never who runs the ingest.

use std::collections::HashSet;

use super::parse::{Attachment, Content};
use super::{Incoming, SYSTEM};
use crate::error::{Error, Result};
use crate::ingest::{DocumentAction, DocumentOutcome};
use crate::model::RecordId;
use crate::model::documents::plain_name;
use crate::model::records::{Actor, Document, RecordKind};
use crate::ops::documents::{DocumentInput, DocumentSource, attach_among};
use crate::store::load::Loaded;
use crate::store::{FileOp, Store, layout};

/// The documents of one customer while its messages are planned: those stored, then those
/// this run plans, so the same bytes in two messages are one document.
pub(super) struct Attacher<'a> {
    store: &'a Store,
    slug: &'a str,
    /// The customer's owner, the `by` of documents from mail no person of the store is on.
    owner: Option<&'a str>,
    /// Who runs the ingest: `by` when nobody else is known.
    actor: &'a str,
    stored: Vec<Loaded<Document>>,
    known: Vec<Loaded<Document>>,
}

/// What one message's attachments plan.
pub(super) struct MessageDocuments {
    /// The attachments as the touchpoint lists them, each with its document or reason.
    pub attachments: Vec<Attachment>,
    pub files: Vec<FileOp>,
    pub outcomes: Vec<DocumentOutcome>,
    planned: Vec<Loaded<Document>>,
}

impl<'a> Attacher<'a> {
    /// The customer's stored documents (opened with the local identity, so restricted ones
    /// are recognised by their bytes when this clone can read them). A customer folder not
    /// written yet (a lead made by this run) has none.
    pub fn new(
        store: &'a Store,
        slug: &'a str,
        owner: Option<&'a str>,
        actor: &'a str,
    ) -> Result<Attacher<'a>> {
        let dir = layout::record_dir(slug, RecordKind::Document);
        let mut stored: Vec<Loaded<Document>> = Vec::new();
        if store.path(&dir).is_dir() {
            // Only the documents: a re-run must not parse the customer's every record.
            stored = store.load_records(slug, RecordKind::Document)?;
            for l in &mut stored {
                crate::access::reveal::reveal_record(
                    &mut l.record,
                    RecordKind::Document,
                    |d| &d.extra,
                    crate::access::Keys::Local,
                );
            }
        }
        Ok(Attacher {
            store,
            slug,
            owner,
            actor,
            known: stored.clone(),
            stored,
        })
    }

    /// Forgets what earlier planning of this run added (the planner threads a second time).
    pub fn restart(&mut self) {
        self.known = self.stored.clone();
    }

    /// Plans the documents of one message's attachments, linked to its touchpoint `record`.
    /// Nothing is remembered until [`Attacher::keep`]: a message that is not written after all
    /// leaves no document that later messages would name.
    pub fn plan(&self, m: &Incoming, record: RecordId) -> Result<MessageDocuments> {
        let item = m.parsed.origin.to_string();
        let mut out = MessageDocuments {
            attachments: Vec::new(),
            files: Vec::new(),
            outcomes: Vec::new(),
            planned: Vec::new(),
        };
        let mut seen: HashSet<String> = HashSet::new();
        for (a, content) in m.parsed.attachments.iter().zip(&m.parsed.contents) {
            let mut a = a.clone();
            let mut outcome = DocumentOutcome {
                item: item.clone(),
                customer: self.slug.to_string(),
                name: a.name.clone(),
                size: a.size,
                action: DocumentAction::Existing,
                id: None,
                path: None,
                title: None,
                media_type: None,
                lfs: false,
                reason: None,
            };
            let same = self
                .known
                .iter()
                .chain(&out.planned)
                .find(|d| !d.record.sha256.is_empty() && d.record.sha256 == a.sha256);
            if let Some(d) = same {
                a.document = Some(d.record.id);
                outcome.id = Some(d.record.id);
                outcome.path = Some(d.path.clone());
                outcome.title = Some(d.record.title.clone());
                outcome.media_type = Some(d.record.media_type.clone());
                if !seen.insert(a.sha256.clone()) {
                    outcome.reason = Some("the same bytes twice in this message".into());
                }
                out.attachments.push(a);
                out.outcomes.push(outcome);
                continue;
            }
            let path = match content {
                Content::Off => {
                    out.attachments.push(a);
                    continue;
                }
                Content::Ignored(why) => {
                    a.not_stored = Some(why.clone());
                    outcome.action = DocumentAction::Ignored;
                    outcome.reason = Some(why.clone());
                    out.attachments.push(a);
                    out.outcomes.push(outcome);
                    continue;
                }
                Content::Spooled(path) => path,
            };
            if m.class.actor == Actor::Automation {
                let why = "automated mail: its attachments are not kept as documents";
                a.not_stored = Some(why.into());
                outcome.action = DocumentAction::Ignored;
                outcome.reason = Some(why.into());
                out.attachments.push(a);
                out.outcomes.push(outcome);
                continue;
            }
            let input = DocumentInput {
                customer: self.slug.to_string(),
                name: plain_name(&a.name),
                title: None,
                tags: Vec::new(),
                restricted: None,
                to: None,
                record: Some(record),
                replaces: None,
                at: Some(m.parsed.at),
                id: Some(RecordId::derived(
                    m.parsed.at.to_utc(),
                    &[SYSTEM, &m.parsed.key, "attachment", &a.sha256],
                )),
            };
            let by = self.by(m);
            let source = DocumentSource::File(path.clone());
            match attach_among(self.store, &by, input, source, &self.known) {
                Ok(planned) => {
                    let doc = planned.record.document;
                    a.document = Some(doc.id);
                    outcome.action = DocumentAction::Created;
                    outcome.id = Some(doc.id);
                    outcome.path = Some(planned.path.clone());
                    outcome.title = Some(doc.title.clone());
                    outcome.media_type = Some(doc.media_type.clone());
                    outcome.lfs = planned.record.lfs;
                    seen.insert(a.sha256.clone());
                    out.files.extend(planned.change.files);
                    out.planned.push(Loaded {
                        path: planned.path,
                        record: doc,
                    });
                }
                Err(e @ Error::Invalid { .. }) => {
                    a.not_stored = Some(e.to_string());
                    outcome.action = DocumentAction::Refused;
                    outcome.reason = Some(match e.hint() {
                        Some(hint) => format!("{e}; {hint}"),
                        None => e.to_string(),
                    });
                }
                Err(e) => return Err(e),
            }
            out.attachments.push(a);
            out.outcomes.push(outcome);
        }
        Ok(out)
    }

    /// Remembers the documents a written message planned.
    pub fn keep(&mut self, planned: &mut MessageDocuments) {
        self.known.append(&mut planned.planned);
    }

    /// Who a document from this message is by: a person of the store must be (`check` says so),
    /// and two clones ingesting one message must agree, so it is the message's person (its
    /// sender, or the person it was delivered to), else the customer's owner, never the person
    /// running the ingest unless nobody else is known.
    fn by(&self, m: &Incoming) -> String {
        let people = &self.store.config().people;
        [
            Some(m.class.by.as_str()),
            m.class.owner.as_deref(),
            self.owner,
        ]
        .into_iter()
        .flatten()
        .find(|h| people.contains_key(*h))
        .map(str::to_string)
        .unwrap_or_else(|| self.actor.to_string())
    }
}
