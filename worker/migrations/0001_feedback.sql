-- Handoff feedback store (worker/README.md, "Feedback"). No ticket text:
-- notes by id, tickets by a salted hash, times in Unix milliseconds.
-- Primary keys keep anything from being stored twice: the worker writes
-- with INSERT OR IGNORE.

-- Notes the worker knows: announced by a drafting event or a link request.
CREATE TABLE notes (
  note_id    TEXT PRIMARY KEY,
  first_seen INTEGER NOT NULL
);

-- Drafting events: a draft created, or a note inserted (edit share per
-- section, findings at that moment). id is the client's, so a resend is stored once.
CREATE TABLE events (
  id          TEXT PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('draft', 'insert')),
  note_id     TEXT NOT NULL,
  ticket_hash TEXT NOT NULL DEFAULT '',
  at          INTEGER NOT NULL,
  ready       INTEGER NOT NULL,
  engine      TEXT NOT NULL DEFAULT '',
  edit_share  TEXT NOT NULL DEFAULT '{}', -- JSON: section key -> 0..1
  findings    TEXT NOT NULL DEFAULT '[]'  -- JSON: rule ids
);
CREATE INDEX events_at ON events (at);

-- Receivers' answers: one per note, the first counts.
CREATE TABLE answers (
  note_id TEXT PRIMARY KEY,
  saved   INTEGER NOT NULL,
  reason  TEXT NOT NULL DEFAULT '',
  via     TEXT NOT NULL CHECK (via IN ('link', 'extension')),
  at      INTEGER NOT NULL
);
CREATE INDEX answers_at ON answers (at);
