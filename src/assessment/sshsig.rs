//! OpenSSH signatures (SSHSIG) with Ed25519 keys: what `ssh-keygen -Y sign` writes and
//! `ssh-keygen -Y verify` checks, so that a record signed by Vigie can be checked with OpenSSH alone.
//!
//! The format is OpenSSH's `PROTOCOL.sshsig`: the signer signs, with its Ed25519 key,
//!
//! ```text
//! "SSHSIG" || string(namespace) || string("") || string("sha512") || string(SHA-512(message))
//! ```
//!
//! and the signature file is the armored blob
//!
//! ```text
//! "SSHSIG" || uint32(1) || string(public key) || string(namespace) || string("") || string("sha512")
//!          || string(string("ssh-ed25519") || string(64-byte signature))
//! ```
//!
//! (`string` is a big-endian 32-bit length then the bytes, as in RFC 4251). It is written here rather
//! than taken from the `ssh-key` crate: that crate's release for this generation of RustCrypto
//! (ed25519-dalek 3, sha2 0.11) is still a release candidate, and the format is small, frozen since
//! OpenSSH 8.1 (2019) and checked against `ssh-keygen` itself in CI. Only Ed25519 keys are accepted,
//! with the SHA-512 or SHA-256 message hash OpenSSH allows.

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD};
use ed25519_dalek::{Signature, Signer as _, SigningKey, VerifyingKey};
use sha2::{Digest as _, Sha256};

const MAGIC: &[u8; 6] = b"SSHSIG";
const VERSION: u32 = 1;
const KEY_TYPE: &str = "ssh-ed25519";
const BEGIN: &str = "-----BEGIN SSH SIGNATURE-----";
const END: &str = "-----END SSH SIGNATURE-----";
/// The largest armored signature read: an Ed25519 SSHSIG is about 300 bytes.
pub const MAX_SIGNATURE_FILE: usize = 16 * 1024;

/// Why a signature or a key could not be read or does not verify.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SshSigError {
    /// Not an armored SSH signature, or a damaged one.
    #[error("not a readable SSH signature")]
    Malformed,
    /// A signature of another kind of key than Ed25519.
    #[error("the signature uses a key type Vigie does not accept: {0}")]
    KeyType(String),
    /// A signature made for another purpose (namespace).
    #[error("the signature was made for \"{found}\", not \"{expected}\"")]
    Namespace {
        /// The namespace this check expects.
        expected: String,
        /// The one in the signature.
        found: String,
    },
    /// The bytes signed are not these bytes (or the signature was altered).
    #[error("the signature does not match the file")]
    Mismatch,
    /// Not an `ssh-ed25519 AAAA…` public key.
    #[error("not an Ed25519 public key in OpenSSH form")]
    PublicKey,
}

/// An Ed25519 public key, as OpenSSH writes and identifies it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PublicKey(pub VerifyingKey);

impl PublicKey {
    /// The key's SSH wire encoding: `string("ssh-ed25519") || string(32 bytes)`.
    pub fn wire(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(51);
        put_string(&mut out, KEY_TYPE.as_bytes());
        put_string(&mut out, self.0.as_bytes());
        out
    }

    /// `ssh-ed25519 AAAA…`, the form of `authorized_keys` and `allowed_signers`.
    pub fn openssh(&self) -> String {
        format!("{KEY_TYPE} {}", STANDARD.encode(self.wire()))
    }

    /// The fingerprint as `ssh-keygen -l` prints it: `SHA256:` and the unpadded base64 of the SHA-256 of
    /// the wire encoding.
    pub fn fingerprint(&self) -> String {
        format!(
            "SHA256:{}",
            STANDARD_NO_PAD.encode(Sha256::digest(self.wire()))
        )
    }

    /// Reads `ssh-ed25519 AAAA… [comment]`.
    pub fn parse_openssh(text: &str) -> Result<Self, SshSigError> {
        let mut parts = text.split_whitespace();
        if parts.next() != Some(KEY_TYPE) {
            return Err(SshSigError::PublicKey);
        }
        let blob = parts
            .next()
            .and_then(|b| STANDARD.decode(b).ok())
            .ok_or(SshSigError::PublicKey)?;
        let mut r = Reader(&blob);
        let key = Self::from_wire_reader(&mut r).ok_or(SshSigError::PublicKey)?;
        if r.0.is_empty() {
            Ok(key)
        } else {
            Err(SshSigError::PublicKey)
        }
    }

