-- 3: the history of changes, for undo and redo that survive a restart.
-- Triggers write, for every row a recorded change touches, the statement that reverts
-- it. They record only while history_state.change_id is set, which the app does inside
-- the change's own transaction. A later step that adds a column must recreate the
-- triggers of its table.
CREATE TABLE history (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    label TEXT NOT NULL,
    undone INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE history_step (
    id INTEGER PRIMARY KEY,
    change_id INTEGER NOT NULL,
    redo INTEGER NOT NULL,
    tbl TEXT NOT NULL,
    op TEXT NOT NULL,
    what TEXT NOT NULL,
    rows INTEGER NOT NULL DEFAULT 1,
    sql TEXT NOT NULL
);
CREATE INDEX history_step_change ON history_step(change_id, redo);
CREATE TABLE history_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    change_id INTEGER,
    redo INTEGER NOT NULL DEFAULT 0,
    -- Set while an import adds rows: it records their removal itself, one step per
    -- thousand rows, instead of one trigger run per row.
    bulk INTEGER NOT NULL DEFAULT 0
);
INSERT INTO history_state (id) VALUES (1);

CREATE TRIGGER conference_history_insert AFTER INSERT ON conference
WHEN (SELECT change_id FROM history_state WHERE bulk = 0) IS NOT NULL
BEGIN
    INSERT INTO history_step (change_id, redo, tbl, op, what, sql)
    SELECT change_id, redo, 'conference', 'add', coalesce(NEW.name, ''), 'DELETE FROM conference WHERE id = ' || quote(NEW.id) FROM history_state;
END;
CREATE TRIGGER conference_history_delete AFTER DELETE ON conference WHEN (SELECT change_id FROM history_state) IS NOT NULL
BEGIN
    INSERT INTO history_step (change_id, redo, tbl, op, what, sql)
    SELECT change_id, redo, 'conference', 'delete', coalesce(OLD.name, ''), 'INSERT INTO conference (id, name, start_date, end_date, venue, organiser, superior_agency, issuing_unit, place_name, signer_left_title, signer_left_name, signer_right_title, signer_right_name, created_at, updated_at) VALUES (' || quote(OLD.id) || ', ' || quote(OLD.name) || ', ' || quote(OLD.start_date) || ', ' || quote(OLD.end_date) || ', ' || quote(OLD.venue) || ', ' || quote(OLD.organiser) || ', ' || quote(OLD.superior_agency) || ', ' || quote(OLD.issuing_unit) || ', ' || quote(OLD.place_name) || ', ' || quote(OLD.signer_left_title) || ', ' || quote(OLD.signer_left_name) || ', ' || quote(OLD.signer_right_title) || ', ' || quote(OLD.signer_right_name) || ', ' || quote(OLD.created_at) || ', ' || quote(OLD.updated_at) || ')' FROM history_state;
END;
CREATE TRIGGER conference_history_update AFTER UPDATE ON conference
WHEN (SELECT change_id FROM history_state) IS NOT NULL AND (OLD.id IS NOT NEW.id OR OLD.name IS NOT NEW.name OR OLD.start_date IS NOT NEW.start_date OR OLD.end_date IS NOT NEW.end_date OR OLD.venue IS NOT NEW.venue OR OLD.organiser IS NOT NEW.organiser OR OLD.superior_agency IS NOT NEW.superior_agency OR OLD.issuing_unit IS NOT NEW.issuing_unit OR OLD.place_name IS NOT NEW.place_name OR OLD.signer_left_title IS NOT NEW.signer_left_title OR OLD.signer_left_name IS NOT NEW.signer_left_name OR OLD.signer_right_title IS NOT NEW.signer_right_title OR OLD.signer_right_name IS NOT NEW.signer_right_name OR OLD.created_at IS NOT NEW.created_at OR OLD.updated_at IS NOT NEW.updated_at)
BEGIN
    INSERT INTO history_step (change_id, redo, tbl, op, what, sql)
    SELECT change_id, redo, 'conference', 'edit', coalesce(NEW.name, ''), 'UPDATE conference SET name = ' || quote(OLD.name) || ', start_date = ' || quote(OLD.start_date) || ', end_date = ' || quote(OLD.end_date) || ', venue = ' || quote(OLD.venue) || ', organiser = ' || quote(OLD.organiser) || ', superior_agency = ' || quote(OLD.superior_agency) || ', issuing_unit = ' || quote(OLD.issuing_unit) || ', place_name = ' || quote(OLD.place_name) || ', signer_left_title = ' || quote(OLD.signer_left_title) || ', signer_left_name = ' || quote(OLD.signer_left_name) || ', signer_right_title = ' || quote(OLD.signer_right_title) || ', signer_right_name = ' || quote(OLD.signer_right_name) || ', created_at = ' || quote(OLD.created_at) || ', updated_at = ' || quote(OLD.updated_at) || ' WHERE id = ' || quote(OLD.id) FROM history_state;
