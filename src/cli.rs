//! The command line: clap definitions and the headless commands.
//! Data goes to stdout, messages to stderr.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use crate::domain::{date, money};
use crate::error::Result;
use crate::store::Store;
use crate::store::lock::open_to_write;

/// hoinghi — the organisers' desk for a conference, offline.
#[derive(Debug, Parser)]
#[command(
    name = "hoinghi",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Conference file to open in the window (default: the one in the data folder).
    pub file: Option<PathBuf>,

    /// The graphics renderer of the window: glow (OpenGL) or wgpu (DirectX 12, Vulkan or
    /// GL). Without it the window tries both, the one that suits the platform first;
    /// the variable `HOINGHI_RENDERER` does the same.
    #[arg(long, value_enum)]
    pub renderer: Option<RendererArg>,

    /// A file whose first line is the passphrase of a locked conference file (else the
    /// variable `HOINGHI_PASSPHRASE` is read). A passphrase is never an argument: the
    /// shell's history would keep it.
    #[arg(long, global = true, value_name = "FILE")]
    pub passphrase_file: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Fill a new (or empty) conference file with a realistic sample conference.
    Demo {
        /// The conference file; created when it does not exist.
        #[arg(long)]
        db: PathBuf,
        /// Create the file locked with the passphrase (`HOINGHI_PASSPHRASE` or
        /// `--passphrase-file`).
        #[arg(long)]
        encrypt: bool,
    },
    /// Lock a conference file and its backups with a passphrase (`HOINGHI_PASSPHRASE` or
    /// `--passphrase-file`). A forgotten passphrase cannot be recovered.
    Lock {
        #[arg(long)]
        db: PathBuf,
    },
    /// Unlock a locked conference file and its backups (they open without a passphrase).
    Unlock {
        #[arg(long)]
        db: PathBuf,
    },
    /// Change the passphrase of a locked file and its backups; the new one comes from
    /// `HOINGHI_NEW_PASSPHRASE` or `--new-passphrase-file`.
    Rekey {
        #[arg(long)]
        db: PathBuf,
        /// A file whose first line is the new passphrase.
        #[arg(long, value_name = "FILE")]
        new_passphrase_file: Option<PathBuf>,
    },
    /// Print counts of every record type.
    Stats {
        #[arg(long)]
        db: PathBuf,
        /// One JSON object instead of lines of text.
        #[arg(long)]
        json: bool,
    },
    /// Import a spreadsheet or CSV file: all rows or none.
    Import(ImportArgs),
    /// Print a list (PDF) or export it (DOCX, XLSX, CSV); the format comes from --out's extension.
    /// The papers after the conference (minutes, conclusion, results-report) are
    /// written as PDF or Word; the follow-up sheets also as XLSX for the units to fill in.
    Export {
        list: ListArg,
        #[arg(long)]
        db: PathBuf,
        /// The file to write (.pdf, .docx, .xlsx or .csv); replaced whole if it exists.
        #[arg(long)]
        out: PathBuf,
        /// One unit per page (sign-in, attendance and attendee lists).
        #[arg(long, value_enum)]
        group_by: Option<GroupBy>,
        /// Order of a list of people (default: Vietnamese name order).
        #[arg(long, value_enum)]
        sort: Option<SortArg>,
        /// The follow-up sheet of this unit only, as the follow-up names it
        /// ("Phòng Tổ chức cán bộ").
        #[arg(long)]
        unit: Option<String>,
    },
    /// Print a list on a printer (the system's default one unless named).
    Print {
        list: ListArg,
        #[arg(long)]
        db: PathBuf,
        /// The printer, as `lpstat -e` (or Windows) names it.
        #[arg(long)]
        printer: Option<String>,
        #[arg(long, default_value_t = 1)]
        copies: u32,
        /// One unit per page (sign-in, attendance and attendee lists).
        #[arg(long, value_enum)]
        group_by: Option<GroupBy>,
        /// Order of a list of people (default: Vietnamese name order).
        #[arg(long, value_enum)]
        sort: Option<SortArg>,
        /// The follow-up sheet of this unit only.
        #[arg(long)]
        unit: Option<String>,
    },
    /// List the printers the system knows (the default one marked *).
    Printers,
    /// Open a conference file to other desks on the local network, without a window.
    /// Prints its addresses and a pairing code (`code` on standard input makes a new one).
    Serve {
        #[arg(long)]
        db: PathBuf,
        /// The port to listen on (default 47650, or any free one).
        #[arg(long, default_value_t = 0)]
        port: u16,
        /// How long a pairing code lasts, in seconds.
        #[arg(long, default_value_t = 300, hide = true)]
        code_ttl: u64,
    },
    /// Run a check-in desk without a window, driven by lines on standard input
    /// (`checkin ID`, `undo ID ACTION`, `status`, `wait-synced`, `export FILE`, `quit`).
    /// Pairs first when given the host's address and code. A desk of a locked host
    /// starts again with its desk PIN in `HOINGHI_DESK_PIN`.
    Desk {
        /// The desk's own folder: its pairing, its copy of the list and its outbox.
        #[arg(long)]
        dir: PathBuf,
        /// The host's address (192.168.1.5:47650).
        #[arg(long, requires = "code")]
        host: Option<String>,
        /// The pairing code the host shows.
        #[arg(long, requires = "host")]
        code: Option<String>,
        /// The desk's name ("Bàn 2 – khối xã").
        #[arg(long, default_value = "Bàn")]
        name: String,
    },
    /// Apply a desk's file of check-ins (saved on the desk when there was no network):
    /// each once, clashes listed.
    DeskFile {
        file: PathBuf,
        #[arg(long)]
        db: PathBuf,
    },
    /// Check people in and import batches until killed (the crash tests' worker).
    #[command(hide = true)]
    Stress {
        #[arg(long)]
        db: PathBuf,
        /// Attendees per imported batch.
        #[arg(long, default_value_t = 2000)]
        batch: usize,
        /// Stop after this many steps instead of running until killed.
        #[arg(long)]
        steps: Option<usize>,
    },
    /// Print the records of one kind.
    List {
        kind: Kind,
        #[arg(long)]
        db: PathBuf,
        /// Only records matching this text (accent- and case-insensitive).
        #[arg(long)]
        search: Option<String>,
        /// A JSON array of objects instead of tab-separated lines.
        #[arg(long)]
        json: bool,
    },
}