    fn from_wire_reader(r: &mut Reader<'_>) -> Option<Self> {
        if r.string()? != KEY_TYPE.as_bytes() {
            return None;
        }
        let bytes: [u8; 32] = r.string()?.try_into().ok()?;
        VerifyingKey::from_bytes(&bytes).ok().map(Self)
    }
}

/// A parsed SSH signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SshSignature {
    /// The signer's public key.
    pub key: PublicKey,
    /// What the signature is for.
    pub namespace: String,
    /// The message hash: `sha512` or `sha256`.
    pub hash: String,
    signature: Signature,
}

fn put_string(out: &mut Vec<u8>, bytes: &[u8]) {
    // Every string written here is a key, a name or a hash: far under 4 GiB.
    let len = u32::try_from(bytes.len()).unwrap_or(u32::MAX);
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(bytes);
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if self.0.len() < n {
            return None;
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(head)
    }
    fn u32(&mut self) -> Option<u32> {
        let b: [u8; 4] = self.take(4)?.try_into().ok()?;
        Some(u32::from_be_bytes(b))
    }
    fn string(&mut self) -> Option<&'a [u8]> {
        let n = usize::try_from(self.u32()?).ok()?;
        self.take(n)
    }
}

fn message_hash(hash: &str, message: &[u8]) -> Option<Vec<u8>> {
    match hash {
        "sha512" => Some(sha2::Sha512::digest(message).to_vec()),
        "sha256" => Some(Sha256::digest(message).to_vec()),
        _ => None,
    }
}

/// The bytes the key signs (`PROTOCOL.sshsig`'s "signed data").
fn signed_data(namespace: &str, hash: &str, digest: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(6 + 4 * 4 + namespace.len() + hash.len() + digest.len());
    out.extend_from_slice(MAGIC);
    put_string(&mut out, namespace.as_bytes());
    put_string(&mut out, b"");
    put_string(&mut out, hash.as_bytes());
    put_string(&mut out, digest);
    out
}

/// Signs `message` for `namespace`; returns the armored signature file's text.
pub fn sign(key: &SigningKey, namespace: &str, message: &[u8]) -> String {
    let hash = "sha512";
    let digest = sha2::Sha512::digest(message);
    let signature = key.sign(&signed_data(namespace, hash, &digest));
    let public = PublicKey(key.verifying_key());
    let mut blob = Vec::with_capacity(300);
    blob.extend_from_slice(MAGIC);
    blob.extend_from_slice(&VERSION.to_be_bytes());
    put_string(&mut blob, &public.wire());
    put_string(&mut blob, namespace.as_bytes());
    put_string(&mut blob, b"");
    put_string(&mut blob, hash.as_bytes());
    let mut sig = Vec::with_capacity(83);
    put_string(&mut sig, KEY_TYPE.as_bytes());
    put_string(&mut sig, &signature.to_bytes());
    put_string(&mut blob, &sig);
    armor(&blob)
}

fn armor(blob: &[u8]) -> String {
    let b64 = STANDARD.encode(blob);
    let mut out = String::with_capacity(b64.len() + 80);
    out.push_str(BEGIN);
    out.push('\n');
    // OpenSSH wraps the base64 at 70 columns.
    for line in b64.as_bytes().chunks(70) {
        out.push_str(&String::from_utf8_lossy(line));
        out.push('\n');
    }
    out.push_str(END);
    out.push('\n');
    out
}

