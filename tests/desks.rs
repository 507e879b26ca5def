//! Several desks at the door, with the real binary: `hoinghi serve` as the host and
//! `hoinghi desk` processes as desks on loopback. Check-ins from three desks at once,
//! a desk killed mid-queue, the host stopped and started again, the USB file, and
//! everyone who must get nothing: a wrong or expired code, a client never paired, a
//! client that does not trust the host's certificate, a removed desk.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write as _;
use std::io::{BufRead as _, BufReader, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use hoinghi::net::proto::{Link, Msg};
use hoinghi::net::tls;
use hoinghi::store::Store;

/// A running `hoinghi` with its standard input and output lines.
struct Proc {
    log: PathBuf,
    child: Child,
    stdin: ChildStdin,
    lines: Receiver<String>,
}

impl Proc {
    fn start(args: &[&str], data: &Path) -> Self {
        Self::start_env(args, data, &[])
    }

    /// As `start`, with these variables set (a passphrase, a desk PIN).
    fn start_env(args: &[&str], data: &Path, vars: &[(&str, &str)]) -> Self {
        std::fs::create_dir_all(data).unwrap();
        let log = std::fs::File::create(data.join(format!("stderr-{}.txt", args[0]))).unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_hoinghi"))
            .args(args)
            .envs(vars.iter().copied())
            .env("HOINGHI_DATA_DIR", data)
            .env("HOINGHI_NO_MDNS", "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(log)
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, lines) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Self {
            log: data.join(format!("stderr-{}.txt", args[0])),
            child,
            stdin,
            lines,
        }
    }

    fn stderr(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    fn send(&mut self, line: &str) {
        writeln!(self.stdin, "{line}").unwrap();
        self.stdin.flush().unwrap();
    }

    /// The next line starting with `prefix`, within a minute.
    fn expect(&self, prefix: &str) -> String {
        let deadline = Instant::now() + Duration::from_mins(1);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) if line.starts_with(prefix) => return line,
                Ok(_) => {}
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => {
                    panic!("no line starting with {prefix:?}; {}", self.stderr())
                }
            }
        }
    }

    fn kill(self) {
        drop(self);
    }

    fn quit(mut self) {
        self.send("quit");
        let _ = self.child.wait();
    }
}

/// A test that fails leaves no process behind.
impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A conference of `n` people, nobody checked in yet.
fn conference(dir: &Path, n: usize) -> (PathBuf, Vec<String>) {
    let csv = dir.join("ds.csv");
    let mut text = String::from("Họ và tên,Đơn vị\n");
    for i in 0..n {
        writeln!(text, "Đại biểu Số {i},Công an xã {}", i / 20).unwrap();
    }
    std::fs::write(&csv, text).unwrap();
    let db = dir.join("Hội nghị.sqlite");
    let out = Command::new(env!("CARGO_BIN_EXE_hoinghi"))
        .args(["import", "attendees"])
        .arg(&csv)
        .arg("--db")
        .arg(&db)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ids = Store::open_read_only(&db)
        .unwrap()
        .attendees()
        .unwrap()
        .into_iter()
        .map(|a| a.id)
        .collect();
    (db, ids)
}

struct Host {
    proc: Proc,
    addr: String,
}

fn host(db: &Path, data: &Path, port: u16, extra: &[&str]) -> Host {
    host_env(db, data, port, extra, &[])
}

fn host_env(db: &Path, data: &Path, port: u16, extra: &[&str], vars: &[(&str, &str)]) -> Host {
    let port = port.to_string();
    let mut args = vec!["serve", "--db", db.to_str().unwrap(), "--port", &port];
    args.extend_from_slice(extra);
    let proc = Proc::start_env(&args, data, vars);
    let addr = loop {
        let line = proc.expect("address ");
        if line.contains("127.0.0.1") {
            break line["address ".len()..].to_owned();
        }
    };
    // The first code is printed at start; tests ask for fresh ones.
    proc.expect("code ");
    Host { proc, addr }
}

impl Host {
    fn code(&mut self) -> String {
        self.proc.send("code");
        self.proc.expect("code ")["code ".len()..].to_owned()
    }
}

