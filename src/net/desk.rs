//! A desk: paired once with a host, then a thread that keeps its copy of the list in
//! step with the host and sends what the desk did, reconnecting whenever it can.
//!
//! The desk's window (or `hoinghi desk`) writes its check-ins to its copy and outbox at
//! once; this thread only carries them. Losing the network, the host or the desk's own
//! power loses nothing: the outbox is on disk until the host acknowledges it.

use std::collections::HashSet;
use std::io;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::discovery::usable;
use super::pairing;
use super::proto::{self, LARGE, Link, Msg, VERSION};
use super::tls::{self, ClientStream};
use crate::store::{Missing, Passphrase, Store, key, vault};

/// What a desk remembers of its host (in its folder, `desk.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskLink {
    pub desk_id: String,
    pub name: String,
    pub conference: String,
    /// The host's certificate, by SHA-256 (base64): the only one this desk trusts.
    pub host_fingerprint: String,
    pub token: String,
    /// Where the host was reached, the last that worked first.
    pub addrs: Vec<SocketAddr>,
}

const LINK_FILE: &str = "desk.json";
const MIRROR_FILE: &str = "ban-diem-danh.sqlite";

impl DeskLink {
    pub fn load(dir: &Path) -> Option<Self> {
        let text = std::fs::read_to_string(dir.join(LINK_FILE)).ok()?;
        serde_json::from_str(&text).ok()
    }

    pub fn save(&self, dir: &Path) -> io::Result<()> {
        std::fs::create_dir_all(dir)?;
        let tmp = dir.join(format!("{LINK_FILE}.tmp"));
        std::fs::write(
            &tmp,
            serde_json::to_vec_pretty(self).map_err(io::Error::other)?,
        )?;
        std::fs::rename(tmp, dir.join(LINK_FILE))
    }

    /// The desk's copy of the list.
    pub fn mirror(dir: &Path) -> PathBuf {
        dir.join(MIRROR_FILE)
    }

    /// Where a desk's copy that could not be opened any more is kept aside (a locked
    /// copy of another conference, or of a PIN changed since): its waiting check-ins are
    /// not destroyed.
    fn set_aside(dir: &Path) -> PathBuf {
        let stamp: String = crate::domain::date::now_stamp()
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        dir.join(format!("ban-diem-danh-cu-{stamp}.sqlite"))
    }

    fn pin(&self) -> io::Result<[u8; 32]> {
        proto::unb64(&self.host_fingerprint)?
            .try_into()
            .map_err(|_| io::Error::other("bad fingerprint"))
    }
}

/// Pairing refused: the words the desk's staff read.
fn refused(reason: impl Into<String>) -> io::Error {
    io::Error::new(io::ErrorKind::PermissionDenied, reason.into())
}

/// A desk PIN as typed ("1234-5678", spaces and dashes optional): the passphrase of the
/// desk's copy, or `None` when it is not 8 digits.
pub fn pin_passphrase(typed: &str) -> Option<Passphrase> {
    let digits = pairing::normalize(typed);
    (digits.len() == 8)
        .then(|| Passphrase::new(&digits).ok())
        .flatten()
}

/// Whether the desk's copy in `dir` is locked (it does not start like an open `SQLite`
/// file).
pub fn mirror_is_locked(dir: &Path) -> bool {
    use std::io::Read as _;
    let mut head = Vec::with_capacity(16);
    std::fs::File::open(DeskLink::mirror(dir))
        .and_then(|f| f.take(16).read_to_end(&mut head))
        .is_ok_and(|n| n == 16 && head.as_slice() != b"SQLite format 3\0")
}

