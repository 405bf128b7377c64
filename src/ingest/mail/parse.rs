//! One raw message parsed (by mail-parser) into what the store keeps: identity (Message-ID, or
//! a digest), time, addresses, reply headers, subject, text, a one-line excerpt without quoted
//! history, attachment metadata, and the signs of automated mail. Every limit is applied here,
//! and every way a message can be unusable is a [`Rejected`] reason naming what is wrong.

use std::borrow::Cow;

use mail_parser::{Address, HeaderValue, MessageParser, MessagePart, MimeHeaders, PartType};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use std::path::PathBuf;

use super::source::{Origin, RawMessage};
use super::spool::Spool;
use super::text;
use crate::model::text::hex;
use crate::model::{RecordId, Timestamp, address, time};

/// Limits on what one message may put into the store.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest message read, in bytes ([`crate::error::Input::MaxMessageSize`]).
    pub max_message_bytes: u64,
    /// Longest body text stored, in bytes; the rest is cut with a note.
    pub max_body_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_message_bytes: 64 << 20,
            max_body_bytes: 64 << 10,
        }
    }
}

/// Longest subject kept, in characters.
const MAX_SUBJECT_CHARS: usize = 500;
/// Most addresses kept per field; the count of the others is kept.
const MAX_ADDRESSES: usize = 50;
/// Most references kept: the first (the thread's root) and the last ones (the parents).
const MAX_REFERENCES: usize = 50;
/// Most attachments listed.
const MAX_ATTACHMENTS: usize = 100;
/// Longest one-line summary, in characters.
pub const MAX_EXCERPT_CHARS: usize = 200;
/// Longest Message-ID used as a key.
const MAX_MESSAGE_ID: usize = 500;

/// A mail address with its display name, as kept on a touchpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mailbox {
    pub name: Option<String>,
    /// Normalised (lowercase) address.
    pub address: String,
}

impl Mailbox {
    /// `Jane Doe <jane@acme.example>`, or the bare address.
    pub fn display(&self) -> String {
        match &self.name {
            Some(n) => format!("{n} <{}>", self.address),
            None => self.address.clone(),
        }
    }
}

/// One attachment as the touchpoint describes it: what the message says it is, and the
/// document holding its bytes (or why none does).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    pub name: String,
    pub media_type: String,
    pub size: u64,
    pub sha256: String,
    /// The document of the customer with these bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<RecordId>,
    /// Why the bytes are not a document (a signature, a small inline image, over the size
    /// limit of documents).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_stored: Option<String>,
}

/// What a run holds of an attachment's bytes, decided while its message is parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Content {
    /// Kept in the run's spool, to become a document if the message is ingested.
    Spooled(PathBuf),
    /// Not a document by the rule (docs/ingest.md, "Attachments"): why.
    Ignored(String),
    /// The run keeps metadata only (`--no-attachments`).
    Off,
}

/// Inline images smaller than this are a signature's logo or a tracking pixel, not documents.
pub const INLINE_IMAGE_MAX: u64 = 64 << 10;

/// Media types of a message's signature (S/MIME, OpenPGP): proof about the message, not a
/// document of the customer.
const SIGNATURE_TYPES: &[&str] = &[
    "application/pkcs7-signature",
    "application/x-pkcs7-signature",
    "application/pgp-signature",
];

/// A message, parsed and bounded.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub origin: Origin,
    /// The source key: the Message-ID, or `sha256:<digest>` of the headers and text.
    pub key: String,
    pub at: Timestamp,
    pub from: Option<Mailbox>,
    /// The `Sender:` when it differs from `From:` (mail sent on someone's behalf).
    pub sender: Option<Mailbox>,
    pub to: Vec<Mailbox>,
    pub cc: Vec<Mailbox>,
    /// Further recipients that appear only in delivery headers (`Bcc`, `Delivered-To`,
    /// `X-Original-To`): a shared BCC mailbox shows up there.
    pub delivered_to: Vec<String>,
    /// How many addresses of To and Cc were left out over the limit.
    pub more_recipients: usize,
    pub subject: String,
    pub in_reply_to: Option<String>,
    /// References, with In-Reply-To last when it is not already (the parent is last).
    pub references: Vec<String>,
    pub text: String,
    pub excerpt: String,
    pub attachments: Vec<Attachment>,
    /// What the run holds of each attachment's bytes, in the order of `attachments`.
    pub contents: Vec<Content>,
    /// Why the message is automated (auto-reply, bounce, bulk), if it is.
    pub automated: Option<String>,
    /// `Precedence: list`: automated unless the list is one of the store's own addresses
    /// (decided by the classifier, which knows them).
    pub list_precedence: bool,
    /// List-Id and List-Post values, lowercased.
    pub lists: Vec<String>,
    /// The original sender of a forwarded message (an attached message, or the `From:` line of
    /// an inline forward).
    pub forwarded_from: Option<Mailbox>,
    /// Things worth telling (the body was cut, an unknown charset was read as UTF-8).
    pub notes: Vec<String>,
}