/// The record kinds `list` knows.
/// The window's renderer, as named on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RendererArg {
    Glow,
    Wgpu,
}

impl From<RendererArg> for crate::ui::renderer::Renderer {
    fn from(r: RendererArg) -> Self {
        match r {
            RendererArg::Glow => Self::Glow,
            RendererArg::Wgpu => Self::Wgpu,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Kind {
    Attendees,
    Questions,
    Gifts,
    Commendations,
}

/// The lists `export` writes (the library's `ListKind`, named for the command line).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListArg {
    /// Sign-in sheet (danh sách ký nhận).
    Signin,
    /// Present or absent, with check-in times.
    Attendance,
    /// Attendance report for the opening remarks, by group and by unit.
    Report,
    /// Gift receipt list with totals in figures and words.
    Gifts,
    /// Commendations in stage order.
    Commendations,
    /// Opinions and answers grouped by topic.
    Questions,
    /// Name badges, ten per A4 page with cut marks and QR codes.
    Badges,
    /// Folded place cards for the head table.
    PlaceCards,
    /// The programme on one page.
    Programme,
    /// The MC's script, written from the file.
    Script,
    /// Every attendee with every field.
    Attendees,
    /// The minutes (biên bản), signed by the secretary and the chair.
    Minutes,
    /// The notice of the chair's conclusions, with the opinions given to units.
    Conclusion,
    /// The report on how the conference went: attendance, opinions, awards, follow-up.
    ResultsReport,
    /// The opinions each unit must answer in writing, a page (a worksheet) per unit.
    FollowUp,
}

impl From<ListArg> for crate::export::ListKind {
    fn from(a: ListArg) -> Self {
        match a {
            ListArg::Signin => Self::Signin,
            ListArg::Attendance => Self::Attendance,
            ListArg::Report => Self::Report,
            ListArg::Gifts => Self::Gifts,
            ListArg::Commendations => Self::Commendations,
            ListArg::Questions => Self::Questions,
            ListArg::Badges => Self::Badges,
            ListArg::PlaceCards => Self::PlaceCards,
            ListArg::Programme => Self::Programme,
            ListArg::Script => Self::Script,
            ListArg::Attendees => Self::Attendees,
            ListArg::Minutes => Self::Minutes,
            ListArg::Conclusion => Self::Conclusion,
            ListArg::ResultsReport => Self::ResultsReport,
            ListArg::FollowUp => Self::FollowUp,
        }
    }
}

/// What `export --sort` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    /// Vietnamese name order: given name, then middle and family names.
    Name,
    /// Protocol order: office on the ladder, level of unit, rank, name.
    #[value(alias = "protocol")]
    Rank,
    /// By unit, then name.
    Unit,
}

impl From<SortArg> for crate::export::Sort {
    fn from(a: SortArg) -> Self {
        match a {
            SortArg::Name => Self::Name,
            SortArg::Rank => Self::Protocol,
            SortArg::Unit => Self::Unit,
        }
    }
}

/// What `import --on-duplicate` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OnDuplicateArg {
    /// Leave people already in the file as they are.
    Skip,
    /// Overwrite them with the file's values.
    Update,
}