/// Before the desk's copy is opened: an open copy of a desk whose host is locked (its
/// PIN is in the keyring for the copy) is locked with the PIN, safely (a new file
/// written, checked and renamed over it), outbox and all. Nothing may hold it open.
///
/// # Errors
/// The copy could not be locked (it is then as it was).
pub fn prepare_mirror(dir: &Path) -> io::Result<()> {
    let path = DeskLink::mirror(dir);
    let Some(pin) = key::for_new(&path) else {
        return Ok(());
    };
    if !path.exists() || mirror_is_locked(dir) {
        return Ok(());
    }
    // An empty file (made but never written) is simply created locked.
    if std::fs::metadata(&path).is_ok_and(|m| m.len() == 0) {
        return std::fs::remove_file(&path);
    }
    vault::lock(&path, &pin, None).map_err(io::Error::other)?;
    tracing::info!("the desk's copy of the list is now locked with the desk PIN");
    Ok(())
}

/// After pairing: the copy will be opened with what the host sent. A copy this desk
/// cannot open with it (locked by another PIN, or locked while the host is not) is set
/// aside, kept whole; a locked host's PIN goes into the keyring for the copy, never to
/// disk.
fn take_pin(dir: &Path, pin: Option<&str>) -> io::Result<()> {
    let path = DeskLink::mirror(dir);
    let pin = match pin {
        Some(p) => {
            Some(pin_passphrase(p).ok_or_else(|| io::Error::other("mã PIN của bàn không hợp lệ"))?)
        }
        None => None,
    };
    if path.exists() && mirror_is_locked(dir) {
        let opens = pin
            .as_ref()
            .is_some_and(|pin| Store::open_keyed(&path, Missing::Refuse, Some(pin)).is_ok());
        if !opens {
            let aside = DeskLink::set_aside(dir);
            tracing::warn!(to = %aside.display(), "a locked copy of the list set aside");
            std::fs::rename(&path, &aside)?;
            for side in ["-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{side}", path.display()));
            }
        }
    }
    // An open copy is locked when it is next opened (`prepare_mirror`), once whatever
    // holds it now has let go.
    match pin {
        Some(pin) => key::remember(&path, pin),
        None => key::forget(&path),
    }
    Ok(())
}

const WRONG_CODE: &str = "Mã ghép nối không đúng, hoặc máy này không phải máy chủ của hội nghị.";

/// Pairs this desk (`dir` is its folder) with the host at `addr` by the code it shows.
///
/// # Errors
/// The host cannot be reached, refuses (no code open, expired), or the code is wrong
/// or the machine is not the host (`PermissionDenied`, in words for the desk's staff).
pub fn pair(addr: SocketAddr, code: &str, name: &str, dir: &Path) -> io::Result<DeskLink> {
    let desk_id = DeskLink::load(dir)
        .map_or_else(|| proto::b64(&pairing::random_bytes()[..16]), |l| l.desk_id);
    let tls = tls::connect(addr, tls::client_config(None)?)
        .map_err(|e| io::Error::new(e.kind(), format!("Không kết nối được tới {addr}: {e}")))?;
    let fp = tls::peer_fingerprint(&tls.conn).ok_or_else(|| refused(WRONG_CODE))?;
    let t = pairing::Transcript {
        cert_fp: fp,
        exporter: tls::channel_binding(&tls.conn)?,
        desk_id: desk_id.as_bytes().to_vec(),
    };
    let mut link = Link::new(tls);
    let (state, msg_a) = pairing::desk_start(code, &t);
    link.send(&Msg::Pair {
        v: VERSION,
        desk_id: desk_id.clone(),
        name: name.to_owned(),
        pake: proto::b64(&msg_a),
    })?;
    let (msg_b, host_tag) = match link.recv(Duration::from_secs(10))? {
        Some(Msg::PairReply { pake, confirm }) => (proto::unb64(&pake)?, proto::unb64(&confirm)?),
        Some(Msg::Denied { reason }) => return Err(refused(reason)),
        _ => return Err(refused(WRONG_CODE)),
    };
    let desk_tag = pairing::desk_finish(state, &t, &msg_a, &msg_b, &host_tag)
        .ok_or_else(|| refused(WRONG_CODE))?;
    link.send(&Msg::PairConfirm {
        confirm: proto::b64(&desk_tag),
    })?;
    let (token, conference, others, desk_pin) = match link.recv(Duration::from_secs(10))? {
        Some(Msg::Paired {
            token,
            conference,
            addrs,
            desk_pin,
        }) => (token, conference, addrs, desk_pin),
        Some(Msg::Denied { reason }) => return Err(refused(reason)),
        _ => return Err(refused(WRONG_CODE)),
    };
    link.close();
    take_pin(dir, desk_pin.as_deref())?;
    let desk = DeskLink {
        desk_id,
        name: name.to_owned(),
        conference,
        host_fingerprint: proto::b64(&fp),
        token,
        // The address that worked first, then the host's others it can be reached at.
        addrs: std::iter::once(addr)
            .chain(others.into_iter().filter(|a| *a != addr && usable(&a.ip())))
            .collect(),
    };
    desk.save(dir)?;
    Ok(desk)
}

