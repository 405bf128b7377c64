//! The one place corrections are applied: when a customer's bundle is built for reading
//! ([`Store::load_bundle`](super::Store::load_bundle), [`Store::load_all`](super::Store::load_all),
//! the inbox's partial bundles), after restricted content is opened. Everything that reads
//! bundles (timeline, card, inbox, metrics, export, find, handoff acceptance) therefore sees the
//! corrected records, and can ask which records were corrected, by whom and when. Bundles read
//! to be rewritten ([`Store::load_bundle_sealed`](super::Store::load_bundle_sealed)) are never
//! corrected: a corrected view must never be written back.

use std::collections::HashMap;

use serde::Serialize;

use crate::model::corrections::{self, Correction, CorrectionKind};
use crate::model::{RecordId, Timestamp};

use super::load::CustomerBundle;

/// That a record was corrected: by which correction, how, by whom and when. Timelines mark
/// corrected entries with it and JSON documents carry it (`corrections: [...]`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CorrectionMark {
    /// Short id of the correction record.
    pub id: String,
    pub kind: CorrectionKind,
    pub at: Timestamp,
    pub by: String,
    /// The fields an amendment changed (empty for a void).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl CorrectionMark {
    fn of(c: &Correction) -> Self {
        CorrectionMark {
            id: c.id.short(),
            kind: c.kind,
            at: c.at,
            by: c.by.clone(),
            fields: c.changes.keys().cloned().collect(),
            reason: c.reason.clone(),
        }
    }
}

impl CustomerBundle {
    /// Applies the bundle's corrections in `(at, id)` order: an amendment replaces its target's
    /// fields, a void moves its target to `voided_*`. A correction whose target is not here (it
    /// was moved on by a later correction, or a hand edit broke it) or whose changes do not
    /// apply is skipped; `check` reports it. Applying twice changes nothing more.
    pub fn apply_corrections(&mut self) {
        if self.corrections.is_empty() {
            return;
        }
        let ordered = corrections::in_order(&self.corrections, |l| &l.record);
        for loaded in ordered {
            let c = &loaded.record;
            if let Some(pos) = self
                .interactions
                .iter()
                .position(|l| l.record.id == c.target)
            {
                match c.kind {
                    CorrectionKind::Void => {
                        let voided = self.interactions.remove(pos);
                        self.voided_interactions.push(voided);
                    }
                    CorrectionKind::Amend => {
                        let target = &mut self.interactions[pos].record;
                        if let Ok(amended) = corrections::amend_interaction(target, &c.changes) {
                            *target = amended;
                        }
                    }
                }
            } else if let Some(pos) = self.notes.iter().position(|l| l.record.id == c.target) {
                match c.kind {
                    CorrectionKind::Void => {
                        let voided = self.notes.remove(pos);
                        self.voided_notes.push(voided);
                    }
                    CorrectionKind::Amend => {
                        let target = &mut self.notes[pos].record;
                        if let Ok(amended) = corrections::amend_note(target, &c.changes) {
                            *target = amended;
                        }
                    }
                }
            }
        }
    }

    /// For every corrected record of the bundle, its corrections in the order they applied.
    pub fn correction_marks(&self) -> HashMap<RecordId, Vec<CorrectionMark>> {
        let mut out: HashMap<RecordId, Vec<CorrectionMark>> = HashMap::new();
        for loaded in corrections::in_order(&self.corrections, |l| &l.record) {
            out.entry(loaded.record.target)
                .or_default()
                .push(CorrectionMark::of(&loaded.record));
        }
        out
    }

    /// Whether the touchpoint or note `id` was withdrawn.
    pub fn is_voided(&self, id: RecordId) -> bool {
        self.voided_interactions.iter().any(|l| l.record.id == id)
            || self.voided_notes.iter().any(|l| l.record.id == id)
    }
}
