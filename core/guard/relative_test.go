package guard_test

import (
	"testing"
	"time"

	"handoff/core/guard"
	"handoff/core/note"
	"handoff/core/thread"
)

// A weekday or relative day in a message grounds the date it names,
// resolved against the message's date, so a note may write "13 Mar 2026"
// for "by Friday" said on Monday 9 March; other dates stay ungrounded.
func TestRelativeDaysGroundByValue(t *testing.T) {
	mon := time.Date(2026, 3, 9, 14, 0, 0, 0, time.UTC) // a Monday
	th := &thread.Thread{Ticket: thread.Ticket{ID: "1"}, Messages: []thread.Message{
		{N: 1, Author: thread.Person{Name: "Ana", Role: thread.Customer}, At: mon, Text: "If this cannot be fixed by Friday the 13th I need to know."},
		{N: 2, Author: thread.Person{Name: "Jens", Role: thread.Customer}, At: mon.AddDate(0, 0, 1), Text: "Wir brauchen es bis morgen."},
		{N: 3, Author: thread.Person{Name: "Lucía", Role: thread.Customer}, At: mon.AddDate(0, 0, 2), Text: "El informe es el lunes."},
		{N: 4, Author: thread.Person{Name: "Léa", Role: thread.Customer}, At: mon.AddDate(0, 0, 3), Text: "Il nous le faut d'ici vendredi."},
	}}
	chk := guard.NewChecker(th)
	for _, tc := range []struct {
		text       string
		ungrounded bool
	}{
		{"Needed by 13 Mar 2026 (#1)", false},
		{"Needed by 2026-03-13 (#1)", false},
		{"Needed by 11 March (#2)", false},    // morgen, said Tuesday 10 March
		{"Report on 16 Mar 2026 (#3)", false}, // lunes, said Wednesday 11 March
		{"Needed by 13.03.2026 (#4)", false},  // vendredi, said Thursday 12 March
		{"Needed by 14 Mar 2026 (#1)", true},
		{"Needed by 20 Mar 2026 (#3)", true},
	} {
		n := &note.Note{Sections: []note.Section{{Key: note.Posture, Text: tc.text}}}
		got := false
		for _, f := range chk.Lint(n, guard.Options{}) {
			if f.Rule == "ungrounded" {
				got = true
			}
		}
		if got != tc.ungrounded {
			t.Errorf("%q: ungrounded %v, want %v", tc.text, got, tc.ungrounded)
		}
	}
}
