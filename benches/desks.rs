//! Several desks on loopback, through the real host and desk threads (TLS, the change
//! feed, each side's `SQLite` file): a check-in's round trip from one desk to the host and
//! on to another desk, and how many check-ins a second the host takes from three desks.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::fmt::Write as _;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use hoinghi::net::desk::{DeskClient, DeskLink};
use hoinghi::net::host::{Host, Options};
use hoinghi::store::{Missing, Store};
use hoinghi::sync::{Action, Op};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// People enough for every iteration to check in someone new.
const PEOPLE: usize = 30_000;
const BATCH: usize = 1_500;

struct Desk {
    link: DeskLink,
    client: DeskClient,
    mirror: Store,
}

fn conference(dir: &Path) -> (std::path::PathBuf, Vec<String>) {
    let csv = dir.join("ds.csv");
    let mut text = String::from("Họ và tên,Đơn vị\n");
    for i in 0..PEOPLE {
        writeln!(text, "Đại biểu Số {i},Công an xã {}", i / 40).unwrap();
    }
    std::fs::write(&csv, text).unwrap();
    let db = dir.join("host.sqlite");
    let store = Store::open(&db, Missing::Create).unwrap();
    let plan = hoinghi::import::prepare(
        hoinghi::import::Kind::Attendees,
        &csv,
        &hoinghi::import::ReadOptions::default(),
        &hoinghi::import::Choices::default(),
        &hoinghi::import::Known::default(),
    )
    .unwrap();
    hoinghi::import::apply(
        &store,
        &plan,
        hoinghi::import::OnDuplicate::Skip,
        false,
        &mut |_, _| true,
    )
    .unwrap();
    let ids = store
        .attendees()
        .unwrap()
        .into_iter()
        .map(|a| a.id)
        .collect();
    (db, ids)
}

fn desk(host: &Host, dir: &Path, name: &str) -> Desk {
    let addr = std::net::SocketAddr::from(([127, 0, 0, 1], host.port()));
    let code = host.new_code();
    let link = hoinghi::net::desk::pair(addr, &code, name, dir).unwrap();
    let client = DeskClient::start(dir, link.clone(), || {}).unwrap();
    let mirror = Store::open(&DeskLink::mirror(dir), Missing::Refuse).unwrap();
    wait(|| mirror.stats().unwrap().attendees == i64::try_from(PEOPLE).unwrap());
    Desk {
        link,
        client,
        mirror,
    }
}

fn wait(done: impl Fn() -> bool) {
    let deadline = Instant::now() + Duration::from_mins(2);
    while !done() {
        assert!(Instant::now() < deadline, "timed out");
        std::thread::sleep(Duration::from_micros(200));
    }
}

fn check_in(d: &Desk, id: &str) -> Action {
    Action::new(
        &d.link.desk_id,
        &d.link.name,
        Op::CheckIn {
            attendee: id.to_owned(),
            at: hoinghi::domain::date::now_stamp(),
        },
    )
}

fn desks(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let (db, ids) = conference(dir.path());
    let host = Host::start(&Options {
        db: db.clone(),
        port: 0,
        code_ttl: Duration::from_mins(5),
        identity_dir: dir.path().join("host"),
        announce: false,
    })
    .unwrap();
    let three: Vec<Desk> = (0..3)
        .map(|i| {
            desk(
                &host,
                &dir.path().join(format!("desk{i}")),
                &format!("Bàn {i}"),
            )
        })
        .collect();
    let next = AtomicUsize::new(0);
    let fresh = |n: usize| {
        let from = next.fetch_add(n, Ordering::SeqCst);
        assert!(from + n <= ids.len(), "out of people: raise PEOPLE");
        &ids[from..from + n]
    };
    let mut group = c.benchmark_group("desks");
    group.sample_size(30);
    group.bench_function("check_in_round_trip_desk_host_desk", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let id = &fresh(1)[0];
                let start = Instant::now();
                three[0]
                    .mirror
                    .record_local(&check_in(&three[0], id))
                    .unwrap();
                three[0].client.nudge();
                wait(|| {
                    three[1]
                        .mirror
                        .attendee(id)
                        .is_ok_and(|a| a.checked_in_at.is_some())
                });
                total += start.elapsed();
            }
            total
        });
    });
    group.sample_size(10);
    group.throughput(Throughput::Elements(BATCH as u64));
    group.bench_function("host_takes_1500_check_ins_from_three_desks", |b| {
        let host_store = Store::open_read_only(&db).unwrap();
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let people = fresh(BATCH);
                let before = host_store.stats().unwrap().checked_in;
                let start = Instant::now();
                for (d, part) in three.iter().zip(people.chunks(BATCH / 3)) {
                    let actions: Vec<Action> = part.iter().map(|id| check_in(d, id)).collect();
                    d.mirror
                        .in_transaction(|st| actions.iter().try_for_each(|a| st.record_local(a)))
                        .unwrap();
                    d.client.nudge();
                }
                wait(|| {
                    host_store.stats().unwrap().checked_in == before + i64::try_from(BATCH).unwrap()
                });
                total += start.elapsed();
            }
            total
        });
    });
    group.finish();
    drop(three);
    host.stop();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    targets = desks
}
criterion_main!(benches);