/// Why a message cannot be ingested.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejected {
    pub reason: String,
    /// The setting that, raised, would let the message in.
    pub limit: Option<crate::error::Input>,
}

impl Rejected {
    fn because(reason: impl Into<String>) -> Rejected {
        Rejected {
            reason: reason.into(),
            limit: None,
        }
    }
}

/// A message over the size limit: its size, and the setting that would let it in.
fn too_large_message(size: u64, limit: u64) -> Rejected {
    Rejected {
        reason: format!(
            "the message is {}, over the limit of {}",
            human_size(size),
            human_size(limit)
        ),
        limit: Some(crate::error::Input::MaxMessageSize),
    }
}

/// Parses one raw message. `now` bounds dates in the future. The bytes of attachments that may
/// become documents are kept in `spool` (none when the run keeps metadata only).
pub fn parse(
    raw: RawMessage,
    limits: &Limits,
    now: Timestamp,
    spool: Option<&Spool>,
) -> Result<Parsed, Rejected> {
    if let Some(size) = raw.too_large {
        return Err(too_large_message(size, limits.max_message_bytes));
    }
    let bytes = raw.bytes;
    // mail-parser is robust, but a parser bug on hostile input must cost one message, not the
    // run.
    let parsed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let message = MessageParser::default().parse(&bytes)?;
        Some(extract(&message, limits, now, raw.envelope_date, spool))
    }));
    match parsed {
        Ok(Some(Ok(mut fields))) => {
            fields.origin = raw.origin;
            Ok(fields)
        }
        Ok(Some(Err(rejected))) => Err(rejected),
        Ok(None) => Err(Rejected::because(
            "not a mail message: no header could be read",
        )),
        Err(_) => Err(Rejected::because(
            "the MIME structure could not be read (mail-parser failed on it)",
        )),
    }
}

/// Reads a size as people type it: `800`, `512K`, `64M`, `1G` (powers of 1024; a trailing `B`
/// is allowed).
pub fn parse_size(text: &str) -> Result<u64, String> {
    let t = text.trim().to_ascii_uppercase();
    let t = t.strip_suffix('B').unwrap_or(&t);
    let (digits, shift) = match t.chars().last() {
        Some('K') => (&t[..t.len() - 1], 10),
        Some('M') => (&t[..t.len() - 1], 20),
        Some('G') => (&t[..t.len() - 1], 30),
        _ => (t, 0),
    };
    let n: u64 = digits
        .trim()
        .parse()
        .map_err(|_| format!("`{text}` is not a size (write 800, 512K, 64M or 1G)"))?;
    n.checked_mul(1 << shift)
        .filter(|n| *n > 0)
        .ok_or_else(|| format!("`{text}` is not a usable size"))
}

/// `12.3 MB`, `512 KB`, `800 bytes`.
pub fn human_size(bytes: u64) -> String {
    if bytes >= 1 << 20 {
        format!("{:.1} MB", bytes as f64 / f64::from(1 << 20))
    } else if bytes >= 1 << 10 {
        format!("{} KB", bytes >> 10)
    } else {
        format!("{bytes} bytes")
    }
}

