package feedback_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"handoff/core/feedback"
)

var update = flag.Bool("update", false, "rewrite testdata/parity.json's expected figures")

// parity is testdata/parity.json: inputs and the figures Go computes from
// them. The extension's JS port (extension/src/feedback.js) is tested
// against the same file, so both compute the same figures.
type parity struct {
	EditShare []struct {
		Before string  `json:"before"`
		After  string  `json:"after"`
		Want   float64 `json:"want"`
	} `json:"edit_share"`
	Events  []feedback.Event  `json:"events"`
	Answers []feedback.Answer `json:"answers"`
	Weeks   []feedback.Week   `json:"weeks"`
	Overall feedback.Week     `json:"overall"`
}

func TestParityFile(t *testing.T) {
	path := filepath.Join("testdata", "parity.json")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var p parity
	if err := json.Unmarshal(data, &p); err != nil {
		t.Fatal(err)
	}
	weeks, overall := feedback.Weekly(p.Events, p.Answers), feedback.Overall(p.Events, p.Answers)
	if *update {
		for i := range p.EditShare {
			p.EditShare[i].Want = feedback.EditShare(p.EditShare[i].Before, p.EditShare[i].After)
		}
		p.Weeks, p.Overall = weeks, overall
		out, _ := json.MarshalIndent(p, "", "  ")
		if err := os.WriteFile(path, append(out, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	for _, c := range p.EditShare {
		if got := feedback.EditShare(c.Before, c.After); got != c.Want {
			t.Errorf("EditShare(%q, %q) = %v, file says %v (run with -update after checking)", c.Before, c.After, got, c.Want)
		}
	}
	got, _ := json.Marshal(struct{ W, O any }{weeks, overall})
	want, _ := json.Marshal(struct{ W, O any }{p.Weeks, p.Overall})
	if string(got) != string(want) {
		t.Errorf("weekly figures differ from the file:\n got %s\nwant %s", got, want)
	}
}

func TestOverall(t *testing.T) {
	if o := feedback.Overall(nil, nil); o.Start != "" || o.Notes != 0 || o.MedianEdit == nil {
		t.Errorf("Overall of nothing = %+v", o)
	}
}
