package feedback_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"handoff/core/feedback"
)

func TestLinksCannotBeForgedOrReplayed(t *testing.T) {
	s := feedback.Signer{Secret: "team-secret-for-tests"}
	link := s.Link("https://h.example.workers.dev/", "hn_5ec82d633606", true)
	u, err := url.Parse(link)
	if err != nil || u.Path != "/f/hn_5ec82d633606" || u.Query().Get("saved") != "yes" {
		t.Fatalf("link = %s", link)
	}
	sig := u.Query().Get("sig")
	if !s.Verify("hn_5ec82d633606", true, sig) {
		t.Fatal("a fresh link does not verify")
	}
	for name, ok := range map[string]bool{
		"other note":     s.Verify("hn_000000000000", true, sig),
		"flipped answer": s.Verify("hn_5ec82d633606", false, sig),
		"other secret":   feedback.Signer{Secret: "another"}.Verify("hn_5ec82d633606", true, sig),
		"no secret":      feedback.Signer{}.Verify("hn_5ec82d633606", true, feedback.Signer{}.Sign("hn_5ec82d633606", true)),
		"bad note id":    s.Verify("../etc", true, s.Sign("../etc", true)),
	} {
		if ok {
			t.Errorf("%s: verified", name)
		}
	}
}

func TestEditShare(t *testing.T) {
	cases := []struct {
		a, b string
		want float64
	}{
		{"", "", 0},
		{"same 502 after cache clear", "same 502 after cache clear", 0},
		{"same 502 after cache clear", "same 502 after cache clear (#3)", 1.0 / 6},
		{"one two three four", "five six seven eight", 1},
		{"", "new text", 1},
	}
	for _, c := range cases {
		if got := feedback.EditShare(c.a, c.b); got < c.want-1e-9 || got > c.want+1e-9 {
			t.Errorf("EditShare(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

func TestWeekly(t *testing.T) {
	mon := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC) // a Monday
	events := []feedback.Event{
		{Kind: "draft", NoteID: "hn_a1a1a1", At: mon, Ready: true},
		{Kind: "draft", NoteID: "hn_b2b2b2", At: mon.Add(48 * time.Hour), Ready: false},
		{Kind: "insert", NoteID: "hn_a1a1a1", At: mon.Add(time.Hour), EditShare: map[string]float64{"problem": 0.1, "tried": 0.5}, Findings: []string{"length"}},
		{Kind: "insert", NoteID: "hn_b2b2b2", At: mon.Add(50 * time.Hour), EditShare: map[string]float64{"problem": 0.3}, Findings: []string{"length", "cite.missing"}},
		{Kind: "draft", NoteID: "hn_c3c3c3", At: mon.AddDate(0, 0, 7), Ready: true},
	}
	answers := []feedback.Answer{
		{NoteID: "hn_a1a1a1", Saved: true, At: mon.Add(3 * time.Hour)},
		{NoteID: "hn_b2b2b2", Saved: false, At: mon.Add(72 * time.Hour)},
	}
	weeks := feedback.Weekly(events, answers)
	if len(weeks) != 2 || weeks[0].Start != "2026-03-02" || weeks[1].Start != "2026-03-09" {
		t.Fatalf("weeks = %+v", weeks)
	}
	w := weeks[0]
	if w.Notes != 2 || w.Inserted != 2 || w.Answers != 2 || w.SavedShare != 0.5 || w.NotReady != 0.5 || w.MeetsTheGoal {
		t.Errorf("week = %+v", w)
	}
	if w.MedianEdit["problem"] != 0.2 || w.MedianEdit["tried"] != 0.5 {
		t.Errorf("median edits = %v", w.MedianEdit)
	}
	if len(w.TopFindings) != 2 || w.TopFindings[0] != (feedback.Count{Rule: "length", Count: 2}) {
		t.Errorf("top findings = %v", w.TopFindings)
	}
}

func TestHashTicket(t *testing.T) {
	a := feedback.HashTicket("salt", "zendesk", "48213")
	if len(a) != 32 || strings.Contains(a, "48213") || a == feedback.HashTicket("other", "zendesk", "48213") || a != feedback.HashTicket("salt", "zendesk", "48213") {
		t.Errorf("HashTicket = %q", a)
	}
}