impl From<OnDuplicateArg> for crate::import::OnDuplicate {
    fn from(a: OnDuplicateArg) -> Self {
        match a {
            OnDuplicateArg::Skip => Self::Skip,
            OnDuplicateArg::Update => Self::Update,
        }
    }
}

/// What `export --group-by` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GroupBy {
    Unit,
}

/// The record kinds `import` knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportKind {
    Attendees,
    Questions,
    Gifts,
    Commendations,
    /// A unit's follow-up sheet, filled in: its answers to the opinions it was given.
    Answers,
}

/// An error and its causes, each said once. The library's messages already say their
/// cause in Vietnamese ("không tìm thấy tệp"), so theirs are not repeated in English;
/// of other errors, a cause whose text is already there is left out.
pub fn report(e: &anyhow::Error) -> String {
    let mut text = e.to_string();
    if e.downcast_ref::<crate::Error>().is_some() {
        return text;
    }
    for cause in e.chain().skip(1) {
        let c = cause.to_string();
        if !c.is_empty() && !text.contains(&c) {
            text.push_str(": ");
            text.push_str(&c);
        }
    }
    text
}

/// What `import` takes.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    kind: ImportKind,
    /// The .xlsx, .xls, .ods, .csv (or HTML "Excel") file, or a Word .docx whose tables
    /// are read as sheets; its type comes from its content.
    file: PathBuf,
    /// The conference file; created when it does not exist.
    #[arg(long)]
    db: PathBuf,
    /// The sheet to read, by name or number (default: the one with the most records).
    #[arg(long)]
    sheet: Option<String>,
    /// Check the file and print what would happen, without writing.
    #[arg(long)]
    dry_run: bool,
    /// What to do with people already in the file.
    #[arg(long, value_enum, default_value = "skip")]
    on_duplicate: OnDuplicateArg,
    /// Import the valid rows even if some rows have errors (they are listed and counted).
    #[arg(long)]
    skip_invalid: bool,
    /// Text typed in a legacy Vietnamese font: convert what is detected (auto), nothing
    /// (off), or every column with accented letters from this encoding.
    #[arg(long, value_enum, default_value = "auto")]
    legacy: LegacyArg,
    /// The header row's number as the spreadsheet shows it; 0 when the file has none.
    #[arg(long)]
    header_row: Option<usize>,
    /// Which column holds which field, by column letter: "B=name,C=unit,D=rank".
    #[arg(long)]
    map: Option<String>,
}

/// What `import --legacy` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LegacyArg {
    Auto,
    Off,
    Tcvn3,
    Vni,
    Viqr,
}

impl From<LegacyArg> for crate::import::LegacyMode {
    fn from(a: LegacyArg) -> Self {
        use crate::import::{Legacy, LegacyMode};
        match a {
            LegacyArg::Auto => LegacyMode::Auto,
            LegacyArg::Off => LegacyMode::Off,
            LegacyArg::Tcvn3 => LegacyMode::Only(Legacy::Tcvn3),
            LegacyArg::Vni => LegacyMode::Only(Legacy::Vni),
            LegacyArg::Viqr => LegacyMode::Only(Legacy::Viqr),
        }
    }
}

