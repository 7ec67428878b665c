package draft

import (
	"fmt"
	"testing"
	"time"

	"handoff/core/facts"
	"handoff/core/guard"
	"handoff/core/source"
)

func TestStagesTmp(t *testing.T) {
	files := zendesk500()
	for i := 0; i < 3; i++ {
		t0 := time.Now()
		th, _ := source.Read(source.Payload{Source: "zendesk", Files: files})
		t1 := time.Now()
		f := facts.Extract(th)
		t2 := time.Now()
		n, _ := Offline(th, Options{})
		t3 := time.Now()
		c := guard.NewChecker(th)
		t4 := time.Now()
		c.Lint(n, guard.Options{})
		t5 := time.Now()
		fmt.Println("read", t1.Sub(t0), "facts", t2.Sub(t1), "offline", t3.Sub(t2), "checker", t4.Sub(t3), "lint", t5.Sub(t4), len(f.Attempts), len(f.Entities), len(th.Messages[0].Text))
	}
}

func BenchmarkFactsTmp(b *testing.B) {
	th, _ := source.Read(source.Payload{Source: "zendesk", Files: zendesk500()})
	for b.Loop() {
		facts.Extract(th)
	}
}

func BenchmarkLintTmp(b *testing.B) {
	th, _ := source.Read(source.Payload{Source: "zendesk", Files: zendesk500()})
	n, _ := Offline(th, Options{})
	c := guard.NewChecker(th)
	for b.Loop() {
		c.Lint(n, guard.Options{})
	}
}

func BenchmarkSectionsTmp(b *testing.B) {
	th, _ := source.Read(source.Payload{Source: "zendesk", Files: zendesk500()})
	f := facts.Extract(th)
	for b.Loop() {
		d := &drafter{th: th, f: f, dest: "engineering"}
		for _, k := range []string{"problem", "background", "tried", "blocker", "posture", "hypothesis", "environment", "repro", "bug_or_config"} {
			d.section(k)
		}
	}
}
