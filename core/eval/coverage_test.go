package eval_test

import (
	"testing"

	"handoff/core/eval"
	"handoff/core/facts"
	"handoff/core/note"
)

func TestCovers(t *testing.T) {
	cache := facts.Attempt{Kind: "cache", Cites: []int{3, 2}, OutcomeCite: 3}
	cases := []struct {
		name string
		n    *note.Note
		want bool
	}{
		{"kind named in tried", noteWith(note.Tried, "Cleared cache and cookies → same 502 (#3)"), true},
		{"kind named elsewhere", noteWith(note.Hypothesis, "Ruled out the browser cache: she cleared it and the 502 stayed."), true},
		{"kind named in German", noteWith(note.Tried, "Cache geleert → gleicher Fehler"), true},
		{"kind named in Spanish", noteWith(note.Tried, "Borró la cache del navegador, sin cambios"), true},
		{"first message cited in tried", noteWith(note.Tried, "- Had her try the usual steps (#2) → no change (#3)"), true},
		{"only the outcome cited", noteWith(note.Tried, "- Had her try the usual steps → no change (#3)"), false},
		{"first message cited outside tried", noteWith(note.Background, "Agent replied (#2)"), false},
		{"vague", noteWith(note.Tried, "Tried the usual steps with the customer, no luck."), false},
		{"negated", noteWith(note.Tried, "We haven't tried clearing the cache yet."), false},
		{"another kind", noteWith(note.Tried, "Reinstalled the app → same error"), false},
		{"empty note", &note.Note{}, false},
		{"nil note", nil, false},
	}
	for _, c := range cases {
		if got := eval.Covers(c.n, cache); got != c.want {
			t.Errorf("%s: Covers = %v, want %v", c.name, got, c.want)
		}
	}
	if eval.Covers(noteWith(note.Tried, "something (#2)"), facts.Attempt{Kind: "macro"}) {
		t.Error("an attempt without citations is covered by a citation")
	}
}

func TestWordsAndReadingTime(t *testing.T) {
	n := noteWith(note.Problem, "one two three", note.Blocker, "four\nfive")
	if got := eval.Words(n); got != 5 {
		t.Errorf("Words = %d, want 5", got)
	}
	if eval.Words(nil) != 0 {
		t.Error("nil note has words")
	}
	for words, want := range map[int]int{0: 0, -3: 0, 1: 1, 200: 60, 201: 61, 250: 75} {
		if got := eval.ReadingSeconds(words); got != want {
			t.Errorf("ReadingSeconds(%d) = %d, want %d", words, got, want)
		}
	}
}