/// Runs a headless command; the window is not involved.
pub fn run(command: Command) -> Result<()> {
    match command {
        Command::Demo { db, encrypt } => {
            if encrypt {
                crate::cli_lock::remember_for_new(&db)?;
            }
            demo(&db)
        }
        Command::Lock { db } => crate::cli_lock::lock(&db),
        Command::Unlock { db } => crate::cli_lock::unlock(&db),
        Command::Rekey {
            db,
            new_passphrase_file,
        } => crate::cli_lock::rekey(&db, new_passphrase_file.as_deref()),
        Command::Stress { db, batch, steps } => crate::stress::run(&db, batch, steps),
        Command::Serve { db, port, code_ttl } => {
            crate::cli_desks::serve(&db, port, std::time::Duration::from_secs(code_ttl))
        }
        Command::Desk {
            dir,
            host,
            code,
            name,
        } => crate::cli_desks::desk(&dir, host.as_deref().zip(code.as_deref()), &name),
        Command::DeskFile { file, db } => crate::cli_desks::desk_file(&file, &db),
        Command::Print {
            list,
            db,
            printer,
            copies,
            group_by,
            sort,
            unit,
        } => print(
            list.into(),
            &db,
            printer.as_deref(),
            copies,
            &list_options(list.into(), group_by, sort, unit)?,
        ),
        Command::Printers => {
            let mut out = std::io::stdout().lock();
            for p in crate::print::printers()? {
                let mark = if p.default { " *" } else { "" };
                let _ = writeln!(out, "{}{mark}", p.name);
            }
            Ok(())
        }
        Command::Stats { db, json } => stats(&db, json),
        Command::Import(args) => import(&args),
        Command::List {
            kind,
            db,
            search,
            json,
        } => list(kind, &db, search.as_deref().unwrap_or(""), json),
        Command::Export {
            list,
            db,
            out,
            group_by,
            sort,
            unit,
        } => export(
            list.into(),
            &db,
            &out,
            &list_options(list.into(), group_by, sort, unit)?,
        ),
    }
}

fn demo(db: &Path) -> Result<()> {
    let (store, _lock) = open_to_write(db)?;
    let s = crate::demo::fill(&store)?;
    eprintln!(
        "Đã tạo hội nghị mẫu trong {}{}: {} đại biểu, {} câu hỏi, {} quà tặng, {} khen thưởng.",
        db.display(),
        if store.is_locked() {
            " (khoá bằng mật khẩu)"
        } else {
            ""
        },
        s.attendees,
        s.questions,
        s.gifts,
        s.commendations
    );
    Ok(())
}

fn stats(db: &Path, json: bool) -> Result<()> {
    let store = Store::open_read_only(db)?;
    let s = store.stats()?;
    let mut out = std::io::stdout().lock();
    if json {
        let text = serde_json::to_string_pretty(&s)
            .map_err(|e| crate::error::Error::Invalid(e.to_string()))?;
        writeln!(out, "{text}").ok();
        return Ok(());
    }
    let mut lines = vec![
        format!("Đại biểu: {} (có mặt {})", s.attendees, s.checked_in),
        format!("Câu hỏi: {}", s.questions),
    ];
    lines.extend(
        s.questions_by_topic
            .iter()
            .map(|(t, n)| format!("  {t}: {n}")),
    );
    lines.push(format!(
        "Quà tặng: {} (đã trao {}), tổng giá trị {} đồng",
        s.gifts,
        s.gifts_handed_over,
        money::format_vnd(s.gift_value_total_vnd)
    ));
    lines.push(format!("Khen thưởng: {}", s.commendations));
    let f = &s.follow_up;
    if f.to_answer + f.answered_in_hall > 0 {
        lines.push(format!(
            "Theo dõi ý kiến: trả lời tại hội nghị {}, cần trả lời bằng văn bản {} (đã giải quyết {}, chưa {}, quá hạn {})",
            f.answered_in_hall,
            f.to_answer,
            f.done,
            f.open,
            f.overdue
        ));
    }
    for l in lines {
        writeln!(out, "{l}").ok();
    }
    Ok(())
}

