//! Several desks: this window hosting its file for desks on the local network, or this
//! window being one of a host's desks. The sockets run on their own threads (`net`);
//! this room starts and stops them and gathers what the window shows of them.

use std::fmt::Write as _;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::{Duration, Instant};

use super::App;
use crate::error::{Error, Result};
use crate::net::desk::{self as net_desk, DeskClient, DeskLink, State};
use crate::net::discovery::Browser;
use crate::net::host::{Host, Options};
use crate::store::{Missing, Store, key};
use crate::sync::{DeskFile, Outcome};
use crate::ui::Page;
use crate::ui::dialogs::Ask;
use crate::ui::panels::desk::DeskPinDialog;
use crate::ui::panels::desks::{ConnectDialog, HostView};

/// How long a pairing code lasts.
const CODE_TTL: Duration = Duration::from_mins(5);

/// The file this laptop shares with desks, and on which port, noted in its data folder
/// the moment sharing starts and removed when the organiser stops it. A window that
/// closes or dies while sharing finds it at its next start and shares that file again,
/// on the same port, so the desks (which remember the address) come back on their own.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Sharing {
    pub file: PathBuf,
    pub port: u16,
}

const SHARING_FILE: &str = "dang-chia-se.json";

impl Sharing {
    fn path(dir: &Path) -> PathBuf {
        dir.join(SHARING_FILE)
    }

    /// What was being shared when the window last stopped, if anything.
    pub fn load(dir: &Path) -> Option<Self> {
        let text = std::fs::read_to_string(Self::path(dir)).ok()?;
        serde_json::from_str(&text)
            .inspect_err(|e| tracing::warn!("{SHARING_FILE} unreadable: {e}"))
            .ok()
    }

    fn save(&self, dir: &Path) {
        let written = serde_json::to_vec_pretty(self)
            .map_err(io::Error::other)
            .and_then(|bytes| {
                std::fs::create_dir_all(dir)?;
                let tmp = dir.join(format!("{SHARING_FILE}.tmp"));
                std::fs::write(&tmp, bytes)?;
                std::fs::rename(tmp, Self::path(dir))
            });
        if let Err(e) = written {
            tracing::warn!("cannot note the shared file (no sharing after a restart): {e}");
        }
    }

    fn clear(dir: &Path) {
        match std::fs::remove_file(Self::path(dir)) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => tracing::warn!("cannot remove {SHARING_FILE}: {e}"),
        }
    }
}

/// What this window is to other laptops.
#[derive(Default)]
pub enum Role {
    #[default]
    Alone,
    Host(Box<Host>),
    Desk(Box<DeskSession>),
}

/// This window as a host's desk.
pub struct DeskSession {
    pub link: DeskLink,
    pub client: DeskClient,
    /// The file open before, opened again when the window stops being a desk.
    pub before: Option<PathBuf>,
}

/// A desk whose copy of the list is locked, waiting for its operator to type the desk
/// PIN: nothing of the list is open until then.
pub struct PinPrompt {
    pub link: DeskLink,
    /// The file open before, as in [`DeskSession`].
    pub before: Option<PathBuf>,
    pub dialog: DeskPinDialog,
}

/// The room's state.
pub struct Desks {
    pub role: Role,
    /// Where the host's certificate and this laptop's desk folder are kept.
    pub dir: PathBuf,
    pub connect: Option<ConnectDialog>,
    pub pin_prompt: Option<PinPrompt>,
    browser: Option<Browser>,
    pairing: Option<Receiver<io::Result<DeskLink>>>,
    /// The host's page, gathered at most once a second.
    pub view: Option<HostView>,
    gathered: Option<Instant>,
    /// Announce the host and look for hosts on the network (mDNS).
    announce: bool,
    /// Ask the system to bring the window to the front on the next frame: a desk
    /// laptop started again must take keys at once, without a click first.
    pub focus_window: bool,
}

impl Desks {
    pub fn new(dir: PathBuf) -> Self {
        Self {
            role: Role::Alone,
            dir,
            connect: None,
            pin_prompt: None,
            browser: None,
            pairing: None,
            view: None,
            gathered: None,
            announce: true,
            focus_window: false,
        }
    }

    /// This laptop's desk folder: its pairing, copy of the list and outbox.
    pub fn desk_dir(&self) -> PathBuf {
        self.dir.join("ban-diem-danh")
    }

