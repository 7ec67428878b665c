package guard_test

import (
	"strings"
	"testing"

	"handoff/core/guard"
	"handoff/core/note"
)

// The thirty-second budget covers the core sections; the destination
// profile's sections have their own.
func TestLengthBudgets(t *testing.T) {
	words := func(n int) string { return strings.TrimSpace(strings.Repeat("word ", n)) }
	for _, tc := range []struct {
		name          string
		core, profile int
		opts          guard.Options
		want          []string
	}{
		{"both within", 240, 110, guard.Options{}, nil},
		{"core over", 260, 50, guard.Options{}, []string{"260 words, budget 250"}},
		{"profile over", 100, 130, guard.Options{}, []string{"profile sections 130 words, budget 120"}},
		{"team budgets", 190, 90, guard.Options{MaxWords: 180, ProfileMaxWords: 80}, []string{"190 words, budget 180", "profile sections 90 words, budget 80"}},
		{"rules off", 900, 900, guard.Options{MaxWords: -1, ProfileMaxWords: -1}, nil},
	} {
		n := &note.Note{Sections: []note.Section{
			{Key: note.Tried, Text: words(tc.core)},
			{Key: note.Environment, Text: words(tc.profile)},
		}}
		var got []string
		for _, f := range guard.Lint(n, nil, tc.opts) {
			if f.Rule == "length" {
				got = append(got, f.Message[strings.Index(f.Message, ": ")+2:])
			}
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%s: length findings %q, want %q", tc.name, got, tc.want)
		}
	}
}