/// A list's options from the command line; `--unit` belongs to the follow-up sheet.
fn list_options(
    kind: crate::export::ListKind,
    group_by: Option<GroupBy>,
    sort: Option<SortArg>,
    unit: Option<String>,
) -> Result<crate::export::Options> {
    if unit.is_some() && kind != crate::export::ListKind::FollowUp {
        return Err(crate::Error::Invalid(
            "tùy chọn --unit chỉ dùng với follow-up (phiếu chuyển ý kiến của một đơn vị)".into(),
        ));
    }
    Ok(crate::export::Options {
        group_by_unit: group_by.is_some(),
        sort: sort.map(Into::into),
        unit,
    })
}

fn export(
    kind: crate::export::ListKind,
    db: &Path,
    out: &Path,
    opts: &crate::export::Options,
) -> Result<()> {
    use crate::export::Source;
    let store = Store::open_read_only(db)?;
    let src = Source::load(&store)?;
    let written = crate::export::export(&src, kind, opts, out, &mut |_, _| true)?;
    eprintln!(
        "Đã ghi {} ({} {}, {} KiB).",
        written.path.display(),
        written.rows,
        if written.items { "mục" } else { "dòng" },
        written.bytes.div_ceil(1024)
    );
    Ok(())
}

fn print(
    kind: crate::export::ListKind,
    db: &Path,
    printer: Option<&str>,
    copies: u32,
    opts: &crate::export::Options,
) -> Result<()> {
    use crate::export::{Format, Source};
    let store = Store::open_read_only(db)?;
    let src = Source::load(&store)?;
    let (bytes, rows) = crate::export::render(&src, kind, opts, Format::Pdf, &mut |_, _| true)?;
    let name = crate::export::suggested_file_name(&src.conference.name, kind, opts, Format::Pdf);
    let dir = tempfile_dir()?;
    // An ASCII file name: CUPS 2.4 (Debian 12) crashes on a document named in Vietnamese;
    // the job's title carries the real name.
    let path = dir.join("danh-sach.pdf");
    crate::export::write_atomically(&path, &bytes)?;
    let said = crate::print::print(&path, printer, copies, &name);
    let _ = std::fs::remove_dir_all(&dir);
    let sent = said?;
    // The job's id on standard output, for a script; the sentence for a person.
    println!("{}", sent.job);
    eprintln!(
        "Đã gửi {} bản «{name}» ({rows} dòng) tới máy in «{}».",
        sent.copies, sent.printer
    );
    Ok(())
}

/// A private folder for a file handed to another program.
fn tempfile_dir() -> Result<PathBuf> {
    let dir = std::env::temp_dir().join(format!("hoinghi-{}", crate::store::new_id()));
    std::fs::create_dir_all(&dir).map_err(|source| crate::error::Error::Io {
        path: dir.clone(),
        source,
    })?;
    Ok(dir)
}

fn json_line<T: serde::Serialize>(items: &[T]) -> Result<String> {
    serde_json::to_string_pretty(items).map_err(|e| crate::error::Error::Invalid(e.to_string()))
}