    pub fn is_desk(&self) -> bool {
        matches!(self.role, Role::Desk(_))
    }

    pub fn host(&self) -> Option<&Host> {
        match &self.role {
            Role::Host(h) => Some(h),
            _ => None,
        }
    }

    pub fn desk(&self) -> Option<&DeskSession> {
        match &self.role {
            Role::Desk(d) => Some(d),
            _ => None,
        }
    }
}

impl App {
    /// Where the host's certificate and the desk folder go, and whether to announce on
    /// the network (tests use a temporary folder and stay quiet).
    pub fn set_desks_dir(&mut self, dir: PathBuf, announce: bool) {
        self.desks.dir = dir;
        self.desks.announce = announce;
    }

    /// The host, while this window hosts its file.
    pub fn hosting(&self) -> Option<&Host> {
        self.desks.host()
    }

    /// This window's desk link and status, while it is a desk.
    pub fn desk_status(&self) -> Option<crate::net::desk::Status> {
        self.desks.desk().map(|d| d.client.status())
    }

    pub(super) fn start_hosting(&mut self) -> Result<()> {
        self.host_on(0)
    }

    /// Shares the open file on `port` (0: the usual one if free), or on any port when a
    /// port asked for is taken.
    fn host_on(&mut self, port: u16) -> Result<()> {
        if !self.session.writable() {
            return Err(Error::Desks(self.s().read_only_banner.to_owned()));
        }
        let db = self.session.path().ok_or(Error::NoFile)?.to_owned();
        let mut opts = Options {
            db: db.clone(),
            port,
            code_ttl: CODE_TTL,
            identity_dir: self.desks.dir.clone(),
            announce: self.desks.announce,
        };
        let host = Host::start(&opts).or_else(|e| {
            if port == 0 {
                return Err(e);
            }
            tracing::warn!(
                port,
                "the port shared on before is taken ({e}): another one"
            );
            opts.port = 0;
            Host::start(&opts)
        });
        let host = host.map_err(|e| Error::Desks(e.to_string()))?;
        Sharing {
            file: db,
            port: host.port(),
        }
        .save(&self.desks.dir);
        if let Some(ctx) = &self.jobs.ctx {
            let ctx = ctx.clone();
            host.on_change(move || ctx.request_repaint());
        }
        let code = host.code().map(|c| c.0).unwrap_or_default();
        self.chrome
            .info(format!("{} {code}", self.s().host_started));
        self.desks.role = Role::Host(Box::new(host));
        self.desks.gathered = None;
        self.pages.page = Page::Desks;
        Ok(())
    }

    pub(super) fn stop_hosting(&mut self) {
        if matches!(self.desks.role, Role::Host(_)) {
            Sharing::clear(&self.desks.dir);
            self.desks.role = Role::Alone;
            self.desks.view = None;
            if self.pages.page == Page::Desks {
                self.pages.page = Page::Overview;
            }
        }
    }

    pub(super) fn new_pairing_code(&mut self) {
        if let Some(h) = self.desks.host() {
            h.new_code();
            self.desks.gathered = None;
        }
    }

    pub(super) fn revoke_desk(&mut self, desk_id: &str) -> Result<()> {
        if let Some(h) = self.desks.host() {
            h.revoke(desk_id)?;
            self.desks.gathered = None;
        }
        Ok(())
    }

    /// Gathers the host's page: addresses, code, desks and clashes (once a second).
    pub(super) fn gather_host_view(&mut self) {
        let Role::Host(host) = &self.desks.role else {
            return;
        };
        if self
            .desks
            .gathered
            .is_some_and(|t| t.elapsed() < Duration::from_secs(1))
        {
            return;
        }
        let Some(store) = &self.session.store else {
            return;
        };
        let paired = store.desks().unwrap_or_default();
        self.desks.view = Some(HostView {
            addresses: host.addresses().iter().map(ToString::to_string).collect(),
            code: host.code(),
            desk_pin: host.desk_pin(),
            desks: HostView::desks_from(&paired, &host.live_desks()),
            failed: host.failed_pairings(),
            clashes: store.clashes().unwrap_or_default(),
        });
        self.desks.gathered = Some(Instant::now());
        if let Some(ctx) = &self.jobs.ctx {
            ctx.request_repaint_after(Duration::from_secs(1));
        }
    }