impl SshSignature {
    /// Reads an armored signature exactly as `ssh-keygen -Y verify` does: the file must begin with the
    /// header line `-----BEGIN SSH SIGNATURE-----` and a line feed (a CR LF line end, a blank line or a
    /// space before it is "missing header" to OpenSSH, and here), the base64 runs up to the first line
    /// feed followed by `-----END SSH SIGNATURE-----` (what follows the footer is ignored, as OpenSSH
    /// does), white space inside the base64 is skipped, and the base64 must be canonical (padding,
    /// no stray bits).
    pub fn parse(text: &str) -> Result<Self, SshSigError> {
        if text.len() > MAX_SIGNATURE_FILE {
            return Err(SshSigError::Malformed);
        }
        let rest = text
            .strip_prefix(BEGIN)
            .and_then(|t| t.strip_prefix('\n'))
            .ok_or(SshSigError::Malformed)?;
        let end = rest
            .find(&format!("\n{END}"))
            .ok_or(SshSigError::Malformed)?;
        // OpenSSH's base64 decoder skips C's isspace(): space, \t, \n, \v, \f, \r.
        let b64: String = rest[..end]
            .chars()
            .filter(|c| !matches!(c, ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r'))
            .collect();
        let blob = STANDARD.decode(b64).or(Err(SshSigError::Malformed))?;
        Self::from_blob(&blob)
    }

    fn from_blob(blob: &[u8]) -> Result<Self, SshSigError> {
        let mut r = Reader(blob);
        // OpenSSH refuses only versions above its own (0 is read as 1).
        if r.take(6) != Some(MAGIC.as_slice()) || r.u32().is_none_or(|v| v > VERSION) {
            return Err(SshSigError::Malformed);
        }
        let key_blob = r.string().ok_or(SshSigError::Malformed)?;
        let mut kr = Reader(key_blob);
        let key_type = kr.string().ok_or(SshSigError::Malformed)?;
        if key_type != KEY_TYPE.as_bytes() {
            return Err(SshSigError::KeyType(
                String::from_utf8_lossy(key_type).chars().take(40).collect(),
            ));
        }
        let mut whole_key = Reader(key_blob);
        let key = PublicKey::from_wire_reader(&mut whole_key).ok_or(SshSigError::Malformed)?;
        if !whole_key.0.is_empty() {
            return Err(SshSigError::Malformed);
        }
        let text = |b: &[u8]| String::from_utf8(b.to_vec()).or(Err(SshSigError::Malformed));
        let namespace = text(r.string().ok_or(SshSigError::Malformed)?)?;
        let _reserved = r.string().ok_or(SshSigError::Malformed)?;
        let hash = text(r.string().ok_or(SshSigError::Malformed)?)?;
        let sig_blob = r.string().ok_or(SshSigError::Malformed)?;
        if !r.0.is_empty() {
            return Err(SshSigError::Malformed);
        }
        let mut sr = Reader(sig_blob);
        if sr.string() != Some(KEY_TYPE.as_bytes()) {
            return Err(SshSigError::Malformed);
        }
        let bytes: [u8; 64] = sr
            .string()
            .and_then(|b| b.try_into().ok())
            .ok_or(SshSigError::Malformed)?;
        if !sr.0.is_empty() {
            return Err(SshSigError::Malformed);
        }
        if message_hash(&hash, b"").is_none() {
            return Err(SshSigError::Malformed);
        }
        Ok(Self {
            key,
            namespace,
            hash,
            signature: Signature::from_bytes(&bytes),
        })
    }

    /// Checks that this signature was made for `namespace` over exactly `message`.
    pub fn verify(&self, namespace: &str, message: &[u8]) -> Result<(), SshSigError> {
        if self.namespace != namespace {
            return Err(SshSigError::Namespace {
                expected: namespace.to_owned(),
                found: self.namespace.chars().take(60).collect(),
            });
        }
        let digest = message_hash(&self.hash, message).ok_or(SshSigError::Malformed)?;
        self.key
            .0
            .verify_strict(
                &signed_data(&self.namespace, &self.hash, &digest),
                &self.signature,
            )
            .or(Err(SshSigError::Mismatch))
    }
}

/// One line of an OpenSSH `allowed_signers` file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AllowedSigner {
    /// The principal (`-I` of `ssh-keygen -Y verify`).
    pub principal: String,
    /// The namespaces the key may sign for.
    pub namespaces: Vec<String>,
    /// The key.
    pub key: PublicKey,
}

impl AllowedSigner {
    /// The line: `principal namespaces="a,b" ssh-ed25519 AAAA…`.
    pub fn line(&self) -> String {
        format!(
            "{} namespaces=\"{}\" {}",
            self.principal,
            self.namespaces.join(","),
            self.key.openssh()
        )
    }
}

/// Lists the lines of an `allowed_signers` file that Vigie writes (and the simple ones people write):
/// comments and blank lines skipped, options other than `namespaces` ignored, keys other than Ed25519
/// skipped. For naming who is expected only: whether a signature is allowed is [`allowed`]'s answer,
/// with all of OpenSSH's rules.
pub fn parse_allowed_signers(text: &str) -> Vec<AllowedSigner> {
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut fields = line.split_whitespace();
        let Some(principal) = fields.next() else {
            continue;
        };
        let mut namespaces = Vec::new();
        // One pass over the fields (linear in the line's length, however many fields it holds).
        let mut rest: Vec<&str> = Vec::new();
        for field in fields {
            if !rest.is_empty() || field.starts_with("ssh-") {
                rest.push(field);
            } else if let Some(list) = field.strip_prefix("namespaces=") {
                namespaces = list
                    .trim_matches('"')
                    .split(',')
                    .map(str::to_owned)
                    .collect();
            }
        }
        if let Ok(key) = PublicKey::parse_openssh(&rest.join(" ")) {
            for principal in principal.trim_matches('"').split(',') {
                out.push(AllowedSigner {
                    principal: principal.to_owned(),
                    namespaces: namespaces.clone(),
                    key,
                });
            }
        }
    }
    out
}

