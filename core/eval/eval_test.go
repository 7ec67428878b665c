package eval_test

import (
	"encoding/json"
	"strings"
	"testing"

	"handoff/core/errs"
	"handoff/core/eval"
	"handoff/core/note"
	"handoff/core/thread"
)

const goodReference = `### Problem

CSV export of the Shipments report fails with 502 Bad Gateway after about a minute (#1).

### Attempted solutions

- Cleared cache and cookies (#2) → same 502 after 60 seconds (#3)

### Blocker

Reproduced with 25k rows; the gateway cuts long exports and support cannot change the timeout (#4).

### Next hypothesis

We suspect the gateway timeout on long exports because small ones pass (#4); first move: check the gateway logs.
`

const poorReference = `### Problem

Customer's export is broken, 503 errors.

### Attempted solutions

Tried the usual steps.

### Blocker

Engineering needs to look at it (#9).
`

func TestRunScoresBothNotesAlike(t *testing.T) {
	r := eval.Run([]eval.Case{
		{Name: "good", Thread: exportThread(), Reference: []byte(goodReference)},
		{Name: "poor", Thread: exportThread(), Reference: []byte(poorReference)},
	}, offline, eval.Options{Engine: "offline"})
	if r.Summary.Cases != 2 || r.Summary.Evaluated != 2 || r.Summary.Errors != 0 {
		t.Fatalf("summary %+v", r.Summary)
	}
	good, poor := r.Cases[0], r.Cases[1]
	if len(good.Attempts) == 0 || good.Attempts[0].Kind != "cache" {
		t.Fatalf("attempts %+v: want the cache attempt", good.Attempts)
	}
	g := good.Human
	if !g.Blocker || !g.BlockerCited || !g.Hypothesis || !g.Ready || g.AttemptsCovered != len(good.Attempts) || len(g.Ungrounded) != 0 {
		t.Errorf("good reference: %+v", g)
	}
	p := poor.Human
	if !p.Blocker || p.BlockerCited || p.Hypothesis || p.Ready || p.AttemptsCovered != 0 {
		t.Errorf("poor reference (blocker cites #9 of 4 messages, no hypothesis, vague tried): %+v", p)
	}
	if strings.Join(p.Ungrounded, " ") != "503" {
		t.Errorf("poor reference ungrounded %q, want 503", p.Ungrounded)
	}
	if !contains(p.MissingSections, note.Hypothesis) || !contains(p.MissingSections, note.Background) {
		t.Errorf("poor reference missing %v", p.MissingSections)
	}
	for _, rule := range []string{"hypothesis.missing", "filler", "ungrounded", "cite.unknown"} {
		if count(p.Findings, rule) == 0 {
			t.Errorf("poor reference: no %s finding in %+v", rule, p.Findings)
		}
	}
	if p.Block == 0 || p.Block+p.Warn != sum(p.Findings) {
		t.Errorf("poor reference: block %d warn %d, findings %+v", p.Block, p.Warn, p.Findings)
	}
	if good.Draft.SectionsExpected != good.Human.SectionsExpected || good.Destination == "" {
		t.Errorf("draft and human scored against different sections: %d vs %d", good.Draft.SectionsExpected, good.Human.SectionsExpected)
	}
	s := r.Summary
	if s.Attempts != len(good.Attempts)+len(poor.Attempts) || s.Human.AttemptsCovered != g.AttemptsCovered ||
		s.Human.Hypothesis != 1 || s.Human.Ungrounded != 1 || s.Human.Block != g.Block+p.Block {
		t.Errorf("summary does not add up: %+v", s)
	}
}