/// Tries every address at once, each on a thread of its own; returns the first that
/// completes the TLS handshake with `cfg` (the pinned host). The others finish on their
/// own and are dropped. Gives up early when `stop` is set.
fn first_reached(
    addrs: &[SocketAddr],
    cfg: &Arc<rustls::ClientConfig>,
    stop: &AtomicBool,
) -> io::Result<(SocketAddr, ClientStream)> {
    let (tx, rx) = std::sync::mpsc::channel();
    for &addr in addrs {
        let (tx, cfg) = (tx.clone(), Arc::clone(cfg));
        std::thread::Builder::new()
            .name("desk-try".into())
            .spawn(move || {
                // The receiver may be gone: another address answered first.
                let _ = tx.send((addr, tls::connect(addr, cfg)));
            })?;
    }
    drop(tx);
    let mut last = io::Error::new(io::ErrorKind::NotFound, "không có địa chỉ máy chủ");
    loop {
        match rx.recv_timeout(Duration::from_millis(50)) {
            Ok((addr, Ok(tls))) => return Ok((addr, tls)),
            Ok((addr, Err(e))) => {
                tracing::debug!(%addr, "host not reached: {e}");
                last = e;
            }
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                if stop.load(Ordering::SeqCst) {
                    return Err(io::Error::other("stopped"));
                }
            }
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => return Err(last),
        }
    }
}

/// Where the desk stands with its host.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum State {
    Connecting,
    Online,
    /// Not reached; why, in words.
    Offline(String),
    /// The host removed this desk (or forgot it): it must pair again.
    Removed(String),
}

#[derive(Debug, Clone)]
pub struct Status {
    pub state: State,
    /// Actions waiting for the host.
    pub pending: usize,
    pub since: Instant,
    /// Clashes the host reported to this desk.
    pub clashes: usize,
    /// The host's file was locked after this desk paired: it sent its desk PIN, now in
    /// the keyring, and the desk's open copy is to be locked with it ([`prepare_mirror`])
    /// as soon as the window or command line can close it for a moment.
    pub relock: bool,
}

type Notify = Box<dyn Fn() + Send + Sync>;

