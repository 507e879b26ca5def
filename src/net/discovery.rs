//! Finding the host on the local network (mDNS, `_hoinghi._tcp`), so a desk need not
//! type an address. Only a convenience: the address can always be typed, venue Wi-Fi
//! often isolates clients, and what decides trust is the pinned certificate, never this.
//! `HOINGHI_NO_MDNS=1` turns it off (tests, Wine).

use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

const SERVICE: &str = "_hoinghi._tcp.local.";

fn enabled() -> bool {
    std::env::var_os("HOINGHI_NO_MDNS").is_none()
}

/// The host's announcement; stopped when dropped.
pub struct Announcer {
    daemon: mdns_sd::ServiceDaemon,
}

impl Announcer {
    pub fn start(conference: &str, port: u16, fingerprint: &[u8; 32]) -> Option<Self> {
        if !enabled() {
            return None;
        }
        let daemon = mdns_sd::ServiceDaemon::new()
            .inspect_err(|e| tracing::warn!("mDNS unavailable: {e}"))
            .ok()?;
        let hint = fingerprint[..6].iter().fold(String::new(), |mut s, b| {
            use std::fmt::Write as _;
            let _ = write!(s, "{b:02x}");
            s
        });
        let host = format!("hoinghi-{hint}.local.");
        // An instance name is at most 63 bytes; cut at a character.
        let mut name: String = conference.chars().take(40).collect();
        if name.trim().is_empty() {
            name = "hoinghi".into();
        }
        let props = [("v", "1"), ("fp", hint.as_str())];
        let info = mdns_sd::ServiceInfo::new(SERVICE, &name, &host, "", port, &props[..])
            .inspect_err(|e| tracing::warn!("mDNS announcement refused: {e}"))
            .ok()?
            .enable_addr_auto();
        daemon
            .register(info)
            .inspect_err(|e| tracing::warn!("mDNS announcement failed: {e}"))
            .ok()?;
        Some(Self { daemon })
    }
}

impl Drop for Announcer {
    fn drop(&mut self) {
        if let Ok(done) = self.daemon.shutdown() {
            let _ = done.recv_timeout(Duration::from_secs(1));
        }
    }
}

/// A host heard on the network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub conference: String,
    pub addrs: Vec<SocketAddr>,
}

/// Listens for hosts while a desk's connect dialog is open; stopped when dropped.
pub struct Browser {
    daemon: Option<mdns_sd::ServiceDaemon>,
    found: Arc<Mutex<Vec<Found>>>,
}

impl Browser {
    /// Starts listening; `on_found` runs (off the window's thread) when a host appears.
    pub fn start(on_found: impl Fn() + Send + 'static) -> Self {
        let found = Arc::new(Mutex::new(Vec::new()));
        let daemon = enabled()
            .then(mdns_sd::ServiceDaemon::new)
            .and_then(Result::ok);
        if let Some(receiver) = daemon.as_ref().and_then(|d| d.browse(SERVICE).ok()) {
            let found = Arc::clone(&found);
            let _ = std::thread::Builder::new()
                .name("mdns-browse".into())
                .spawn(move || {
                    while let Ok(event) = receiver.recv() {
                        if let mdns_sd::ServiceEvent::ServiceResolved(s) = event {
                            let name = s
                                .fullname
                                .strip_suffix(&format!(".{SERVICE}"))
                                .unwrap_or(&s.fullname)
                                .replace("\\032", " ");
                            let mut addrs: Vec<SocketAddr> = s
                                .get_addresses()
                                .iter()
                                .map(|ip| SocketAddr::new(ip.to_ip_addr(), s.port))
                                .filter(SocketAddr::is_ipv4)
                                .collect();
                            addrs.sort_by_key(|a| a.ip().is_loopback());
                            let mut list = found.lock().unwrap_or_else(PoisonError::into_inner);
                            list.retain(|f: &Found| f.conference != name);
                            list.push(Found {
                                conference: name,
                                addrs,
                            });
                            on_found();
                        }
                    }
                });
        }
        Self { daemon, found }
    }

    pub fn found(&self) -> Vec<Found> {
        self.found
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if let Some(d) = &self.daemon
            && let Ok(done) = d.shutdown()
        {
            let _ = done.recv_timeout(Duration::from_secs(1));
        }
    }
}

/// Reads "192.168.1.5:47650" or "192.168.1.5" (the default port).
pub fn parse_addr(text: &str) -> Option<SocketAddr> {
    let text = text.trim();
    text.parse::<SocketAddr>().ok().or_else(|| {
        text.parse::<IpAddr>()
            .ok()
            .map(|ip| SocketAddr::new(ip, super::host::DEFAULT_PORT))
    })
}
