//! The host: the laptop that holds the conference file and lets desks in.
//!
//! One thread accepts connections; each desk gets a thread of its own that owns its TLS
//! stream. Desks' actions are applied through one shared write connection, each batch in
//! one change of the file's history; every desk thread follows the file's change feed on
//! its own read connection and pushes what changed, whoever changed it (another desk,
//! the host's window, an undo).

use std::collections::HashMap;
use std::io;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::pairing::{self, Code};
use super::proto::{self, LARGE, Link, Msg};
use super::tls::{self, Identity, ServerStream};
use crate::store::{Missing, Store};
use crate::sync::{Action, Changed};

pub use super::proto::DEFAULT_PORT;
/// Attendees per snapshot line.
const CHUNK: usize = 2_000;
/// How long a desk thread waits for a line before it looks at the change feed again.
const TICK: Duration = Duration::from_millis(5);
/// Quiet longer than this and the desk is taken for gone.
const SILENT: Duration = Duration::from_secs(20);
const PING: Duration = Duration::from_secs(5);

/// What the host window or `serve` chooses.
#[derive(Debug, Clone)]
pub struct Options {
    pub db: PathBuf,
    /// 0: [`DEFAULT_PORT`] if free, else any.
    pub port: u16,
    pub code_ttl: Duration,
    /// Where the host's certificate is kept.
    pub identity_dir: PathBuf,
    /// Announce the host on the local network (mDNS).
    pub announce: bool,
}

/// A desk as the host sees it now.
#[derive(Debug, Clone)]
pub struct LiveDesk {
    pub desk_id: String,
    pub name: String,
    pub addr: SocketAddr,
    pub online: bool,
    pub last_contact: Instant,
    /// Check-ins received from it since the host started.
    pub check_ins: u64,
}

/// A pairing try the host refused (a wrong code, or none open), for its page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailedPairing {
    /// When (RFC 3339).
    pub at: String,
    /// The desk's name as its staff typed it.
    pub name: String,
    pub addr: SocketAddr,
    pub reason: Refusal,
}

/// Why a pairing try was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// No code open: used, expired or ended by three wrong tries.
    NoCode,
    /// The code typed was not the one shown (or the desk was not talking to this host).
    WrongCode,
    /// A paired desk's token without the desk PIN of the locked file (a lost desk
    /// laptop, or its copied folder).
    WrongPin,
}

impl Refusal {
    /// What the desk is told (it shows it as it comes).
    fn words(self) -> &'static str {
        match self {
            Self::NoCode => "Không có mã ghép nối đang mở, hoặc mã đã hết hạn.",
            Self::WrongCode => "Mã ghép nối không đúng.",
            Self::WrongPin => "Bàn này không có đúng mã PIN của bàn: hãy ghép nối lại.",
        }
    }
}

/// Failed tries kept for the host's page (the newest).
const MAX_FAILED: usize = 50;

type Notify = Box<dyn Fn() + Send + Sync>;

struct Shared {
    db: PathBuf,
    writer: Mutex<Store>,
    identity: Identity,
    server: Arc<rustls::ServerConfig>,
    code: Mutex<Option<Code>>,
    code_ttl: Duration,
    desks: Mutex<HashMap<String, LiveDesk>>,
    revoked: Mutex<Vec<String>>,
    failed: Mutex<Vec<FailedPairing>>,
    stop: AtomicBool,
    /// Bumped after every batch applied, so desk threads look at the feed at once.
    generation: AtomicU64,
    conference: String,
    /// The desk PIN of a locked file (8 digits): sent to each desk over the paired
    /// channel; `None` for an open file.
    desk_pin: Option<String>,
    /// Where desks can reach this host on the network (loopback left out).
    addrs: Vec<SocketAddr>,
    notify: Mutex<Option<Notify>>,
}

impl Shared {
    fn notify(&self) {
        if let Some(f) = &*self.notify.lock().unwrap_or_else(PoisonError::into_inner) {
            f();
        }
    }
}