/// A port for a host that is stopped and started again on it. Below the range the
/// system hands out for outgoing connections (Linux: 32768 and up), so no connection of
/// a test running meanwhile can take it while the host is down.
fn free_port() -> u16 {
    use std::sync::atomic::{AtomicU16, Ordering};
    static NEXT: AtomicU16 = AtomicU16::new(0);
    let base = 20_000 + u16::try_from(std::process::id() % 1_000).unwrap() * 10;
    loop {
        let port = base + NEXT.fetch_add(1, Ordering::Relaxed) % 2_000;
        if std::net::TcpListener::bind(("0.0.0.0", port)).is_ok() {
            return port;
        }
    }
}

fn paired_desk(host: &mut Host, dir: &Path, name: &str) -> Proc {
    let code = host.code();
    Proc::start(
        &[
            "desk",
            "--dir",
            dir.to_str().unwrap(),
            "--host",
            &host.addr,
            "--code",
            &code,
            "--name",
            name,
        ],
        dir,
    )
}

/// "online pending 0 present 1400 of 1500 clashes 3" → (pending, present).
fn numbers(status: &str) -> (usize, usize) {
    let words: Vec<&str> = status.split_whitespace().collect();
    let at = |key: &str| {
        let i = words.iter().position(|w| *w == key).unwrap();
        words[i + 1].parse().unwrap()
    };
    (at("pending"), at("present"))
}

/// Waits until a desk has everything sent and shows `present` people in.
fn settle(desk: &mut Proc, present: usize) {
    let deadline = Instant::now() + Duration::from_mins(1);
    loop {
        desk.send("wait-synced 60");
        let status = desk.expect("online");
        if numbers(&status) == (0, present) {
            return;
        }
        assert!(Instant::now() < deadline, "desk stuck at {status}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn present(db: &Path) -> usize {
    let n = Store::open_read_only(db)
        .unwrap()
        .stats()
        .unwrap()
        .checked_in;
    usize::try_from(n).unwrap()
}

#[test]
fn three_desks_check_in_1500_times_at_once_and_everyone_is_counted_once() {
    let dir = tempfile::tempdir().unwrap();
    let (db, ids) = conference(dir.path(), 1500);
    let mut host = host(&db, &dir.path().join("host"), 0, &[]);
    let ranges = [0..500, 450..950, 900..1400];
    // One code per desk: each is paired before the next code is made.
    let mut desks: Vec<Proc> = (0..3)
        .map(|i| {
            let mut desk = paired_desk(
                &mut host,
                &dir.path().join(format!("desk{i}")),
                &format!("Bàn {i}"),
            );
            settle(&mut desk, 0);
            desk
        })
        .collect();
    // All three at once, overlapping on purpose: 50 people at two desks each, twice.
    for (desk, range) in desks.iter_mut().zip(ranges.clone()) {
        for id in &ids[range] {
            desk.send(&format!("checkin {id}"));
        }
    }
    for desk in &mut desks {
        settle(desk, 1400);
    }
    assert_eq!(present(&db), 1400, "each person once");
    let store = Store::open_read_only(&db).unwrap();
    let actions: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM sync_op", [], |r| r.get(0))
        .unwrap();
    assert_eq!(actions, 1500, "every check-in stored exactly once");
    assert_eq!(
        store.clashes().unwrap().len(),
        100,
        "the overlaps, each listed"
    );
    for desk in desks {
        desk.quit();
    }
    host.proc.quit();
}

#[test]
fn a_desk_killed_mid_queue_loses_nothing_and_a_host_restart_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (db, ids) = conference(dir.path(), 400);
    let port = free_port();
    let host_data = dir.path().join("host");
    let mut host = host(&db, &host_data, port, &[]);
    let desk_dir = dir.path().join("desk");
    let mut desk = paired_desk(&mut host, &desk_dir, "Bàn 2");
    settle(&mut desk, 0);
    // Killed while sending: what it said was queued is on its disk.
    for id in &ids[..150] {
        desk.send(&format!("checkin {id}"));
    }
    for _ in 0..150 {
        desk.expect("queued ");
    }
    desk.kill();
    let mut desk = Proc::start(&["desk", "--dir", desk_dir.to_str().unwrap()], &desk_dir);
    settle(&mut desk, 150);
    assert_eq!(present(&db), 150);
    // The host goes away; the desk goes on, offline.
    host.proc.kill();
    for id in &ids[150..250] {
        desk.send(&format!("checkin {id}"));
    }
    for _ in 0..100 {
        desk.expect("queued ");
    }
    desk.send("status");
    let status = desk.expect("");
    assert!(
        status.starts_with("offline") || status.starts_with("connecting"),
        "{status}"
    );
    assert_eq!(numbers(&status), (100, 250), "shown at the desk at once");
    let host = self::host(&db, &host_data, port, &[]);
    settle(&mut desk, 250);
    assert_eq!(present(&db), 250, "everything arrived, once");
    desk.quit();
    host.proc.quit();
}

#[test]
fn a_desk_file_carries_check_ins_without_a_network_and_counts_once() {
    let dir = tempfile::tempdir().unwrap();
    let (db, ids) = conference(dir.path(), 100);
    let port = free_port();
    let host_data = dir.path().join("host");
    let mut host = host(&db, &host_data, port, &[]);
    let desk_dir = dir.path().join("desk");
    let mut desk = paired_desk(&mut host, &desk_dir, "Bàn 3");
    settle(&mut desk, 0);
    host.proc.quit();
    for id in &ids[..30] {
        desk.send(&format!("checkin {id}"));
    }
    let file = dir.path().join("Bàn 3.json");
    desk.send(&format!("export {}", file.display()));
    assert_eq!(desk.expect("exported "), "exported 30");
    let out = Command::new(env!("CARGO_BIN_EXE_hoinghi"))
        .arg("desk-file")
        .arg(&file)
        .arg("--db")
        .arg(&db)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(present(&db), 30);
    // The host comes back; the desk sends the same 30 again: nothing doubles.
    let host = self::host(&db, &host_data, port, &[]);
    settle(&mut desk, 30);
    assert_eq!(present(&db), 30);
    let actions: i64 = Store::open_read_only(&db)
        .unwrap()
        .conn()
        .query_row("SELECT count(*) FROM sync_op", [], |r| r.get(0))
        .unwrap();
    assert_eq!(actions, 30);
    // A file that is not a desk's is refused, naming it.
    let bad = dir.path().join("khác.json");
    std::fs::write(&bad, "{\"x\": 1}").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_hoinghi"))
        .arg("desk-file")
        .arg(&bad)
        .arg("--db")
        .arg(&db)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("khác.json"));
    desk.quit();
    host.proc.quit();
}