fn list(kind: Kind, db: &Path, search: &str, json: bool) -> Result<()> {
    let store = Store::open_read_only(db)?;
    let opt = |s: &Option<String>| s.as_deref().map(date::display_time).unwrap_or_default();
    let (text, rows): (String, Vec<Vec<String>>) = match kind {
        Kind::Attendees => {
            let v = store.search_attendees(search)?;
            let rows = v
                .iter()
                .map(|a| {
                    let d = &a.data;
                    vec![
                        d.full_name.clone(),
                        d.rank.clone(),
                        d.position.clone(),
                        d.unit.clone(),
                        d.district.clone(),
                        d.group.clone(),
                        d.phone.clone(),
                        opt(&a.checked_in_at),
                        d.badge_code.clone(),
                    ]
                })
                .collect();
            (json_line(&v)?, rows)
        }
        Kind::Questions => {
            let v = store.search_questions(search)?;
            let today = crate::domain::date::today();
            let rows = v
                .iter()
                .map(|q| {
                    let d = &q.data;
                    vec![
                        d.number.to_string(),
                        d.asker_name.clone(),
                        d.asker_unit.clone(),
                        q.topic.clone(),
                        d.status.code().to_owned(),
                        d.content.replace('\n', " "),
                    ]
                })
                .collect();
            // Overdue is computed on the day asked, never stored: added to each object.
            let with_overdue: Vec<serde_json::Value> = v
                .iter()
                .map(|q| {
                    let mut o = serde_json::to_value(q).unwrap_or_default();
                    if let Some(map) = o.as_object_mut() {
                        map.insert("overdue".into(), q.data.is_overdue(today).into());
                    }
                    o
                })
                .collect();
            (json_line(&with_overdue)?, rows)
        }
        Kind::Gifts => {
            let v = store.search_gifts(search)?;
            let rows = v
                .iter()
                .map(|g| {
                    let d = &g.data;
                    vec![
                        d.recipient_name.clone(),
                        d.unit.clone(),
                        d.item.clone(),
                        money::format_vnd(d.value_vnd),
                        opt(&d.handed_over_at),
                    ]
                })
                .collect();
            (json_line(&v)?, rows)
        }
        Kind::Commendations => {
            let v = store.search_commendations(search)?;
            let rows = v
                .iter()
                .map(|c| {
                    let d = &c.data;
                    vec![
                        d.stage_order.to_string(),
                        d.kind.clone(),
                        d.recipient_name.clone(),
                        d.unit.clone(),
                        d.decision_number.clone(),
                        d.decision_date
                            .as_deref()
                            .map(date::display)
                            .unwrap_or_default(),
                    ]
                })
                .collect();
            (json_line(&v)?, rows)
        }
    };
    let mut out = std::io::stdout().lock();
    if json {
        writeln!(out, "{text}").ok();
    } else {
        for r in rows {
            writeln!(out, "{}", r.join("\t")).ok();
        }
    }
    Ok(())
}

/// What a follow-up sheet changes, one line per opinion, before it is stored.
fn answers_preview(plan: &crate::import::Plan) {
    use crate::import::{Field, Record};
    for r in plan.rows.iter().filter(|r| r.duplicate.is_none()) {
        let Record::Answer(a) = &r.record else {
            continue;
        };
        let mut parts = vec![r.record.value(Field::FollowStatus)];
        for f in [Field::AnswerDocNo, Field::AnswerDocDate] {
            let v = r.record.value(f);
            if !v.is_empty() {
                parts.push(v);
            }
        }
        eprintln!(
            "Dòng {}: ý kiến số {}: {}",
            r.row,
            a.number,
            parts.join("; ")
        );
    }
}

