package guard_test

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"handoff/core/guard"
	"handoff/core/internal/testenv"
	"handoff/core/note"
)

var _ = testenv.DefineUpdate()

// TestGolden lints every testdata/note-*.json against the thread named in
// its meta.ticket file (thread-<name>.json, by the part before the first
// "-" after "note-") and compares the findings with note-*.golden. A
// reviewer reads the golden diff.
func TestGolden(t *testing.T) {
	notes, _ := filepath.Glob("testdata/note-*.json")
	if len(notes) == 0 {
		t.Fatal("no testdata/note-*.json")
	}
	th := loadThread(t, "thread-export.json")
	for _, path := range notes {
		name := strings.TrimSuffix(filepath.Base(path), ".json")
		t.Run(name, func(t *testing.T) {
			fs := guard.Lint(loadNote(t, filepath.Base(path)), th, guard.Options{})
			got, err := json.MarshalIndent(fs, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			testenv.Golden(t, filepath.Join("testdata", name+".golden"), got)
		})
	}
}

// TestRealisticNotes: a good note passes clean; the bad note carries each
// expected finding.
func TestRealisticNotes(t *testing.T) {
	th := loadThread(t, "thread-export.json")
	for _, good := range []string{"note-good.json", "note-good-de.json", "note-good-es.json", "note-good-fr.json", "note-hand-edited.json"} {
		if fs := guard.Lint(loadNote(t, good), th, guard.Options{}); len(fs) != 0 {
			t.Errorf("%s: want no findings, got %s", good, spans(fs))
		}
	}
	fs := guard.Lint(loadNote(t, "note-bad.json"), th, guard.Options{})
	if guard.Ready(fs) {
		t.Error("bad note is Ready")
	}
	for _, want := range []struct{ rule, section, span string }{
		{"temperament", note.Problem, "Customer is frustrated"},
		{"filler", note.Problem, "Customer is frustrated"},
		{"gossip", note.Problem, "Between us"},
		{"gossip", note.Problem, "always like this"},
		{"temperament", note.Background, "very annoyed"},
		{"ungrounded", note.Background, "30"},
		{"filler", note.Tried, "various troubleshooting steps"},
		{"tried.no_result", note.Tried, "Cleared cache (#2)"},
		{"cite.unknown", note.Tried, "#12"},
		{"blocker.missing", note.Blocker, ""},
		{"ungrounded", note.Posture, "€21,000"},
		{"blame", note.Posture, "user error"},
		{"blame", note.Posture, "she should have"},
		{"secret", note.Posture, "4111 1111 1111 1111"},
		{"presumes_solution", note.Hypothesis, "Engineering needs to fix"},
		{"presumes_solution", note.Hypothesis, "just roll back"},
		{"ungrounded", note.Hypothesis, "2.15.1"},
		{"filler", note.Hypothesis, "Please advise"},
	} {
		found := false
		for _, f := range fs {
			found = found || (f.Rule == want.rule && f.Section == want.section && f.Span == want.span)
		}
		if !found {
			t.Errorf("bad note: missing %s in %s on %q", want.rule, want.section, want.span)
		}
	}
}
