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

/// Runs a headless command; the window is not involved.
pub fn run(command: Command) -> Result<()> {
    match command {
        Command::Demo { db } => demo(&db),
        Command::Stats { db, json } => stats(&db, json),
        Command::List {
            kind,
            db,
            search,
            json,
        } => list(kind, &db, search.as_deref().unwrap_or(""), json),
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