fn pair_fails(host: &Host, code: &str, dir: &Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_hoinghi"))
        .args([
            "desk",
            "--dir",
            dir.to_str().unwrap(),
            "--host",
            &host.addr,
            "--code",
            code,
        ])
        .env("HOINGHI_NO_MDNS", "1")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(!dir.join("desk.json").exists(), "not paired");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn strangers_get_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = conference(dir.path(), 20);
    let mut host = host(&db, &dir.path().join("host"), 0, &[]);
    let code = host.code();
    // A wrong code; then, on a host whose codes last a second, the right one expired.
    // (The code's short life is only for the expiry: a desk started under Wine on a
    // loaded machine needs more than a second or two to reach a host.)
    let wrong = if code.starts_with('0') {
        "11111111"
    } else {
        "00000000"
    };
    let said = pair_fails(&host, wrong, &dir.path().join("d1"));
    assert!(said.contains("Mã ghép nối không đúng"), "{said}");
    {
        let other = dir.path().join("other");
        std::fs::create_dir(&other).unwrap();
        let (other_db, _) = conference(&other, 1);
        let mut brief = self::host(&other_db, &other.join("host"), 0, &["--code-ttl", "1"]);
        let code = brief.code();
        std::thread::sleep(Duration::from_millis(1500));
        let said = pair_fails(&brief, &code, &dir.path().join("d2"));
        assert!(said.contains("hết hạn"), "{said}");
    }
    // A client that never paired, saying hello with a made-up token: denied, no list.
    let addr = hoinghi::net::discovery::parse_addr(&host.addr).unwrap();
    let stream = tls::connect(addr, tls::client_config(None).unwrap()).unwrap();
    let mut link = Link::new(stream);
    link.send(&Msg::Hello {
        v: 1,
        desk_id: "nobody".into(),
        token: hoinghi::net::proto::b64(&[0; 32]),
        name: "Lạ".into(),
        pin_proof: None,
    })
    .unwrap();
    match link.recv(Duration::from_secs(10)) {
        Ok(Some(Msg::Denied { .. })) => {}
        other => panic!("{other:?}"),
    }
    assert!(
        !matches!(link.recv(Duration::from_secs(2)), Ok(Some(_))),
        "nothing after the refusal"
    );
    // A client that trusts another certificate never completes the handshake.
    assert!(tls::connect(addr, tls::client_config(Some([7; 32])).unwrap()).is_err());
    // A paired desk the host removes is told so and stops.
    let desk_dir = dir.path().join("d3");
    let mut desk = paired_desk(&mut host, &desk_dir, "Bàn lạ");
    settle(&mut desk, 0);
    let desk_id = hoinghi::net::desk::DeskLink::load(&desk_dir)
        .unwrap()
        .desk_id;
    host.proc.send(&format!("remove {desk_id}"));
    host.proc.expect("removed ");
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        desk.send("status");
        if desk.expect("").starts_with("removed") {
            break;
        }
        assert!(Instant::now() < deadline, "the desk was not told");
        std::thread::sleep(Duration::from_millis(100));
    }
    desk.quit();
    host.proc.quit();
}

