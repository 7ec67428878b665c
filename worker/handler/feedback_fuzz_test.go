package handler_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"handoff/worker/handler"
)

// FuzzFeedbackBodies sends arbitrary bodies to POST /v1/events and POST
// /v1/feedback: never a panic, always a JSON answer (an error with a code
// and a message), and nothing stored breaks the rules: edit shares in
// 0..1, valid UTF-8 reasons of at most MaxReasonChars, at most one answer
// per note.
func FuzzFeedbackBodies(f *testing.F) {
	f.Add(`{"events":[{"id":"ev_00000001","kind":"insert","note_id":"hn_5ec82d633606","ticket":{"source":"zendesk","id":"48213"},"edit_share":{"problem":0.5},"findings":["length"]}]}`, `{"note_id":"hn_5ec82d633606","saved":true,"reason":"had to ask"}`)
	f.Add(`{"events":[{"id":"ev_00000001","kind":"draft","note_id":"hn_5ec82d633606","edit_share":{"problem":-0}}]}`, `{"note_id":"hn_5ec82d633606","saved":false,"reason":"\xff"}`)
	f.Add(`{"events":null}`, `null`)
	f.Add(`[]`, `{"saved":true}`)
	srv, store, _ := feedbackServer(f)
	f.Fuzz(func(t *testing.T, events, answer string) {
		for path, body := range map[string]string{"/v1/events": events, "/v1/feedback": answer} {
			status, _, got := call(t, "POST", srv.URL+path, teamToken, "", []byte(body))
			if status >= 400 {
				errorCode(t, got)
			} else if !json.Valid([]byte(got)) {
				t.Fatalf("%s answered %d %q", path, status, got)
			}
		}
		es, as, _ := store.Since(t.Context(), time.Time{})
		for _, e := range es {
			for _, v := range e.EditShare {
				if v < 0 || v > 1 {
					t.Fatalf("stored edit share %v", v)
				}
			}
			if strings.Contains(e.TicketHash, "48213") {
				t.Fatal("a raw ticket id was stored")
			}
		}
		seen := map[string]bool{}
		for _, a := range as {
			if seen[a.NoteID] || !utf8.ValidString(a.Reason) || utf8.RuneCountInString(a.Reason) > handler.MaxReasonChars {
				t.Fatalf("stored answer %+v", a)
			}
			seen[a.NoteID] = true
		}
	})
}
