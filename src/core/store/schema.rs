//! The schema as an ordered list of migration steps keyed on `PRAGMA user_version`.
//! Append only: a step once released is never edited, a change is a new step.

/// Marks a `SQLite` file as a hoinghi conference file ("HNGH").
pub const APPLICATION_ID: i64 = 0x484E_4748;

/// Step N (1-based) brings a file from `user_version` N-1 to N.
pub const MIGRATIONS: &[&str] = &[
    // 1: the four record types, topics, commendation kinds and the conference details.
    r"
    CREATE TABLE conference (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL DEFAULT '',
        start_date TEXT NOT NULL DEFAULT '',
        end_date TEXT NOT NULL DEFAULT '',
        venue TEXT NOT NULL DEFAULT '',
        organiser TEXT NOT NULL DEFAULT '',
        superior_agency TEXT NOT NULL DEFAULT '',
        issuing_unit TEXT NOT NULL DEFAULT '',
        place_name TEXT NOT NULL DEFAULT '',
        signer_left_title TEXT NOT NULL DEFAULT '',
        signer_left_name TEXT NOT NULL DEFAULT '',
        signer_right_title TEXT NOT NULL DEFAULT '',
        signer_right_name TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE attendee (
        id TEXT PRIMARY KEY NOT NULL,
        full_name TEXT NOT NULL CHECK (full_name <> ''),
        gender TEXT NOT NULL DEFAULT '',
        birth_year INTEGER,
        rank TEXT NOT NULL DEFAULT '',
        position TEXT NOT NULL DEFAULT '',
        unit TEXT NOT NULL DEFAULT '',
        district TEXT NOT NULL DEFAULT '',
        group_name TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        checked_in_at TEXT,
        search_key TEXT NOT NULL,
        name_key TEXT NOT NULL,
        unit_key TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX attendee_search ON attendee(search_key);
    CREATE INDEX attendee_person ON attendee(name_key, unit_key);
    CREATE INDEX attendee_phone ON attendee(phone) WHERE phone <> '';
    CREATE TABLE topic (
        id TEXT PRIMARY KEY NOT NULL,
        name TEXT NOT NULL CHECK (name <> ''),
        position INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE question (
        id TEXT PRIMARY KEY NOT NULL,
        number INTEGER NOT NULL CHECK (number > 0),
        asker_id TEXT REFERENCES attendee(id) ON DELETE SET NULL,
        asker_name TEXT NOT NULL DEFAULT '',
        asker_unit TEXT NOT NULL DEFAULT '',
        anonymous INTEGER NOT NULL DEFAULT 0,
        channel TEXT NOT NULL,
        topic_id TEXT REFERENCES topic(id),
        content TEXT NOT NULL,
        responder TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL,
        answer TEXT NOT NULL DEFAULT '',
        merged_into TEXT REFERENCES question(id) ON DELETE SET NULL,
        search_key TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX question_topic ON question(topic_id);
    CREATE TABLE gift (
        id TEXT PRIMARY KEY NOT NULL,
        recipient_id TEXT REFERENCES attendee(id) ON DELETE SET NULL,
        recipient_name TEXT NOT NULL CHECK (recipient_name <> ''),
        unit TEXT NOT NULL DEFAULT '',
        circumstances TEXT NOT NULL DEFAULT '',
        item TEXT NOT NULL,
        value_vnd INTEGER NOT NULL DEFAULT 0 CHECK (value_vnd >= 0),
        handed_over_at TEXT,
        handed_over_by TEXT NOT NULL DEFAULT '',
        override_reason TEXT NOT NULL DEFAULT '',
        search_key TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX gift_recipient ON gift(recipient_id);
    CREATE TABLE commendation_kind (
        id TEXT PRIMARY KEY NOT NULL,
        name TEXT NOT NULL CHECK (name <> ''),
        position INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE commendation (
        id TEXT PRIMARY KEY NOT NULL,
        kind TEXT NOT NULL,
        collective INTEGER NOT NULL DEFAULT 0,
        recipient_id TEXT REFERENCES attendee(id) ON DELETE SET NULL,
        recipient_name TEXT NOT NULL CHECK (recipient_name <> ''),
        rank TEXT NOT NULL DEFAULT '',
        position TEXT NOT NULL DEFAULT '',
        unit TEXT NOT NULL DEFAULT '',
        achievement TEXT NOT NULL DEFAULT '',
        decision_number TEXT NOT NULL DEFAULT '',
        decision_date TEXT,
        issuer TEXT NOT NULL DEFAULT '',
        stage_order INTEGER NOT NULL,
        search_key TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    ",
    // 2: search and duplicate checks scan folded keys in memory, so these indexes only
    // slowed every insert (a third of a 100,000-row import).
    r"
    DROP INDEX attendee_search;
    DROP INDEX attendee_person;
    DROP INDEX attendee_phone;
    ",
    // 3: the history of changes, kept for undo and redo across restarts.
    include_str!("schema_v3_history.sql"),
    // 4: protocol order: the ladder of offices and places fixed by hand.
    include_str!("schema_v4_protocol.sql"),
    // 5: several desks: who checked in where, the change feed, paired desks, their actions.
    include_str!("schema_v5_desks.sql"),
    // 6: badge codes (QR on badges, scanned at the desk).
    include_str!("schema_v6_badges.sql"),
    // 7: the programme, the script's rewrites, absences with a reason.
    include_str!("schema_v7_programme.sql"),
    // 8: the script's second person (who presents) and the introduction's own order.
    include_str!("schema_v8_script.sql"),
    // 9: the desk PIN that locks the desks' copies of a locked file.
    include_str!("schema_v9_desk_pin.sql"),
    // 10: the follow-up of opinions (handling, unit, deadline, written answer) and the
    // details the papers after the conference need.
    include_str!("schema_v10_follow_up.sql"),
];

/// The schema version this build writes.
pub fn latest_version() -> i64 {
    i64::try_from(MIGRATIONS.len()).unwrap_or(i64::MAX)
}