fn extract(
    message: &mail_parser::Message<'_>,
    limits: &Limits,
    now: Timestamp,
    envelope: Option<Timestamp>,
    spool: Option<&Spool>,
) -> Result<Parsed, Rejected> {
    let mut notes = Vec::new();
    let from = message.from().and_then(first_mailbox);
    let sender = message
        .sender()
        .and_then(first_mailbox)
        .filter(|s| Some(&s.address) != from.as_ref().map(|f| &f.address));
    let (to, more_to) = mailboxes(message.to());
    let (cc, more_cc) = mailboxes(message.cc());
    let mut delivered_to: Vec<String> = mailboxes(message.bcc())
        .0
        .into_iter()
        .map(|m| m.address)
        .collect();
    for name in ["Delivered-To", "X-Original-To", "Envelope-To"] {
        for value in message.header_values(name) {
            if let Some(a) = value.as_text().and_then(address::normalize)
                && !delivered_to.contains(&a)
            {
                delivered_to.push(a);
            }
        }
    }
    let subject: String = text::clean(message.subject().unwrap_or_default())
        .replace('\n', " ")
        .chars()
        .take(MAX_SUBJECT_CHARS)
        .collect();
    let own_id = message
        .message_id()
        .map(str::trim)
        .filter(|id| usable_id(id))
        .map(str::to_string);
    let in_reply_to = ids(message.in_reply_to()).into_iter().next_back();
    let mut references = ids(message.references());
    if let Some(parent) = &in_reply_to
        && references.last() != Some(parent)
    {
        references.retain(|r| r != parent);
        references.push(parent.clone());
    }
    if let Some(own) = &own_id {
        references.retain(|r| r != own);
    }
    if references.len() > MAX_REFERENCES {
        let tail = references.split_off(references.len() - (MAX_REFERENCES - 1));
        references.truncate(1);
        references.extend(tail);
    }

    let at = date(message, envelope).ok_or_else(|| {
        Rejected::because(
            "no usable date: the Date header is missing or unreadable, and no Received header or mbox envelope gives one",
        )
    })?;
    if time::is_future(at, now) {
        return Err(Rejected::because(format!(
            "dated {}, in the future (a wrong clock on the sender's side?)",
            time::rfc3339(&at)
        )));
    }

    let (body, unknown_charsets) = body_text(message);
    for charset in unknown_charsets {
        notes.push(format!(
            "unknown charset `{}`: read as UTF-8, unreadable bytes replaced",
            crate::model::text::escape(&charset)
        ));
    }
    let (body, cut) = text::bounded(text::clean(&body), limits.max_body_bytes);
    if cut {
        notes.push(format!(
            "body cut to {} (the limit of a stored body)",
            human_size(limits.max_body_bytes as u64)
        ));
    }
    let excerpt = text::excerpt(&text::new_text(&body), MAX_EXCERPT_CHARS);
    let (attachments, contents, nested) = attachments(message, spool);
    if attachments.len() >= MAX_ATTACHMENTS {
        notes.push(format!(
            "only the first {MAX_ATTACHMENTS} attachments are listed"
        ));
    }
    let (base, _) = text::base_subject(&subject);
    let forward_prefix = subject.trim().len() > base.len() && !text::base_subject(&subject).1;
    let forwarded_from = nested
        .or_else(|| inline_forward_sender(&body))
        .filter(|_| forward_prefix || body_has_forward_marker(&body));
    let automated = automation(message);
    let precedence = header_text(message, "Precedence")
        .map(|p| p.to_ascii_lowercase())
        .unwrap_or_default();
    let mut lists = Vec::new();
    for name in ["List-Id", "List-Post"] {
        if let Some(v) = header_text(message, name) {
            lists.push(v.to_ascii_lowercase());
        }
    }
    let key = match own_id {
        Some(id) => id,
        None => digest_key(at, &from, &to, &cc, &subject, &body),
    };
    Ok(Parsed {
        origin: Origin {
            file: String::new(),
            place: None,
        },
        key,
        at,
        from,
        sender,
        to,
        cc,
        delivered_to,
        more_recipients: more_to + more_cc,
        subject,
        in_reply_to,
        references,
        text: body,
        excerpt,
        attachments,
        contents,
        automated,
        list_precedence: precedence == "list",
        lists,
        forwarded_from,
        notes,
    })
}

/// A Message-ID fit to be a key: not empty, not huge, no spaces or control characters.
fn usable_id(id: &str) -> bool {
    !id.is_empty()
        && !id.chars().any(char::is_whitespace)
        && crate::model::names::validate_line("", id, MAX_MESSAGE_ID).is_ok()
}

fn ids(value: &HeaderValue<'_>) -> Vec<String> {
    let list: Vec<&str> = match value {
        HeaderValue::Text(t) => vec![t.as_ref()],
        HeaderValue::TextList(l) => l.iter().map(|t| t.as_ref()).collect(),
        _ => Vec::new(),
    };
    let mut out: Vec<String> = Vec::new();
    for id in list.into_iter().map(str::trim).filter(|id| usable_id(id)) {
        if !out.iter().any(|o| o == id) {
            out.push(id.to_string());
        }
    }
    out
}

