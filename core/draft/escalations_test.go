package draft

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"handoff/core/internal/testenv"
	"handoff/core/note"
	"handoff/core/source"
	"handoff/core/thread"
)

// expectation is the part of testdata/escalations/*/expect.json this test
// checks: the human labels of each escalation.
type expectation struct {
	Destination string `json:"destination"`
	Ready       bool   `json:"ready"`
	Attempts    []struct {
		What        string `json:"what"`
		Cites       []int  `json:"cites"`
		Result      string `json:"result"`
		ResultCites []int  `json:"result_cites"`
	} `json:"attempts"`
	BlockerCites []int `json:"blocker_cites"`
}

// readEscalation loads one escalation directory into a thread.
func readEscalation(t testing.TB, dir string) *thread.Thread {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var p source.Payload
	for _, e := range entries {
		if e.IsDir() || e.Name() == "expect.json" || strings.HasPrefix(e.Name(), ".") || strings.HasSuffix(e.Name(), ".golden") || strings.HasSuffix(e.Name(), ".md") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		p.Files = append(p.Files, source.File{Name: e.Name(), Body: b})
	}
	th, err := source.Read(p)
	if err != nil {
		t.Fatalf("%s: %v", dir, err)
	}
	return th
}

// TestEscalations drafts every labelled escalation and scores the draft
// against the labels: each failed attempt in "tried" with its messages and
// result, the blocker citing the labelled messages, readiness and
// destination. The scores are logged per case; the test holds the floors
// the drafter reaches and never lets a draft carry an ungrounded specific
// or temperament.
func TestEscalations(t *testing.T) {
	dirs, _ := filepath.Glob(testenv.Testdata("escalations", "*", "expect.json"))
	if len(dirs) == 0 {
		t.Skip("no labelled escalations in testdata/escalations")
	}
	var attempts, attemptsFound, blockers, blockersFound, readyOK, destOK int
	for _, path := range dirs {
		dir := filepath.Dir(path)
		name := filepath.Base(dir)
		var want expectation
		b, _ := os.ReadFile(path)
		if err := json.Unmarshal(b, &want); err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		th := readEscalation(t, dir)
		n, err := Offline(th, Options{})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		for _, f := range n.Findings {
			if f.Rule == "ungrounded" || f.Rule == "temperament" {
				t.Errorf("%s: %s finding in %s: %q: %s", name, f.Rule, f.Section, f.Span, f.Message)
			}
		}
		tried := n.Section(note.Tried)
		for _, a := range want.Attempts {
			if a.Result != "failed" {
				continue
			}
			attempts++
			if triedHas(tried, a.Cites, a.ResultCites) {
				attemptsFound++
			} else {
				t.Logf("%s: failed attempt %q (%v → %v) not in tried", name, a.What, a.Cites, a.ResultCites)
			}
		}
		if bl := n.Section(note.Blocker); bl != nil {
			for _, c := range want.BlockerCites {
				blockers++
				if slices.Contains(note.Cites(bl.Text), c) {
					blockersFound++
				} else {
					t.Logf("%s: blocker does not cite #%d", name, c)
				}
			}
		}
		if n.Ready == want.Ready {
			readyOK++
		} else {
			t.Logf("%s: ready %v, labelled %v", name, n.Ready, want.Ready)
		}
		if n.Destination == want.Destination {
			destOK++
		} else {
			t.Logf("%s: destination %s, labelled %s", name, n.Destination, want.Destination)
		}
	}
	rate := func(a, b int) float64 {
		if b == 0 {
			return 1
		}
		return float64(a) / float64(b)
	}
	t.Logf("escalations: %d; failed attempts found %d/%d; blocker cites %d/%d; readiness %d/%d; destination %d/%d",
		len(dirs), attemptsFound, attempts, blockersFound, blockers, readyOK, len(dirs), destOK, len(dirs))
	if rate(attemptsFound, attempts) < floorAttempts || rate(blockersFound, blockers) < floorBlockers ||
		rate(readyOK, len(dirs)) < floorReady || rate(destOK, len(dirs)) < floorDestination {
		t.Errorf("below the floors: attempts %.2f (floor %.2f), blocker cites %.2f (floor %.2f), readiness %.2f (floor %.2f), destination %.2f (floor %.2f)",
			rate(attemptsFound, attempts), floorAttempts, rate(blockersFound, blockers), floorBlockers,
			rate(readyOK, len(dirs)), floorReady, rate(destOK, len(dirs)), floorDestination)
	}
}

// Floors measured on the labelled escalations; raise them as the drafter
// improves, never lower them to pass.
const (
	floorAttempts    = 1.00 // 21/21
	floorBlockers    = 0.96 // 25/26
	floorReady       = 1.00 // 16/16
	floorDestination = 1.00 // 16/16
)

// triedHas reports whether a tried item cites one of the attempt's
// messages and one of its result's messages.
func triedHas(s *note.Section, cites, results []int) bool {
	if s == nil {
		return false
	}
	for _, it := range s.Items {
		cs := note.Cites(it.Text)
		hit := func(ns []int) bool {
			for _, n := range ns {
				if slices.Contains(cs, n) {
					return true
				}
			}
			return len(ns) == 0
		}
		if hit(cites) && hit(results) && (strings.Contains(it.Text, "did not help") || strings.Contains(it.Text, "still failing")) {
			return true
		}
	}
	return false
}
