//! The command line: clap definitions and the headless commands.
//! Data goes to stdout, messages to stderr.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use crate::domain::{date, money};
use crate::error::Result;
use crate::store::{Missing, Store};

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
    Import {
        kind: ImportKind,
        /// The .xlsx, .xls, .ods or .csv file.
        file: PathBuf,
        /// The conference file; created when it does not exist.
        #[arg(long)]
        db: PathBuf,
        /// The sheet to read (default: the one whose header names the most columns).
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
    },
    /// Print a list (PDF) or export it (XLSX, CSV); the format comes from --out's extension.
    Export {
        list: ListArg,
        #[arg(long)]
        db: PathBuf,
        /// The file to write (.pdf, .xlsx or .csv); replaced whole if it exists.
        #[arg(long)]
        out: PathBuf,
        /// One unit per page (sign-in, attendance and attendee lists).
        #[arg(long, value_enum)]
        group_by: Option<GroupBy>,
        /// Order of a list of people (default: Vietnamese name order).
        #[arg(long, value_enum)]
        sort: Option<SortArg>,
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
    /// Name badges, ten per A4 page with cut marks.
    Badges,
    /// Every attendee with every field.
    Attendees,
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
            ListArg::Attendees => Self::Attendees,
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

/// Runs a headless command; the window is not involved.
pub fn run(command: Command) -> Result<()> {
    match command {
        Command::Demo { db } => demo(&db),
        Command::Stress { db, batch, steps } => crate::stress::run(&db, batch, steps),
        Command::Stats { db, json } => stats(&db, json),
        Command::Import {
            kind: ImportKind::Attendees,
            file,
            db,
            sheet,
            dry_run,
            on_duplicate,
            skip_invalid,
        } => import_attendees(
            &file,
            &db,
            sheet,
            dry_run,
            on_duplicate.into(),
            skip_invalid,
        ),
        Command::Import {
            kind,
            file,
            db,
            sheet,
            dry_run,
            ..
        } => {
            use crate::import::records::RecordKind;
            let kind = match kind {
                ImportKind::Questions => RecordKind::Questions,
                ImportKind::Gifts => RecordKind::Gifts,
                _ => RecordKind::Commendations,
            };
            import_records(kind, &file, &db, sheet, dry_run)
        }
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
        } => export(
            list.into(),
            &db,
            &out,
            group_by.is_some(),
            sort.map(Into::into),
        ),
    }
}

fn demo(db: &Path) -> Result<()> {
    let store = Store::open(db, Missing::Create)?;
    let s = crate::demo::fill(&store)?;
    eprintln!(
        "Đã tạo hội nghị mẫu trong {}: {} đại biểu, {} câu hỏi, {} quà tặng, {} khen thưởng.",
        db.display(),
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
    for l in lines {
        writeln!(out, "{l}").ok();
    }
    Ok(())
}

fn export(
    kind: crate::export::ListKind,
    db: &Path,
    out: &Path,
    group_by_unit: bool,
    sort: Option<crate::export::Sort>,
) -> Result<()> {
    use crate::export::{Options, Source};
    let store = Store::open_read_only(db)?;
    let src = Source::load(&store)?;
    let written = crate::export::export(
        &src,
        kind,
        Options {
            group_by_unit,
            sort,
        },
        out,
        &mut |_, _| true,
    )?;
    eprintln!(
        "Đã ghi {} ({} dòng, {} KiB).",
        written.path.display(),
        written.rows,
        written.bytes.div_ceil(1024)
    );
    Ok(())
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
                    ]
                })
                .collect();
            (json_line(&v)?, rows)
        }
        Kind::Questions => {
            let v = store.search_questions(search)?;
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
            (json_line(&v)?, rows)
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

fn import_records(
    kind: crate::import::records::RecordKind,
    file: &Path,
    db: &Path,
    sheet: Option<String>,
    dry_run: bool,
) -> Result<()> {
    use crate::import::records::{Known, apply, prepare};
    use crate::import::{ReadOptions, Summary};
    // As for attendees: the file is read and checked before the conference file is touched.
    let known = if db.exists() {
        Known::load(&Store::open_read_only(db)?, kind)?
    } else {
        Known::default()
    };
    let plan = prepare(
        kind,
        file,
        &ReadOptions {
            sheet,
            ..ReadOptions::default()
        },
        &known,
    )?;
    print_row_errors(file, &plan.errors);
    let summary = if dry_run {
        if !plan.errors.is_empty() {
            return apply(&Store::open_in_memory()?, &plan, &mut |_, _| true).map(|_| ());
        }
        eprintln!("Chạy thử: tệp hội nghị không thay đổi.");
        Summary {
            imported: plan.rows.len() - plan.duplicates(),
            skipped_duplicates: plan.duplicates(),
            ..Summary::default()
        }
    } else {
        let store = Store::open(db, Missing::Create)?;
        apply(&store, &plan, &mut |_, _| true)?
    };
    let linked = plan.rows.iter().filter(|r| r.linked).count();
    eprintln!(
        "Bỏ qua {} dòng trống, {} dòng tổng cộng; {linked}/{} dòng gắn với đại biểu đã có.",
        plan.skipped_blank,
        plan.skipped_total,
        plan.rows.len()
    );
    println!("{summary}");
    Ok(())
}

fn import_attendees(
    file: &Path,
    db: &Path,
    sheet: Option<String>,
    dry_run: bool,
    on_duplicate: crate::import::OnDuplicate,
    skip_invalid: bool,
) -> Result<()> {
    use crate::import::{Duplicate, Existing, OnDuplicate, ReadOptions, Summary};
    // Read and check the file before touching the conference file, so a refused
    // import never creates or changes it.
    let existing = if db.exists() {
        Existing::load(&Store::open_read_only(db)?)?
    } else {
        Existing::default()
    };
    let plan = crate::import::prepare(
        file,
        &ReadOptions {
            sheet,
            ..ReadOptions::default()
        },
        &existing,
    )?;
    print_row_errors(file, &plan.errors);
    let summary = if dry_run {
        if !plan.errors.is_empty() && !skip_invalid {
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
                (None, _) => s.imported += 1,
                (Some(Duplicate::Existing(_)), OnDuplicate::Update) => s.updated += 1,
                _ => s.skipped_duplicates += 1,
            }
        }
        eprintln!("Chạy thử: tệp hội nghị không thay đổi.");
        s
    } else {
        let store = Store::open(db, Missing::Create)?;
        crate::import::apply(&store, &plan, on_duplicate, skip_invalid, &mut |_, _| true)?
    };
    eprintln!(
        "Bỏ qua {} dòng trống, {} dòng tổng cộng, {} dòng không có họ tên.",
        plan.skipped_blank, plan.skipped_total, plan.skipped_no_name
    );
    println!("{summary}");
    Ok(())
}

/// One line on stderr per refused row, naming the file, row and column.
fn print_row_errors(file: &Path, errors: &[crate::import::RowError]) {
    for e in errors {
        eprintln!(
            "{}, dòng {}, cột \"{}\": {}",
            file.display(),
            e.row,
            e.column,
            e.problem.vi()
        );
    }
}