/// OpenSSH's `match_pattern`: `*` any run of characters, `?` one character, case-sensitive. Iterative,
/// going back only to the last `*`: at most `s.len() × p.len()` steps, never the exponential time of
/// trying every split for every `*` (a pattern of many `*` in a hostile `allowed_signers`).
fn match_pattern(s: &[u8], p: &[u8]) -> bool {
    let (mut si, mut pi) = (0, 0);
    // The last `*` seen and the position in `s` it currently stands for the run up to.
    let mut star: Option<(usize, usize)> = None;
    while si < s.len() {
        match p.get(pi) {
            Some(b'*') => {
                star = Some((pi, si));
                pi += 1;
            }
            Some(&c) if c == b'?' || c == s[si] => {
                si += 1;
                pi += 1;
            }
            _ => match star {
                Some((sp, ss)) => {
                    pi = sp + 1;
                    si = ss + 1;
                    star = Some((sp, ss + 1));
                }
                None => return false,
            },
        }
    }
    p[pi..].iter().all(|&c| c == b'*')
}

/// OpenSSH's `match_pattern_list`: comma-separated patterns, `!` negates; true when a positive pattern
/// matches and no negated one does.
fn match_pattern_list(s: &str, list: &str) -> bool {
    let mut positive = false;
    for pattern in list.split(',') {
        if let Some(negated) = pattern.strip_prefix('!') {
            if match_pattern(s.as_bytes(), negated.as_bytes()) {
                return false;
            }
        } else if match_pattern(s.as_bytes(), pattern.as_bytes()) {
            positive = true;
        }
    }
    positive
}

/// OpenSSH's `opt_dequote`: a double-quoted value, `\"` for a quote.
fn dequote(opts: &str) -> Option<(String, &str)> {
    let mut chars = opts.strip_prefix('"')?.char_indices().peekable();
    let body = opts.get(1..)?;
    let mut out = String::new();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, body.get(i + 1..)?)),
            '\\' if chars.peek().is_some_and(|&(_, n)| n == '"') => {
                out.push('"');
                chars.next();
            }
            c => out.push(c),
        }
    }
    None
}

