//! Pairing a desk with its host by a short code, without ever sending the code.
//!
//! The desk connects trusting any certificate, then both run SPAKE2 on the code with the
//! host's certificate fingerprint in the identities and confirm with a tag over this TLS
//! session's exporter. A machine posing as the host has another certificate and another
//! session, so its tags never match, even when it relays every message; a wrong code
//! fails the same way, and each try costs one of three attempts. Once paired, the desk
//! trusts that certificate alone and proves itself with a token only the host knows the
//! hash of.

use std::time::{Duration, Instant};

use spake2::{Ed25519Group, Identity, Password, Spake2};

/// A pairing code shown on the host: 8 digits, 5 minutes, one desk, three wrong tries.
#[derive(Debug, Clone)]
pub struct Code {
    pub digits: String,
    made: Instant,
    ttl: Duration,
    failures: u32,
    used: bool,
}

/// Wrong tries that end a code.
const MAX_FAILURES: u32 = 3;

impl Code {
    pub fn new(ttl: Duration) -> Self {
        Self {
            digits: random_digits(),
            made: Instant::now(),
            ttl,
            failures: 0,
            used: false,
        }
    }

    /// "1234-5678", as shown and as typed (the dash and spaces are optional).
    pub fn shown(&self) -> String {
        format!("{}-{}", &self.digits[..4], &self.digits[4..])
    }

    pub fn is_live(&self) -> bool {
        !self.used && self.failures < MAX_FAILURES && self.made.elapsed() < self.ttl
    }

    /// Time left before it expires.
    pub fn left(&self) -> Duration {
        self.ttl.saturating_sub(self.made.elapsed())
    }

    /// Counts a try before it is answered, so a guesser pays for every answer.
    pub fn count_try(&mut self) {
        self.failures += 1;
    }

    /// A desk paired with it: it opens nothing more.
    pub fn use_up(&mut self) {
        self.used = true;
    }
}

/// The digits of a code as typed: only digits count.
pub fn normalize(typed: &str) -> String {
    typed.chars().filter(char::is_ascii_digit).collect()
}

/// Eight digits from the system's secure random source, uniform (a pairing code, a
/// desk PIN).
pub fn random_digits() -> String {
    use ring::rand::SecureRandom as _;
    let rng = ring::rand::SystemRandom::new();
    loop {
        let mut b = [0u8; 4];
        if rng.fill(&mut b).is_err() {
            continue;
        }
        let n = u32::from_le_bytes(b);
        // Uniform over 10^8: drop the top values that would favour low codes.
        if n < 4_200_000_000 {
            return format!("{:08}", n % 100_000_000);
        }
    }
}

/// What both ends bind the exchange to.
pub struct Transcript {
    pub cert_fp: [u8; 32],
    pub exporter: [u8; 32],
    pub desk_id: Vec<u8>,
}

fn ids(t: &Transcript) -> (Identity, Identity) {
    let mut a = b"hoinghi-desk-v1:".to_vec();
    a.extend_from_slice(&t.desk_id);
    let mut b = b"hoinghi-host-v1:".to_vec();
    b.extend_from_slice(&t.cert_fp);
    (Identity::new(&a), Identity::new(&b))
}

fn confirm_input(role: &[u8], t: &Transcript, msg_a: &[u8], msg_b: &[u8]) -> Vec<u8> {
    let mut v = Vec::new();
    for part in [
        role,
        &t.exporter[..],
        &t.cert_fp[..],
        &t.desk_id[..],
        msg_a,
        msg_b,
    ] {
        v.extend_from_slice(&u32::try_from(part.len()).unwrap_or(u32::MAX).to_be_bytes());
        v.extend_from_slice(part);
    }
    v
}

fn tag(k: &[u8], role: &[u8], t: &Transcript, msg_a: &[u8], msg_b: &[u8]) -> Vec<u8> {
    let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, k);
    ring::hmac::sign(&key, &confirm_input(role, t, msg_a, msg_b))
        .as_ref()
        .to_vec()
}

fn tag_ok(k: &[u8], role: &[u8], t: &Transcript, msg_a: &[u8], msg_b: &[u8], got: &[u8]) -> bool {
    let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, k);
    ring::hmac::verify(&key, &confirm_input(role, t, msg_a, msg_b), got).is_ok()
}

/// The desk's first message.
pub fn desk_start(code: &str, t: &Transcript) -> (Spake2<Ed25519Group>, Vec<u8>) {
    let (a, b) = ids(t);
    Spake2::<Ed25519Group>::start_a(&Password::new(normalize(code).as_bytes()), &a, &b)
}

