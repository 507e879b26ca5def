-- 6: badge codes. Each attendee's badge carries a code (digits, drawn at random, unique
-- in the file) as a QR code; a scanner at the desk types it and checks the person in.
-- The file gives codes to the attendees already in it (store::migrate). The attendee
-- triggers are made again to record the new column.
ALTER TABLE attendee ADD COLUMN badge_code TEXT;
CREATE INDEX attendee_badge_code ON attendee (badge_code);
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
    SELECT change_id, redo, 'attendee', 'delete', coalesce(OLD.full_name, ''), 'INSERT INTO attendee (id, full_name, gender, birth_year, rank, position, unit, district, group_name, phone, note, checked_in_at, search_key, name_key, unit_key, created_at, updated_at, protocol_order, checked_in_desk, badge_code) VALUES (' || quote(OLD.id) || ', ' || quote(OLD.full_name) || ', ' || quote(OLD.gender) || ', ' || quote(OLD.birth_year) || ', ' || quote(OLD.rank) || ', ' || quote(OLD.position) || ', ' || quote(OLD.unit) || ', ' || quote(OLD.district) || ', ' || quote(OLD.group_name) || ', ' || quote(OLD.phone) || ', ' || quote(OLD.note) || ', ' || quote(OLD.checked_in_at) || ', ' || quote(OLD.search_key) || ', ' || quote(OLD.name_key) || ', ' || quote(OLD.unit_key) || ', ' || quote(OLD.created_at) || ', ' || quote(OLD.updated_at) || ', ' || quote(OLD.protocol_order) || ', ' || quote(OLD.checked_in_desk) || ', ' || quote(OLD.badge_code) || ')' FROM history_state;
END;
CREATE TRIGGER attendee_history_update AFTER UPDATE ON attendee
WHEN (SELECT change_id FROM history_state) IS NOT NULL AND (OLD.id IS NOT NEW.id OR OLD.full_name IS NOT NEW.full_name OR OLD.gender IS NOT NEW.gender OR OLD.birth_year IS NOT NEW.birth_year OR OLD.rank IS NOT NEW.rank OR OLD.position IS NOT NEW.position OR OLD.unit IS NOT NEW.unit OR OLD.district IS NOT NEW.district OR OLD.group_name IS NOT NEW.group_name OR OLD.phone IS NOT NEW.phone OR OLD.note IS NOT NEW.note OR OLD.checked_in_at IS NOT NEW.checked_in_at OR OLD.search_key IS NOT NEW.search_key OR OLD.name_key IS NOT NEW.name_key OR OLD.unit_key IS NOT NEW.unit_key OR OLD.created_at IS NOT NEW.created_at OR OLD.updated_at IS NOT NEW.updated_at OR OLD.protocol_order IS NOT NEW.protocol_order OR OLD.checked_in_desk IS NOT NEW.checked_in_desk OR OLD.badge_code IS NOT NEW.badge_code)
BEGIN
    INSERT INTO history_step (change_id, redo, tbl, op, what, sql)
    SELECT change_id, redo, 'attendee', 'edit', coalesce(NEW.full_name, ''), 'UPDATE attendee SET full_name = ' || quote(OLD.full_name) || ', gender = ' || quote(OLD.gender) || ', birth_year = ' || quote(OLD.birth_year) || ', rank = ' || quote(OLD.rank) || ', position = ' || quote(OLD.position) || ', unit = ' || quote(OLD.unit) || ', district = ' || quote(OLD.district) || ', group_name = ' || quote(OLD.group_name) || ', phone = ' || quote(OLD.phone) || ', note = ' || quote(OLD.note) || ', checked_in_at = ' || quote(OLD.checked_in_at) || ', search_key = ' || quote(OLD.search_key) || ', name_key = ' || quote(OLD.name_key) || ', unit_key = ' || quote(OLD.unit_key) || ', created_at = ' || quote(OLD.created_at) || ', updated_at = ' || quote(OLD.updated_at) || ', protocol_order = ' || quote(OLD.protocol_order) || ', checked_in_desk = ' || quote(OLD.checked_in_desk) || ', badge_code = ' || quote(OLD.badge_code) || ' WHERE id = ' || quote(OLD.id) FROM history_state;
END;
