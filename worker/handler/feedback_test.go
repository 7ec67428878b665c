package handler_test

import (
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"handoff/core/feedback"
	"handoff/worker/handler"
)

const (
	feedbackSecret = "feedback-secret-fake-1"
	teamSalt       = "team-salt-fake-1"
)

// feedbackServer is a worker with feedback links, a team salt and an
// in-memory store, on a fixed clock (Wednesday 4 March 2026).
func feedbackServer(t testing.TB) (*httptest.Server, *handler.MemoryFeedback, *logs) {
	t.Helper()
	cfg := config(t, "http://127.0.0.1:9")
	cfg.FeedbackSecret, cfg.TeamSalt, cfg.RateLimit = feedbackSecret, teamSalt, -1
	store := handler.NewMemoryFeedback()
	now := time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC)
	srv, l := newServer(t, cfg, handler.Options{Feedback: store, Now: func() time.Time { return now }})
	return srv, store, l
}

func links(t *testing.T, url, noteID string) handler.LinksAnswer {
	t.Helper()
	status, _, body := call(t, "POST", url+"/v1/links", teamToken, "", []byte(`{"note_id":"`+noteID+`"}`))
	var a handler.LinksAnswer
	if status != 200 || json.Unmarshal([]byte(body), &a) != nil || a.Yes == "" || a.No == "" {
		t.Fatalf("links: %d %s", status, body)
	}
	return a
}

// open follows a feedback link and returns the status and page.
func open(t *testing.T, link string) (int, string, string) {
	t.Helper()
	status, h, body := call(t, "GET", link, "", "", nil)
	return status, h.Get("Content-Type") + " | " + h.Get("Content-Security-Policy"), body
}

func TestFeedbackLinkRecordsOnce(t *testing.T) {
	srv, store, _ := feedbackServer(t)
	l := links(t, srv.URL, "hn_5ec82d633606")
	if !strings.HasPrefix(l.Yes, srv.URL+"/f/hn_5ec82d633606?") || !strings.Contains(l.No, "saved=no") {
		t.Fatalf("links = %+v", l)
	}
	status, head, page := open(t, l.Yes)
	if status != 200 || !strings.Contains(page, "your answer was recorded") || strings.Contains(page, "<script") ||
		!strings.Contains(head, "text/html") || !strings.Contains(head, "default-src 'none'") {
		t.Fatalf("first click: %d %s %s", status, head, page)
	}
	for name, link := range map[string]string{"replayed": l.Yes, "flipped to the other link": l.No} {
		if status, _, page := open(t, link); status != 409 || !strings.Contains(page, "already recorded") {
			t.Errorf("%s: %d %s", name, status, page)
		}
	}
	forged := strings.Replace(l.Yes, "saved=yes", "saved=no", 1)
	if status, _, page := open(t, forged); status != 400 || !strings.Contains(page, "not valid") {
		t.Errorf("answer flipped in the URL: %d %s", status, page)
	}
	other := strings.Replace(l.Yes, "hn_5ec82d633606", "hn_000000000000", 1)
	if status, _, _ := open(t, other); status != 400 {
		t.Errorf("replayed into another note: %d", status)
	}
	_, as, _ := store.Since(t.Context(), time.Time{})
	if len(as) != 1 || !as[0].Saved || as[0].Via != "link" {
		t.Errorf("stored answers = %+v", as)
	}
}

func TestFeedbackLinkForAnUnknownNote(t *testing.T) {
	srv, store, _ := feedbackServer(t)
	link := feedback.Signer{Secret: feedbackSecret}.Link(srv.URL, "hn_abcdefabcdef", true) // signed, never announced
	if status, _, page := open(t, link); status != 404 || !strings.Contains(page, "not known") {
		t.Errorf("unknown note: %d %s", status, page)
	}
	if _, as, _ := store.Since(t.Context(), time.Time{}); len(as) != 0 {
		t.Errorf("stored %+v", as)
	}
}

