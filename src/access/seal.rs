//! Sealing and opening, through the `age` crate only: small values as ASCII-armored messages
//! stored in the record, document contents as binary age files streamed in both directions (a
//! large file never has to fit in memory).

use std::io::{Read, Write};

use serde_json::{Map, Value};

use super::identity::Keyring;
use super::keys::Recipient;
use crate::error::{Error, Result};
use crate::model::restricted::Sealed;

/// Payloads are padded to a multiple of this many bytes, so the length of a message does not
/// tell a short value ("12") from a longer one ("125000").
const PAD_TO: usize = 64;
/// The key carrying the padding inside a payload (ignored when opened).
const PAD_KEY: &str = "_pad";
/// Largest sealed value opened (the record that holds it is bounded too).
const MAX_OPENED: u64 = 4 * 1024 * 1024;

fn crypto_error(what: &str, e: impl std::fmt::Display) -> Error {
    Error::invalid(format!("{what}: {e}"))
}

fn encryptor(recipients: &[Recipient]) -> Result<age::Encryptor> {
    if recipients.is_empty() {
        return Err(Error::invalid("nobody to seal the content to"));
    }
    let boxed: Vec<Box<dyn age::Recipient + Send>> =
        recipients.iter().map(|r| r.key.recipient()).collect();
    age::Encryptor::with_recipients(boxed.iter().map(|r| r.as_ref() as &dyn age::Recipient))
        .map_err(|e| crypto_error("cannot seal", e))
}

/// Seals `payload` (a map of the record's sealed keys) to `recipients`, kept to `team`.
pub fn seal(team: &str, recipients: &[Recipient], payload: Map<String, Value>) -> Result<Sealed> {
    let plain = padded(payload)?;
    let mut out = Vec::with_capacity(plain.len() * 2 + 512);
    let armor = age::armor::ArmoredWriter::wrap_output(&mut out, age::armor::Format::AsciiArmor)
        .map_err(|e| crypto_error("cannot seal", e))?;
    let mut writer = encryptor(recipients)?
        .wrap_output(armor)
        .map_err(|e| crypto_error("cannot seal", e))?;
    writer
        .write_all(&plain)
        .map_err(|e| crypto_error("cannot seal", e))?;
    writer
        .finish()
        .and_then(|armor| armor.finish())
        .map_err(|e| crypto_error("cannot seal", e))?;
    let ciphertext = String::from_utf8(out).map_err(|e| crypto_error("cannot seal", e))?;
    Ok(Sealed {
        team: team.to_string(),
        recipients: recipients.iter().map(Recipient::label).collect(),
        by: None,
        ciphertext,
    })
}

/// The payload as JSON, padded with spaces to a multiple of [`PAD_TO`] bytes.
fn padded(mut payload: Map<String, Value>) -> Result<Vec<u8>> {
    payload.remove(PAD_KEY);
    let plain = serde_json::to_vec(&payload).map_err(|e| crypto_error("cannot seal", e))?;
    // `,"_pad":""` (or `"_pad":""` in an empty map) plus the spaces.
    let overhead = if payload.is_empty() { 9 } else { 10 };
    let short = (PAD_TO - (plain.len() + overhead) % PAD_TO) % PAD_TO;
    payload.insert(PAD_KEY.into(), Value::String(" ".repeat(short)));
    serde_json::to_vec(&payload).map_err(|e| crypto_error("cannot seal", e))
}

/// Seals the bytes of `input` to `recipients` into `output` as a binary age file, streaming;
/// returns how many bytes were read.
pub fn seal_stream(
    recipients: &[Recipient],
    input: &mut dyn Read,
    output: &mut dyn Write,
) -> Result<u64> {
    let mut writer = encryptor(recipients)?
        .wrap_output(output)
        .map_err(|e| crypto_error("cannot seal", e))?;
    let n = std::io::copy(input, &mut writer).map_err(|e| crypto_error("cannot seal", e))?;
    writer
        .finish()
        .map_err(|e| crypto_error("cannot seal", e))?;
    Ok(n)
}