fn import(args: &ImportArgs) -> Result<()> {
    use crate::import::{Choices, Header, Kind, Known, Summary};
    let kind = match args.kind {
        ImportKind::Attendees => Kind::Attendees,
        ImportKind::Questions => Kind::Questions,
        ImportKind::Gifts => Kind::Gifts,
        ImportKind::Commendations => Kind::Commendations,
        ImportKind::Answers => Kind::Answers,
    };
    let file = &args.file;
    let refuse = |reason: String| crate::Error::Import {
        file: file.clone(),
        row: None,
        field: None,
        reason,
    };
    // Read and check the file before touching the conference file, so a refused
    // import never creates or changes it.
    let known = if args.db.exists() {
        Known::load(&Store::open_read_only(&args.db)?, kind)?
    } else {
        Known::default()
    };
    let book = std::sync::Arc::new(crate::import::read::read(
        file,
        &crate::import::ReadOptions::default(),
    )?);
    let mut choices = Choices {
        legacy: args.legacy.into(),
        ..Choices::default()
    };
    if let Some(name) = &args.sheet {
        let by_number = name.parse::<usize>().ok().and_then(|n| n.checked_sub(1));
        let index = book
            .sheets
            .iter()
            .position(|s| s.name == *name)
            .or(by_number.filter(|n| *n < book.sheets.len()))
            .ok_or_else(|| refuse(format!("không có trang \"{name}\"")))?;
        choices.sheet = Some(index);
    }
    if args.header_row.is_some() || args.map.is_some() {
        // Row numbers and column letters are the spreadsheet's: find the sheet first.
        let sheet_index = match choices.sheet {
            Some(i) => i,
            None => {
                crate::import::plan(kind, &book, choices.clone(), &known).map_or(0, |p| p.sheet)
            }
        };
        choices.sheet = Some(sheet_index);
        let sheet = &book.sheets[sheet_index];
        if let Some(n) = args.header_row {
            choices.header =
                Some(match n {
                    0 => Header::None,
                    n => Header::Row(n.checked_sub(sheet.first_row + 1).ok_or_else(|| {
                        refuse(format!("dòng {n} nằm trên vùng dữ liệu của trang"))
                    })?),
                });
        }
        if let Some(map) = &args.map {
            choices.mapping =
                Some(crate::import::parse_map(kind, map, sheet.first_col).map_err(refuse)?);
        }
    }
    let plan = crate::import::plan(kind, &book, choices, &known)?;
    if plan.header == Header::NotFound {
        return Err(refuse(format!(
            "không tìm thấy dòng tiêu đề có cột {}; hãy chỉ ra bằng --header-row N (số dòng của \
             dòng tiêu đề, 0 nếu tệp không có) và --map \"B=name,C=unit\" (cột nào là trường nào: {})",
            match kind {
                Kind::Questions => "Nội dung",
                Kind::Answers => "Mã",
                _ => "Họ và tên",
            },
            kind.fields()
                .iter()
                .map(|f| f.code())
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    if plan.book.sheets.len() > 1 {
        eprintln!("Đọc trang \"{}\".", plan.sheet().name);
    }
    for (name, n) in &plan.other_sheets {
        eprintln!(
            "Trong tệp, trang \"{name}\" còn {n} trả lời mới: nhập tiếp bằng --sheet \"{name}\" (hoặc chạy lại lệnh này)."
        );
    }
    for c in plan.converted() {
        if let Some(l) = c.legacy {
            eprintln!("Cột {}: chuyển mã từ {} sang Unicode.", c.label(), l.name());
        }
    }
    for e in &plan.errors {
        eprintln!("{}, {e}", file.display());
    }
    for w in &plan.warnings {
        eprintln!(
            "{}, {w} (dòng vẫn được nhập, bỏ trống ô này)",
            file.display()
        );
    }
    if kind == Kind::Answers {
        answers_preview(&plan);
    }
    let on_duplicate = args.on_duplicate.into();
    let summary = if args.dry_run {
        if !plan.errors.is_empty() && !args.skip_invalid {
            return crate::import::apply(
                &Store::open_in_memory()?,
                &plan,
                on_duplicate,
                false,
                &mut |_, _| true,
            )
            .map(|_| ());
        }
        let mut s = Summary {
            errors: plan.errors.len(),
            ..Summary::default()
        };
        for r in &plan.rows {
            match (&r.duplicate, on_duplicate) {
                // A unit's answer changes an opinion already there.
                (None, _) if kind == Kind::Answers => s.updated += 1,
                (None, _) => s.imported += 1,
                (
                    Some(crate::import::Duplicate::Existing(id)),
                    crate::import::OnDuplicate::Update,
                ) if !id.is_empty() => {
                    s.updated += 1;
                }
                _ => s.skipped_duplicates += 1,
            }
        }
        eprintln!("Chạy thử: tệp hội nghị không thay đổi.");
        s
    } else {
        let (store, _lock) = open_to_write(&args.db)?;
        crate::import::apply(
            &store,
            &plan,
            on_duplicate,
            args.skip_invalid,
            &mut |_, _| true,
        )?
    };
    if kind == Kind::Answers {
        eprintln!(
            "Bỏ qua {} dòng chưa trả lời, {} dòng không thay đổi.",
            plan.skipped_blank,
            plan.duplicates()
        );
    } else if kind == Kind::Attendees {
        eprintln!(
            "Bỏ qua {} dòng trống, {} dòng tổng cộng, {} dòng không có họ tên, {} dòng nhóm và chữ ký.",
            plan.skipped_blank, plan.skipped_total, plan.skipped_no_name, plan.skipped_headings
        );
    } else {
        eprintln!(
            "Bỏ qua {} dòng trống, {} dòng tổng cộng, {} dòng nhóm và chữ ký; {}/{} dòng gắn với đại biểu đã có.",
            plan.skipped_blank,
            plan.skipped_total,
            plan.skipped_headings,
            plan.linked(),
            plan.rows.len()
        );
    }
    println!("{summary}");
    Ok(())
}
