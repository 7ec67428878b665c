package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// expectation is the schema of every case's expect.json (see ../README.md).
type expectation struct {
	Summary     string `json:"summary"`
	Destination string `json:"destination"`
	Ready       *bool  `json:"ready"`
	Language    string `json:"language"`
	Category    string `json:"category"`
	Attempts    []struct {
		What        string   `json:"what"`
		Cites       []int    `json:"cites"`
		Result      string   `json:"result"`
		ResultCites []int    `json:"result_cites"`
		Keywords    []string `json:"keywords"`
	} `json:"attempts"`
	BlockerCites []int `json:"blocker_cites"`
	Posture      []struct {
		Fact     string   `json:"fact"`
		Cites    []int    `json:"cites"`
		Keywords []string `json:"keywords"`
	} `json:"posture"`
	InjectionCites []int `json:"injection_cites"`
}

// inputs names the file that marks each input format of a case.
var inputs = map[string]string{
	"issue.json": "jira", "conversations.json": "freshdesk", "comments.json": "zendesk",
	"thread.eml": "email", "thread.json": "thread",
}

// TestExpectations checks every case folder: one known input format and an
// expect.json that follows the schema, with citations that can be checked
// (positive, sorted labels of real kinds) and a blocker exactly when ready.
func TestExpectations(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("..", "*", "expect.json"))
	if err != nil {
		t.Fatal(err)
	}
	formats := map[string]int{}
	for _, path := range dirs {
		dir := filepath.Dir(path)
		name := filepath.Base(dir)
		var found []string
		for file, format := range inputs {
			if _, err := os.Stat(filepath.Join(dir, file)); err == nil {
				found = append(found, format)
			}
		}
		if len(found) != 1 {
			t.Errorf("%s: want one input format, found %v", name, found)
		} else {
			formats[found[0]]++
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		var e expectation
		if err := dec.Decode(&e); err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		checkExpectation(t, name, e)
	}
	if len(dirs) < 15 {
		t.Errorf("%d cases, want at least 15", len(dirs))
	}
	if len(formats) < 4 {
		t.Errorf("input formats %v, want at least 4", formats)
	}
	if formats["thread"] > 3 {
		t.Errorf("%d normalized-thread cases, want at most 3", formats["thread"])
	}
}

func checkExpectation(t *testing.T, name string, e expectation) {
	t.Helper()
	bad := func(format string, args ...any) { t.Errorf(name+": "+format, args...) }
	if strings.TrimSpace(e.Summary) == "" {
		bad("empty summary")
	}
	if !slices.Contains([]string{"engineering", "finance", "leadership", "security"}, e.Destination) {
		bad("destination %q", e.Destination)
	}
	if !slices.Contains([]string{"bug", "configuration", "billing", "complaint", "access", "unclear"}, e.Category) {
		bad("category %q", e.Category)
	}
	if len(e.Language) != 2 || strings.ToLower(e.Language) != e.Language {
		bad("language %q is not a two-letter code", e.Language)
	}
	if e.Ready == nil {
		bad("ready missing")
	} else if *e.Ready != (len(e.BlockerCites) > 0) {
		bad("ready is %v but blocker_cites is %v", *e.Ready, e.BlockerCites)
	}
	cites := func(what string, cs []int, need bool) {
		if need && len(cs) == 0 {
			bad("%s cites nothing", what)
		}
		for _, c := range cs {
			if c < 1 {
				bad("%s cites #%d", what, c)
			}
		}
	}
	keywords := func(what string, ks []string) {
		if len(ks) == 0 {
			bad("%s has no keywords", what)
		}
		for _, k := range ks {
			if k == "" || k != strings.ToLower(k) {
				bad("%s keyword %q is not lowercase", what, k)
			}
		}
	}
	for _, a := range e.Attempts {
		if !slices.Contains([]string{"failed", "partial", "worked", "unknown"}, a.Result) {
			bad("attempt %q result %q", a.What, a.Result)
		}
		cites("attempt "+a.What, a.Cites, true)
		cites("result of "+a.What, a.ResultCites, a.Result != "unknown")
		keywords("attempt "+a.What, a.Keywords)
	}
	cites("blocker", e.BlockerCites, false)
	for _, p := range e.Posture {
		cites("posture "+p.Fact, p.Cites, true)
		keywords("posture "+p.Fact, p.Keywords)
	}
	cites("injection", e.InjectionCites, false)
}
