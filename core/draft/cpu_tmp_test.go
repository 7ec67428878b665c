package draft

import (
	"fmt"
	"syscall"
	"testing"
	"time"

	"handoff/core/facts"
	"handoff/core/guard"
	"handoff/core/source"
)

func cpuNow() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func cpuOf(n int, f func()) time.Duration {
	f()
	best := time.Hour
	for k := 0; k < 7; k++ {
		t := cpuNow()
		for i := 0; i < 3; i++ {
			f()
		}
		best = min(best, (cpuNow()-t)/3)
	}
	return best
}

func TestCPUTmp(t *testing.T) {
	files := zendesk500()
	th, _ := source.Read(source.Payload{Source: "zendesk", Files: files})
	f := facts.Extract(th)
	n, _ := Offline(th, Options{})
	c := guard.NewChecker(th)
	fmt.Println("read", cpuOf(10, func() { source.Read(source.Payload{Source: "zendesk", Files: files}) }))
	fmt.Println("facts", cpuOf(10, func() { facts.Extract(th) }))
	fmt.Println("checker", cpuOf(10, func() { guard.NewChecker(th) }))
	fmt.Println("lint", cpuOf(10, func() { c.Lint(n, guard.Options{}) }))
	fmt.Println("sections", cpuOf(10, func() {
		d := &drafter{th: th, f: f, dest: "engineering"}
		for _, k := range []string{"problem", "background", "tried", "blocker", "posture", "hypothesis", "environment", "repro", "bug_or_config"} {
			d.section(k)
		}
	}))
	fmt.Println("whole", cpuOf(10, func() {
		th, _ := source.Read(source.Payload{Source: "zendesk", Files: files})
		Offline(th, Options{})
	}))
}

func BenchmarkCheckerTmp(b *testing.B) {
	th, _ := source.Read(source.Payload{Source: "zendesk", Files: zendesk500()})
	for b.Loop() {
		guard.NewChecker(th)
	}
}