END;
CREATE TRIGGER attendee_history_insert AFTER INSERT ON attendee
WHEN (SELECT change_id FROM history_state WHERE bulk = 0) IS NOT NULL
BEGIN
    INSERT INTO history_step (change_id, redo, tbl, op, what, sql)
    SELECT change_id, redo, 'attendee', 'add', coalesce(NEW.full_name, ''), 'DELETE FROM attendee WHERE id = ' || quote(NEW.id) FROM history_state;
END;
CREATE TRIGGER attendee_history_delete AFTER DELETE ON attendee WHEN (SELECT change_id FROM history_state) IS NOT NULL
BEGIN
    INSERT INTO history_step (change_id, redo, tbl, op, what, sql)
    SELECT change_id, redo, 'attendee', 'delete', coalesce(OLD.full_name, ''), 'INSERT INTO attendee (id, full_name, gender, birth_year, rank, position, unit, district, group_name, phone, note, checked_in_at, search_key, name_key, unit_key, created_at, updated_at) VALUES (' || quote(OLD.id) || ', ' || quote(OLD.full_name) || ', ' || quote(OLD.gender) || ', ' || quote(OLD.birth_year) || ', ' || quote(OLD.rank) || ', ' || quote(OLD.position) || ', ' || quote(OLD.unit) || ', ' || quote(OLD.district) || ', ' || quote(OLD.group_name) || ', ' || quote(OLD.phone) || ', ' || quote(OLD.note) || ', ' || quote(OLD.checked_in_at) || ', ' || quote(OLD.search_key) || ', ' || quote(OLD.name_key) || ', ' || quote(OLD.unit_key) || ', ' || quote(OLD.created_at) || ', ' || quote(OLD.updated_at) || ')' FROM history_state;
END;
CREATE TRIGGER attendee_history_update AFTER UPDATE ON attendee
WHEN (SELECT change_id FROM history_state) IS NOT NULL AND (OLD.id IS NOT NEW.id OR OLD.full_name IS NOT NEW.full_name OR OLD.gender IS NOT NEW.gender OR OLD.birth_year IS NOT NEW.birth_year OR OLD.rank IS NOT NEW.rank OR OLD.position IS NOT NEW.position OR OLD.unit IS NOT NEW.unit OR OLD.district IS NOT NEW.district OR OLD.group_name IS NOT NEW.group_name OR OLD.phone IS NOT NEW.phone OR OLD.note IS NOT NEW.note OR OLD.checked_in_at IS NOT NEW.checked_in_at OR OLD.search_key IS NOT NEW.search_key OR OLD.name_key IS NOT NEW.name_key OR OLD.unit_key IS NOT NEW.unit_key OR OLD.created_at IS NOT NEW.created_at OR OLD.updated_at IS NOT NEW.updated_at)
BEGIN
    INSERT INTO history_step (change_id, redo, tbl, op, what, sql)
    SELECT change_id, redo, 'attendee', 'edit', coalesce(NEW.full_name, ''), 'UPDATE attendee SET full_name = ' || quote(OLD.full_name) || ', gender = ' || quote(OLD.gender) || ', birth_year = ' || quote(OLD.birth_year) || ', rank = ' || quote(OLD.rank) || ', position = ' || quote(OLD.position) || ', unit = ' || quote(OLD.unit) || ', district = ' || quote(OLD.district) || ', group_name = ' || quote(OLD.group_name) || ', phone = ' || quote(OLD.phone) || ', note = ' || quote(OLD.note) || ', checked_in_at = ' || quote(OLD.checked_in_at) || ', search_key = ' || quote(OLD.search_key) || ', name_key = ' || quote(OLD.name_key) || ', unit_key = ' || quote(OLD.unit_key) || ', created_at = ' || quote(OLD.created_at) || ', updated_at = ' || quote(OLD.updated_at) || ' WHERE id = ' || quote(OLD.id) FROM history_state;
