//! Finding the host on the local network (mDNS, `_hoinghi._tcp`), so a desk need not
//! type an address. Only a convenience: the address can always be typed, venue Wi-Fi
//! often isolates clients, and what decides trust is the pinned certificate, never this.
//! `HOINGHI_NO_MDNS=1` turns it off (tests, Wine).

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

const SERVICE: &str = "_hoinghi._tcp.local.";
/// The TXT key that carries the conference's whole name (the instance name is short).
const NAME_KEY: &str = "name";
/// An mDNS instance name is at most 63 bytes.
const MAX_INSTANCE: usize = 63;
/// A TXT entry ("name=…") is at most 255 bytes.
const MAX_TXT_NAME: usize = 240;

/// Whether a desk could ever reach this address: IPv4, not the unspecified, broadcast or
/// multicast address, and not a documentation range (TEST-NET-1/2/3: 192.0.2.0/24,
/// 198.51.100.0/24, 203.0.113.0/24), which no real network routes. A laptop may carry
/// such an address on a virtual interface; a desk that tried it first waited for nothing.
pub fn usable(ip: &IpAddr) -> bool {
    let IpAddr::V4(v4) = ip else {
        return false;
    };
    let documentation = matches!(
        v4.octets(),
        [192, 0, 2, _] | [198, 51, 100, _] | [203, 0, 113, _]
    );
    !(documentation || v4.is_unspecified() || v4.is_broadcast() || v4.is_multicast())
}

/// This machine's usable IPv4 addresses, the local network's first and loopback last.
pub fn local_ips() -> Vec<IpAddr> {
    let mut ips: Vec<IpAddr> = if_addrs::get_if_addrs()
        .unwrap_or_default()
        .into_iter()
        .map(|i| i.ip())
        .filter(usable)
        .collect();
    ips.sort_by_key(|ip| (ip.is_loopback(), *ip));
    ips.dedup();
    if ips.is_empty() {
        ips.push(IpAddr::V4(Ipv4Addr::LOCALHOST));
    }
    ips
}

/// `text` cut to at most `max` bytes at the end of a word, with "…" when cut: a name is
/// never shown cut in the middle of a word ("…Ban Giá").
fn cut_at_word(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.len() <= max {
        return text.to_owned();
    }
    let room = max.saturating_sub('…'.len_utf8());
    let mut end = 0;
    for (i, c) in text.char_indices() {
        if i + c.len_utf8() > room {
            break;
        }
        if c.is_whitespace() {
            end = i;
        }
    }
    if end == 0 {
        // One long word: cut at a character.
        end = text
            .char_indices()
            .map(|(i, c)| i + c.len_utf8())
            .take_while(|&e| e <= room)
            .last()
            .unwrap_or(0);
    }
    let kept = text[..end]
        .trim_end_matches(|c: char| c.is_whitespace() || c == ',' || c == '-' || c == '–');
    format!("{kept}…")
}

/// The instance name a host announces: the conference's name, cut at a word to fit.
pub fn instance_name(conference: &str) -> String {
    let name = cut_at_word(conference, MAX_INSTANCE);
    if name.trim().is_empty() {
        "hoinghi".into()
    } else {
        name
    }
}

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
        let name = instance_name(conference);
        // The whole name travels in the TXT record: the list of hosts shows it uncut.
        let full = cut_at_word(conference, MAX_TXT_NAME);
        let props = [("v", "1"), ("fp", hint.as_str()), (NAME_KEY, full.as_str())];
        // Only addresses a desk can reach: no loopback, no documentation ranges.
        let ips: Vec<IpAddr> = local_ips()
            .into_iter()
            .filter(|ip| !ip.is_loopback())
            .collect();
        if ips.is_empty() {
            tracing::info!("no network address to announce the host on");
            return None;
        }
        let info = mdns_sd::ServiceInfo::new(SERVICE, &name, &host, &ips[..], port, &props[..])
            .inspect_err(|e| tracing::warn!("mDNS announcement refused: {e}"))
            .ok()?;
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
                            let name = s.get_property_val_str(NAME_KEY).map_or_else(
                                || {
                                    s.fullname
                                        .strip_suffix(&format!(".{SERVICE}"))
                                        .unwrap_or(&s.fullname)
                                        .replace("\\032", " ")
                                },
                                str::to_owned,
                            );
                            let mut addrs: Vec<SocketAddr> = s
                                .get_addresses()
                                .iter()
                                .map(mdns_sd::ScopedIp::to_ip_addr)
                                .filter(usable)
                                .map(|ip| SocketAddr::new(ip, s.port))
                                .collect();
                            addrs.sort_by_key(|a| (a.ip().is_loopback(), *a));
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
            .map(|ip| SocketAddr::new(ip, super::proto::DEFAULT_PORT))
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn documentation_addresses_are_never_offered() {
        for bad in [
            "192.0.2.10",
            "198.51.100.7",
            "203.0.113.1",
            "0.0.0.0",
            "224.0.0.251",
        ] {
            assert!(!usable(&bad.parse().unwrap()), "{bad}");
        }
        for good in [
            "127.0.0.1",
            "192.168.1.5",
            "10.0.0.2",
            "172.20.10.1",
            "169.254.3.4",
        ] {
            assert!(usable(&good.parse().unwrap()), "{good}");
        }
        assert!(local_ips().iter().all(usable));
    }

    /// The list of hosts showed "…Ban Giá": the name was cut at 40 characters.
    #[test]
    fn a_long_conference_name_is_cut_between_words_and_fits_mdns() {
        let long = "Hội nghị đối thoại giữa Đảng ủy, Ban Giám đốc Công an tỉnh với cán bộ chiến sĩ Công an cấp xã";
        let name = instance_name(long);
        assert!(name.len() <= MAX_INSTANCE, "{} bytes", name.len());
        assert!(name.ends_with('…'), "{name}");
        let kept = name.trim_end_matches('…');
        assert!(long.starts_with(kept), "{name}");
        let next = long[kept.len()..].chars().next();
        assert_eq!(next, Some(' '), "cut between words: {name}");
        assert_eq!(instance_name("Hội nghị 2026"), "Hội nghị 2026");
        assert_eq!(instance_name("   "), "hoinghi");
        // The TXT record carries the whole of it.
        assert_eq!(cut_at_word(long, MAX_TXT_NAME), long);
    }
}