func TestFeedbackFromTheExtension(t *testing.T) {
	srv, store, _ := feedbackServer(t)
	post := func(body string) (int, string) {
		status, _, b := call(t, "POST", srv.URL+"/v1/feedback", teamToken, "", []byte(body))
		return status, b
	}
	if status, body := post(`{"note_id":"hn_5ec82d633606","saved":true}`); status != 404 || errorCode(t, body) != "E_NOT_FOUND" {
		t.Errorf("unknown note: %d %s", status, body)
	}
	events := `{"events":[{"id":"ev_00000001","kind":"draft","note_id":"hn_5ec82d633606","ready":true}]}`
	if status, _, body := call(t, "POST", srv.URL+"/v1/events", teamToken, "", []byte(events)); status != 200 {
		t.Fatalf("events: %d %s", status, body)
	}
	long := strings.Repeat("é", handler.MaxReasonChars+1)
	cases := []struct {
		name, body string
		status     int
		code       string
	}{
		{"oversized reason", `{"note_id":"hn_5ec82d633606","saved":false,"reason":"` + long + `"}`, 413, "E_TOO_LARGE"},
		{"no answer", `{"note_id":"hn_5ec82d633606"}`, 400, "E_FORMAT"},
		{"bad note id", `{"note_id":"48213","saved":true}`, 400, "E_FORMAT"},
		{"unknown field", `{"note_id":"hn_5ec82d633606","saved":true,"ticket":"text"}`, 400, "E_USAGE"},
		{"body over 8 KB", `{"note_id":"hn_5ec82d633606","saved":true,"reason":"` + strings.Repeat("x", 9000) + `"}`, 413, "E_TOO_LARGE"},
	}
	for _, c := range cases {
		if status, body := post(c.body); status != c.status || errorCode(t, body) != c.code {
			t.Errorf("%s: %d %s, want %d %s", c.name, status, body, c.status, c.code)
		}
	}
	reason := strings.Repeat("é", handler.MaxReasonChars)
	if status, body := post(`{"note_id":"hn_5ec82d633606","saved":false,"reason":"` + reason + `"}`); status != 201 {
		t.Fatalf("answer: %d %s", status, body)
	}
	if status, body := post(`{"note_id":"hn_5ec82d633606","saved":true}`); status != 409 || errorCode(t, body) != "E_DUPLICATE" {
		t.Errorf("second answer: %d %s", status, body)
	}
	_, as, _ := store.Since(t.Context(), time.Time{})
	if len(as) != 1 || as[0].Saved || as[0].Reason != reason || as[0].Via != "extension" {
		t.Errorf("stored answers = %+v", as)
	}
}

func TestEventsHashTicketsAndStoreOnce(t *testing.T) {
	srv, store, _ := feedbackServer(t)
	body := `{"events":[
	 {"id":"ev_00000001","kind":"draft","note_id":"hn_5ec82d633606","ticket":{"source":"zendesk","id":"48213"},"ready":false,"engine":"on-device","findings":["blocker.missing"]},
	 {"id":"ev_00000002","kind":"insert","note_id":"hn_5ec82d633606","ticket":{"source":"zendesk","id":"48213"},"ready":true,"edit_share":{"problem":0.25,"tried":0},"findings":["cite.missing"]}]}`
	for i, want := range []string{`{"duplicates":0,"stored":2}`, `{"duplicates":2,"stored":0}`} {
		if status, _, got := call(t, "POST", srv.URL+"/v1/events", teamToken, "", []byte(body)); status != 200 || got != want {
			t.Errorf("send %d: %d %s, want %s", i+1, status, got, want)
		}
	}
	es, _, _ := store.Since(t.Context(), time.Time{})
	if len(es) != 2 {
		t.Fatalf("stored %d events", len(es))
	}
	stored, _ := json.Marshal(es)
	if strings.Contains(string(stored), "48213") || es[0].TicketHash != feedback.HashTicket(teamSalt, "zendesk", "48213") {
		t.Errorf("the raw ticket id is stored or the hash is not the salted one: %s", stored)
	}
	bad := []struct{ name, body, code string }{
		{"ticket text", `{"events":[{"id":"ev_00000003","kind":"draft","note_id":"hn_5ec82d633606","text":"Customer says…"}]}`, "E_USAGE"},
		{"kind", `{"events":[{"id":"ev_00000003","kind":"sent","note_id":"hn_5ec82d633606"}]}`, "E_FORMAT"},
		{"share over 1", `{"events":[{"id":"ev_00000003","kind":"insert","note_id":"hn_5ec82d633606","edit_share":{"problem":1.5}}]}`, "E_FORMAT"},
		{"finding with text", `{"events":[{"id":"ev_00000003","kind":"insert","note_id":"hn_5ec82d633606","findings":["the customer is angry"]}]}`, "E_FORMAT"},
		{"short id", `{"events":[{"id":"x","kind":"draft","note_id":"hn_5ec82d633606"}]}`, "E_FORMAT"},
		{"none", `{"events":[]}`, "E_EMPTY"},
		{"too many", `{"events":[` + strings.TrimSuffix(strings.Repeat(`{"id":"ev_00000009","kind":"draft","note_id":"hn_5ec82d633606"},`, handler.MaxEvents+1), ",") + `]}`, "E_TOO_LARGE"},
	}
	for _, c := range bad {
		if status, _, got := call(t, "POST", srv.URL+"/v1/events", teamToken, "", []byte(c.body)); status < 400 || errorCode(t, got) != c.code {
			t.Errorf("%s: %d %s, want %s", c.name, status, got, c.code)
		}
	}
	if es, _, _ := store.Since(t.Context(), time.Time{}); len(es) != 2 {
		t.Errorf("bad events were stored: %d", len(es))
	}
}

