//! The host and its desks on the local network.
//!
//! - `tls`: TLS 1.3 (rustls, ring), the host's own certificate, desks pinned to it;
//! - `pairing`: the short code that binds a desk to that certificate (SPAKE2);
//! - `proto`: the messages, one JSON object per line, and the link that carries them;
//! - `host`: accepting desks, applying their actions, pushing the file's changes;
//! - `desk`: pairing, and the thread that keeps a desk's copy and outbox in step;
//! - `discovery`: finding the host by mDNS (typing its address always works too).
//!
//! Every socket is handled on threads of its own; the window only reads their status.

pub mod desk;
pub mod discovery;
pub mod host;
pub mod pairing;
pub mod proto;
pub mod tls;
