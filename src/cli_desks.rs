//! The command line's host and desks: `serve`, `desk` and `desk-file`.
//! Data (addresses, codes, statuses) goes to stdout, messages to stderr.

use std::io::{BufRead as _, Write as _};
use std::path::Path;
use std::time::{Duration, Instant};

use crate::error::{Error, Result};
use crate::net::desk::{self as net_desk, DeskClient, DeskLink, State};
use crate::net::host::{Host, Options};
use crate::store::{Missing, Store, key};
use crate::sync::{Action, DeskFile, Op, Outcome};

fn say(line: &str) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{line}");
    let _ = out.flush();
}

/// Hosts `db` for desks until killed or told `quit`.
pub fn serve(db: &Path, port: u16, code_ttl: Duration) -> Result<()> {
    if !db.exists() {
        return Err(Error::Missing {
            path: db.to_owned(),
        });
    }
    // Held while serving: the window and the command line's writers keep off.
    let (store, _lock) = crate::store::lock::open_to_write(db)?;
    drop(store);
    let host = Host::start(&Options {
        db: db.to_owned(),
        port,
        code_ttl,
        identity_dir: crate::paths::data_dir(),
        announce: true,
    })
    .map_err(|e| Error::Desks(format!("Không mở được {} cho các bàn: {e}", db.display())))?;
    eprintln!(
        "Đang mở {} («{}») cho các bàn. Trên mỗi bàn: Tệp → Kết nối tới máy chủ, nhập địa chỉ và mã.",
        db.display(),
        host.conference()
    );
    for addr in host.addresses() {
        say(&format!("address {addr}"));
    }
    print_pin(&host);
    print_code(&host);
    for typed in std::io::stdin().lock().lines() {
        let Ok(line) = typed else { break };
        match line.trim() {
            "code" => {
                host.new_code();
                print_code(&host);
            }
            "pin" => print_pin(&host),
            "desks" => {
                for d in host.live_desks() {
                    let state = if d.online { "online" } else { "offline" };
                    say(&format!(
                        "desk {} {state} {} {}",
                        d.desk_id, d.check_ins, d.name
                    ));
                }
            }
            "quit" => {
                host.stop();
                return Ok(());
            }
            line if line.starts_with("remove ") => {
                let desk_id = line["remove ".len()..].trim();
                host.revoke(desk_id)?;
                say(&format!("removed {desk_id}"));
            }
            _ => eprintln!("Lệnh: code, pin, desks, remove DESK_ID, quit"),
        }
    }
    // Standard input closed (run in the background): serve until killed.
    loop {
        std::thread::sleep(Duration::from_hours(1));
    }
}

/// The desk PIN of a locked file, for the organiser to give the desks' operators.
fn print_pin(host: &Host) {
    if let Some(pin) = host.desk_pin() {
        say(&format!("desk-pin {pin}"));
        eprintln!(
            "Tệp được khoá bằng mật khẩu: bản danh sách trên mỗi bàn được khoá bằng mã PIN {pin}. \
             Đưa mã này cho người ở các bàn: một bàn khởi động lại cần nó (HOINGHI_DESK_PIN)."
        );
    }
}

/// The variable a desk's operator gives the desk PIN in.
const PIN_VAR: &str = "HOINGHI_DESK_PIN";

/// The desk's copy, opened (and locked first if its host was locked since): a locked
/// copy needs the desk PIN, from `HOINGHI_DESK_PIN` or the passphrase given.
fn open_mirror(dir: &Path) -> Result<Store> {
    let path = DeskLink::mirror(dir);
    net_desk::prepare_mirror(dir).map_err(|e| Error::Desks(e.to_string()))?;
    if net_desk::mirror_is_locked(dir) && key::for_existing(&path).is_none() {
        return Err(Error::Desks(format!(
            "Bản danh sách của bàn trong {} được khoá: đặt biến {PIN_VAR} là mã PIN của bàn \
             (máy chủ hiện mã này ở trang Các bàn điểm danh).",
            dir.display()
        )));
    }
    Store::open(&path, Missing::Create).map_err(|e| match e {
        Error::WrongPassphrase { .. } => Error::Desks(format!(
            "Mã PIN của bàn không đúng: không mở được bản danh sách trong {}. Không có gì thay đổi.",
            dir.display()
        )),
        e => e,
    })
}

fn print_code(host: &Host) {
    if let Some((code, left)) = host.code() {
        say(&format!("code {code}"));
        eprintln!(
            "Mã ghép nối {code}, dùng được {} phút, cho một bàn.",
            left.as_secs().div_ceil(60)
        );
    }
}