fn to_mailbox(addr: &mail_parser::Addr<'_>) -> Option<Mailbox> {
    let address = addr.address.as_deref().and_then(address::normalize)?;
    let name = addr
        .name
        .as_deref()
        .map(|n| text::clean(n).replace('\n', " "))
        .map(|n| n.trim().trim_matches(['"', '\'']).trim().to_string())
        .filter(|n| !n.is_empty() && !n.eq_ignore_ascii_case(&address))
        .map(|n| n.chars().take(200).collect());
    Some(Mailbox { name, address })
}

fn first_mailbox(address: &Address<'_>) -> Option<Mailbox> {
    address.iter().find_map(to_mailbox)
}

fn mailboxes(address: Option<&Address<'_>>) -> (Vec<Mailbox>, usize) {
    let mut out: Vec<Mailbox> = Vec::new();
    let mut more = 0;
    for m in address
        .into_iter()
        .flat_map(|a| a.iter())
        .filter_map(to_mailbox)
    {
        if out.iter().any(|o| o.address == m.address) {
            continue;
        }
        if out.len() < MAX_ADDRESSES {
            out.push(m);
        } else {
            more += 1;
        }
    }
    (out, more)
}

fn header_text(message: &mail_parser::Message<'_>, name: &str) -> Option<String> {
    let raw = message.header_raw(name)?;
    let value = text::clean(raw).replace('\n', " ");
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_string())
}

fn to_chrono(d: &mail_parser::DateTime) -> Option<Timestamp> {
    if !d.is_valid() {
        return None;
    }
    let offset_secs = (i32::from(d.tz_hour) * 3600 + i32::from(d.tz_minute) * 60)
        * if d.tz_before_gmt { -1 } else { 1 };
    let offset = chrono::FixedOffset::east_opt(offset_secs)?;
    let naive = chrono::NaiveDate::from_ymd_opt(i32::from(d.year), d.month.into(), d.day.into())?
        .and_hms_opt(d.hour.into(), d.minute.into(), d.second.into())?;
    naive.and_local_timezone(offset).single()
}

/// The Date header; else the earliest Received header (the first server that saw the message);
/// else the mbox envelope date.
fn date(message: &mail_parser::Message<'_>, envelope: Option<Timestamp>) -> Option<Timestamp> {
    message
        .date()
        .and_then(to_chrono)
        .or_else(|| {
            message
                .received_all()
                .filter_map(|r| r.date())
                .filter_map(|d| to_chrono(&d))
                .min_by_key(|t| t.to_utc())
        })
        .or(envelope)
}

/// The text body (the first text/plain body part, else the first HTML part rendered to text),
/// and the charsets of text parts that mail-parser does not know.
fn body_text(message: &mail_parser::Message<'_>) -> (String, Vec<String>) {
    let mut unknown = Vec::new();
    for part in &message.parts {
        if let Some(charset) = part.content_type().and_then(|ct| ct.attribute("charset")) {
            let c = charset.to_ascii_lowercase();
            let known = matches!(c.as_str(), "utf-8" | "utf8" | "us-ascii")
                || mail_parser::decoders::charsets::map::charset_decoder(c.as_bytes()).is_some();
            if !known && !unknown.contains(&charset.to_string()) {
                unknown.push(charset.to_string());
            }
        }
    }
    let plain =
        message
            .text_body
            .iter()
            .find_map(|id| match &message.parts.get(*id as usize)?.body {
                PartType::Text(t) => Some(t.to_string()),
                _ => None,
            });
    if let Some(plain) = plain.filter(|p| !p.trim().is_empty()) {
        return (plain, unknown);
    }
    let html = message
        .html_body
        .iter()
        .chain(message.text_body.iter())
        .find_map(|id| match &message.parts.get(*id as usize)?.body {
            PartType::Html(h) => Some(text::html_to_text(h)),
            _ => None,
        });
    (html.unwrap_or_default(), unknown)
}