    /// Applies a desk's file brought on a USB stick, with the network's rules.
    pub(super) fn take_desk_file(&mut self, path: &Path) -> Result<()> {
        let store = self.session.store()?;
        // A locked desk's file opens with the desk PIN this file holds.
        let pin = store
            .desk_pin()?
            .as_deref()
            .and_then(net_desk::pin_passphrase);
        let file = DeskFile::read(path, pin.as_ref())?;
        let acks = store.apply_actions(&file.actions)?;
        let clashes = acks
            .iter()
            .filter(|a| matches!(a.outcome, Outcome::Clash(_)))
            .count();
        self.after_external_change();
        self.desks.gathered = None;
        self.chrome.info(format!(
            "{} «{}»: {} · {clashes} {}",
            self.s().host_file_taken,
            file.desk,
            acks.len(),
            self.s().desk_banner_clashes
        ));
        Ok(())
    }

    pub(super) fn open_connect(&mut self) {
        let resume = DeskLink::load(&self.desks.desk_dir()).map(|l| (l.name, l.conference));
        let name = resume.as_ref().map(|r| r.0.clone()).unwrap_or_default();
        self.desks.connect = Some(ConnectDialog {
            name,
            resume,
            ..ConnectDialog::default()
        });
        let ctx = self.jobs.ctx.clone();
        self.desks.browser = self.desks.announce.then(|| {
            Browser::start(move || {
                if let Some(ctx) = &ctx {
                    ctx.request_repaint();
                }
            })
        });
    }

    pub(super) fn close_connect(&mut self) {
        self.desks.connect = None;
        self.desks.browser = None;
    }

    /// Pairs on a thread of its own; the dialog waits for the answer.
    pub(super) fn pair_desk(&mut self, address: &str, code: &str, name: &str) {
        let Some(addr) = crate::net::discovery::parse_addr(address) else {
            if let Some(d) = &mut self.desks.connect {
                d.busy = false;
                d.error = Some(format!("Địa chỉ không hợp lệ: {address}"));
            }
            return;
        };
        let (tx, rx) = std::sync::mpsc::channel();
        let (code, dir, ctx) = (
            code.to_owned(),
            self.desks.desk_dir(),
            self.jobs.ctx.clone(),
        );
        let name = if name.is_empty() {
            "Bàn".to_owned()
        } else {
            name.to_owned()
        };
        let spawned = std::thread::Builder::new()
            .name("desk-pairing".into())
            .spawn(move || {
                let _ = tx.send(crate::net::desk::pair(addr, &code, &name, &dir));
                if let Some(ctx) = ctx {
                    ctx.request_repaint();
                }
            });
        match spawned {
            Ok(_) => self.desks.pairing = Some(rx),
            Err(e) => self.chrome.error(e.to_string()),
        }
    }

    /// Looks for the pairing's answer; paired, the window becomes the desk.
    pub(super) fn poll_pairing(&mut self) {
        let Some(rx) = &self.desks.pairing else {
            return;
        };
        match rx.try_recv() {
            Ok(Ok(link)) => {
                self.desks.pairing = None;
                self.close_connect();
                if let Err(e) = self.become_desk(link) {
                    self.chrome.error(e.to_string());
                }
            }
            Ok(Err(e)) => {
                self.desks.pairing = None;
                if let Some(d) = &mut self.desks.connect {
                    d.busy = false;
                    d.error = Some(e.to_string());
                }
            }
            Err(TryRecvError::Empty) => {}
            Err(TryRecvError::Disconnected) => self.desks.pairing = None,
        }
    }

    pub(super) fn resume_desk(&mut self) -> Result<()> {
        let link = DeskLink::load(&self.desks.desk_dir())
            .ok_or_else(|| Error::Desks("Máy này chưa ghép nối với máy chủ nào.".into()))?;
        self.close_connect();
        self.become_desk(link)
    }

    /// Opens the desk's copy of the list in the window and starts following the host.
    pub(super) fn become_desk(&mut self, link: DeskLink) -> Result<()> {
        let before = match std::mem::take(&mut self.desks.role) {
            // A desk already (paired again): its copy is let go of first.
            Role::Desk(desk) => {
                let DeskSession { client, before, .. } = *desk;
                drop(client);
                self.session.store = None;
                self.hold_lock(None);
                before
            }
            role => {
                self.desks.role = role;
                self.session.path().map(Path::to_path_buf)
            }
        };
        self.become_desk_from(link, before)
    }

