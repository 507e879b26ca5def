-- 9: the desk PIN of a locked conference file. Desks paired with a locked host keep
-- their copy of the list (and their USB file of waiting check-ins) locked with it; the
-- host hands it to a desk over the paired, encrypted channel and shows it to the
-- organiser, who gives it to the desk operators for a desk that starts again. Kept here,
-- inside the locked file, and nowhere else. Not in the history: undo never changes it.
-- A desk given the PIN proves it knows it at every connection (its token alone, read off
-- a lost laptop, opens nothing); a desk paired before the file was locked is given it
-- once, at its next connection.
ALTER TABLE sync_desk ADD COLUMN pin_given INTEGER NOT NULL DEFAULT 0;
CREATE TABLE desk_pin (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    pin TEXT NOT NULL CHECK (length(pin) = 8),
    made_at TEXT NOT NULL
);