/// The attachments' metadata and bytes, and the sender of an attached message (a forward as
/// attachment, or the original of a bounce).
fn attachments(
    message: &mail_parser::Message<'_>,
    spool: Option<&Spool>,
) -> (Vec<Attachment>, Vec<Content>, Option<Mailbox>) {
    let mut out = Vec::new();
    let mut contents = Vec::new();
    let mut nested_sender = None;
    for part in message.attachments() {
        if out.len() >= MAX_ATTACHMENTS {
            break;
        }
        let media_type = part
            .content_type()
            .map(|ct| match &ct.c_subtype {
                Some(sub) => format!("{}/{}", ct.c_type, sub),
                None => ct.c_type.to_string(),
            })
            .unwrap_or_else(|| "application/octet-stream".into())
            .to_ascii_lowercase();
        let (name, data): (Option<String>, Cow<'_, [u8]>) = match &part.body {
            PartType::Message(nested) => {
                if nested_sender.is_none() {
                    nested_sender = nested.from().and_then(first_mailbox);
                }
                let subject = nested.subject().unwrap_or("message");
                (
                    part.attachment_name().map(str::to_string).or_else(|| {
                        Some(format!("{}.eml", text::clean(subject).replace('\n', " ")))
                    }),
                    Cow::Borrowed(nested.raw_message()),
                )
            }
            PartType::Text(_) | PartType::Html(_) => (
                part.attachment_name().map(str::to_string),
                transfer_decoded(message, part),
            ),
            _ => (
                part.attachment_name().map(str::to_string),
                Cow::Borrowed(part.contents()),
            ),
        };
        let inline_unnamed = name.is_none()
            && matches!(
                part.body,
                PartType::InlineBinary(_) | PartType::Text(_) | PartType::Html(_)
            );
        if inline_unnamed {
            continue;
        }
        let name = name
            .map(|n| text::clean(&n).replace('\n', " "))
            .map(|n| n.chars().take(200).collect::<String>())
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| "unnamed".into());
        let sha256 = hex(&Sha256::digest(&data));
        let size = data.len() as u64;
        contents.push(match not_a_document(part, &name, &media_type, size) {
            Some(why) => Content::Ignored(why),
            None => match spool {
                None => Content::Off,
                Some(spool) => match spool.keep(&sha256, &data) {
                    Ok(path) => Content::Spooled(path),
                    Err(e) => Content::Ignored(format!("its bytes could not be kept: {e}")),
                },
            },
        });
        out.push(Attachment {
            name,
            media_type,
            size,
            sha256,
            document: None,
            not_stored: None,
        });
    }
    (out, contents, nested_sender)
}

/// Why an attachment is not a document of the customer: the message's signature
/// (`smime.p7s`, an OpenPGP signature), an inline image under [`INLINE_IMAGE_MAX`] (a logo in
/// a signature, a tracking pixel), or an empty part.
fn not_a_document(
    part: &MessagePart<'_>,
    name: &str,
    media_type: &str,
    size: u64,
) -> Option<String> {
    if SIGNATURE_TYPES.contains(&media_type) || name.to_ascii_lowercase().ends_with(".p7s") {
        return Some(format!(
            "the message's signature ({media_type}), not a document"
        ));
    }
    let inline = match part.content_disposition() {
        Some(d) => d.c_type.eq_ignore_ascii_case("inline"),
        None => part.content_id().is_some(),
    };
    if inline && media_type.starts_with("image/") && size < INLINE_IMAGE_MAX {
        return Some(format!(
            "an inline image under {} (a logo or a signature picture)",
            human_size(INLINE_IMAGE_MAX)
        ));
    }
    if size == 0 {
        return Some("empty".into());
    }
    None
}

/// A text part's bytes as the attached file had them (transfer encoding undone, charset not
/// converted), so its sha256 is the file's.
fn transfer_decoded<'a>(
    message: &'a mail_parser::Message<'_>,
    part: &'a MessagePart<'_>,
) -> Cow<'a, [u8]> {
    let raw = message
        .raw_message
        .get(part.offset_body as usize..part.offset_end as usize);
    let decoded = raw.and_then(|raw| match part.encoding {
        mail_parser::Encoding::Base64 => mail_parser::decoders::base64::base64_decode(raw),
        mail_parser::Encoding::QuotedPrintable => {
            mail_parser::decoders::quoted_printable::quoted_printable_decode(raw)
        }
        mail_parser::Encoding::None => Some(raw.to_vec()),
    });
    match decoded {
        Some(d) => Cow::Owned(d),
        None => Cow::Borrowed(part.contents()),
    }
}