/// Issue 21: the CLI desk answered "queued" for an id not on its list; the host then
/// dropped it, while its history counted it ("Bàn 2: 4 lượt điểm danh" for 2 people).
/// The desk refuses such an id, saying so, and nothing of it reaches the host.
#[test]
fn a_desk_refuses_an_id_not_on_its_list() {
    let dir = tempfile::tempdir().unwrap();
    let (db, ids) = conference(dir.path(), 30);
    let mut host = host(&db, &dir.path().join("host"), 0, &[]);
    let desk_dir = dir.path().join("desk");
    let mut desk = paired_desk(&mut host, &desk_dir, "Bàn 2");
    settle(&mut desk, 0);
    desk.send("checkin khong-co-ai");
    assert_eq!(desk.expect("refused "), "refused khong-co-ai");
    desk.send(&format!("checkin {}", ids[0]));
    desk.expect("queued ");
    settle(&mut desk, 1);
    desk.send("status");
    assert_eq!(numbers(&desk.expect("online")), (0, 1));
    assert!(
        desk.stderr().contains("không có đại biểu mã «khong-co-ai»"),
        "{}",
        desk.stderr()
    );
    let store = Store::open_read_only(&db).unwrap();
    let sent: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM sync_op", [], |r| r.get(0))
        .unwrap();
    assert_eq!(sent, 1, "only the real check-in reached the host");
    assert!(
        store
            .undo_label()
            .unwrap()
            .unwrap()
            .starts_with("Bàn 2: điểm danh"),
        "{:?}",
        store.undo_label()
    );
    desk.quit();
    host.proc.quit();
}

const PASS: &str = "mật khẩu của hội nghị";

fn holds_a_name(path: &Path) -> bool {
    let bytes = std::fs::read(path).unwrap_or_default();
    ["Đại biểu Số", "Công an xã"]
        .iter()
        .any(|n| bytes.windows(n.len()).any(|w| w == n.as_bytes()))
}

/// The desk's copy and its write-ahead log hold no name.
fn mirror_holds_a_name(desk_dir: &Path) -> bool {
    let mirror = hoinghi::net::desk::DeskLink::mirror(desk_dir);
    holds_a_name(&mirror) || holds_a_name(&PathBuf::from(format!("{}-wal", mirror.display())))
}

