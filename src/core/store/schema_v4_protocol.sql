-- 4: protocol order. The ladder of offices (kept in the file, editable on the Lists
-- page) and a place in that order fixed by hand for a few people (the head table).
-- The attendee triggers are made again to record the new column.
ALTER TABLE attendee ADD COLUMN protocol_order INTEGER;
CREATE TABLE office (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL CHECK (name <> ''),
    aliases TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL,
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
    SELECT change_id, redo, 'attendee', 'delete', coalesce(OLD.full_name, ''), 'INSERT INTO attendee (id, full_name, gender, birth_year, rank, position, unit, district, group_name, phone, note, checked_in_at, search_key, name_key, unit_key, created_at, updated_at, protocol_order) VALUES (' || quote(OLD.id) || ', ' || quote(OLD.full_name) || ', ' || quote(OLD.gender) || ', ' || quote(OLD.birth_year) || ', ' || quote(OLD.rank) || ', ' || quote(OLD.position) || ', ' || quote(OLD.unit) || ', ' || quote(OLD.district) || ', ' || quote(OLD.group_name) || ', ' || quote(OLD.phone) || ', ' || quote(OLD.note) || ', ' || quote(OLD.checked_in_at) || ', ' || quote(OLD.search_key) || ', ' || quote(OLD.name_key) || ', ' || quote(OLD.unit_key) || ', ' || quote(OLD.created_at) || ', ' || quote(OLD.updated_at) || ', ' || quote(OLD.protocol_order) || ')' FROM history_state;
END;
CREATE TRIGGER attendee_history_update AFTER UPDATE ON attendee
WHEN (SELECT change_id FROM history_state) IS NOT NULL AND (OLD.id IS NOT NEW.id OR OLD.full_name IS NOT NEW.full_name OR OLD.gender IS NOT NEW.gender OR OLD.birth_year IS NOT NEW.birth_year OR OLD.rank IS NOT NEW.rank OR OLD.position IS NOT NEW.position OR OLD.unit IS NOT NEW.unit OR OLD.district IS NOT NEW.district OR OLD.group_name IS NOT NEW.group_name OR OLD.phone IS NOT NEW.phone OR OLD.note IS NOT NEW.note OR OLD.checked_in_at IS NOT NEW.checked_in_at OR OLD.search_key IS NOT NEW.search_key OR OLD.name_key IS NOT NEW.name_key OR OLD.unit_key IS NOT NEW.unit_key OR OLD.created_at IS NOT NEW.created_at OR OLD.updated_at IS NOT NEW.updated_at OR OLD.protocol_order IS NOT NEW.protocol_order)
BEGIN
    INSERT INTO history_step (change_id, redo, tbl, op, what, sql)
    SELECT change_id, redo, 'attendee', 'edit', coalesce(NEW.full_name, ''), 'UPDATE attendee SET full_name = ' || quote(OLD.full_name) || ', gender = ' || quote(OLD.gender) || ', birth_year = ' || quote(OLD.birth_year) || ', rank = ' || quote(OLD.rank) || ', position = ' || quote(OLD.position) || ', unit = ' || quote(OLD.unit) || ', district = ' || quote(OLD.district) || ', group_name = ' || quote(OLD.group_name) || ', phone = ' || quote(OLD.phone) || ', note = ' || quote(OLD.note) || ', checked_in_at = ' || quote(OLD.checked_in_at) || ', search_key = ' || quote(OLD.search_key) || ', name_key = ' || quote(OLD.name_key) || ', unit_key = ' || quote(OLD.unit_key) || ', created_at = ' || quote(OLD.created_at) || ', updated_at = ' || quote(OLD.updated_at) || ', protocol_order = ' || quote(OLD.protocol_order) || ' WHERE id = ' || quote(OLD.id) FROM history_state;
END;
CREATE TRIGGER office_history_insert AFTER INSERT ON office
WHEN (SELECT change_id FROM history_state WHERE bulk = 0) IS NOT NULL
BEGIN
    INSERT INTO history_step (change_id, redo, tbl, op, what, sql)
    SELECT change_id, redo, 'office', 'add', coalesce(NEW.name, ''), 'DELETE FROM office WHERE id = ' || quote(NEW.id) FROM history_state;
END;
CREATE TRIGGER office_history_delete AFTER DELETE ON office WHEN (SELECT change_id FROM history_state) IS NOT NULL
BEGIN
    INSERT INTO history_step (change_id, redo, tbl, op, what, sql)
    SELECT change_id, redo, 'office', 'delete', coalesce(OLD.name, ''), 'INSERT INTO office (id, name, aliases, position, created_at, updated_at) VALUES (' || quote(OLD.id) || ', ' || quote(OLD.name) || ', ' || quote(OLD.aliases) || ', ' || quote(OLD.position) || ', ' || quote(OLD.created_at) || ', ' || quote(OLD.updated_at) || ')' FROM history_state;
END;
CREATE TRIGGER office_history_update AFTER UPDATE ON office
WHEN (SELECT change_id FROM history_state) IS NOT NULL AND (OLD.id IS NOT NEW.id OR OLD.name IS NOT NEW.name OR OLD.aliases IS NOT NEW.aliases OR OLD.position IS NOT NEW.position OR OLD.created_at IS NOT NEW.created_at OR OLD.updated_at IS NOT NEW.updated_at)
BEGIN
    INSERT INTO history_step (change_id, redo, tbl, op, what, sql)
    SELECT change_id, redo, 'office', 'edit', coalesce(NEW.name, ''), 'UPDATE office SET name = ' || quote(OLD.name) || ', aliases = ' || quote(OLD.aliases) || ', position = ' || quote(OLD.position) || ', created_at = ' || quote(OLD.created_at) || ', updated_at = ' || quote(OLD.updated_at) || ' WHERE id = ' || quote(OLD.id) FROM history_state;
END;