fn body_has_forward_marker(body: &str) -> bool {
    let lower = body.to_lowercase();
    lower.contains("forwarded message") || lower.contains("original message")
}

/// The sender named in an inline forward (`---------- Forwarded message ---------` then
/// `From: Jane <jane@acme.example>`), read with mail-parser's address parser.
fn inline_forward_sender(body: &str) -> Option<Mailbox> {
    let lines: Vec<&str> = body.lines().collect();
    let start = lines.iter().position(|l| {
        let l = l.to_lowercase();
        l.contains("forwarded message") || l.contains("original message")
    })?;
    let from_line = lines[start + 1..].iter().take(6).find_map(|l| {
        let t = l.trim();
        let lower = t.to_lowercase();
        ["from:", "de :", "de:", "von:"]
            .iter()
            .find(|p| lower.starts_with(**p))
            .map(|p| t[p.len()..].trim().to_string())
    })?;
    let header = format!("From: {from_line}\r\n\r\n");
    let parsed = MessageParser::default().parse_headers(header.as_bytes())?;
    parsed.from().and_then(first_mailbox)
}

/// Why a message is automated: `Auto-Submitted` other than `no` (RFC 3834), `X-Autoreply` and
/// its variants, `Precedence: bulk|junk|auto_reply`, a delivery status notification
/// (`multipart/report`, `X-Failed-Recipients`, a mailer-daemon sender).
fn automation(message: &mail_parser::Message<'_>) -> Option<String> {
    if let Some(v) = header_text(message, "Auto-Submitted") {
        let value = v
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        if value != "no" {
            return Some(format!("Auto-Submitted: {value}"));
        }
    }
    for name in [
        "X-Autoreply",
        "X-Autorespond",
        "X-Autoresponder",
        "X-Auto-Reply",
    ] {
        if message.header_raw(name).is_some() {
            return Some(format!("{name} header"));
        }
    }
    if let Some(p) = header_text(message, "Precedence") {
        let p = p.to_ascii_lowercase();
        if matches!(p.as_str(), "bulk" | "junk" | "auto_reply") {
            return Some(format!("Precedence: {p}"));
        }
    }
    let root = message.root_part();
    if root.is_content_type("multipart", "report") {
        return Some("a delivery or read report (multipart/report)".into());
    }
    if message.header_raw("X-Failed-Recipients").is_some() {
        return Some("a bounce (X-Failed-Recipients)".into());
    }
    let daemon = message
        .from()
        .and_then(first_mailbox)
        .map(|m| m.address)
        .is_some_and(|a| {
            let local = a.split('@').next().unwrap_or("");
            matches!(local, "mailer-daemon" | "postmaster")
        });
    if daemon {
        return Some("a bounce (sent by the mailer daemon)".into());
    }
    None
}

