-- 10: the follow-up of opinions after the conference, and the papers that report it.
-- On each question: how it was handled (in the hall, in writing, sent to a unit, noted),
-- the unit responsible, the deadline, the written answer (document number, date, text),
-- who answered, and where it stands (open, in progress, done). Overdue is computed from
-- the deadline and today's date, never stored. Questions already in a file take their
-- handling from the hall status they had.
-- paper_details: what the minutes, the conclusion notice and the report need that the
-- conference details do not hold (chair, secretary, the chair's conclusions, recipients).
ALTER TABLE question ADD COLUMN handling TEXT NOT NULL DEFAULT '';
ALTER TABLE question ADD COLUMN responsible_unit TEXT NOT NULL DEFAULT '';
ALTER TABLE question ADD COLUMN deadline TEXT;
ALTER TABLE question ADD COLUMN answer_doc_no TEXT NOT NULL DEFAULT '';
ALTER TABLE question ADD COLUMN answer_doc_date TEXT;
ALTER TABLE question ADD COLUMN written_answer TEXT NOT NULL DEFAULT '';
ALTER TABLE question ADD COLUMN answered_by TEXT NOT NULL DEFAULT '';
ALTER TABLE question ADD COLUMN follow_status TEXT NOT NULL DEFAULT 'open';
UPDATE question SET
    handling = CASE status
        WHEN 'answered_at_conference' THEN 'answered_in_hall'
        WHEN 'to_answer_in_writing' THEN 'in_writing'
        WHEN 'forwarded' THEN 'to_unit'
        ELSE '' END,
    responsible_unit = CASE WHEN status IN ('to_answer_in_writing', 'forwarded') THEN responder ELSE '' END,
    follow_status = CASE status WHEN 'answered_at_conference' THEN 'done' ELSE 'open' END;
CREATE TABLE paper_details (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    chair_name TEXT NOT NULL DEFAULT '',
    chair_title TEXT NOT NULL DEFAULT '',
    secretary_name TEXT NOT NULL DEFAULT '',
    secretary_title TEXT NOT NULL DEFAULT '',
    began_at TEXT NOT NULL DEFAULT '',
    ended_at TEXT NOT NULL DEFAULT '',
    conclusions TEXT NOT NULL DEFAULT '',
    recipients TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT ''
);
INSERT INTO paper_details (id) VALUES (1);
DROP TRIGGER question_history_insert;
DROP TRIGGER question_history_delete;
DROP TRIGGER question_history_update;
CREATE TRIGGER question_history_insert AFTER INSERT ON question
WHEN (SELECT change_id FROM history_state WHERE bulk = 0) IS NOT NULL
BEGIN
    INSERT INTO history_step (change_id, redo, tbl, op, what, sql)
    SELECT change_id, redo, 'question', 'add', coalesce('số ' || NEW.number, ''), 'DELETE FROM question WHERE id = ' || quote(NEW.id) FROM history_state;
END;
CREATE TRIGGER question_history_delete AFTER DELETE ON question WHEN (SELECT change_id FROM history_state) IS NOT NULL
BEGIN
    INSERT INTO history_step (change_id, redo, tbl, op, what, sql)
    SELECT change_id, redo, 'question', 'delete', coalesce('số ' || OLD.number, ''), 'INSERT INTO question (id, number, asker_id, asker_name, asker_unit, anonymous, channel, topic_id, content, responder, status, answer, merged_into, search_key, created_at, updated_at, handling, responsible_unit, deadline, answer_doc_no, answer_doc_date, written_answer, answered_by, follow_status) VALUES (' || quote(OLD.id) || ', ' || quote(OLD.number) || ', ' || quote(OLD.asker_id) || ', ' || quote(OLD.asker_name) || ', ' || quote(OLD.asker_unit) || ', ' || quote(OLD.anonymous) || ', ' || quote(OLD.channel) || ', ' || quote(OLD.topic_id) || ', ' || quote(OLD.content) || ', ' || quote(OLD.responder) || ', ' || quote(OLD.status) || ', ' || quote(OLD.answer) || ', ' || quote(OLD.merged_into) || ', ' || quote(OLD.search_key) || ', ' || quote(OLD.created_at) || ', ' || quote(OLD.updated_at) || ', ' || quote(OLD.handling) || ', ' || quote(OLD.responsible_unit) || ', ' || quote(OLD.deadline) || ', ' || quote(OLD.answer_doc_no) || ', ' || quote(OLD.answer_doc_date) || ', ' || quote(OLD.written_answer) || ', ' || quote(OLD.answered_by) || ', ' || quote(OLD.follow_status) || ')' FROM history_state;
END;
CREATE TRIGGER question_history_update AFTER UPDATE ON question
WHEN (SELECT change_id FROM history_state) IS NOT NULL AND (OLD.id IS NOT NEW.id OR OLD.number IS NOT NEW.number OR OLD.asker_id IS NOT NEW.asker_id OR OLD.asker_name IS NOT NEW.asker_name OR OLD.asker_unit IS NOT NEW.asker_unit OR OLD.anonymous IS NOT NEW.anonymous OR OLD.channel IS NOT NEW.channel OR OLD.topic_id IS NOT NEW.topic_id OR OLD.content IS NOT NEW.content OR OLD.responder IS NOT NEW.responder OR OLD.status IS NOT NEW.status OR OLD.answer IS NOT NEW.answer OR OLD.merged_into IS NOT NEW.merged_into OR OLD.search_key IS NOT NEW.search_key OR OLD.created_at IS NOT NEW.created_at OR OLD.updated_at IS NOT NEW.updated_at OR OLD.handling IS NOT NEW.handling OR OLD.responsible_unit IS NOT NEW.responsible_unit OR OLD.deadline IS NOT NEW.deadline OR OLD.answer_doc_no IS NOT NEW.answer_doc_no OR OLD.answer_doc_date IS NOT NEW.answer_doc_date OR OLD.written_answer IS NOT NEW.written_answer OR OLD.answered_by IS NOT NEW.answered_by OR OLD.follow_status IS NOT NEW.follow_status)
BEGIN
    INSERT INTO history_step (change_id, redo, tbl, op, what, sql)
    SELECT change_id, redo, 'question', 'edit', coalesce('số ' || NEW.number, ''), 'UPDATE question SET number = ' || quote(OLD.number) || ', asker_id = ' || quote(OLD.asker_id) || ', asker_name = ' || quote(OLD.asker_name) || ', asker_unit = ' || quote(OLD.asker_unit) || ', anonymous = ' || quote(OLD.anonymous) || ', channel = ' || quote(OLD.channel) || ', topic_id = ' || quote(OLD.topic_id) || ', content = ' || quote(OLD.content) || ', responder = ' || quote(OLD.responder) || ', status = ' || quote(OLD.status) || ', answer = ' || quote(OLD.answer) || ', merged_into = ' || quote(OLD.merged_into) || ', search_key = ' || quote(OLD.search_key) || ', created_at = ' || quote(OLD.created_at) || ', updated_at = ' || quote(OLD.updated_at) || ', handling = ' || quote(OLD.handling) || ', responsible_unit = ' || quote(OLD.responsible_unit) || ', deadline = ' || quote(OLD.deadline) || ', answer_doc_no = ' || quote(OLD.answer_doc_no) || ', answer_doc_date = ' || quote(OLD.answer_doc_date) || ', written_answer = ' || quote(OLD.written_answer) || ', answered_by = ' || quote(OLD.answered_by) || ', follow_status = ' || quote(OLD.follow_status) || ' WHERE id = ' || quote(OLD.id) FROM history_state;
END;
CREATE TRIGGER paper_details_history_insert AFTER INSERT ON paper_details
WHEN (SELECT change_id FROM history_state) IS NOT NULL
BEGIN
    INSERT INTO history_step (change_id, redo, tbl, op, what, sql)
    SELECT change_id, redo, 'paper_details', 'add', 'biên bản, thông báo', 'DELETE FROM paper_details WHERE id = ' || quote(NEW.id) FROM history_state;
END;
CREATE TRIGGER paper_details_history_delete AFTER DELETE ON paper_details WHEN (SELECT change_id FROM history_state) IS NOT NULL
BEGIN
    INSERT INTO history_step (change_id, redo, tbl, op, what, sql)
    SELECT change_id, redo, 'paper_details', 'delete', 'biên bản, thông báo', 'INSERT INTO paper_details (id, chair_name, chair_title, secretary_name, secretary_title, began_at, ended_at, conclusions, recipients, created_at, updated_at) VALUES (' || quote(OLD.id) || ', ' || quote(OLD.chair_name) || ', ' || quote(OLD.chair_title) || ', ' || quote(OLD.secretary_name) || ', ' || quote(OLD.secretary_title) || ', ' || quote(OLD.began_at) || ', ' || quote(OLD.ended_at) || ', ' || quote(OLD.conclusions) || ', ' || quote(OLD.recipients) || ', ' || quote(OLD.created_at) || ', ' || quote(OLD.updated_at) || ')' FROM history_state;
END;
CREATE TRIGGER paper_details_history_update AFTER UPDATE ON paper_details
WHEN (SELECT change_id FROM history_state) IS NOT NULL AND (OLD.id IS NOT NEW.id OR OLD.chair_name IS NOT NEW.chair_name OR OLD.chair_title IS NOT NEW.chair_title OR OLD.secretary_name IS NOT NEW.secretary_name OR OLD.secretary_title IS NOT NEW.secretary_title OR OLD.began_at IS NOT NEW.began_at OR OLD.ended_at IS NOT NEW.ended_at OR OLD.conclusions IS NOT NEW.conclusions OR OLD.recipients IS NOT NEW.recipients OR OLD.created_at IS NOT NEW.created_at OR OLD.updated_at IS NOT NEW.updated_at)
BEGIN
    INSERT INTO history_step (change_id, redo, tbl, op, what, sql)
    SELECT change_id, redo, 'paper_details', 'edit', 'biên bản, thông báo', 'UPDATE paper_details SET chair_name = ' || quote(OLD.chair_name) || ', chair_title = ' || quote(OLD.chair_title) || ', secretary_name = ' || quote(OLD.secretary_name) || ', secretary_title = ' || quote(OLD.secretary_title) || ', began_at = ' || quote(OLD.began_at) || ', ended_at = ' || quote(OLD.ended_at) || ', conclusions = ' || quote(OLD.conclusions) || ', recipients = ' || quote(OLD.recipients) || ', created_at = ' || quote(OLD.created_at) || ', updated_at = ' || quote(OLD.updated_at) || ' WHERE id = ' || quote(OLD.id) FROM history_state;
END;