    /// As [`Self::become_desk`], `before` being the file to open again afterwards. A
    /// locked copy whose PIN this window does not hold asks for it first.
    fn become_desk_from(&mut self, link: DeskLink, before: Option<PathBuf>) -> Result<()> {
        self.stop_hosting();
        let dir = self.desks.desk_dir();
        let mirror_path = DeskLink::mirror(&dir);
        std::fs::create_dir_all(&dir).map_err(|source| Error::Io {
            path: dir.clone(),
            source,
        })?;
        if net_desk::mirror_is_locked(&dir) && key::for_existing(&mirror_path).is_none() {
            self.desks.pin_prompt = Some(PinPrompt {
                link,
                before,
                dialog: DeskPinDialog::default(),
            });
            self.desks.focus_window = true;
            return Ok(());
        }
        // One window per desk folder: a second would send the same outbox twice over.
        let lock = match crate::store::lock::FileLock::try_acquire(&mirror_path) {
            crate::store::lock::Lock::Acquired(l) => Some(l),
            crate::store::lock::Lock::HeldElsewhere => {
                return Err(Error::HeldElsewhere { path: mirror_path });
            }
            crate::store::lock::Lock::Unavailable(_) => None,
        };
        // A copy left open by a host locked since is locked now, while nothing holds it.
        net_desk::prepare_mirror(&dir).map_err(|e| Error::Desks(e.to_string()))?;
        let mirror = Store::open(&mirror_path, Missing::Create)?;
        let ctx = self.jobs.ctx.clone();
        let client = DeskClient::start(&dir, link.clone(), move || {
            if let Some(ctx) = &ctx {
                ctx.request_repaint();
            }
        })
        .map_err(|e| Error::Desks(e.to_string()))?;
        self.set_store(mirror);
        self.hold_lock(lock);
        self.session.recent.retain(|r| r != &mirror_path);
        self.desk.acting_as = Some((link.desk_id.clone(), link.name.clone()));
        self.desks.role = Role::Desk(Box::new(DeskSession {
            link,
            client,
            before,
        }));
        self.pages.page = Page::Desk;
        Ok(())
    }

    /// The desk PIN typed in the dialog: a wrong one says so and opens nothing; the
    /// right one is kept in memory only (the keyring) and the window becomes the desk.
    pub(super) fn unlock_desk(&mut self) -> Result<()> {
        let s = self.s();
        let path = DeskLink::mirror(&self.desks.desk_dir());
        let Some(prompt) = &mut self.desks.pin_prompt else {
            return Ok(());
        };
        let typed = std::mem::take(&mut prompt.dialog.typed);
        let Some(pin) = net_desk::pin_passphrase(&typed) else {
            prompt.dialog.error = Some(s.desk_pin_format.to_owned());
            return Ok(());
        };
        // Read-only: a wrong PIN changes no byte of the copy.
        match Store::open_read_only_keyed(&path, Some(&pin)) {
            Ok(_) | Err(Error::NeedsUpgrade { .. }) => {}
            Err(Error::WrongPassphrase { .. }) => {
                tracing::info!("a wrong desk PIN was typed");
                prompt.dialog.error = Some(s.desk_pin_wrong.to_owned());
                return Ok(());
            }
            Err(e) => return Err(e),
        }
        key::remember(&path, pin);
        let Some(PinPrompt { link, before, .. }) = self.desks.pin_prompt.take() else {
            return Ok(());
        };
        self.become_desk_from(link, before)
    }

    /// The PIN dialog closed without a PIN: the window stays as it was, not a desk.
    pub(super) fn cancel_desk_pin(&mut self) {
        self.desks.pin_prompt = None;
    }

    /// The host was locked after this desk paired and sent its desk PIN: the desk's copy
    /// is closed for a moment, locked, and opened again (outbox and all).
    pub(super) fn poll_desk_relock(&mut self) {
        if !self.desks.desk().is_some_and(|d| d.client.status().relock) {
            return;
        }
        let Role::Desk(desk) = std::mem::take(&mut self.desks.role) else {
            return;
        };
        let DeskSession {
            link,
            client,
            before,
        } = *desk;
        // Its thread lets go of the copy before the copy is converted.
        drop(client);
        self.session.store = None;
        self.hold_lock(None);
        match self.become_desk_from(link, before) {
            Ok(()) => self.chrome.info(self.s().desk_relocked.to_owned()),
            Err(e) => self.chrome.error(e.to_string()),
        }
    }

