package guard_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"handoff/core/guard"
	"handoff/core/note"
	"handoff/core/thread"
)

// loadThread reads a normalized thread from testdata.
func loadThread(t testing.TB, name string) *thread.Thread {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	var th thread.Thread
	if err := json.Unmarshal(b, &th); err != nil {
		t.Fatal(err)
	}
	thread.Normalize(&th)
	return &th
}

// loadNote reads a note from testdata.
func loadNote(t testing.TB, name string) *note.Note {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	var n note.Note
	if err := json.Unmarshal(b, &n); err != nil {
		t.Fatal(err)
	}
	return &n
}

// oneSection is a complete note whose section key holds text; the other
// required sections are filled with clean, cited text.
func oneSection(key, text string) *note.Note {
	n := &note.Note{Sections: []note.Section{
		{Key: note.Blocker, Text: "The gateway timeout is set in code; support cannot change it (#8)."},
		{Key: note.Hypothesis, Text: "We suspect the gateway timeout; first move: check the gateway logs (#8)."},
	}}
	if s := n.Section(key); s != nil {
		s.Text = text
	} else {
		n.Sections = append(n.Sections, note.Section{Key: key, Text: text})
	}
	return n
}

// withRule returns the findings of rule.
func withRule(fs []note.Finding, rule string) []note.Finding {
	var out []note.Finding
	for _, f := range fs {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

func spans(fs []note.Finding) string {
	var s []string
	for _, f := range fs {
		s = append(s, f.Rule+":"+f.Span)
	}
	return strings.Join(s, " | ")
}

// ruleCase is one table row: text in a section must (or must not) give a
// finding of rule, with span when given.
type ruleCase struct {
	text string
	want bool
	span string
}

func runRuleCases(t *testing.T, rule, key string, th *thread.Thread, cases []ruleCase) {
	t.Helper()
	for _, c := range cases {
		fs := withRule(guard.Lint(oneSection(key, c.text), th, guard.Options{}), rule)
		if got := len(fs) > 0; got != c.want {
			t.Errorf("%s %q: found=%v, want %v (%s)", rule, c.text, got, c.want, spans(fs))
			continue
		}
		if c.span != "" && (len(fs) == 0 || fs[0].Span != c.span) {
			t.Errorf("%s %q: span %q, want %q", rule, c.text, spans(fs), c.span)
		}
	}
}