/// A running host; dropping it stops it.
pub struct Host {
    shared: Arc<Shared>,
    addr: SocketAddr,
    accept: Option<JoinHandle<()>>,
    _announce: Option<super::discovery::Announcer>,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Host {
    /// Opens the file for desks: listens, makes a first pairing code, announces itself.
    pub fn start(opts: &Options) -> io::Result<Self> {
        let writer = Store::open(&opts.db, Missing::Refuse).map_err(io::Error::other)?;
        if writer.is_read_only() {
            return Err(io::Error::other("tệp chỉ đọc"));
        }
        let conference = writer.conference().map_err(io::Error::other)?.name;
        let desk_pin = desk_pin(&writer).map_err(io::Error::other)?;
        let identity = Identity::load_or_make(&opts.identity_dir)?;
        let server = tls::server_config(&identity)?;
        let listener = bind(opts.port)?;
        let addr = listener.local_addr()?;
        listener.set_nonblocking(true)?;
        let shared = Arc::new(Shared {
            db: opts.db.clone(),
            writer: Mutex::new(writer),
            identity,
            server,
            code: Mutex::new(Some(Code::new(opts.code_ttl))),
            code_ttl: opts.code_ttl,
            desks: Mutex::new(HashMap::new()),
            revoked: Mutex::new(Vec::new()),
            failed: Mutex::new(Vec::new()),
            stop: AtomicBool::new(false),
            generation: AtomicU64::new(0),
            conference: conference.clone(),
            desk_pin,
            addrs: super::discovery::local_ips()
                .into_iter()
                .filter(|ip| !ip.is_loopback())
                .map(|ip| SocketAddr::new(ip, addr.port()))
                .collect(),
            notify: Mutex::new(None),
        });
        let accept = {
            let shared = Arc::clone(&shared);
            std::thread::Builder::new()
                .name("host-accept".into())
                .spawn(move || accept_loop(&listener, &shared))?
        };
        let announce = opts.announce.then(|| {
            super::discovery::Announcer::start(
                &conference,
                addr.port(),
                &shared.identity.fingerprint(),
            )
        });
        tracing::info!(port = addr.port(), file = %opts.db.display(), "hosting desks");
        Ok(Self {
            shared,
            addr,
            accept: Some(accept),
            _announce: announce.flatten(),
        })
    }

    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// The addresses desks can type: this machine's on the local network, then loopback.
    pub fn addresses(&self) -> Vec<SocketAddr> {
        super::discovery::local_ips()
            .into_iter()
            .map(|ip| SocketAddr::new(ip, self.addr.port()))
            .collect()
    }

    /// Called after desks change the file (the window repaints).
    pub fn on_change(&self, f: impl Fn() + Send + Sync + 'static) {
        *lock(&self.shared.notify) = Some(Box::new(f));
    }

    /// The code shown for pairing, and how long it lasts, while it does.
    pub fn code(&self) -> Option<(String, Duration)> {
        lock(&self.shared.code)
            .as_ref()
            .filter(|c| c.is_live())
            .map(|c| (c.shown(), c.left()))
    }

    /// A fresh pairing code (the old one stops working).
    pub fn new_code(&self) -> String {
        let code = Code::new(self.shared.code_ttl);
        let shown = code.shown();
        *lock(&self.shared.code) = Some(code);
        shown
    }

    /// The desks connected now or since the host started.
    pub fn live_desks(&self) -> Vec<LiveDesk> {
        let mut desks: Vec<LiveDesk> = lock(&self.shared.desks).values().cloned().collect();
        desks.sort_by(|a, b| a.name.cmp(&b.name));
        desks
    }

    /// Pairing tries refused since the host started, newest first.
    pub fn failed_pairings(&self) -> Vec<FailedPairing> {
        lock(&self.shared.failed).iter().rev().cloned().collect()
    }

    /// Removes a desk: its token stops working and its connection is closed.
    pub fn revoke(&self, desk_id: &str) -> crate::error::Result<()> {
        lock(&self.shared.writer).revoke_desk(desk_id)?;
        lock(&self.shared.revoked).push(desk_id.to_owned());
        lock(&self.shared.desks).remove(desk_id);
        Ok(())
    }

    /// The desk PIN, while the file is locked: "1234-5678", as shown and typed.
    pub fn desk_pin(&self) -> Option<String> {
        self.shared
            .desk_pin
            .as_deref()
            .map(|p| format!("{}-{}", &p[..4], &p[4..]))
    }

    pub fn conference(&self) -> &str {
        &self.shared.conference
    }

    pub fn file(&self) -> &Path {
        &self.shared.db
    }

    /// Stops listening and closes every desk's connection.
    pub fn stop(mut self) {
        self.halt();
    }

    fn halt(&mut self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        if let Some(t) = self.accept.take() {
            let _ = t.join();
        }
    }
}

impl Drop for Host {
    fn drop(&mut self) {
        self.halt();
    }
}

/// The PIN of a locked file, made the first time it is shared with desks.
fn desk_pin(writer: &Store) -> crate::error::Result<Option<String>> {
    if !writer.is_locked() {
        return Ok(None);
    }
    if let Some(pin) = writer.desk_pin()? {
        return Ok(Some(pin));
    }
    let pin = pairing::random_digits();
    writer.set_desk_pin(&pin)?;
    tracing::info!("made the desk PIN of a locked file");
    Ok(Some(pin))
}

fn bind(port: u16) -> io::Result<TcpListener> {
    if port != 0 {
        return TcpListener::bind(("0.0.0.0", port));
    }
    TcpListener::bind(("0.0.0.0", DEFAULT_PORT)).or_else(|_| TcpListener::bind(("0.0.0.0", 0)))
}

fn accept_loop(listener: &TcpListener, shared: &Arc<Shared>) {
    let mut threads: Vec<JoinHandle<()>> = Vec::new();
    while !shared.stop.load(Ordering::SeqCst) {
        match listener.accept() {
            Ok((sock, addr)) => {
                let shared = Arc::clone(shared);
                let t = std::thread::Builder::new()
                    .name("host-desk".into())
                    .spawn(move || {
                        if let Err(e) = serve(sock, addr, &shared) {
                            tracing::info!(%addr, "desk connection ended: {e}");
                        }
                    });
                match t {
                    Ok(t) => threads.push(t),
                    Err(e) => tracing::warn!("cannot start a desk thread: {e}"),
                }
                threads.retain(|t| !t.is_finished());
            }
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(e) => {
                tracing::warn!("accept failed: {e}");
                std::thread::sleep(Duration::from_millis(100));
            }
        }
    }
    for t in threads {
        let _ = t.join();
    }
}

/// One connection: TLS, then a pairing or a known desk's session; anything else ends it.
fn serve(sock: TcpStream, addr: SocketAddr, shared: &Shared) -> io::Result<()> {
    sock.set_nonblocking(false)?;
    let tls = tls::accept(sock, Arc::clone(&shared.server))?;
    let mut link = Link::new(tls);
    match link.recv(Duration::from_secs(10))? {
        Some(Msg::Pair {
            desk_id,
            name,
            pake,
            ..
        }) => pair(link, addr, shared, &desk_id, &name, &pake),
        Some(Msg::Hello {
            desk_id,
            token,
            name,
            pin_proof,
            ..
        }) => {
            let known = lock(&shared.writer)
                .desk_token_hash(&desk_id)
                .map_err(io::Error::other)?;
            let token = proto::unb64(&token)?;
            match known {
                Some(hash) if pairing::same_tag(&hash, &pairing::sha256(&token)) => {
                    if !knows_pin(&link, shared, &desk_id, pin_proof.as_deref())? {
                        return refuse_pairing(link, shared, addr, &name, Refusal::WrongPin);
                    }
                    session(link, addr, shared, &desk_id, &name)
                }
                _ => deny(link, "Bàn này chưa được ghép nối hoặc đã bị gỡ."),
            }
        }
        _ => {
            link.close();
            Ok(())
        }
    }
}

/// A desk given the PIN of a locked file proves it knows it; one never given it (paired
/// before the file was locked) passes, and is given it as its session starts.
fn knows_pin(
    link: &Link<ServerStream>,
    shared: &Shared,
    desk_id: &str,
    proof: Option<&str>,
) -> io::Result<bool> {
    let Some(pin) = &shared.desk_pin else {
        return Ok(true);
    };
    let given = lock(&shared.writer)
        .desk_pin_given(desk_id)
        .map_err(io::Error::other)?;
    if !given {
        return Ok(true);
    }
    let expected = pairing::pin_proof(pin, &tls::channel_binding(&link.stream().conn)?, desk_id);
    Ok(proof
        .and_then(|p| proto::unb64(p).ok())
        .is_some_and(|p| pairing::same_tag(&expected, &p)))
}

fn deny(mut link: Link<ServerStream>, reason: &str) -> io::Result<()> {
    link.send(&Msg::Denied {
        reason: reason.to_owned(),
    })?;
    link.close();
    Ok(())
}

/// Refuses a pairing try, and keeps it for the host's page.
fn refuse_pairing(
    link: Link<ServerStream>,
    shared: &Shared,
    addr: SocketAddr,
    name: &str,
    reason: Refusal,
) -> io::Result<()> {
    tracing::warn!(desk = name, %addr, "pairing refused: {reason:?}");
    {
        let mut failed = lock(&shared.failed);
        failed.push(FailedPairing {
            at: crate::domain::date::now_stamp(),
            name: name.to_owned(),
            addr,
            reason,
        });
        let excess = failed.len().saturating_sub(MAX_FAILED);
        failed.drain(..excess);
    }
    shared.notify();
    deny(link, reason.words())
}

fn pair(
    mut link: Link<ServerStream>,
    addr: SocketAddr,
    shared: &Shared,
    desk_id: &str,
    name: &str,
    pake: &str,
) -> io::Result<()> {
    let digits = lock(&shared.code)
        .as_mut()
        .filter(|c| c.is_live())
        .map(|c| {
            c.count_try();
            c.digits.clone()
        });
    let Some(digits) = digits else {
        return refuse_pairing(link, shared, addr, name, Refusal::NoCode);
    };
    let t = pairing::Transcript {
        cert_fp: shared.identity.fingerprint(),
        exporter: tls::channel_binding(&link.stream().conn)?,
        desk_id: desk_id.as_bytes().to_vec(),
    };
    let msg_a = proto::unb64(pake)?;
    let Some((msg_b, host_tag, desk_tag)) = pairing::host_respond(&digits, &t, &msg_a) else {
        return refuse_pairing(link, shared, addr, name, Refusal::WrongCode);
    };
    link.send(&Msg::PairReply {
        pake: proto::b64(&msg_b),
        confirm: proto::b64(&host_tag),
    })?;
    // A desk with a wrong code finds out from our tag and hangs up: that is a failed
    // try as much as a wrong tag is.
    let confirmed = match link.recv(Duration::from_secs(10)) {
        Ok(Some(Msg::PairConfirm { confirm })) => {
            proto::unb64(&confirm).is_ok_and(|tag| pairing::same_tag(&desk_tag, &tag))
        }
        _ => false,
    };
    if !confirmed {
        return refuse_pairing(link, shared, addr, name, Refusal::WrongCode);
    }
    if let Some(c) = lock(&shared.code).as_mut() {
        c.use_up();
    }
    let token = pairing::random_bytes();
    {
        let writer = lock(&shared.writer);
        writer
            .pair_desk(desk_id, name, &pairing::sha256(&token))
            .map_err(io::Error::other)?;
        writer
            .note_desk_pin_given(desk_id, shared.desk_pin.is_some())
            .map_err(io::Error::other)?;
    }
    lock(&shared.revoked).retain(|d| d != desk_id);
    tracing::info!(desk = name, "desk paired");
    link.send(&Msg::Paired {
        token: proto::b64(&token),
        conference: shared.conference.clone(),
        addrs: shared.addrs.clone(),
        desk_pin: shared.desk_pin.clone(),
    })?;
    link.close();
    shared.notify();
    Ok(())
}

/// A paired desk: the whole list first, then its actions in and the file's changes out.
fn session(
    mut link: Link<ServerStream>,
    addr: SocketAddr,
    shared: &Shared,
    desk_id: &str,
    name: &str,
) -> io::Result<()> {
    let reader = Store::open_read_only(&shared.db).map_err(io::Error::other)?;
    lock(&shared.writer)
        .touch_desk(desk_id, name)
        .map_err(io::Error::other)?;
    {
        let mut desks = lock(&shared.desks);
        let check_ins = desks.get(desk_id).map_or(0, |d| d.check_ins);
        desks.insert(
            desk_id.to_owned(),
            LiveDesk {
                desk_id: desk_id.to_owned(),
                name: name.to_owned(),
                addr,
                online: true,
                last_contact: Instant::now(),
                check_ins,
            },
        );
    }
    shared.notify();
    tracing::info!(desk = name, %addr, "desk connected");
    link.max_line = LARGE;
    let result = session_loop(&mut link, &reader, shared, desk_id, name);
    if let Some(d) = lock(&shared.desks).get_mut(desk_id) {
        d.online = false;
    }
    shared.notify();
    if result.is_ok() {
        link.close();
    }
    result
}

fn session_loop(
    link: &mut Link<ServerStream>,
    reader: &Store,
    shared: &Shared,
    desk_id: &str,
    name: &str,
) -> io::Result<()> {
    // A desk paired before the file was locked is given the PIN, once.
    if let Some(pin) = &shared.desk_pin {
        let writer = lock(&shared.writer);
        if !writer.desk_pin_given(desk_id).map_err(io::Error::other)? {
            link.send(&Msg::DeskPin { pin: pin.clone() })?;
            writer
                .note_desk_pin_given(desk_id, true)
                .map_err(io::Error::other)?;
        }
    }
    let mut seq = send_snapshot(link, reader)?;
    let mut seen_generation = shared.generation.load(Ordering::SeqCst);
    let mut last_look = Instant::now();
    loop {
        if shared.stop.load(Ordering::SeqCst) {
            return Ok(());
        }
        if lock(&shared.revoked).iter().any(|d| d == desk_id) {
            let _ = link.send(&Msg::Denied {
                reason: "Máy chủ đã gỡ bàn này.".into(),
            });
            return Ok(());
        }
        match link.recv(TICK)? {
            Some(Msg::Actions { actions }) => {
                // A desk acts under its own name only.
                let actions: Vec<Action> = actions
                    .into_iter()
                    .map(|mut a| {
                        desk_id.clone_into(&mut a.desk_id);
                        name.clone_into(&mut a.desk);
                        a
                    })
                    .collect();
                let acks = lock(&shared.writer)
                    .apply_actions(&actions)
                    .map_err(io::Error::other)?;
                let applied = acks
                    .iter()
                    .filter(|a| matches!(a.outcome, crate::sync::Outcome::Applied))
                    .count() as u64;
                link.send(&Msg::Acks { acks })?;
                shared.generation.fetch_add(1, Ordering::SeqCst);
                if let Some(d) = lock(&shared.desks).get_mut(desk_id) {
                    d.check_ins += applied;
                    d.last_contact = Instant::now();
                }
                shared.notify();
            }
            Some(_) => {
                if let Some(d) = lock(&shared.desks).get_mut(desk_id) {
                    d.last_contact = Instant::now();
                }
            }
            None => {}
        }
        let generation = shared.generation.load(Ordering::SeqCst);
        if generation != seen_generation || last_look.elapsed() > Duration::from_millis(200) {
            seen_generation = generation;
            last_look = Instant::now();
            seq = push_changes(link, reader, seq)?;
        }
        if link.last_tx.elapsed() > PING {
            link.send(&Msg::Ping)?;
        }
        if link.last_rx.elapsed() > SILENT {
            return Err(io::Error::new(io::ErrorKind::TimedOut, "desk silent"));
        }
    }
}

/// The whole list, in chunks, as of one moment; returns the feed entry it stands at.
fn send_snapshot(link: &mut Link<ServerStream>, reader: &Store) -> io::Result<i64> {
    let (seq, conference, people) = reader
        .read_snapshot(|st| Ok((st.change_seq()?, st.conference()?, st.attendees()?)))
        .map_err(io::Error::other)?;
    let mut chunks = people.chunks(CHUNK).peekable();
    let mut conference = Some(conference);
    if chunks.peek().is_none() {
        link.send(&Msg::Snapshot {
            conference,
            attendees: Vec::new(),
            done: true,
        })?;
        return Ok(seq);
    }
    while let Some(chunk) = chunks.next() {
        link.send(&Msg::Snapshot {
            conference: conference.take(),
            attendees: chunk.to_vec(),
            done: chunks.peek().is_none(),
        })?;
    }
    Ok(seq)
}

fn push_changes(link: &mut Link<ServerStream>, reader: &Store, seq: i64) -> io::Result<i64> {
    let (changed, newest) = reader.changed_since(seq).map_err(io::Error::other)?;
    match changed {
        Changed::Nothing => Ok(newest),
        Changed::Some { upserts, deleted } => {
            link.send(&Msg::Changes { upserts, deleted })?;
            Ok(newest)
        }
        Changed::All => send_snapshot(link, reader),
    }
}
