-- 8: the MC's script as a protocol office writes it. A programme item names a second
-- person besides who leads it: who presents the awards or gifts when another reads the
-- decision. The introduction keeps the organiser's own order of blocks and people
-- (arrangement: JSON, empty for protocol order). The programme_item triggers are made
-- again to record the new columns.
ALTER TABLE programme_item ADD COLUMN presenter_id TEXT;
ALTER TABLE programme_item ADD COLUMN presenter_name TEXT NOT NULL DEFAULT '';
ALTER TABLE programme_item ADD COLUMN arrangement TEXT NOT NULL DEFAULT '';
DROP TRIGGER programme_item_history_insert;
DROP TRIGGER programme_item_history_delete;
DROP TRIGGER programme_item_history_update;
CREATE TRIGGER programme_item_history_insert AFTER INSERT ON programme_item
WHEN (SELECT change_id FROM history_state WHERE bulk = 0) IS NOT NULL
BEGIN
    INSERT INTO history_step (change_id, redo, tbl, op, what, sql)
    SELECT change_id, redo, 'programme_item', 'add', coalesce(NEW.title, ''), 'DELETE FROM programme_item WHERE id = ' || quote(NEW.id) FROM history_state;
END;
CREATE TRIGGER programme_item_history_delete AFTER DELETE ON programme_item WHEN (SELECT change_id FROM history_state) IS NOT NULL
BEGIN
    INSERT INTO history_step (change_id, redo, tbl, op, what, sql)
    SELECT change_id, redo, 'programme_item', 'delete', coalesce(OLD.title, ''), 'INSERT INTO programme_item (id, position, start_time, title, part, lead_id, lead_name, notes, created_at, updated_at, presenter_id, presenter_name, arrangement) VALUES (' || quote(OLD.id) || ', ' || quote(OLD.position) || ', ' || quote(OLD.start_time) || ', ' || quote(OLD.title) || ', ' || quote(OLD.part) || ', ' || quote(OLD.lead_id) || ', ' || quote(OLD.lead_name) || ', ' || quote(OLD.notes) || ', ' || quote(OLD.created_at) || ', ' || quote(OLD.updated_at) || ', ' || quote(OLD.presenter_id) || ', ' || quote(OLD.presenter_name) || ', ' || quote(OLD.arrangement) || ')' FROM history_state;
END;
CREATE TRIGGER programme_item_history_update AFTER UPDATE ON programme_item
WHEN (SELECT change_id FROM history_state) IS NOT NULL AND (OLD.id IS NOT NEW.id OR OLD.position IS NOT NEW.position OR OLD.start_time IS NOT NEW.start_time OR OLD.title IS NOT NEW.title OR OLD.part IS NOT NEW.part OR OLD.lead_id IS NOT NEW.lead_id OR OLD.lead_name IS NOT NEW.lead_name OR OLD.notes IS NOT NEW.notes OR OLD.created_at IS NOT NEW.created_at OR OLD.updated_at IS NOT NEW.updated_at OR OLD.presenter_id IS NOT NEW.presenter_id OR OLD.presenter_name IS NOT NEW.presenter_name OR OLD.arrangement IS NOT NEW.arrangement)
BEGIN
    INSERT INTO history_step (change_id, redo, tbl, op, what, sql)
    SELECT change_id, redo, 'programme_item', 'edit', coalesce(NEW.title, ''), 'UPDATE programme_item SET position = ' || quote(OLD.position) || ', start_time = ' || quote(OLD.start_time) || ', title = ' || quote(OLD.title) || ', part = ' || quote(OLD.part) || ', lead_id = ' || quote(OLD.lead_id) || ', lead_name = ' || quote(OLD.lead_name) || ', notes = ' || quote(OLD.notes) || ', created_at = ' || quote(OLD.created_at) || ', updated_at = ' || quote(OLD.updated_at) || ', presenter_id = ' || quote(OLD.presenter_id) || ', presenter_name = ' || quote(OLD.presenter_name) || ', arrangement = ' || quote(OLD.arrangement) || ' WHERE id = ' || quote(OLD.id) FROM history_state;
END;