END;
CREATE TRIGGER topic_history_insert AFTER INSERT ON topic
WHEN (SELECT change_id FROM history_state WHERE bulk = 0) IS NOT NULL
BEGIN
    INSERT INTO history_step (change_id, redo, tbl, op, what, sql)
    SELECT change_id, redo, 'topic', 'add', coalesce(NEW.name, ''), 'DELETE FROM topic WHERE id = ' || quote(NEW.id) FROM history_state;
END;
CREATE TRIGGER topic_history_delete AFTER DELETE ON topic WHEN (SELECT change_id FROM history_state) IS NOT NULL
BEGIN
    INSERT INTO history_step (change_id, redo, tbl, op, what, sql)
    SELECT change_id, redo, 'topic', 'delete', coalesce(OLD.name, ''), 'INSERT INTO topic (id, name, position, created_at, updated_at) VALUES (' || quote(OLD.id) || ', ' || quote(OLD.name) || ', ' || quote(OLD.position) || ', ' || quote(OLD.created_at) || ', ' || quote(OLD.updated_at) || ')' FROM history_state;
END;
CREATE TRIGGER topic_history_update AFTER UPDATE ON topic
WHEN (SELECT change_id FROM history_state) IS NOT NULL AND (OLD.id IS NOT NEW.id OR OLD.name IS NOT NEW.name OR OLD.position IS NOT NEW.position OR OLD.created_at IS NOT NEW.created_at OR OLD.updated_at IS NOT NEW.updated_at)
BEGIN
    INSERT INTO history_step (change_id, redo, tbl, op, what, sql)
    SELECT change_id, redo, 'topic', 'edit', coalesce(NEW.name, ''), 'UPDATE topic SET name = ' || quote(OLD.name) || ', position = ' || quote(OLD.position) || ', created_at = ' || quote(OLD.created_at) || ', updated_at = ' || quote(OLD.updated_at) || ' WHERE id = ' || quote(OLD.id) FROM history_state;
END;
CREATE TRIGGER question_history_insert AFTER INSERT ON question
WHEN (SELECT change_id FROM history_state WHERE bulk = 0) IS NOT NULL
BEGIN
    INSERT INTO history_step (change_id, redo, tbl, op, what, sql)
    SELECT change_id, redo, 'question', 'add', coalesce('số ' || NEW.number, ''), 'DELETE FROM question WHERE id = ' || quote(NEW.id) FROM history_state;
END;
CREATE TRIGGER question_history_delete AFTER DELETE ON question WHEN (SELECT change_id FROM history_state) IS NOT NULL
BEGIN
    INSERT INTO history_step (change_id, redo, tbl, op, what, sql)
    SELECT change_id, redo, 'question', 'delete', coalesce('số ' || OLD.number, ''), 'INSERT INTO question (id, number, asker_id, asker_name, asker_unit, anonymous, channel, topic_id, content, responder, status, answer, merged_into, search_key, created_at, updated_at) VALUES (' || quote(OLD.id) || ', ' || quote(OLD.number) || ', ' || quote(OLD.asker_id) || ', ' || quote(OLD.asker_name) || ', ' || quote(OLD.asker_unit) || ', ' || quote(OLD.anonymous) || ', ' || quote(OLD.channel) || ', ' || quote(OLD.topic_id) || ', ' || quote(OLD.content) || ', ' || quote(OLD.responder) || ', ' || quote(OLD.status) || ', ' || quote(OLD.answer) || ', ' || quote(OLD.merged_into) || ', ' || quote(OLD.search_key) || ', ' || quote(OLD.created_at) || ', ' || quote(OLD.updated_at) || ')' FROM history_state;