impl Keyring {
    /// Opens a sealed value; `None` when no local identity is among its recipients or the
    /// message does not decrypt (a damaged message reads as unreadable, never as a panic).
    pub fn open(&self, sealed: &Sealed) -> Option<Map<String, Value>> {
        if self.is_empty() {
            return None;
        }
        let armored = age::armor::ArmoredReader::new(sealed.ciphertext.as_bytes());
        let decryptor = age::Decryptor::new_buffered(armored).ok()?;
        let reader = decryptor.decrypt(self.identities()).ok()?;
        let mut plain = Vec::new();
        reader.take(MAX_OPENED).read_to_end(&mut plain).ok()?;
        let mut map: Map<String, Value> = serde_json::from_slice(&plain).ok()?;
        map.remove(PAD_KEY);
        Some(map)
    }

    /// A reader of the opened bytes of the binary age file `input` (for re-sealing it to other
    /// recipients without holding it whole); `None` when no local identity can open it.
    pub fn open_reader<'a>(&self, input: Box<dyn Read + 'a>) -> Result<Option<Box<dyn Read + 'a>>> {
        if self.is_empty() {
            return Ok(None);
        }
        let decryptor = age::Decryptor::new(std::io::BufReader::new(input))
            .map_err(|e| crypto_error("not an age file", e))?;
        match decryptor.decrypt(self.identities()) {
            Ok(r) => Ok(Some(Box::new(r))),
            Err(age::DecryptError::NoMatchingKeys) => Ok(None),
            Err(e) => Err(crypto_error("cannot open", e)),
        }
    }

    /// Opens a binary age file from `input` into `output`, streaming. `Ok(false)` when no local
    /// identity can open it; an error when it opens but is damaged.
    pub fn open_stream(&self, input: &mut dyn Read, output: &mut dyn Write) -> Result<bool> {
        if self.is_empty() {
            return Ok(false);
        }
        let decryptor = match age::Decryptor::new(std::io::BufReader::new(input)) {
            Ok(d) => d,
            Err(e) => return Err(crypto_error("not an age file", e)),
        };
        let mut reader = match decryptor.decrypt(self.identities()) {
            Ok(r) => r,
            Err(age::DecryptError::NoMatchingKeys) => return Ok(false),
            Err(e) => return Err(crypto_error("cannot open", e)),
        };
        std::io::copy(&mut reader, output).map_err(|e| crypto_error("cannot open", e))?;
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::access::keys::PublicKey;
    use age::secrecy::ExposeSecret;

    fn person(handle: &str) -> (Keyring, Recipient) {
        let id = age::x25519::Identity::generate();
        let mut ring = Keyring::empty();
        ring.add_text(id.to_string().expose_secret(), handle)
            .unwrap();
        let key = PublicKey::parse(&id.to_public().to_string()).unwrap();
        (
            ring,
            Recipient {
                person: handle.into(),
                key,
            },
        )
    }

    #[test]
    fn a_value_opens_for_its_recipients_only() {
        let (alice, a) = person("alice");
        let (bob, _) = person("bob");
        let mut payload = Map::new();
        payload.insert("body".into(), Value::String("price is 1200".into()));
        let sealed = seal("finance", std::slice::from_ref(&a), payload.clone()).unwrap();
        assert!(!sealed.ciphertext.contains("1200"));
        assert_eq!(sealed.recipients, vec![a.label()]);
        assert_eq!(alice.open(&sealed), Some(payload));
        assert_eq!(bob.open(&sealed), None);
        assert_eq!(Keyring::empty().open(&sealed), None);
        let mut broken = sealed.clone();
        broken.ciphertext = broken.ciphertext.replace('A', "B");
        assert_eq!(alice.open(&broken), None);
    }

    #[test]
    fn lengths_are_padded() {
        for text in ["", "12", "125000", &"x".repeat(200)] {
            let mut p = Map::new();
            p.insert("body".into(), Value::String(text.into()));
            assert_eq!(padded(p).unwrap().len() % PAD_TO, 0, "{text:?}");
        }
        assert_eq!(padded(Map::new()).unwrap().len() % PAD_TO, 0);
    }

    #[test]
    fn files_stream_through() {
        let (alice, a) = person("alice");
        let (bob, _) = person("bob");
        let data: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        let mut sealed = Vec::new();
        seal_stream(&[a], &mut data.as_slice(), &mut sealed).unwrap();
        let mut out = Vec::new();
        assert!(alice.open_stream(&mut sealed.as_slice(), &mut out).unwrap());
        assert_eq!(out, data);
        let mut out = Vec::new();
        assert!(!bob.open_stream(&mut sealed.as_slice(), &mut out).unwrap());
        assert!(out.is_empty());
    }
}
