package handler

import (
	"context"
	"encoding/json"
	"time"

	"handoff/core/feedback"
)

// Statement is one SQL statement with its positional (?) arguments:
// strings, int64s, float64s and bools only.
type Statement struct {
	SQL  string `json:"sql"`
	Args []any  `json:"args"`
}

// Result is what a statement gave: its rows, as JSON objects, and how
// many rows it changed.
type Result struct {
	Rows    []map[string]any `json:"rows"`
	Changes int              `json:"changes"`
}

// SQL runs statements in one batch (a transaction in D1). In a Worker the
// JS module runs them on the D1 binding HANDOFF_DB, as a step (see
// worker/d1.go); the schema is worker/migrations.
type SQL interface {
	Batch(ctx context.Context, stmts []Statement) ([]Result, error)
}

// SQLFeedback is a FeedbackStore over the schema in worker/migrations:
// notes(note_id PRIMARY KEY), events(id PRIMARY KEY), answers(note_id
// PRIMARY KEY). Times are Unix milliseconds; "INSERT OR IGNORE" and the
// keys keep anything from being stored twice.
type SQLFeedback struct {
	DB SQL
}

func ms(t time.Time) int64 { return t.UnixMilli() }

// Announce inserts the note unless it is there.
func (s SQLFeedback) Announce(ctx context.Context, noteID string, at time.Time) error {
	_, err := s.DB.Batch(ctx, []Statement{announce(noteID, at)})
	return err
}

func announce(noteID string, at time.Time) Statement {
	return Statement{"INSERT OR IGNORE INTO notes (note_id, first_seen) VALUES (?, ?)", []any{noteID, ms(at)}}
}

// Known looks the note up.
func (s SQLFeedback) Known(ctx context.Context, noteID string) (bool, error) {
	rs, err := s.DB.Batch(ctx, []Statement{{"SELECT 1 AS known FROM notes WHERE note_id = ?", []any{noteID}}})
	if err != nil {
		return false, err
	}
	return len(rs) == 1 && len(rs[0].Rows) > 0, nil
}

// AddEvents inserts every event (ignoring known ids) and announces its note, in one batch.
func (s SQLFeedback) AddEvents(ctx context.Context, events []feedback.Event) (int, error) {
	var stmts []Statement
	for _, e := range events {
		edits, _ := json.Marshal(e.EditShare)
		findings, _ := json.Marshal(e.Findings)
		stmts = append(stmts, Statement{
			"INSERT OR IGNORE INTO events (id, kind, note_id, ticket_hash, at, ready, engine, edit_share, findings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
			[]any{e.ID, e.Kind, e.NoteID, e.TicketHash, ms(e.At), b2i(e.Ready), e.Engine, string(edits), string(findings)},
		}, announce(e.NoteID, e.At))
	}
	if len(stmts) == 0 {
		return 0, nil
	}
	rs, err := s.DB.Batch(ctx, stmts)
	if err != nil {
		return 0, err
	}
	added := 0
	for i := 0; i < len(rs); i += 2 {
		added += rs[i].Changes
	}
	return added, nil
}

// AddAnswer inserts the answer unless the note has one.
func (s SQLFeedback) AddAnswer(ctx context.Context, a feedback.Answer) (bool, error) {
	rs, err := s.DB.Batch(ctx, []Statement{{
		"INSERT OR IGNORE INTO answers (note_id, saved, reason, via, at) VALUES (?, ?, ?, ?, ?)",
		[]any{a.NoteID, b2i(a.Saved), a.Reason, a.Via, ms(a.At)},
	}})
	if err != nil {
		return false, err
	}
	return len(rs) == 1 && rs[0].Changes == 1, nil
}

// Since reads events and answers at or after t.
func (s SQLFeedback) Since(ctx context.Context, t time.Time) ([]feedback.Event, []feedback.Answer, error) {
	rs, err := s.DB.Batch(ctx, []Statement{
		{"SELECT id, kind, note_id, ticket_hash, at, ready, engine, edit_share, findings FROM events WHERE at >= ? ORDER BY at, id", []any{ms(t)}},
		{"SELECT note_id, saved, reason, via, at FROM answers WHERE at >= ? ORDER BY at, note_id", []any{ms(t)}},
	})
	if err != nil {
		return nil, nil, err
	}
	if len(rs) != 2 {
		return nil, nil, errShortBatch
	}
	var es []feedback.Event
	for _, r := range rs[0].Rows {
		e := feedback.Event{ID: str(r["id"]), Kind: str(r["kind"]), NoteID: str(r["note_id"]), TicketHash: str(r["ticket_hash"]),
			At: fromMS(r["at"]), Ready: truthy(r["ready"]), Engine: str(r["engine"])}
		json.Unmarshal([]byte(str(r["edit_share"])), &e.EditShare)
		json.Unmarshal([]byte(str(r["findings"])), &e.Findings)
		es = append(es, e)
	}
	var as []feedback.Answer
	for _, r := range rs[1].Rows {
		as = append(as, feedback.Answer{NoteID: str(r["note_id"]), Saved: truthy(r["saved"]), Reason: str(r["reason"]),
			Via: str(r["via"]), At: fromMS(r["at"])})
	}
	return es, as, nil
}

type sqlError string

func (e sqlError) Error() string { return string(e) }

const errShortBatch = sqlError("the database answered fewer results than statements")

func str(v any) string {
	s, _ := v.(string)
	return s
}

// b2i stores a bool as SQLite does: 1 or 0.
func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

func truthy(v any) bool {
	switch x := v.(type) {
	case bool:
		return x
	case float64:
		return x != 0
	}
	return false
}

func fromMS(v any) time.Time {
	f, _ := v.(float64)
	return time.UnixMilli(int64(f)).UTC()
}