func TestRunCaseErrors(t *testing.T) {
	boom := errs.New(errs.Upstream, "worker", "could not reach it")
	failing := func(th *thread.Thread) (*note.Note, error) { return nil, boom }
	panicking := func(th *thread.Thread) (*note.Note, error) { panic("drafter bug") }
	cases := []eval.Case{
		{Name: "unreadable", Err: errs.New(errs.Format, "comments.json", "not a Zendesk comments response")},
		{Name: "no-thread", Reference: []byte(goodReference)},
		{Name: "no-sections", Thread: exportThread(), Reference: []byte("just some words, no headings")},
		{Name: "fine", Thread: exportThread(), Reference: []byte(goodReference)},
	}
	r := eval.Run(cases, offline, eval.Options{})
	want := []string{errs.Format, errs.Empty, errs.Format, ""}
	for i, c := range r.Cases {
		got := ""
		if c.Error != nil {
			got = c.Error.Code
		}
		if got != want[i] || c.Name != cases[i].Name {
			t.Errorf("case %s: error %+v, want code %q", c.Name, c.Error, want[i])
		}
	}
	if r.Summary.Errors != 3 || r.Summary.Evaluated != 1 {
		t.Errorf("summary %+v", r.Summary)
	}
	one := []eval.Case{{Name: "x", Thread: exportThread(), Reference: []byte(goodReference)}}
	if c := eval.Run(one, failing, eval.Options{}).Cases[0]; c.Error == nil || c.Error.Code != errs.Upstream {
		t.Errorf("drafter error: %+v", c.Error)
	}
	if c := eval.Run(one, panicking, eval.Options{}).Cases[0]; c.Error == nil || c.Error.Code != errs.Internal {
		t.Errorf("drafter panic: %+v", c.Error)
	}
	if c := eval.Run(one, nil, eval.Options{}).Cases[0]; c.Error == nil {
		t.Error("nil drafter gave no error")
	}
	if r := eval.Run(nil, offline, eval.Options{}); r.Summary.Cases != 0 || r.Cases == nil {
		t.Errorf("no cases: %+v", r)
	}
	md := eval.Markdown(r)
	for _, line := range []string{"- unreadable: E_FORMAT: comments.json: not a Zendesk comments response", "- no-thread: E_EMPTY", "## fine"} {
		if !strings.Contains(md, line) {
			t.Errorf("Markdown lacks %q", line)
		}
	}
	if strings.Contains(md, "## unreadable") {
		t.Error("a failed case got a section")
	}
}

func TestRunDeterministic(t *testing.T) {
	cases := []eval.Case{{Name: "a", Thread: exportThread(), Reference: []byte(goodReference)}}
	a, _ := json.Marshal(eval.Run(cases, offline, eval.Options{}))
	b, _ := json.Marshal(eval.Run(cases, offline, eval.Options{}))
	if string(a) != string(b) {
		t.Error("two runs differ")
	}
}

func TestMarkdownEscapesTicketText(t *testing.T) {
	ref := "### Problem\n\nExport | fails <script>alert(1)</script>\nsecond line (#1)\n\n### Blocker\n\nneeds engineering (#4)\n"
	r := eval.Run([]eval.Case{{Name: "x", Thread: exportThread(), Reference: []byte(ref)}}, offline, eval.Options{})
	md := eval.Markdown(r)
	if strings.Contains(md, "<script>") || !strings.Contains(md, `Export \| fails &lt;script&gt;`) || !strings.Contains(md, "&lt;/script&gt;<br>second line") {
		t.Errorf("cell text not escaped:\n%s", md)
	}
	checkTables(t, md)
	if eval.Markdown(nil) == "" {
		t.Error("nil report renders nothing")
	}
}

// checkTables fails when a Markdown table line has a different number of
// cells from its header: an unescaped | or line break in a cell.
func checkTables(t testing.TB, md string) {
	t.Helper()
	cols := 0
	for _, line := range strings.Split(md, "\n") {
		if !strings.HasPrefix(line, "|") {
			cols = 0
			continue
		}
		n := strings.Count(line, "|") - strings.Count(line, `\|`)
		if cols == 0 {
			cols = n
		} else if n != cols {
			t.Fatalf("table line has %d pipes, header %d: %s", n, cols, line)
		}
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func count(cs []eval.Count, rule string) int {
	n := 0
	for _, c := range cs {
		if c.Rule == rule {
			n += c.N
		}
	}
	return n
}

func sum(cs []eval.Count) int {
	n := 0
	for _, c := range cs {
		n += c.N
	}
	return n
}