/// The host's answer: its message, its tag, and the tag the desk must send back.
pub fn host_respond(
    code: &str,
    t: &Transcript,
    msg_a: &[u8],
) -> Option<(Vec<u8>, Vec<u8>, Vec<u8>)> {
    let (a, b) = ids(t);
    let (st, msg_b) = Spake2::<Ed25519Group>::start_b(&Password::new(code.as_bytes()), &a, &b);
    let k = st.finish(msg_a).ok()?;
    let host_tag = tag(&k, b"host", t, msg_a, &msg_b);
    let desk_tag = tag(&k, b"desk", t, msg_a, &msg_b);
    Some((msg_b, host_tag, desk_tag))
}

/// The desk checks the host's tag and makes its own; `None`: wrong code, or not the
/// real host.
pub fn desk_finish(
    st: Spake2<Ed25519Group>,
    t: &Transcript,
    msg_a: &[u8],
    msg_b: &[u8],
    host_tag: &[u8],
) -> Option<Vec<u8>> {
    let k = st.finish(msg_b).ok()?;
    tag_ok(&k, b"host", t, msg_a, msg_b, host_tag).then(|| tag(&k, b"desk", t, msg_a, msg_b))
}

/// A desk's proof that it knows the desk PIN, bound to one TLS session (its exporter)
/// and one desk: a recorded proof opens no other session.
pub fn pin_proof(pin: &str, exporter: &[u8; 32], desk_id: &str) -> Vec<u8> {
    let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, pin.as_bytes());
    let mut msg = b"hoinghi-desk-pin-v1".to_vec();
    msg.extend_from_slice(exporter);
    msg.extend_from_slice(desk_id.as_bytes());
    ring::hmac::sign(&key, &msg).as_ref().to_vec()
}

/// Constant-time comparison of the tag the desk sent with the one expected.
pub fn same_tag(expected: &[u8], got: &[u8]) -> bool {
    expected.len() == got.len()
        && expected
            .iter()
            .zip(got)
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

/// 32 random bytes (tokens, desk ids).
pub fn random_bytes() -> [u8; 32] {
    use ring::rand::SecureRandom as _;
    let mut b = [0u8; 32];
    let _ = ring::rand::SystemRandom::new().fill(&mut b);
    b
}

pub fn sha256(bytes: &[u8]) -> Vec<u8> {
    ring::digest::digest(&ring::digest::SHA256, bytes)
        .as_ref()
        .to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn transcript(fp: u8) -> Transcript {
        Transcript {
            cert_fp: [fp; 32],
            exporter: [7; 32],
            desk_id: b"desk".to_vec(),
        }
    }

    #[test]
    fn the_right_code_pairs_and_a_wrong_code_or_another_certificate_does_not() {
        let host = transcript(1);
        let (st, a) = desk_start("1234-5678", &host);
        let (b, host_tag, desk_tag) = host_respond("12345678", &host, &a).expect("valid message");
        let got = desk_finish(st, &host, &a, &b, &host_tag).expect("paired");
        assert!(same_tag(&desk_tag, &got));
        // Wrong code.
        let (st, a) = desk_start("1234-5679", &host);
        let (b, host_tag, _) = host_respond("12345678", &host, &a).expect("valid message");
        assert!(desk_finish(st, &host, &a, &b, &host_tag).is_none());
        // Someone in the middle with its own certificate, relaying the messages.
        let seen_by_desk = transcript(2);
        let (st, a) = desk_start("12345678", &seen_by_desk);
        let (b, host_tag, _) = host_respond("12345678", &host, &a).expect("valid message");
        assert!(desk_finish(st, &seen_by_desk, &a, &b, &host_tag).is_none());
    }

    #[test]
    fn codes_are_eight_digits_and_end() {
        let mut c = Code::new(Duration::from_mins(5));
        assert_eq!(c.digits.len(), 8);
        assert_eq!(c.shown().len(), 9);
        assert!(c.is_live());
        c.count_try();
        c.count_try();
        assert!(c.is_live());
        c.count_try();
        assert!(!c.is_live(), "three tries");
        let mut c = Code::new(Duration::from_mins(5));
        c.use_up();
        assert!(!c.is_live(), "one desk");
        assert!(!Code::new(Duration::ZERO).is_live(), "expired");
        assert_eq!(normalize(" 1234 - 5678 "), "12345678");
    }
}
