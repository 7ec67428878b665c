package clean

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

// peerRun is what bench/bench.mjs measured for the npm peer.
type peerRun struct {
	Name     string            `json:"name"`
	Rounds   int               `json:"rounds"`
	Seconds  float64           `json:"seconds"`
	Messages int               `json:"messages"`
	Results  map[string]string `json:"results"` // case key → visible text
}

// TestPeer is the Go half of `make bench-clean` and does nothing unless
// HANDOFF_PEER is set: "dump:FILE" writes the scored conformance cases
// (exclusions left out) as JSON for the node script; "score:FILE" reads
// the peer's visible texts and timing from FILE, runs Handoff's cleaner on
// the same cases, and writes the side-by-side table to FILE.table.
func TestPeer(t *testing.T) {
	mode, file, ok := strings.Cut(os.Getenv("HANDOFF_PEER"), ":")
	if !ok {
		t.Skip("HANDOFF_PEER unset: run `make bench-clean`")
	}
	var cases []corpusCase
	for _, c := range loadCases(t) {
		if _, excluded := exclusions[c.Corpus+"/"+c.ID]; !excluded {
			cases = append(cases, c)
		}
	}
	switch mode {
	case "dump":
		type item struct{ Key, Input string }
		out := make([]item, len(cases))
		for i, c := range cases {
			out[i] = item{c.Corpus + "/" + c.ID, c.Input}
		}
		b, _ := json.Marshal(out)
		if err := os.WriteFile(file, b, 0o644); err != nil {
			t.Fatal(err)
		}
	case "score":
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var peer peerRun
		if err := json.Unmarshal(b, &peer); err != nil {
			t.Fatal(err)
		}
		ours := peerRun{Name: "handoff core/clean", Rounds: max(peer.Rounds, 1), Results: map[string]string{}}
		for _, c := range cases {
			ours.Results[c.Corpus+"/"+c.ID] = Text(c.Input).Text
		}
		start := time.Now()
		for range ours.Rounds {
			for _, c := range cases {
				Text(c.Input)
			}
		}
		ours.Seconds = time.Since(start).Seconds()
		ours.Messages = ours.Rounds * len(cases)
		table := peerTable(cases, ours, peer)
		if err := os.WriteFile(file+".table", []byte(table), 0o644); err != nil {
			t.Fatal(err)
		}
	default:
		t.Fatalf("HANDOFF_PEER=%s: want dump:FILE or score:FILE", mode)
	}
}

// peerTable renders accuracy per corpus and throughput for both cleaners.
func peerTable(cases []corpusCase, runs ...peerRun) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-40s", "corpus (cases)")
	for _, r := range runs {
		fmt.Fprintf(&b, " | %-28s", r.Name)
	}
	b.WriteString("\n")
	for _, name := range append(emailCorpora, "all") {
		n := 0
		pass := make([]int, len(runs))
		for _, c := range cases {
			if name != "all" && c.Corpus != name {
				continue
			}
			n++
			for i, r := range runs {
				if check(c, r.Results[c.Corpus+"/"+c.ID]) == "" {
					pass[i]++
				}
			}
		}
		fmt.Fprintf(&b, "%-40s", fmt.Sprintf("%s (%d)", name, n))
		for i := range runs {
			fmt.Fprintf(&b, " | %-28s", fmt.Sprintf("%d/%d %.1f%%", pass[i], n, 100*float64(pass[i])/float64(max(n, 1))))
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "%-40s", "messages per second")
	for _, r := range runs {
		fmt.Fprintf(&b, " | %-28s", fmt.Sprintf("%.0f (%d msgs, %.2f s)", float64(r.Messages)/max(r.Seconds, 1e-9), r.Messages, r.Seconds))
	}
	b.WriteString("\n")
	return b.String()
}
