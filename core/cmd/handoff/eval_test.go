package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handoff/core/internal/testenv"
)

var _ = testenv.DefineUpdate()

var sampleBatch = testenv.Testdata("eval", "sample")

const evalUpdateHint = "the drafter, facts or guard changed the report: review the diff, then run go test ./core/cmd/handoff -run Eval -update"

// TestEvalSampleGolden runs the sample batch and compares both reports
// with their golden files; -update rewrites them.
func TestEvalSampleGolden(t *testing.T) {
	for _, format := range []string{"md", "json"} {
		out, errOut, code := runCLI("eval", "--format", format, sampleBatch)
		if code != 0 {
			t.Fatalf("eval --format %s: exit %d: %s", format, code, errOut)
		}
		path := filepath.Join(sampleBatch, "report."+format+".golden")
		if testenv.Update() {
			if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v\n%s", err, evalUpdateHint)
		}
		if line, got, exp := firstDiff(string(want), out); line > 0 {
			t.Errorf("%s differs at line %d:\n  want: %s\n  got:  %s\n%s", filepath.Base(path), line, exp, got, evalUpdateHint)
		}
	}
}

// firstDiff returns the first line (1-based) where a and b differ, or 0.
func firstDiff(want, got string) (int, string, string) {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return i + 1, gl, wl
		}
	}
	return 0, "", ""
}

// TestEvalSampleMeasures checks what the sample's human notes were written
// to show, independent of the drafter's current wording.
func TestEvalSampleMeasures(t *testing.T) {
	out, errOut, code := runCLI("eval", "--format", "json", sampleBatch)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var r struct {
		Summary struct{ Cases, Evaluated, Errors int }
		Cases   []struct {
			Name  string
			Human struct {
				Hypothesis   bool
				BlockerCited bool `json:"blocker_cited"`
				Ready        bool
				Ungrounded   []string
				Findings     []struct{ Rule string }
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if r.Summary.Cases < 5 || r.Summary.Evaluated != r.Summary.Cases {
		t.Fatalf("summary %+v: want every case of at least 5 evaluated", r.Summary)
	}
	human := map[string]int{}
	for i, c := range r.Cases {
		human[c.Name] = i
	}
	email := r.Cases[human["email-refund-chain"]].Human
	if email.Hypothesis || email.Ready || !strings.Contains(strings.Join(email.Ungrounded, " "), "2,430") {
		t.Errorf("email-refund-chain human note: want no hypothesis, not ready, $2,430 ungrounded; got %+v", email)
	}
	if r.Cases[human["freshdesk-double-charge-refund"]].Human.Hypothesis {
		t.Error("freshdesk human note has no hypothesis section")
	}
	if r.Cases[human["intercom-pinned-jobs-overwritten"]].Human.BlockerCited {
		t.Error("intercom human note's blocker cites nothing")
	}
	jira := r.Cases[human["jira-sso-lockout"]].Human
	if !hasRule(jira.Findings, "filler") {
		t.Errorf(`jira human note: "tried the usual steps" not reported as filler: %+v`, jira.Findings)
	}
	if zd := r.Cases[human["zendesk-export-502"]].Human; !zd.Ready || !zd.BlockerCited || !zd.Hypothesis {
		t.Errorf("zendesk human note (the careful one): %+v", zd)
	}
}

func hasRule(fs []struct{ Rule string }, rule string) bool {
	for _, f := range fs {
		if f.Rule == rule {
			return true
		}
	}
	return false
}

func TestEvalBadInput(t *testing.T) {
	empty := t.TempDir()
	if _, errOut, code := runCLI("eval", empty); code != 2 || !strings.Contains(errOut, "E_EMPTY") {
		t.Errorf("empty DIR: exit %d, %q; want 2 and E_EMPTY", code, errOut)
	}
	if _, errOut, code := runCLI("eval", filepath.Join(empty, "missing")); code != 2 || !strings.Contains(errOut, "E_IO") {
		t.Errorf("missing DIR: exit %d, %q; want 2 and E_IO", code, errOut)
	}
	if _, errOut, code := runCLI("eval", "--format", "html", sampleBatch); code != 2 || !strings.Contains(errOut, "E_USAGE") {
		t.Errorf("--format html: exit %d, %q; want 2 and E_USAGE", code, errOut)
	}

	batch := t.TempDir()
	good := filepath.Join(batch, "a-good")
	copyDir(t, filepath.Join(sampleBatch, "email-refund-chain"), good)
	noRef := filepath.Join(batch, "b-no-reference")
	copyDir(t, filepath.Join(sampleBatch, "zendesk-export-502"), noRef)
	os.Remove(filepath.Join(noRef, "reference.md"))
	noTicket := filepath.Join(batch, "c-no-ticket")
	os.MkdirAll(noTicket, 0o755)
	os.WriteFile(filepath.Join(noTicket, "reference.md"), []byte("### Problem\n\nx\n"), 0o644)
	os.WriteFile(filepath.Join(batch, "README.md"), []byte("not a case"), 0o644)

	out, errOut, code := runCLI("eval", batch)
	if code != 2 || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "2 of 3 cases") {
		t.Errorf("batch with two bad cases: exit %d, stderr %q; want 2 and one line", code, errOut)
	}
	for _, want := range []string{"## a-good", "- b-no-reference: E_FORMAT: b-no-reference: no reference.md", "- c-no-ticket: E_EMPTY", "1 evaluated, 2 with errors"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	if err := os.MkdirAll(to, 0o755); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(to, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestEvalDeterministic: two runs print the same bytes.
func TestEvalDeterministic(t *testing.T) {
	a, _, _ := runCLI("eval", "--format", "json", sampleBatch)
	b, _, _ := runCLI("eval", "--format", "json", sampleBatch)
	if !bytes.Equal([]byte(a), []byte(b)) || a == "" {
		t.Error("two runs of the same batch differ")
	}
}