END;
CREATE TRIGGER question_history_update AFTER UPDATE ON question
WHEN (SELECT change_id FROM history_state) IS NOT NULL AND (OLD.id IS NOT NEW.id OR OLD.number IS NOT NEW.number OR OLD.asker_id IS NOT NEW.asker_id OR OLD.asker_name IS NOT NEW.asker_name OR OLD.asker_unit IS NOT NEW.asker_unit OR OLD.anonymous IS NOT NEW.anonymous OR OLD.channel IS NOT NEW.channel OR OLD.topic_id IS NOT NEW.topic_id OR OLD.content IS NOT NEW.content OR OLD.responder IS NOT NEW.responder OR OLD.status IS NOT NEW.status OR OLD.answer IS NOT NEW.answer OR OLD.merged_into IS NOT NEW.merged_into OR OLD.search_key IS NOT NEW.search_key OR OLD.created_at IS NOT NEW.created_at OR OLD.updated_at IS NOT NEW.updated_at)
BEGIN
    INSERT INTO history_step (change_id, redo, tbl, op, what, sql)
    SELECT change_id, redo, 'question', 'edit', coalesce('số ' || NEW.number, ''), 'UPDATE question SET number = ' || quote(OLD.number) || ', asker_id = ' || quote(OLD.asker_id) || ', asker_name = ' || quote(OLD.asker_name) || ', asker_unit = ' || quote(OLD.asker_unit) || ', anonymous = ' || quote(OLD.anonymous) || ', channel = ' || quote(OLD.channel) || ', topic_id = ' || quote(OLD.topic_id) || ', content = ' || quote(OLD.content) || ', responder = ' || quote(OLD.responder) || ', status = ' || quote(OLD.status) || ', answer = ' || quote(OLD.answer) || ', merged_into = ' || quote(OLD.merged_into) || ', search_key = ' || quote(OLD.search_key) || ', created_at = ' || quote(OLD.created_at) || ', updated_at = ' || quote(OLD.updated_at) || ' WHERE id = ' || quote(OLD.id) FROM history_state;
END;
CREATE TRIGGER gift_history_insert AFTER INSERT ON gift
WHEN (SELECT change_id FROM history_state WHERE bulk = 0) IS NOT NULL
BEGIN
    INSERT INTO history_step (change_id, redo, tbl, op, what, sql)
    SELECT change_id, redo, 'gift', 'add', coalesce(NEW.recipient_name || ' — ' || NEW.item, ''), 'DELETE FROM gift WHERE id = ' || quote(NEW.id) FROM history_state;
END;
CREATE TRIGGER gift_history_delete AFTER DELETE ON gift WHEN (SELECT change_id FROM history_state) IS NOT NULL
BEGIN
    INSERT INTO history_step (change_id, redo, tbl, op, what, sql)
    SELECT change_id, redo, 'gift', 'delete', coalesce(OLD.recipient_name || ' — ' || OLD.item, ''), 'INSERT INTO gift (id, recipient_id, recipient_name, unit, circumstances, item, value_vnd, handed_over_at, handed_over_by, override_reason, search_key, created_at, updated_at) VALUES (' || quote(OLD.id) || ', ' || quote(OLD.recipient_id) || ', ' || quote(OLD.recipient_name) || ', ' || quote(OLD.unit) || ', ' || quote(OLD.circumstances) || ', ' || quote(OLD.item) || ', ' || quote(OLD.value_vnd) || ', ' || quote(OLD.handed_over_at) || ', ' || quote(OLD.handed_over_by) || ', ' || quote(OLD.override_reason) || ', ' || quote(OLD.search_key) || ', ' || quote(OLD.created_at) || ', ' || quote(OLD.updated_at) || ')' FROM history_state;
