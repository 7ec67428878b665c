package draft

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"handoff/core/facts"
	"handoff/core/internal/testenv"
	"handoff/core/note"
)

// TestFactsReuse drafts each bundled ticket for every destination twice:
// reading the facts afresh, and with one facts.ExtractAt shared by all the
// drafts in turn (as the extension's destination switch does). The notes
// must be the same: Offline must not change the facts it is given.
func TestFactsReuse(t *testing.T) {
	inputs, _ := filepath.Glob(testenv.Testdata("tickets", "*"))
	if len(inputs) == 0 {
		t.Skip("no bundled tickets in testdata")
	}
	for _, in := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			th := readInput(t, in)
			shared := facts.Extract(th)
			for _, dest := range append([]string{"auto"}, note.Destinations...) {
				fresh, err := Offline(th, Options{Destination: dest})
				if err != nil {
					t.Fatal(err)
				}
				reused, err := Offline(th, Options{Destination: dest, Facts: shared})
				if err != nil {
					t.Fatal(err)
				}
				a, _ := json.Marshal(fresh)
				b, _ := json.Marshal(reused)
				if string(a) != string(b) {
					t.Errorf("%s: the note drafted from shared facts differs:\n%s\n%s", dest, a, b)
				}
			}
		})
	}
}