/// A desk without a window: pairs if asked, then follows the host and takes commands.
pub fn desk(dir: &Path, pair_with: Option<(&str, &str)>, name: &str) -> Result<()> {
    // Only for a locked copy: an open desk's copy is never locked by a PIN typed here.
    if let Ok(typed) = std::env::var(PIN_VAR)
        && net_desk::mirror_is_locked(dir)
    {
        let pin = net_desk::pin_passphrase(&typed)
            .ok_or_else(|| Error::Desks(format!("{PIN_VAR}: mã PIN của bàn gồm 8 chữ số.")))?;
        key::remember(&DeskLink::mirror(dir), pin);
    }
    let link = match pair_with {
        Some((host, code)) => {
            let addr = crate::net::discovery::parse_addr(host)
                .ok_or_else(|| Error::Desks(format!("Địa chỉ máy chủ không hợp lệ: {host}")))?;
            let link = crate::net::desk::pair(addr, code, name, dir)
                .map_err(|e| Error::Desks(e.to_string()))?;
            eprintln!("Đã ghép nối với «{}».", link.conference);
            link
        }
        None => DeskLink::load(dir).ok_or_else(|| {
            Error::Desks(format!(
                "Bàn trong {} chưa ghép nối với máy chủ: chạy lại với --host và --code.",
                dir.display()
            ))
        })?,
    };
    let mut mirror = open_mirror(dir)?;
    let start = |link: &DeskLink| {
        DeskClient::start(dir, link.clone(), || {}).map_err(|e| Error::Desks(e.to_string()))
    };
    let mut client = start(&link)?;
    for typed in std::io::stdin().lock().lines() {
        let Ok(command) = typed else { break };
        if client.status().relock {
            // The host was locked after this desk paired: its copy is locked now, while
            // nothing here holds it.
            drop(client);
            drop(mirror);
            mirror = open_mirror(dir)?;
            client = start(&link)?;
            eprintln!(
                "Máy chủ đã khoá tệp hội nghị: bản danh sách của bàn nay được khoá bằng mã PIN của bàn."
            );
        }
        let words: Vec<&str> = command.split_whitespace().collect();
        match words.as_slice() {
            ["checkin" | "undo", id, ..] if mirror.attendee_keyed(id)?.is_none() => {
                refuse_unknown(&mirror, id)?;
            }
            ["checkin", id] => {
                let a = Action::new(
                    &link.desk_id,
                    &link.name,
                    Op::CheckIn {
                        attendee: (*id).to_owned(),
                        at: crate::domain::date::now_stamp(),
                    },
                );
                mirror.record_local(&a)?;
                client.nudge();
                say(&format!("queued {}", a.op_id));
            }
            ["undo", id, of] => {
                let a = Action::new(
                    &link.desk_id,
                    &link.name,
                    Op::Undo {
                        attendee: (*id).to_owned(),
                        of: (*of).to_owned(),
                    },
                );
                mirror.record_local(&a)?;
                client.nudge();
                say(&format!("queued {}", a.op_id));
            }
            ["status"] => say(&status_line(&client, &mirror)?),
            ["wait-synced", rest @ ..] => {
                let secs = rest.first().and_then(|s| s.parse().ok()).unwrap_or(120);
                let deadline = Instant::now() + Duration::from_secs(secs);
                loop {
                    let s = client.status();
                    if s.state == State::Online && mirror.pending()? == 0 {
                        break;
                    }
                    if Instant::now() > deadline {
                        say("timeout");
                        break;
                    }
                    std::thread::sleep(Duration::from_millis(20));
                }
                say(&status_line(&client, &mirror)?);
            }
            ["export", _, ..] => {
                // The rest of the line is the path: names have spaces ("Bàn 3.json").
                let file = command.trim_start()["export".len()..].trim();
                let f = mirror.write_pending_file(&link.name, Path::new(file))?;
                say(&format!("exported {}", f.actions.len()));
            }
            ["quit"] => break,
            _ => eprintln!(
                "Lệnh: checkin ID, undo ID ACTION, status, wait-synced [giây], export FILE, quit"
            ),
        }
    }
    drop(client);
    Ok(())
}

/// An id not on the desk's copy of the list is not queued: the host would drop it. Said
/// on stdout for scripts (`refused ID`), and in words on stderr.
fn refuse_unknown(mirror: &Store, id: &str) -> Result<()> {
    let people = mirror.stats()?.attendees;
    say(&format!("refused {id}"));
    eprintln!(
        "Không điểm danh: không có đại biểu mã «{id}» trong danh sách của bàn ({people} đại biểu)."
    );
    Ok(())
}

fn status_line(client: &DeskClient, mirror: &Store) -> Result<String> {
    let s = client.status();
    let state = match &s.state {
        State::Connecting => "connecting".to_owned(),
        State::Online => "online".to_owned(),
        State::Offline(_) => "offline".to_owned(),
        State::Removed(why) => format!("removed ({why})"),
    };
    let counts = mirror.stats()?;
    Ok(format!(
        "{state} pending {} present {} of {} clashes {}",
        mirror.pending()?,
        counts.checked_in,
        counts.attendees,
        s.clashes
    ))
}

/// Applies a desk's file to the host's file.
pub fn desk_file(file: &Path, db: &Path) -> Result<()> {
    if !db.exists() {
        return Err(Error::Missing {
            path: db.to_owned(),
        });
    }
    // A locked desk's file opens with the desk PIN this host holds; the file is read
    // (and a wrong one refused, naming it) before the host's file is taken to write.
    let pin = Store::open_read_only(db)
        .ok()
        .and_then(|st| st.desk_pin().ok().flatten())
        .as_deref()
        .and_then(net_desk::pin_passphrase);
    let desk = DeskFile::read(file, pin.as_ref())?;
    let (store, _lock) = crate::store::lock::open_to_write(db)?;
    let acks = store.apply_actions(&desk.actions)?;
    let mut applied = 0;
    let mut clashes = 0;
    for ack in &acks {
        match &ack.outcome {
            Outcome::Applied | Outcome::Undone => applied += 1,
            Outcome::Clash(c) => {
                clashes += 1;
                say(&format!(
                    "clash {} | giữ {} {} | bỏ {} {}",
                    c.full_name, c.kept_desk, c.kept_at, c.other_desk, c.other_at
                ));
            }
            Outcome::Repeat | Outcome::NotUndone | Outcome::Unknown => {}
        }
    }
    eprintln!(
        "Tệp của «{}»: {} lượt, {applied} đã ghi, {clashes} trùng ở bàn khác (giữ giờ sớm hơn), {} không áp dụng.",
        desk.desk,
        acks.len(),
        acks.len() - applied - clashes
    );
    Ok(())
}