/// The desk's connection thread; stopped when dropped.
pub struct DeskClient {
    status: Arc<Mutex<Status>>,
    stop: Arc<AtomicBool>,
    nudge: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl DeskClient {
    /// Starts following the host for the desk in `dir`; `notify` runs when the copy or
    /// the status changed (the window repaints).
    pub fn start(
        dir: &Path,
        link: DeskLink,
        notify: impl Fn() + Send + Sync + 'static,
    ) -> io::Result<Self> {
        prepare_mirror(dir)?;
        let mirror =
            Store::open(&DeskLink::mirror(dir), Missing::Create).map_err(io::Error::other)?;
        let status = Arc::new(Mutex::new(Status {
            state: State::Connecting,
            pending: mirror.pending().unwrap_or_default(),
            since: Instant::now(),
            clashes: 0,
            relock: false,
        }));
        let stop = Arc::new(AtomicBool::new(false));
        let nudge = Arc::new(AtomicBool::new(false));
        let runner = Runner {
            dir: dir.to_owned(),
            link,
            mirror,
            status: Arc::clone(&status),
            stop: Arc::clone(&stop),
            nudge: Arc::clone(&nudge),
            notify: Box::new(notify),
        };
        let thread = std::thread::Builder::new()
            .name("desk-link".into())
            .spawn(move || runner.run())?;
        Ok(Self {
            status,
            stop,
            nudge,
            thread: Some(thread),
        })
    }

    pub fn status(&self) -> Status {
        lock(&self.status).clone()
    }

    /// Something was done at the desk: send it now.
    pub fn nudge(&self) {
        self.nudge.store(true, Ordering::SeqCst);
    }
}

impl Drop for DeskClient {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

struct Runner {
    dir: PathBuf,
    link: DeskLink,
    mirror: Store,
    status: Arc<Mutex<Status>>,
    stop: Arc<AtomicBool>,
    nudge: Arc<AtomicBool>,
    notify: Notify,
}

const TICK: Duration = Duration::from_millis(5);
const SILENT: Duration = Duration::from_secs(15);
const PING: Duration = Duration::from_secs(5);

impl Runner {
    fn set(&self, state: State) {
        let changed = {
            let mut s = lock(&self.status);
            let changed = s.state != state;
            if changed {
                s.state = state;
                s.since = Instant::now();
            }
            s.pending = self.mirror.pending().unwrap_or(s.pending);
            changed
        };
        if changed {
            (self.notify)();
        }
    }

    /// The host is locked: a copy locked already keeps its PIN (a host that made a
    /// new PIN asks for pairing again); an open copy is to be locked with it.
    fn take_pin(&self, pin: &str) {
        if self.mirror.is_locked() {
            return;
        }
        let Some(pin) = pin_passphrase(pin) else {
            tracing::warn!("the host sent a desk PIN that is not 8 digits");
            return;
        };
        key::remember(&DeskLink::mirror(&self.dir), pin);
        lock(&self.status).relock = true;
        (self.notify)();
    }

    fn stopped(&self) -> bool {
        self.stop.load(Ordering::SeqCst)
    }

    fn run(mut self) {
        let mut wait = Duration::from_millis(250);
        while !self.stopped() {
            match self.connect() {
                Ok(link) => {
                    wait = Duration::from_millis(250);
                    match self.follow(link) {
                        Ok(()) => {}
                        Err(e) => {
                            tracing::info!("desk lost its host: {e}");
                            self.set(State::Offline(e.to_string()));
                        }
                    }
                }
                Err(e) => self.set(State::Offline(e.to_string())),
            }
            if matches!(lock(&self.status).state, State::Removed(_)) {
                return;
            }
            let until = Instant::now() + wait;
            while Instant::now() < until && !self.stopped() {
                std::thread::sleep(Duration::from_millis(50));
            }
            wait = (wait * 2).min(Duration::from_secs(3));
        }
    }

    /// Reaches the host at one of its addresses, trusting its certificate alone: all of
    /// them are tried at once and the first to answer wins, so an address that drops
    /// packets costs nothing while another answers.
    fn connect(&mut self) -> io::Result<Link<ClientStream>> {
        let cfg = tls::client_config(Some(self.link.pin()?))?;
        let addrs: Vec<SocketAddr> = self
            .link
            .addrs
            .iter()
            .copied()
            .filter(|a| usable(&a.ip()))
            .collect();
        let (addr, tls) = first_reached(&addrs, &cfg, &self.stop)?;
        if self.link.addrs.first() != Some(&addr) {
            self.link.addrs.retain(|a| *a != addr);
            self.link.addrs.insert(0, addr);
            if let Err(e) = self.link.save(&self.dir) {
                tracing::warn!("cannot note the host's address: {e}");
            }
        }
        // The desk PIN, if this desk has one: its copy's, or the one its host just
        // sent while the copy waits to be locked.
        let pin = self
            .mirror
            .passphrase()
            .cloned()
            .or_else(|| key::for_new(&DeskLink::mirror(&self.dir)));
        let pin_proof = match pin {
            Some(pin) => Some(proto::b64(&pairing::pin_proof(
                pin.secret(),
                &tls::channel_binding(&tls.conn)?,
                &self.link.desk_id,
            ))),
            None => None,
        };
        let mut link = Link::new(tls);
        link.max_line = LARGE;
        link.send(&Msg::Hello {
            v: VERSION,
            desk_id: self.link.desk_id.clone(),
            token: self.link.token.clone(),
            name: self.link.name.clone(),
            pin_proof,
        })?;
        Ok(link)
    }