/// OpenSSH's `parse_absolute_time`: `YYYYMMDD[HHMM[SS]]`, UTC with a final `Z`, local time otherwise.
fn absolute_time(text: &str) -> Option<i64> {
    let (digits, utc) = match text.strip_suffix(['Z', 'z']) {
        Some(d) => (d, true),
        None => (text, false),
    };
    if !digits.bytes().all(|b| b.is_ascii_digit()) || ![8, 12, 14].contains(&digits.len()) {
        return None;
    }
    let n = |r: std::ops::Range<usize>| -> Option<i16> { digits.get(r)?.parse().ok() };
    let (hour, minute, second) = match digits.len() {
        8 => (0, 0, 0),
        12 => (n(8..10)?, n(10..12)?, 0),
        _ => (n(8..10)?, n(10..12)?, n(12..14)?),
    };
    let dt = jiff::civil::DateTime::new(
        n(0..4)?,
        i8::try_from(n(4..6)?).ok()?,
        i8::try_from(n(6..8)?).ok()?,
        i8::try_from(hour).ok()?,
        i8::try_from(minute).ok()?,
        i8::try_from(second).ok()?,
        0,
    )
    .ok()?;
    let tz = if utc {
        jiff::tz::TimeZone::UTC
    } else {
        jiff::tz::TimeZone::system()
    };
    tz.to_timestamp(dt).ok().map(jiff::Timestamp::as_second)
}

