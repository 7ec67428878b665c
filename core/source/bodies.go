package source

import (
	"runtime"
	"sync"
	"sync/atomic"

	"handoff/core/thread"
)

// Cleaning message bodies is most of a parse, and each body is cleaned on
// its own. So the adapters build their messages first, deferring each
// body's cleaning as a fill function, and then clean them all at once on
// a few goroutines, each fill writing only its own message:
//
//	var b bodies
//	for _, c := range comments {
//		m := thread.Message{ID: …}
//		b.add(th, m, func(m *thread.Message) {
//			m.Text, m.Quoted, m.Forwarded = restCleanEmail(html, true)
//		})
//	}
//	b.clean(th) // before anything reads Text or reorders th.Messages
//
// The result is the same as cleaning in the loop, byte for byte. With one
// processor (wasm) or a short thread, no goroutine is started.

// bodies holds the fills deferred while an adapter builds a thread.
type bodies struct {
	jobs []bodyJob
}

// bodyJob fills message i of the thread.
type bodyJob struct {
	i    int
	fill func(m *thread.Message)
}

// parallelBodies is the fewest deferred bodies cleaned on more than one
// goroutine: below it starting them costs about what they save.
const parallelBodies = 16

// add appends m to th.Messages and defers fill (when not nil) until clean.
func (b *bodies) add(th *thread.Thread, m thread.Message, fill func(m *thread.Message)) {
	th.Messages = append(th.Messages, m)
	if fill != nil {
		b.jobs = append(b.jobs, bodyJob{len(th.Messages) - 1, fill})
	}
}

// clean runs every deferred fill on th.Messages, on up to GOMAXPROCS
// goroutines. A fill that panics is re-panicked here, on the caller's
// goroutine, once the others have stopped (so parseSafely still turns it
// into E_INTERNAL).
func (b *bodies) clean(th *thread.Thread) {
	jobs := b.jobs
	b.jobs = nil
	workers := min(runtime.GOMAXPROCS(0), len(jobs))
	if workers < 2 || len(jobs) < parallelBodies {
		for _, j := range jobs {
			j.fill(&th.Messages[j.i])
		}
		return
	}
	var (
		next    atomic.Int64
		wg      sync.WaitGroup
		once    sync.Once
		failure any
	)
	work := func() {
		defer func() {
			if r := recover(); r != nil {
				once.Do(func() { failure = r })
				next.Store(int64(len(jobs))) // the others stop early
			}
		}()
		for {
			k := int(next.Add(1)) - 1
			if k >= len(jobs) {
				return
			}
			jobs[k].fill(&th.Messages[jobs[k].i])
		}
	}
	for range workers - 1 {
		wg.Go(work)
	}
	work()
	wg.Wait()
	if failure != nil {
		panic(failure)
	}
}