END;
CREATE TRIGGER gift_history_update AFTER UPDATE ON gift
WHEN (SELECT change_id FROM history_state) IS NOT NULL AND (OLD.id IS NOT NEW.id OR OLD.recipient_id IS NOT NEW.recipient_id OR OLD.recipient_name IS NOT NEW.recipient_name OR OLD.unit IS NOT NEW.unit OR OLD.circumstances IS NOT NEW.circumstances OR OLD.item IS NOT NEW.item OR OLD.value_vnd IS NOT NEW.value_vnd OR OLD.handed_over_at IS NOT NEW.handed_over_at OR OLD.handed_over_by IS NOT NEW.handed_over_by OR OLD.override_reason IS NOT NEW.override_reason OR OLD.search_key IS NOT NEW.search_key OR OLD.created_at IS NOT NEW.created_at OR OLD.updated_at IS NOT NEW.updated_at)
BEGIN
    INSERT INTO history_step (change_id, redo, tbl, op, what, sql)
    SELECT change_id, redo, 'gift', 'edit', coalesce(NEW.recipient_name || ' — ' || NEW.item, ''), 'UPDATE gift SET recipient_id = ' || quote(OLD.recipient_id) || ', recipient_name = ' || quote(OLD.recipient_name) || ', unit = ' || quote(OLD.unit) || ', circumstances = ' || quote(OLD.circumstances) || ', item = ' || quote(OLD.item) || ', value_vnd = ' || quote(OLD.value_vnd) || ', handed_over_at = ' || quote(OLD.handed_over_at) || ', handed_over_by = ' || quote(OLD.handed_over_by) || ', override_reason = ' || quote(OLD.override_reason) || ', search_key = ' || quote(OLD.search_key) || ', created_at = ' || quote(OLD.created_at) || ', updated_at = ' || quote(OLD.updated_at) || ' WHERE id = ' || quote(OLD.id) FROM history_state;
END;
CREATE TRIGGER commendation_kind_history_insert AFTER INSERT ON commendation_kind
WHEN (SELECT change_id FROM history_state WHERE bulk = 0) IS NOT NULL
BEGIN
    INSERT INTO history_step (change_id, redo, tbl, op, what, sql)
    SELECT change_id, redo, 'commendation_kind', 'add', coalesce(NEW.name, ''), 'DELETE FROM commendation_kind WHERE id = ' || quote(NEW.id) FROM history_state;
END;
CREATE TRIGGER commendation_kind_history_delete AFTER DELETE ON commendation_kind WHEN (SELECT change_id FROM history_state) IS NOT NULL
BEGIN
    INSERT INTO history_step (change_id, redo, tbl, op, what, sql)
    SELECT change_id, redo, 'commendation_kind', 'delete', coalesce(OLD.name, ''), 'INSERT INTO commendation_kind (id, name, position, created_at, updated_at) VALUES (' || quote(OLD.id) || ', ' || quote(OLD.name) || ', ' || quote(OLD.position) || ', ' || quote(OLD.created_at) || ', ' || quote(OLD.updated_at) || ')' FROM history_state;
END;
CREATE TRIGGER commendation_kind_history_update AFTER UPDATE ON commendation_kind
WHEN (SELECT change_id FROM history_state) IS NOT NULL AND (OLD.id IS NOT NEW.id OR OLD.name IS NOT NEW.name OR OLD.position IS NOT NEW.position OR OLD.created_at IS NOT NEW.created_at OR OLD.updated_at IS NOT NEW.updated_at)
BEGIN
    INSERT INTO history_step (change_id, redo, tbl, op, what, sql)
    SELECT change_id, redo, 'commendation_kind', 'edit', coalesce(NEW.name, ''), 'UPDATE commendation_kind SET name = ' || quote(OLD.name) || ', position = ' || quote(OLD.position) || ', created_at = ' || quote(OLD.created_at) || ', updated_at = ' || quote(OLD.updated_at) || ' WHERE id = ' || quote(OLD.id) FROM history_state;