func TestStats(t *testing.T) {
	srv, _, _ := feedbackServer(t)
	events := `{"events":[{"id":"ev_00000001","kind":"draft","note_id":"hn_5ec82d633606","ready":true},
	 {"id":"ev_00000002","kind":"insert","note_id":"hn_5ec82d633606","ready":true,"edit_share":{"problem":0.5},"findings":["length"]}]}`
	call(t, "POST", srv.URL+"/v1/events", teamToken, "", []byte(events))
	open(t, links(t, srv.URL, "hn_5ec82d633606").Yes)
	for name, tok := range map[string]string{"team token": teamToken, "wrong token": "admin-token-wrong", "none": ""} {
		if status, _, body := call(t, "GET", srv.URL+"/v1/stats", tok, "", nil); status != 401 || errorCode(t, body) != "E_AUTH" {
			t.Errorf("%s: %d %s", name, status, body)
		}
	}
	status, _, body := call(t, "GET", srv.URL+"/v1/stats", adminTok, "", nil)
	var st handler.StatsAnswer
	if status != 200 || json.Unmarshal([]byte(body), &st) != nil {
		t.Fatalf("stats: %d %s", status, body)
	}
	if st.Since != "2025-09-08" || len(st.Weeks) != 1 {
		t.Fatalf("stats = %s", body)
	}
	w := st.Weeks[0]
	if w.Start != "2026-03-02" || w.Notes != 1 || w.Inserted != 1 || w.Answers != 1 || w.SavedShare != 1 || !w.MeetsTheGoal ||
		w.MedianEdit["problem"] != 0.5 || st.Overall.TopFindings[0].Rule != "length" {
		t.Errorf("week = %+v, overall = %+v", w, st.Overall)
	}
	if status, _, body := call(t, "GET", srv.URL+"/v1/stats?weeks=0", adminTok, "", nil); status != 400 {
		t.Errorf("weeks=0: %d %s", status, body)
	}
}

func TestFeedbackWithoutSetup(t *testing.T) {
	srv, _ := newServer(t, config(t, "http://127.0.0.1:9"), handler.Options{})
	if status, _, body := call(t, "POST", srv.URL+"/v1/links", teamToken, "", []byte(`{"note_id":"hn_5ec82d633606"}`)); status != 400 || errorCode(t, body) != "E_UNSUPPORTED" {
		t.Errorf("links without a secret: %d %s", status, body)
	}
	if status, _, body := call(t, "POST", srv.URL+"/v1/feedback", teamToken, "", []byte(`{"note_id":"hn_5ec82d633606","saved":true}`)); status != 400 || errorCode(t, body) != "E_UNSUPPORTED" {
		t.Errorf("feedback without a store: %d %s", status, body)
	}
	if status, _, page := open(t, srv.URL+"/f/hn_5ec82d633606?saved=yes&sig=x"); status != 400 || !strings.Contains(page, "not set up") {
		t.Errorf("link without a secret: %d %s", status, page)
	}
}
