package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
)

const committed = "../zd-long-integration-300"

// TestCommittedCaseIsCurrent regenerates the case and compares it with the
// committed files: a change to the script or the pools must be followed by
// `go generate ./testdata/escalations/gen` and a commit of the output.
func TestCommittedCaseIsCurrent(t *testing.T) {
	dir := t.TempDir()
	if err := write(dir); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"ticket.json", "comments.json", "comments-2.json", "comments-3.json"} {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join(committed, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale: run go generate ./testdata/escalations/gen", name)
		}
	}
}

func TestShape(t *testing.T) {
	ms := build()
	if len(ms) != total {
		t.Fatalf("%d messages, want %d", len(ms), total)
	}
	for i := 1; i < len(ms); i++ {
		if !ms[i].at.After(ms[i-1].at) {
			t.Errorf("message %d is not later than message %d", i+1, i)
		}
	}
	for n, l := range script {
		if ms[n-1].text != l.text {
			t.Errorf("scripted message %d is not at position %d", n, n)
		}
	}
	// A routine message must not mention an order the script gives a
	// different line count for.
	re := regexp.MustCompile(`SO-(\d+)`)
	reserved := scriptedOrders()
	for i, m := range ms {
		if _, ok := script[i+1]; ok {
			continue
		}
		for _, o := range re.FindAllStringSubmatch(m.text, -1) {
			if n, _ := strconv.Atoi(o[1]); reserved[n] {
				t.Errorf("routine message %d reuses scripted order SO-%d", i+1, n)
			}
		}
	}
}

// TestLabelsCiteScriptedMessages keeps expect.json honest: every message
// it cites is one written by hand in the script, so a change to the
// generator that moves them fails here instead of silently shifting labels.
func TestLabelsCiteScriptedMessages(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(committed, "expect.json"))
	if err != nil {
		t.Fatal(err)
	}
	var e struct {
		Attempts []struct {
			Cites       []int `json:"cites"`
			ResultCites []int `json:"result_cites"`
		} `json:"attempts"`
		BlockerCites []int `json:"blocker_cites"`
		Posture      []struct {
			Cites []int `json:"cites"`
		} `json:"posture"`
	}
	if err := json.Unmarshal(b, &e); err != nil {
		t.Fatal(err)
	}
	var cites []int
	for _, a := range e.Attempts {
		cites = append(cites, a.Cites...)
		cites = append(cites, a.ResultCites...)
	}
	cites = append(cites, e.BlockerCites...)
	for _, p := range e.Posture {
		cites = append(cites, p.Cites...)
	}
	if len(cites) == 0 {
		t.Fatal("expect.json cites nothing")
	}
	early, late := false, false
	for _, c := range cites {
		if _, ok := script[c]; !ok {
			t.Errorf("expect.json cites #%d, which is not a scripted message", c)
		}
		early = early || c <= perPage
		late = late || c > 2*perPage
	}
	if !early || !late {
		t.Errorf("labels should cite both the first and the last page (early %v, late %v)", early, late)
	}
}