END;
CREATE TRIGGER commendation_history_insert AFTER INSERT ON commendation
WHEN (SELECT change_id FROM history_state WHERE bulk = 0) IS NOT NULL
BEGIN
    INSERT INTO history_step (change_id, redo, tbl, op, what, sql)
    SELECT change_id, redo, 'commendation', 'add', coalesce(NEW.kind || ' — ' || NEW.recipient_name, ''), 'DELETE FROM commendation WHERE id = ' || quote(NEW.id) FROM history_state;
END;
CREATE TRIGGER commendation_history_delete AFTER DELETE ON commendation WHEN (SELECT change_id FROM history_state) IS NOT NULL
BEGIN
    INSERT INTO history_step (change_id, redo, tbl, op, what, sql)
    SELECT change_id, redo, 'commendation', 'delete', coalesce(OLD.kind || ' — ' || OLD.recipient_name, ''), 'INSERT INTO commendation (id, kind, collective, recipient_id, recipient_name, rank, position, unit, achievement, decision_number, decision_date, issuer, stage_order, search_key, created_at, updated_at) VALUES (' || quote(OLD.id) || ', ' || quote(OLD.kind) || ', ' || quote(OLD.collective) || ', ' || quote(OLD.recipient_id) || ', ' || quote(OLD.recipient_name) || ', ' || quote(OLD.rank) || ', ' || quote(OLD.position) || ', ' || quote(OLD.unit) || ', ' || quote(OLD.achievement) || ', ' || quote(OLD.decision_number) || ', ' || quote(OLD.decision_date) || ', ' || quote(OLD.issuer) || ', ' || quote(OLD.stage_order) || ', ' || quote(OLD.search_key) || ', ' || quote(OLD.created_at) || ', ' || quote(OLD.updated_at) || ')' FROM history_state;
END;
CREATE TRIGGER commendation_history_update AFTER UPDATE ON commendation
WHEN (SELECT change_id FROM history_state) IS NOT NULL AND (OLD.id IS NOT NEW.id OR OLD.kind IS NOT NEW.kind OR OLD.collective IS NOT NEW.collective OR OLD.recipient_id IS NOT NEW.recipient_id OR OLD.recipient_name IS NOT NEW.recipient_name OR OLD.rank IS NOT NEW.rank OR OLD.position IS NOT NEW.position OR OLD.unit IS NOT NEW.unit OR OLD.achievement IS NOT NEW.achievement OR OLD.decision_number IS NOT NEW.decision_number OR OLD.decision_date IS NOT NEW.decision_date OR OLD.issuer IS NOT NEW.issuer OR OLD.stage_order IS NOT NEW.stage_order OR OLD.search_key IS NOT NEW.search_key OR OLD.created_at IS NOT NEW.created_at OR OLD.updated_at IS NOT NEW.updated_at)
BEGIN
    INSERT INTO history_step (change_id, redo, tbl, op, what, sql)
    SELECT change_id, redo, 'commendation', 'edit', coalesce(NEW.kind || ' — ' || NEW.recipient_name, ''), 'UPDATE commendation SET kind = ' || quote(OLD.kind) || ', collective = ' || quote(OLD.collective) || ', recipient_id = ' || quote(OLD.recipient_id) || ', recipient_name = ' || quote(OLD.recipient_name) || ', rank = ' || quote(OLD.rank) || ', position = ' || quote(OLD.position) || ', unit = ' || quote(OLD.unit) || ', achievement = ' || quote(OLD.achievement) || ', decision_number = ' || quote(OLD.decision_number) || ', decision_date = ' || quote(OLD.decision_date) || ', issuer = ' || quote(OLD.issuer) || ', stage_order = ' || quote(OLD.stage_order) || ', search_key = ' || quote(OLD.search_key) || ', created_at = ' || quote(OLD.created_at) || ', updated_at = ' || quote(OLD.updated_at) || ' WHERE id = ' || quote(OLD.id) FROM history_state;
END;
