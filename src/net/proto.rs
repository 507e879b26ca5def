//! The messages between a desk and its host, one JSON object per line inside TLS, and
//! the link that sends and receives them.

use std::io::{self, ErrorKind, Write as _};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::domain::{Attendee, Conference};
use crate::sync::{Ack, Action};

pub const VERSION: u32 = 1;

/// The port a host listens on when it is free (any other when it is not); an address
/// typed without a port means this one.
pub const DEFAULT_PORT: u16 = 47_650;

/// Everything said on the wire. Each message is built, sent and dropped: the size of
/// the largest variant costs nothing worth boxing for.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "t", rename_all = "snake_case")]
pub enum Msg {
    // Pairing (a connection that trusts any certificate; base64 fields).
    Pair {
        v: u32,
        desk_id: String,
        name: String,
        pake: String,
    },
    PairReply {
        pake: String,
        confirm: String,
    },
    PairConfirm {
        confirm: String,
    },
    Paired {
        token: String,
        conference: String,
        /// The host's other addresses on the network, tried too when the one the desk
        /// paired through does not answer (absent from hosts before they were sent).
        #[serde(default)]
        addrs: Vec<std::net::SocketAddr>,
        /// The desk PIN of a locked host (8 digits): the desk creates its copy of the
        /// list locked with it and writes it nowhere. Absent for an open host (and from
        /// hosts before locked files), whose desks keep open copies.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        desk_pin: Option<String>,
    },
    // A paired desk (a connection pinned to the host's certificate).
    Hello {
        v: u32,
        desk_id: String,
        token: String,
        name: String,
        /// A desk that holds the desk PIN of its locked host proves it: HMAC-SHA256
        /// keyed by the PIN over this TLS session's exporter and the desk's id (base64).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pin_proof: Option<String>,
    },
    /// The whole list, in chunks; the last one has `done`.
    Snapshot {
        conference: Option<Conference>,
        attendees: Vec<Attendee>,
        done: bool,
    },
    /// A locked host tells a paired desk its desk PIN as a session starts: a desk
    /// paired before the file was locked locks its copy with it (older desks ignore it).
    DeskPin {
        pin: String,
    },
    Changes {
        upserts: Vec<Attendee>,
        deleted: Vec<String>,
    },
    Actions {
        actions: Vec<Action>,
    },
    Acks {
        acks: Vec<Ack>,
    },
    /// Refused: wrong code, unknown or removed desk, no pairing open.
    Denied {
        reason: String,
    },
    Ping,
    #[serde(other)]
    Unknown,
}

/// Lines before a desk is known are small; a snapshot chunk is not.
pub const SMALL: usize = 16 * 1024;
pub const LARGE: usize = 64 * 1024 * 1024;

/// One TLS connection carrying lines; owned by one thread (rustls cannot be split).
pub struct Link<S> {
    tls: S,
    buf: Vec<u8>,
    lines: std::collections::VecDeque<Vec<u8>>,
    pub max_line: usize,
    pub last_rx: Instant,
    pub last_tx: Instant,
}

/// What a TLS stream over TCP must offer the link.
pub trait Stream: io::Read + io::Write {
    fn sock(&self) -> &TcpStream;
    fn close(&mut self);
}

impl Stream for super::tls::ClientStream {
    fn sock(&self) -> &TcpStream {
        &self.sock
    }
    fn close(&mut self) {
        self.conn.send_close_notify();
        let _ = self.flush();
    }
}

impl Stream for super::tls::ServerStream {
    fn sock(&self) -> &TcpStream {
        &self.sock
    }
    fn close(&mut self) {
        self.conn.send_close_notify();
        let _ = self.flush();
    }
}

fn is_timeout(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        ErrorKind::WouldBlock | ErrorKind::TimedOut | ErrorKind::Interrupted
    )
}

impl<S: Stream> Link<S> {
    pub fn new(tls: S) -> Self {
        Self {
            tls,
            buf: Vec::new(),
            lines: std::collections::VecDeque::new(),
            max_line: SMALL,
            last_rx: Instant::now(),
            last_tx: Instant::now(),
        }
    }

    pub fn stream(&self) -> &S {
        &self.tls
    }

    pub fn send(&mut self, msg: &Msg) -> io::Result<()> {
        let mut line = serde_json::to_vec(msg).map_err(io::Error::other)?;
        line.push(b'\n');
        self.tls.write_all(&line)?;
        self.tls.flush()?;
        self.last_tx = Instant::now();
        Ok(())
    }

    /// The next message, waiting at most `wait`; `None` when none came in time.
    /// A closed connection or a line too long is an error.
    pub fn recv(&mut self, wait: Duration) -> io::Result<Option<Msg>> {
        if let Some(line) = self.lines.pop_front() {
            return parse(&line).map(Some);
        }
        let deadline = Instant::now() + wait;
        let mut chunk = [0u8; 16 * 1024];
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            self.tls
                .sock()
                .set_read_timeout(Some(left.max(Duration::from_millis(1))))?;
            match self.tls.read(&mut chunk) {
                Ok(0) => return Err(io::Error::new(ErrorKind::ConnectionAborted, "closed")),
                Ok(n) => {
                    self.last_rx = Instant::now();
                    self.take(&chunk[..n])?;
                    if let Some(line) = self.lines.pop_front() {
                        return parse(&line).map(Some);
                    }
                }
                Err(e) if is_timeout(&e) => {}
                Err(e) => return Err(e),
            }
            if Instant::now() >= deadline {
                return Ok(None);
            }
        }
    }

    fn take(&mut self, data: &[u8]) -> io::Result<()> {
        self.buf.extend_from_slice(data);
        while let Some(i) = self.buf.iter().position(|&b| b == b'\n') {
            let mut line: Vec<u8> = self.buf.drain(..=i).collect();
            line.pop();
            self.lines.push_back(line);
        }
        if self.buf.len() > self.max_line {
            return Err(io::Error::new(ErrorKind::InvalidData, "line too long"));
        }
        Ok(())
    }

    /// Says goodbye properly (the peer reads the end, not a broken connection).
    pub fn close(mut self) {
        self.tls.close();
    }
}

fn parse(line: &[u8]) -> io::Result<Msg> {
    serde_json::from_slice(line).map_err(|e| io::Error::new(ErrorKind::InvalidData, e))
}

pub fn b64(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

pub fn unb64(text: &str) -> io::Result<Vec<u8>> {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD
        .decode(text)
        .map_err(|e| io::Error::new(ErrorKind::InvalidData, e))
}