    pub(super) fn leave_desk(&mut self) {
        let Role::Desk(desk) = std::mem::take(&mut self.desks.role) else {
            return;
        };
        self.desk.acting_as = None;
        let DeskSession { before, .. } = *desk;
        let path = before.unwrap_or_else(crate::paths::default_conference_file);
        self.session.store = None;
        self.open_path(&path);
        self.pages.page = Page::Overview;
    }

    pub(super) fn ask_desk_file_save(&mut self) -> Result<()> {
        let name = self
            .desks
            .desk()
            .map_or_else(|| "ban".to_owned(), |d| d.link.name.clone());
        let locked = self.session.store.as_ref().is_some_and(Store::is_locked);
        let ext = if locked { "diemdanh" } else { "json" };
        let suggested = format!("Lượt điểm danh {name}.{ext}");
        self.ask(Ask::DeskFileSave { suggested })
    }

    pub(super) fn save_desk_file(&mut self, path: &Path) -> Result<()> {
        let name = self
            .desks
            .desk()
            .map(|d| d.link.name.clone())
            .unwrap_or_default();
        // Locked with the desk PIN when the copy is (a desk of a locked host).
        let file = self.session.store()?.write_pending_file(&name, path)?;
        self.chrome.info(format!(
            "{} {} ({})",
            self.s().desk_file_saved,
            path.display(),
            file.actions.len()
        ));
        Ok(())
    }

    /// A check-in was made at this desk: send it now.
    pub(super) fn nudge_desk(&self) {
        if let Some(d) = self.desks.desk() {
            d.client.nudge();
        }
    }

    /// The desk's line under the top bar: connected or not, and what waits.
    pub(super) fn desk_banner(&self) -> Option<(String, bool)> {
        let d = self.desks.desk()?;
        let st = d.client.status();
        let s = self.s();
        let (state, ok) = match &st.state {
            State::Online => (s.desk_banner_online.to_owned(), true),
            State::Connecting => (s.desk_banner_connecting.to_owned(), true),
            State::Offline(_) => (s.desk_banner_offline.to_owned(), false),
            State::Removed(why) => (format!("{} ({why})", s.desk_banner_removed), false),
        };
        let mut text = format!(
            "{} «{}» · {state} – {} {}",
            s.connect_name, d.link.name, st.pending, s.desk_banner_waiting
        );
        if st.clashes > 0 {
            let _ = write!(text, " · {} {}", st.clashes, s.desk_banner_clashes);
        }
        Some((text, ok && st.state == State::Online))
    }

    /// The file to open at start: the one this laptop was sharing when the window last
    /// stopped, unless another file was asked for by name.
    pub(super) fn file_to_resume_sharing(&self, asked: &Path) -> Option<Sharing> {
        let sharing = Sharing::load(&self.desks.dir)?;
        let asked_default = asked == crate::paths::default_conference_file();
        (sharing.file == asked || (asked_default && sharing.file.exists())).then_some(sharing)
    }

    /// Shares the file again as before the restart; says so, or why not.
    pub(super) fn resume_sharing(&mut self, sharing: &Sharing) {
        if self.session.path() != Some(sharing.file.as_path()) {
            return; // it could not be opened: the page says why
        }
        match self.host_on(sharing.port) {
            Ok(()) => {
                tracing::info!(file = %sharing.file.display(), "sharing again after a restart");
                let code = self.hosting().and_then(Host::code).map(|c| c.0);
                self.chrome.info(format!(
                    "{} {}",
                    self.s().host_resumed,
                    code.unwrap_or_default()
                ));
            }
            Err(e) => self
                .chrome
                .error(format!("{}: {e}", self.s().host_not_resumed)),
        }
    }

    /// Whether the window last closed as a desk and can be one again.
    pub(super) fn resume_desk_on_start(&mut self) {
        if DeskLink::load(&self.desks.desk_dir()).is_none() {
            return;
        }
        match self.resume_desk() {
            Ok(()) => self.desks.focus_window = true,
            Err(e) => self.chrome.error(e.to_string()),
        }
    }

    /// The hosts heard on the network, for the connect dialog.
    pub(super) fn found_hosts(&self) -> Vec<crate::net::discovery::Found> {
        self.desks
            .browser
            .as_ref()
            .map(Browser::found)
            .unwrap_or_default()
    }
}
