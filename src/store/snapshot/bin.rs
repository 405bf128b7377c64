//! The small binary toolkit of the cache files: a writer, a bounds-checked reader (a damaged
//! file is a miss, never a panic), a fast checksum, and the content keys derived results are
//! filed under.

use sha2::{Digest, Sha256};

/// A key naming content: the first 16 bytes of a SHA-256 over what it is made of. Results filed
/// under a key are valid for exactly that content (a collision would need 2^64 tries).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Key(pub [u8; 16]);

/// Builds a [`Key`] from parts, each framed by its length so no two lists of parts collide.
pub struct KeyHasher(Sha256);

impl KeyHasher {
    /// A hasher for keys of `what` (a distinct word per use, so keys of two uses never meet).
    pub fn new(what: &str) -> Self {
        let mut h = KeyHasher(Sha256::new());
        h.part(what.as_bytes());
        h
    }

    /// Adds one part.
    pub fn part(&mut self, bytes: &[u8]) -> &mut Self {
        self.0.update((bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
        self
    }

    /// Adds another key.
    pub fn key(&mut self, key: &Key) -> &mut Self {
        self.part(&key.0)
    }

    /// The key.
    pub fn finish(self) -> Key {
        let digest = self.0.finalize();
        let mut out = [0u8; 16];
        out.copy_from_slice(&digest[..16]);
        Key(out)
    }
}

/// The body of a cache file whose last 8 bytes are the [`checksum`] of the rest (as
/// [`Out::seal`] writes it); `None` when it is too short or does not match.
pub fn checked_body(buf: &[u8]) -> Option<&[u8]> {
    let (body, sum) = buf.split_at_checked(buf.len().checked_sub(8)?)?;
    (checksum(body).to_le_bytes() == sum).then_some(body)
}

/// A checksum of `bytes` that catches a torn or damaged cache file (not an adversary: the cache
/// lives in the clone's own git folder): a CRC-32, which `crc32fast` computes with the
/// processor's carry-less multiply at tens of gigabytes a second (the multiply-and-shift hash
/// used before ran at about 5 GB/s, and a warm run checks the whole index and every segment it
/// reads: 11 MB at 20,000 touchpoints), with the length beside it.
pub fn checksum(bytes: &[u8]) -> u64 {
    (u64::from(crc32fast::hash(bytes)) << 32) ^ bytes.len() as u64
}

/// Appends little-endian values to a buffer.
#[derive(Default)]
pub struct Out(pub Vec<u8>);

impl Out {
    pub fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    pub fn u16(&mut self, v: u16) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    pub fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    pub fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    pub fn bytes(&mut self, v: &[u8]) {
        self.0.extend_from_slice(v);
    }
    /// Appends the [`checksum`] of everything written so far (read back by [`checked_body`]).
    pub fn seal(&mut self) {
        let sum = checksum(&self.0);
        self.u64(sum);
    }
    /// A length-prefixed (u32) byte string.
    pub fn blob(&mut self, v: &[u8]) {
        self.u32(v.len() as u32);
        self.bytes(v);
    }
    /// A short string: u16 length, the bytes, and a NUL (so it can be handed to the system as
    /// a C string without a copy).
    pub fn name(&mut self, v: &str) {
        self.u16(v.len() as u16);
        self.bytes(v.as_bytes());
        self.u8(0);
    }
}

/// Reads what [`Out`] wrote; every read is bounds-checked and `None` past the end.
#[derive(Clone, Copy)]
pub struct In<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> In<'a> {
    pub fn new(buf: &'a [u8]) -> Self {
        In { buf, pos: 0 }
    }
    pub fn pos(&self) -> usize {
        self.pos
    }
    pub fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.pos.checked_add(n)?;
        let out = self.buf.get(self.pos..end)?;
        self.pos = end;
        Some(out)
    }
    pub fn u8(&mut self) -> Option<u8> {
        self.take(1).map(|b| b[0])
    }
    pub fn u16(&mut self) -> Option<u16> {
        self.take(2).map(|b| u16::from_le_bytes([b[0], b[1]]))
    }
    pub fn u32(&mut self) -> Option<u32> {
        let b = self.take(4)?;
        Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    pub fn u64(&mut self) -> Option<u64> {
        let mut word = [0u8; 8];
        word.copy_from_slice(self.take(8)?);
        Some(u64::from_le_bytes(word))
    }
    pub fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.take(N)?);
        Some(out)
    }
    pub fn blob(&mut self) -> Option<&'a [u8]> {
        let n = self.u32()? as usize;
        self.take(n)
    }
    /// A string written by [`Out::name`], with its NUL (checked), as a C string.
    pub fn cname(&mut self) -> Option<&'a std::ffi::CStr> {
        let n = self.u16()? as usize;
        let bytes = self.take(n + 1)?;
        std::ffi::CStr::from_bytes_with_nul(bytes).ok()
    }
    /// A string written by [`Out::name`].
    pub fn name(&mut self) -> Option<&'a str> {
        self.cname()?.to_str().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_truncation() {
        let mut out = Out::default();
        out.u8(7);
        out.u32(1 << 20);
        out.name("interactions");
        out.blob(b"abc");
        out.u64(u64::MAX);
        let bytes = out.0;
        let mut r = In::new(&bytes);
        assert_eq!(r.u8(), Some(7));
        assert_eq!(r.u32(), Some(1 << 20));
        assert_eq!(r.name(), Some("interactions"));
        assert_eq!(r.blob(), Some(&b"abc"[..]));
        assert_eq!(r.u64(), Some(u64::MAX));
        assert_eq!(r.u8(), None);
        // Any truncation reads as missing, never panics.
        for n in 0..bytes.len() {
            let mut r = In::new(&bytes[..n]);
            let all = (|| {
                r.u8()?;
                r.u32()?;
                r.name()?;
                r.blob()?;
                r.u64()
            })();
            assert_eq!(all, None, "{n}");
        }
    }

    #[test]
    fn checksums_and_keys_tell_contents_apart() {
        assert_ne!(checksum(b"abc"), checksum(b"abd"));
        assert_ne!(checksum(b""), checksum(b"\0"));
        let key = |parts: &[&[u8]]| {
            let mut h = KeyHasher::new("t");
            for p in parts {
                h.part(p);
            }
            h.finish()
        };
        assert_ne!(key(&[b"ab", b"c"]), key(&[b"a", b"bc"]));
        assert_eq!(key(&[b"x"]), key(&[b"x"]));
    }
}
