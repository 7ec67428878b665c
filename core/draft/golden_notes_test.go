package draft

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handoff/core/internal/testenv"
	"handoff/core/note"
	"handoff/core/source"
	"handoff/core/thread"
)

// TestGoldenNotes drafts every bundled ticket (testdata/tickets) and every
// labelled escalation (testdata/escalations) and compares the Markdown
// note with testdata/golden/<name>.md: the reviewer reads these diffs as
// the receiving engineer or finance lead would. Regenerate with
// go test ./core/draft -run TestGoldenNotes -update.
func TestGoldenNotes(t *testing.T) {
	var inputs []string
	for _, pattern := range []string{testenv.Testdata("tickets", "*"), testenv.Testdata("escalations", "*", "expect.json")} {
		ms, _ := filepath.Glob(pattern)
		inputs = append(inputs, ms...)
	}
	if len(inputs) == 0 {
		t.Skip("no bundled tickets in testdata")
	}
	for _, in := range inputs {
		name := filepath.Base(in)
		if name == "expect.json" {
			in = filepath.Dir(in)
			name = filepath.Base(in)
		}
		t.Run(name, func(t *testing.T) {
			th := readInput(t, in)
			n, err := Offline(th, Options{})
			if err != nil {
				t.Fatal(err)
			}
			md, err := note.Render(n, "md")
			if err != nil {
				t.Fatal(err)
			}
			testenv.Golden(t, filepath.Join("testdata", "golden", strings.TrimSuffix(name, filepath.Ext(name))+".md"), []byte(md))
			for _, f := range n.Findings {
				if f.Severity == note.Block && !(f.Section == note.Blocker && !n.Ready) {
					t.Errorf("block finding: %+v", f)
				}
			}
		})
	}
}

// readInput reads a ticket: a directory of helpdesk responses (as
// readEscalation does) or one file.
func readInput(t *testing.T, path string) *thread.Thread {
	t.Helper()
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return readEscalation(t, path)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	th, err := source.Read(source.Payload{Files: []source.File{{Name: filepath.Base(path), Body: b}}})
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return th
}