/// The options of an `allowed_signers` line, as OpenSSH's `sshsigopt_parse` reads them.
#[derive(Default)]
struct SigOptions {
    cert_authority: bool,
    namespaces: Option<String>,
    valid_after: Option<i64>,
    valid_before: Option<i64>,
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

fn parse_options(mut opts: &str) -> Option<SigOptions> {
    let mut out = SigOptions::default();
    while !opts.is_empty() && !opts.starts_with([' ', '\t']) {
        if let Some(rest) = strip_prefix_ci(opts, "cert-authority") {
            out.cert_authority = true;
            opts = rest;
        } else if let Some(rest) = strip_prefix_ci(opts, "namespaces=") {
            if out.namespaces.is_some() {
                return None;
            }
            let (value, rest) = dequote(rest)?;
            out.namespaces = Some(value);
            opts = rest;
        } else if let Some((rest, after)) = strip_prefix_ci(opts, "valid-after=")
            .map(|r| (r, true))
            .or_else(|| strip_prefix_ci(opts, "valid-before=").map(|r| (r, false)))
        {
            let slot = if after {
                &mut out.valid_after
            } else {
                &mut out.valid_before
            };
            if slot.is_some() {
                return None;
            }
            let (value, rest) = dequote(rest)?;
            *slot = Some(absolute_time(&value).filter(|&t| t != 0)?);
            opts = rest;
        }
        if opts.is_empty() || opts.starts_with([' ', '\t']) {
            break;
        }
        opts = opts.strip_prefix(',')?;
        if opts.is_empty() {
            return None;
        }
    }
    if let (Some(a), Some(b)) = (out.valid_after, out.valid_before)
        && b <= a
    {
        return None;
    }
    Some(out)
}

/// OpenSSH's `sshkey_read` for the one key type Vigie reads: `ssh-ed25519`, white space, the base64
/// blob (up to a space or a tab; other white space inside it is skipped), then anything (a comment).
fn read_key(text: &str) -> Option<PublicKey> {
    let rest = text.strip_prefix(KEY_TYPE)?;
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    let rest = rest.trim_start_matches([' ', '\t']);
    let blob_text: String = rest
        .split([' ', '\t'])
        .next()?
        .chars()
        .filter(|c| !matches!(c, '\n' | '\x0b' | '\x0c' | '\r'))
        .collect();
    let blob = STANDARD.decode(blob_text).ok()?;
    let mut r = Reader(&blob);
    let key = PublicKey::from_wire_reader(&mut r)?;
    r.0.is_empty().then_some(key)
}

/// OpenSSH's `sshkey_advance_past_options`: the options run up to a space or a tab outside quotes.
fn split_options(text: &str) -> Option<(&str, &str)> {
    let bytes = text.as_bytes();
    let mut quoted = false;
    let mut i = 0;
    while i < bytes.len() && (quoted || (bytes[i] != b' ' && bytes[i] != b'\t')) {
        if bytes[i] == b'\\' && bytes.get(i + 1) == Some(&b'"') {
            i += 1;
        } else if bytes[i] == b'"' {
            quoted = !quoted;
        }
        i += 1;
    }
    if i >= bytes.len() {
        return None;
    }
    Some((&text[..i], text[i + 1..].trim_start_matches([' ', '\t'])))
}

/// Whether one line of an `allowed_signers` file allows `key` to sign for `namespace` as
/// `principal` (any principal when `None`) at `now` (seconds since 1970); returns the line's
/// principals field when it does. OpenSSH's `check_allowed_keys_line`, for Ed25519 keys.
fn line_allows(
    line: &str,
    principal: Option<&str>,
    namespace: &str,
    key: &PublicKey,
    now: i64,
) -> Option<String> {
    let cp = line.trim_start_matches([' ', '\t']);
    if cp.is_empty() || cp.starts_with('#') {
        return None;
    }
    // strdelimw: the first token, a quoted one with its quotes removed.
    let (principals, rest) = if let Some(q) = cp.find(['"', ' ', '\t', '\r', '\n']) {
        if cp.as_bytes()[q] == b'"' {
            let unq = format!("{}{}", &cp[..q], &cp[q + 1..]);
            let close = unq[q..].find('"')? + q;
            let rest = unq[close + 1..]
                .trim_start_matches([' ', '\t', '\r', '\n'])
                .to_owned();
            (unq[..close].to_owned(), rest)
        } else {
            let rest = cp[q + 1..].trim_start_matches([' ', '\t', '\r', '\n']);
            (cp[..q].to_owned(), rest.to_owned())
        }
    } else {
        return None;
    };
    if principal.is_some_and(|p| !match_pattern_list(p, &principals)) {
        return None;
    }
    let (options, found) = if let Some(k) = read_key(&rest) {
        (SigOptions::default(), k)
    } else {
        let (opts, after) = split_options(&rest)?;
        (parse_options(opts)?, read_key(after)?)
    };
    if options.cert_authority || found != *key {
        return None;
    }
    if options
        .namespaces
        .as_ref()
        .is_some_and(|n| !match_pattern_list(namespace, n))
    {
        return None;
    }
    if options.valid_after.is_some_and(|t| now < t) || options.valid_before.is_some_and(|t| now > t)
    {
        return None;
    }
    Some(principals)
}

/// Whether an `allowed_signers` file allows `key` to sign for `namespace` as `principal` (any
/// principal when `None`, as `ssh-keygen -Y find-principals`), at `now` (seconds since 1970): the
/// rules of `ssh-keygen -Y verify` — principal patterns, `namespaces=`, `valid-after=`,
/// `valid-before=`, `cert-authority` lines never matching a plain key, a malformed line skipped.
/// Returns the matching line's principals.
pub fn allowed(
    text: &str,
    principal: Option<&str>,
    namespace: &str,
    key: &PublicKey,
    now: i64,
) -> Option<String> {
    text.split_inclusive('\n')
        .find_map(|line| line_allows(line, principal, namespace, key, now))
}

/// `ssh-keygen -Y verify -f allowed_signers -I principal -n namespace -s sig < message`, in Rust:
/// whether it would say "Good".
pub fn verify_like_ssh_keygen(
    allowed_signers: &str,
    principal: &str,
    namespace: &str,
    armored: &str,
    message: &[u8],
    now: i64,
) -> bool {
    SshSignature::parse(armored).is_ok_and(|sig| {
        sig.verify(namespace, message).is_ok()
            && allowed(allowed_signers, Some(principal), namespace, &sig.key, now).is_some()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(seed: u8) -> SigningKey {
        SigningKey::from_bytes(&[seed; 32])
    }

    /// OpenSSH's recursive definition, exponential in the number of `*`: the reference of the
    /// iterative [`match_pattern`] on small inputs.
    fn match_pattern_recursive(s: &[u8], p: &[u8]) -> bool {
        match p.split_first() {
            None => s.is_empty(),
            Some((b'*', rest)) => (0..=s.len()).any(|i| match_pattern_recursive(&s[i..], rest)),
            Some((&c, rest)) => s.split_first().is_some_and(|(&h, tail)| {
                (c == b'?' || c == h) && match_pattern_recursive(tail, rest)
            }),
        }
    }

    #[test]
    fn the_iterative_pattern_match_agrees_with_openssh_s_definition() {
        let alphabet = [b'a', b'b', b'*', b'?'];
        let mut patterns = vec![Vec::new()];
        for _ in 0..4 {
            let longer: Vec<Vec<u8>> = patterns
                .iter()
                .flat_map(|p| {
                    alphabet.iter().map(move |&c| {
                        let mut q = p.clone();
                        q.push(c);
                        q
                    })
                })
                .collect();
            patterns.extend(longer);
        }
        patterns.sort();
        patterns.dedup();
        let strings: Vec<&[u8]> = vec![b"", b"a", b"b", b"ab", b"ba", b"aab", b"abab", b"bbba"];
        for p in &patterns {
            for s in &strings {
                assert_eq!(
                    match_pattern(s, p),
                    match_pattern_recursive(s, p),
                    "{:?} against {:?}",
                    String::from_utf8_lossy(s),
                    String::from_utf8_lossy(p)
                );
            }
        }
    }

    #[test]
    fn signs_and_verifies_and_refuses_changes() {
        let k = key(7);
        let text = sign(&k, "vigie-assessment", b"hello");
        assert!(text.starts_with(BEGIN));
        let sig = SshSignature::parse(&text).expect("parse");
        assert_eq!(sig.key, PublicKey(k.verifying_key()));
        assert_eq!(sig.verify("vigie-assessment", b"hello"), Ok(()));
        assert_eq!(
            sig.verify("vigie-assessment", b"hellO"),
            Err(SshSigError::Mismatch)
        );
        assert!(matches!(
            sig.verify("vigie-report", b"hello"),
            Err(SshSigError::Namespace { .. })
        ));
    }

    #[test]
    fn any_flipped_bit_of_the_signature_is_refused() {
        let text = sign(&key(3), "ns", b"message");
        let sig_b64: String = text
            .lines()
            .filter(|l| !l.starts_with("-----"))
            .collect::<String>();
        let blob = STANDARD.decode(sig_b64).expect("b64");
        // Byte 9 is the version's low byte: OpenSSH reads version 0 as version 1 (it refuses only
        // later versions), and the version is not signed: the same signature, as to ssh-keygen.
        for i in (0..blob.len()).filter(|&i| i != 9) {
            let mut bad = blob.clone();
            bad[i] ^= 0x01;
            let ok =
                SshSignature::from_blob(&bad).is_ok_and(|s| s.verify("ns", b"message").is_ok());
            assert!(!ok, "flip at byte {i} went unnoticed");
        }
    }

    #[test]
    fn keys_round_trip_and_fingerprints_look_like_ssh_keygen() {
        let public = PublicKey(key(1).verifying_key());
        let line = public.openssh();
        assert!(line.starts_with("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI"));
        assert_eq!(
            PublicKey::parse_openssh(&format!("{line} comment")),
            Ok(public)
        );
        let fp = public.fingerprint();
        assert!(fp.starts_with("SHA256:") && fp.len() == 7 + 43, "{fp}");
        assert!(PublicKey::parse_openssh("ssh-rsa AAAA").is_err());
    }

    #[test]
    fn allowed_signers_round_trip() {
        let a = AllowedSigner {
            principal: "marie-curie".into(),
            namespaces: vec!["vigie-assessment".into(), "vigie-report".into()],
            key: PublicKey(key(2).verifying_key()),
        };
        let text = format!("# Dr Marie Curie\n\n{}\n", a.line());
        assert_eq!(parse_allowed_signers(&text), vec![a]);
    }

    #[test]
    fn garbage_is_refused_without_panicking() {
        for text in [
            "",
            BEGIN,
            "-----BEGIN SSH SIGNATURE-----\n!!!\n-----END SSH SIGNATURE-----",
            "-----BEGIN SSH SIGNATURE-----\nU1NIU0lH\n-----END SSH SIGNATURE-----",
        ] {
            assert!(SshSignature::parse(text).is_err());
        }
    }
}