/// The key of a message without a usable Message-ID: a digest of its date, addresses, subject
/// and text, so the same message read twice (or by another clone) gets the same key.
fn digest_key(
    at: Timestamp,
    from: &Option<Mailbox>,
    to: &[Mailbox],
    cc: &[Mailbox],
    subject: &str,
    body: &str,
) -> String {
    let mut h = Sha256::new();
    let addrs = |list: &[Mailbox]| {
        list.iter()
            .map(|m| m.address.as_str())
            .collect::<Vec<_>>()
            .join(",")
    };
    for part in [
        time::rfc3339(&at),
        from.as_ref().map(|f| f.address.clone()).unwrap_or_default(),
        addrs(to),
        addrs(cc),
        subject.to_string(),
        body.to_string(),
    ] {
        h.update(part.as_bytes());
        h.update([0x1f]);
    }
    format!("sha256:{}", &hex(&h.finalize())[..32])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(text: &str) -> RawMessage {
        RawMessage {
            origin: Origin {
                file: "t.eml".into(),
                place: None,
            },
            bytes: text.as_bytes().to_vec(),
            too_large: None,
            envelope_date: None,
        }
    }

    fn now() -> Timestamp {
        chrono::DateTime::parse_from_rfc3339("2026-12-01T00:00:00Z").unwrap()
    }

    fn parse_text(text: &str) -> Result<Parsed, Rejected> {
        parse(raw(text), &Limits::default(), now(), None)
    }

    #[test]
    fn a_plain_reply() {
        let p = parse_text(
            "From: Jane Doe <Jane@Acme.example>\r\nTo: support@agency.example\r\nSubject: Re: Invoice\r\nDate: Fri, 20 Nov 2026 09:12:00 +0100\r\nMessage-ID: <r1@acme.example>\r\nIn-Reply-To: <q1@agency.example>\r\nReferences: <root@acme.example>\r\n\r\nHi,\r\n\r\nStill wrong.\r\n\r\nOn Thu, Alice wrote:\r\n> Fixed\r\n",
        )
        .unwrap();
        assert_eq!(p.key, "r1@acme.example");
        assert_eq!(p.from.as_ref().unwrap().address, "jane@acme.example");
        assert_eq!(p.references, vec!["root@acme.example", "q1@agency.example"]);
        assert_eq!(p.excerpt, "Still wrong.");
        assert_eq!(time::rfc3339(&p.at), "2026-11-20T09:12:00+01:00");
        assert!(p.automated.is_none());
    }

    #[test]
    fn no_message_id_gets_a_stable_digest() {
        let m = "From: a@x.example\r\nTo: b@y.example\r\nDate: Fri, 20 Nov 2026 09:12:00 +0000\r\nSubject: s\r\n\r\nbody\r\n";
        let a = parse_text(m).unwrap();
        let b = parse_text(m).unwrap();
        assert!(a.key.starts_with("sha256:"));
        assert_eq!(a.key, b.key);
    }

    #[test]
    fn dates_missing_or_in_the_future_are_rejected() {
        let none = parse_text("From: a@x.example\r\nSubject: s\r\n\r\nbody\r\n").unwrap_err();
        assert!(none.reason.contains("no usable date"), "{none:?}");
        let future =
            parse_text("From: a@x.example\r\nDate: Fri, 20 Nov 2099 09:12:00 +0000\r\n\r\nb\r\n")
                .unwrap_err();
        assert!(future.reason.contains("in the future"), "{future:?}");
        let received = parse_text(
            "Received: from mx by mx2; Fri, 20 Nov 2026 09:12:00 +0000\r\nFrom: a@x.example\r\n\r\nb\r\n",
        )
        .unwrap();
        assert_eq!(time::rfc3339(&received.at), "2026-11-20T09:12:00Z");
    }

    #[test]
    fn automation_signs() {
        let auto = parse_text("From: a@x.example\r\nDate: Fri, 20 Nov 2026 09:12:00 +0000\r\nAuto-Submitted: auto-replied\r\n\r\nAway\r\n").unwrap();
        assert_eq!(
            auto.automated.as_deref(),
            Some("Auto-Submitted: auto-replied")
        );
        let no = parse_text("From: a@x.example\r\nDate: Fri, 20 Nov 2026 09:12:00 +0000\r\nAuto-Submitted: no\r\n\r\nHi\r\n").unwrap();
        assert!(no.automated.is_none());
    }

    #[test]
    fn html_only_and_attachments() {
        let m = "From: a@x.example\r\nDate: Fri, 20 Nov 2026 09:12:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Hello <b>there</b></p><div>Second</div>\r\n--b\r\nContent-Type: application/pdf; name=\"q.pdf\"\r\nContent-Disposition: attachment; filename=\"q.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\naGVsbG8=\r\n--b--\r\n";
        let p = parse_text(m).unwrap();
        assert_eq!(p.text, "Hello there\n\nSecond");
        assert_eq!(p.attachments.len(), 1);
        assert_eq!(p.attachments[0].name, "q.pdf");
        assert_eq!(p.attachments[0].size, 5);
        assert_eq!(
            p.attachments[0].sha256,
            "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
        );
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("64M"), Ok(64 << 20));
        assert_eq!(parse_size("512kb"), Ok(512 << 10));
        assert_eq!(parse_size("800"), Ok(800));
        assert!(parse_size("lots").is_err());
        assert!(parse_size("0").is_err());
    }

    #[test]
    fn oversized_and_garbage() {
        let mut r = raw("");
        r.too_large = Some(100 << 20);
        let e = parse(r, &Limits::default(), now(), None).unwrap_err();
        assert!(e.reason.contains("100.0 MB"), "{e:?}");
        assert_eq!(e.limit, Some(crate::error::Input::MaxMessageSize));
        assert!(parse_text("").is_err());
    }
}
