-- 7: the programme and the MC's script. The conference's items in order (time, title,
-- kind, who leads); the organiser's rewrites of the script's paragraphs; and an absence
-- with a reason on attendees (excused), which the attendance sentence counts.
-- Triggers record the new tables in the history, and the attendee's new columns.
ALTER TABLE attendee ADD COLUMN excused INTEGER NOT NULL DEFAULT 0;
ALTER TABLE attendee ADD COLUMN absence_reason TEXT NOT NULL DEFAULT '';
CREATE TABLE programme_item (
    id TEXT PRIMARY KEY NOT NULL,
    position INTEGER NOT NULL,
    start_time TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL CHECK (title <> ''),
    part TEXT NOT NULL,
    lead_id TEXT,
    lead_name TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE script_edit (
    -- item id, a bar, the paragraph's key
    id TEXT PRIMARY KEY NOT NULL,
    item_id TEXT NOT NULL,
    key TEXT NOT NULL,
    text TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
DROP TRIGGER attendee_history_insert;
DROP TRIGGER attendee_history_delete;
DROP TRIGGER attendee_history_update;
CREATE TRIGGER attendee_history_insert AFTER INSERT ON attendee
WHEN (SELECT change_id FROM history_state WHERE bulk = 0) IS NOT NULL
BEGIN
    INSERT INTO history_step (change_id, redo, tbl, op, what, sql)
    SELECT change_id, redo, 'attendee', 'add', coalesce(NEW.full_name, ''), 'DELETE FROM attendee WHERE id = ' || quote(NEW.id) FROM history_state;
END;
CREATE TRIGGER attendee_history_delete AFTER DELETE ON attendee WHEN (SELECT change_id FROM history_state) IS NOT NULL
BEGIN
    INSERT INTO history_step (change_id, redo, tbl, op, what, sql)
    SELECT change_id, redo, 'attendee', 'delete', coalesce(OLD.full_name, ''), 'INSERT INTO attendee (id, full_name, gender, birth_year, rank, position, unit, district, group_name, phone, note, checked_in_at, search_key, name_key, unit_key, created_at, updated_at, protocol_order, checked_in_desk, badge_code, excused, absence_reason) VALUES (' || quote(OLD.id) || ', ' || quote(OLD.full_name) || ', ' || quote(OLD.gender) || ', ' || quote(OLD.birth_year) || ', ' || quote(OLD.rank) || ', ' || quote(OLD.position) || ', ' || quote(OLD.unit) || ', ' || quote(OLD.district) || ', ' || quote(OLD.group_name) || ', ' || quote(OLD.phone) || ', ' || quote(OLD.note) || ', ' || quote(OLD.checked_in_at) || ', ' || quote(OLD.search_key) || ', ' || quote(OLD.name_key) || ', ' || quote(OLD.unit_key) || ', ' || quote(OLD.created_at) || ', ' || quote(OLD.updated_at) || ', ' || quote(OLD.protocol_order) || ', ' || quote(OLD.checked_in_desk) || ', ' || quote(OLD.badge_code) || ', ' || quote(OLD.excused) || ', ' || quote(OLD.absence_reason) || ')' FROM history_state;
END;
CREATE TRIGGER attendee_history_update AFTER UPDATE ON attendee
WHEN (SELECT change_id FROM history_state) IS NOT NULL AND (OLD.id IS NOT NEW.id OR OLD.full_name IS NOT NEW.full_name OR OLD.gender IS NOT NEW.gender OR OLD.birth_year IS NOT NEW.birth_year OR OLD.rank IS NOT NEW.rank OR OLD.position IS NOT NEW.position OR OLD.unit IS NOT NEW.unit OR OLD.district IS NOT NEW.district OR OLD.group_name IS NOT NEW.group_name OR OLD.phone IS NOT NEW.phone OR OLD.note IS NOT NEW.note OR OLD.checked_in_at IS NOT NEW.checked_in_at OR OLD.search_key IS NOT NEW.search_key OR OLD.name_key IS NOT NEW.name_key OR OLD.unit_key IS NOT NEW.unit_key OR OLD.created_at IS NOT NEW.created_at OR OLD.updated_at IS NOT NEW.updated_at OR OLD.protocol_order IS NOT NEW.protocol_order OR OLD.checked_in_desk IS NOT NEW.checked_in_desk OR OLD.badge_code IS NOT NEW.badge_code OR OLD.excused IS NOT NEW.excused OR OLD.absence_reason IS NOT NEW.absence_reason)
BEGIN
    INSERT INTO history_step (change_id, redo, tbl, op, what, sql)
    SELECT change_id, redo, 'attendee', 'edit', coalesce(NEW.full_name, ''), 'UPDATE attendee SET full_name = ' || quote(OLD.full_name) || ', gender = ' || quote(OLD.gender) || ', birth_year = ' || quote(OLD.birth_year) || ', rank = ' || quote(OLD.rank) || ', position = ' || quote(OLD.position) || ', unit = ' || quote(OLD.unit) || ', district = ' || quote(OLD.district) || ', group_name = ' || quote(OLD.group_name) || ', phone = ' || quote(OLD.phone) || ', note = ' || quote(OLD.note) || ', checked_in_at = ' || quote(OLD.checked_in_at) || ', search_key = ' || quote(OLD.search_key) || ', name_key = ' || quote(OLD.name_key) || ', unit_key = ' || quote(OLD.unit_key) || ', created_at = ' || quote(OLD.created_at) || ', updated_at = ' || quote(OLD.updated_at) || ', protocol_order = ' || quote(OLD.protocol_order) || ', checked_in_desk = ' || quote(OLD.checked_in_desk) || ', badge_code = ' || quote(OLD.badge_code) || ', excused = ' || quote(OLD.excused) || ', absence_reason = ' || quote(OLD.absence_reason) || ' WHERE id = ' || quote(OLD.id) FROM history_state;
END;
CREATE TRIGGER programme_item_history_insert AFTER INSERT ON programme_item
WHEN (SELECT change_id FROM history_state WHERE bulk = 0) IS NOT NULL
BEGIN
    INSERT INTO history_step (change_id, redo, tbl, op, what, sql)
    SELECT change_id, redo, 'programme_item', 'add', coalesce(NEW.title, ''), 'DELETE FROM programme_item WHERE id = ' || quote(NEW.id) FROM history_state;
END;
CREATE TRIGGER programme_item_history_delete AFTER DELETE ON programme_item WHEN (SELECT change_id FROM history_state) IS NOT NULL
BEGIN
    INSERT INTO history_step (change_id, redo, tbl, op, what, sql)
    SELECT change_id, redo, 'programme_item', 'delete', coalesce(OLD.title, ''), 'INSERT INTO programme_item (id, position, start_time, title, part, lead_id, lead_name, notes, created_at, updated_at) VALUES (' || quote(OLD.id) || ', ' || quote(OLD.position) || ', ' || quote(OLD.start_time) || ', ' || quote(OLD.title) || ', ' || quote(OLD.part) || ', ' || quote(OLD.lead_id) || ', ' || quote(OLD.lead_name) || ', ' || quote(OLD.notes) || ', ' || quote(OLD.created_at) || ', ' || quote(OLD.updated_at) || ')' FROM history_state;
END;
CREATE TRIGGER programme_item_history_update AFTER UPDATE ON programme_item
WHEN (SELECT change_id FROM history_state) IS NOT NULL AND (OLD.id IS NOT NEW.id OR OLD.position IS NOT NEW.position OR OLD.start_time IS NOT NEW.start_time OR OLD.title IS NOT NEW.title OR OLD.part IS NOT NEW.part OR OLD.lead_id IS NOT NEW.lead_id OR OLD.lead_name IS NOT NEW.lead_name OR OLD.notes IS NOT NEW.notes OR OLD.created_at IS NOT NEW.created_at OR OLD.updated_at IS NOT NEW.updated_at)
BEGIN
    INSERT INTO history_step (change_id, redo, tbl, op, what, sql)
    SELECT change_id, redo, 'programme_item', 'edit', coalesce(NEW.title, ''), 'UPDATE programme_item SET position = ' || quote(OLD.position) || ', start_time = ' || quote(OLD.start_time) || ', title = ' || quote(OLD.title) || ', part = ' || quote(OLD.part) || ', lead_id = ' || quote(OLD.lead_id) || ', lead_name = ' || quote(OLD.lead_name) || ', notes = ' || quote(OLD.notes) || ', created_at = ' || quote(OLD.created_at) || ', updated_at = ' || quote(OLD.updated_at) || ' WHERE id = ' || quote(OLD.id) FROM history_state;
END;
CREATE TRIGGER script_edit_history_insert AFTER INSERT ON script_edit
WHEN (SELECT change_id FROM history_state WHERE bulk = 0) IS NOT NULL
BEGIN
    INSERT INTO history_step (change_id, redo, tbl, op, what, sql)
    SELECT change_id, redo, 'script_edit', 'add', coalesce(NEW.key, ''), 'DELETE FROM script_edit WHERE id = ' || quote(NEW.id) FROM history_state;
END;
CREATE TRIGGER script_edit_history_delete AFTER DELETE ON script_edit WHEN (SELECT change_id FROM history_state) IS NOT NULL
BEGIN
    INSERT INTO history_step (change_id, redo, tbl, op, what, sql)
    SELECT change_id, redo, 'script_edit', 'delete', coalesce(OLD.key, ''), 'INSERT INTO script_edit (id, item_id, key, text, created_at, updated_at) VALUES (' || quote(OLD.id) || ', ' || quote(OLD.item_id) || ', ' || quote(OLD.key) || ', ' || quote(OLD.text) || ', ' || quote(OLD.created_at) || ', ' || quote(OLD.updated_at) || ')' FROM history_state;
END;
CREATE TRIGGER script_edit_history_update AFTER UPDATE ON script_edit
WHEN (SELECT change_id FROM history_state) IS NOT NULL AND (OLD.id IS NOT NEW.id OR OLD.item_id IS NOT NEW.item_id OR OLD.key IS NOT NEW.key OR OLD.text IS NOT NEW.text OR OLD.created_at IS NOT NEW.created_at OR OLD.updated_at IS NOT NEW.updated_at)
BEGIN
    INSERT INTO history_step (change_id, redo, tbl, op, what, sql)
    SELECT change_id, redo, 'script_edit', 'edit', coalesce(NEW.key, ''), 'UPDATE script_edit SET item_id = ' || quote(OLD.item_id) || ', key = ' || quote(OLD.key) || ', text = ' || quote(OLD.text) || ', created_at = ' || quote(OLD.created_at) || ', updated_at = ' || quote(OLD.updated_at) || ' WHERE id = ' || quote(OLD.id) FROM history_state;
END;