    fn follow(&mut self, mut link: Link<ClientStream>) -> io::Result<()> {
        let mut snapshot: Option<(
            Option<crate::domain::Conference>,
            Vec<crate::domain::Attendee>,
        )> = None;
        let mut in_flight: HashSet<String> = HashSet::new();
        let mut online = false;
        let mut last_send: Option<Instant> = None;
        loop {
            if self.stopped() {
                link.close();
                return Ok(());
            }
            let nudged = self.nudge.swap(false, Ordering::SeqCst);
            let due = last_send.is_none_or(|t| t.elapsed() > Duration::from_millis(100));
            if online && (nudged || due) {
                last_send = Some(Instant::now());
                let waiting: Vec<_> = self
                    .mirror
                    .outbox(500)
                    .map_err(io::Error::other)?
                    .into_iter()
                    .filter(|a| !in_flight.contains(&a.op_id))
                    .collect();
                if !waiting.is_empty() {
                    in_flight.extend(waiting.iter().map(|a| a.op_id.clone()));
                    link.send(&Msg::Actions { actions: waiting })?;
                }
            }
            match link.recv(TICK)? {
                Some(Msg::Snapshot {
                    conference,
                    attendees,
                    done,
                }) => {
                    let (conf, all) = snapshot.get_or_insert_with(|| (None, Vec::new()));
                    if conference.is_some() {
                        *conf = conference;
                    }
                    all.extend(attendees);
                    if done {
                        let (conf, all) = snapshot.take().unwrap_or_default();
                        let conf = match conf {
                            Some(c) => c,
                            None => self.mirror.conference().map_err(io::Error::other)?,
                        };
                        self.mirror
                            .mirror_replace(&conf, &all)
                            .map_err(io::Error::other)?;
                        online = true;
                        self.set(State::Online);
                        (self.notify)();
                    }
                }
                Some(Msg::DeskPin { pin }) => self.take_pin(&pin),
                Some(Msg::Changes { upserts, deleted }) => {
                    self.mirror
                        .mirror_upsert(&upserts, &deleted)
                        .map_err(io::Error::other)?;
                    (self.notify)();
                }
                Some(Msg::Acks { acks }) => {
                    for a in &acks {
                        in_flight.remove(&a.op_id);
                    }
                    let clashes = acks
                        .iter()
                        .filter(|a| matches!(a.outcome, crate::sync::Outcome::Clash(_)))
                        .count();
                    self.mirror.acknowledge(&acks).map_err(io::Error::other)?;
                    {
                        let mut s = lock(&self.status);
                        s.pending = self.mirror.pending().unwrap_or(s.pending);
                        s.clashes += clashes;
                    }
                    (self.notify)();
                }
                Some(Msg::Denied { reason }) => {
                    self.set(State::Removed(reason));
                    return Ok(());
                }
                Some(_) | None => {}
            }
            if link.last_tx.elapsed() > PING {
                link.send(&Msg::Ping)?;
            }
            if link.last_rx.elapsed() > SILENT {
                return Err(io::Error::new(
                    io::ErrorKind::TimedOut,
                    "máy chủ không trả lời",
                ));
            }
        }
    }
}