/// `hoinghi ARGS` to its end, with these variables.
fn run(args: &[&str], vars: &[(&str, &str)]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_hoinghi"))
        .args(args)
        .envs(vars.iter().copied())
        .env("HOINGHI_NO_MDNS", "1")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn lock_file(db: &Path) {
    let out = run(
        &["lock", "--db", db.to_str().unwrap()],
        &[("HOINGHI_PASSPHRASE", PASS)],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Issue 24: a desk of a locked host keeps its copy locked with the desk PIN, which is
/// written nowhere; started again it needs the PIN (a wrong one changes nothing), then
/// works offline as before, and its queue reaches the host; its USB file is locked too.
#[test]
fn a_locked_host_gives_its_desk_a_locked_copy_that_restarts_offline_with_its_pin() {
    let dir = tempfile::tempdir().unwrap();
    let (db, ids) = conference(dir.path(), 100);
    lock_file(&db);
    let port = free_port();
    let host_data = dir.path().join("host");
    let pass = [("HOINGHI_PASSPHRASE", PASS)];
    let mut host = host_env(&db, &host_data, port, &[], &pass);
    host.proc.send("pin");
    let pin = host.proc.expect("desk-pin ")["desk-pin ".len()..].to_owned();
    assert_eq!(pin.len(), 9, "{pin}");
    let desk_dir = dir.path().join("desk");
    let mut desk = paired_desk(&mut host, &desk_dir, "Bàn 5");
    settle(&mut desk, 0);
    for id in &ids[..30] {
        desk.send(&format!("checkin {id}"));
    }
    settle(&mut desk, 30);
    let mirror = hoinghi::net::desk::DeskLink::mirror(&desk_dir);
    assert!(
        !mirror_holds_a_name(&desk_dir),
        "the desk's copy holds no name"
    );
    let link = std::fs::read_to_string(desk_dir.join("desk.json")).unwrap();
    assert!(
        !link.contains(&pin) && !link.contains(&pin.replace('-', "")),
        "the PIN is written nowhere"
    );
    assert!(matches!(
        Store::open_read_only(&mirror),
        Err(hoinghi::Error::Locked { .. })
    ));
    // The desk's folder copied off a lost laptop: its token without the PIN gets nothing.
    let found = hoinghi::net::desk::DeskLink::load(&desk_dir).unwrap();
    let fp: [u8; 32] = hoinghi::net::proto::unb64(&found.host_fingerprint)
        .unwrap()
        .try_into()
        .unwrap();
    let addr = hoinghi::net::discovery::parse_addr(&host.addr).unwrap();
    for guess in [None, Some("11112222")] {
        let stream = tls::connect(addr, tls::client_config(Some(fp)).unwrap()).unwrap();
        let binding = tls::channel_binding(&stream.conn).unwrap();
        let mut link = Link::new(stream);
        link.send(&Msg::Hello {
            v: 1,
            desk_id: found.desk_id.clone(),
            token: found.token.clone(),
            name: found.name.clone(),
            pin_proof: guess.map(|g| {
                hoinghi::net::proto::b64(&hoinghi::net::pairing::pin_proof(
                    g,
                    &binding,
                    &found.desk_id,
                ))
            }),
        })
        .unwrap();
        match link.recv(Duration::from_secs(10)) {
            Ok(Some(Msg::Denied { .. })) => {}
            other => panic!("{other:?}"),
        }
    }
    // The host goes; the desk goes on offline, saves its queue for a USB stick, and is
    // switched off.
    host.proc.quit();
    for id in &ids[30..50] {
        desk.send(&format!("checkin {id}"));
    }
    let usb = dir.path().join("Bàn 5.diemdanh");
    desk.send(&format!("export {}", usb.display()));
    assert_eq!(desk.expect("exported "), "exported 20");
    assert!(!holds_a_name(&usb), "the USB file holds no name");
    desk.kill();
    assert!(!mirror_holds_a_name(&desk_dir));
    // Started again: without its PIN, or with a wrong one, it opens nothing, changes nothing.
    let bytes = std::fs::read(&mirror).unwrap();
    let desk_args = ["desk", "--dir", desk_dir.to_str().unwrap()];
    let out = run(&desk_args, &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("HOINGHI_DESK_PIN"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let wrong = if pin.starts_with('1') {
        "2222-2222"
    } else {
        "1111-1111"
    };
    let out = run(&desk_args, &[("HOINGHI_DESK_PIN", wrong)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("không đúng"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        std::fs::read(&mirror).unwrap(),
        bytes,
        "a wrong PIN changed nothing"
    );
    // The host takes the USB file with the PIN it holds; another desk's file is refused.
    let taken = run(
        &[
            "desk-file",
            usb.to_str().unwrap(),
            "--db",
            db.to_str().unwrap(),
        ],
        &pass,
    );
    assert!(
        taken.status.success(),
        "{}",
        String::from_utf8_lossy(&taken.stderr)
    );
    let stranger = dir.path().join("Bàn lạ.diemdanh");
    hoinghi::sync::DeskFile {
        hoinghi_desk_file: 1,
        desk: "Bàn lạ".into(),
        conference: "Khác".into(),
        made_at: "2026-12-02T01:00:00Z".into(),
        actions: Vec::new(),
    }
    .write(
        &stranger,
        Some(&hoinghi::store::Passphrase::new("97531864").unwrap()),
    )
    .unwrap();
    let refused = run(
        &[
            "desk-file",
            stranger.to_str().unwrap(),
            "--db",
            db.to_str().unwrap(),
        ],
        &pass,
    );
    assert_eq!(refused.status.code(), Some(1));
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(
        said.contains("Bàn lạ.diemdanh") && said.contains("mã PIN"),
        "{said}"
    );
    let present_on_host = |db: &Path| {
        let key = hoinghi::store::Passphrase::new(PASS).unwrap();
        Store::open_read_only_keyed(db, Some(&key))
            .unwrap()
            .stats()
            .unwrap()
            .checked_in
    };
    assert_eq!(present_on_host(&db), 50);
    // With its PIN (typed with its dash) the desk works offline as before.
    let pin_var = [("HOINGHI_DESK_PIN", pin.as_str())];
    let mut desk = Proc::start_env(&desk_args, &desk_dir, &pin_var);
    for id in &ids[50..60] {
        desk.send(&format!("checkin {id}"));
    }
    for _ in 0..10 {
        desk.expect("queued ");
    }
    desk.send("status");
    let status = desk.expect("");
    assert_eq!(numbers(&status), (30, 60), "{status}");
    // The host is back: the queue reaches it, each check-in once.
    let host = host_env(&db, &host_data, port, &[], &pass);
    settle(&mut desk, 60);
    desk.quit();
    host.proc.quit();
    assert_eq!(present_on_host(&db), 60);
    assert!(!mirror_holds_a_name(&desk_dir));
}

/// Issue 24: a desk paired while its host's file was open gets the desk PIN when the
/// host, locked since, hears from it again, and locks its copy, queue and all.
#[test]
fn a_desk_paired_before_its_host_was_locked_locks_its_copy_at_its_next_contact() {
    let dir = tempfile::tempdir().unwrap();
    let (db, ids) = conference(dir.path(), 60);
    let port = free_port();
    let host_data = dir.path().join("host");
    let mut host = host(&db, &host_data, port, &[]);
    let desk_dir = dir.path().join("desk");
    let mut desk = paired_desk(&mut host, &desk_dir, "Bàn 6");
    settle(&mut desk, 0);
    assert!(mirror_holds_a_name(&desk_dir), "an open host: an open copy");
    host.proc.quit();
    for id in &ids[..5] {
        desk.send(&format!("checkin {id}"));
    }
    lock_file(&db);
    let pass = [("HOINGHI_PASSPHRASE", PASS)];
    let host = host_env(&db, &host_data, port, &[], &pass);
    let deadline = Instant::now() + Duration::from_mins(1);
    while !hoinghi::net::desk::mirror_is_locked(&desk_dir) {
        assert!(Instant::now() < deadline, "the copy was never locked");
        desk.send("status");
        desk.expect("");
        std::thread::sleep(Duration::from_millis(100));
    }
    settle(&mut desk, 5);
    for id in &ids[5..8] {
        desk.send(&format!("checkin {id}"));
    }
    settle(&mut desk, 8);
    desk.quit();
    host.proc.quit();
    assert!(!mirror_holds_a_name(&desk_dir), "no name left in the copy");
    let key = hoinghi::store::Passphrase::new(PASS).unwrap();
    let st = Store::open_read_only_keyed(&db, Some(&key)).unwrap();
    assert_eq!(st.stats().unwrap().checked_in, 8);
}
