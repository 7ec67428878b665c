// Package par runs independent passes of the core side by side when the
// machine has more than one processor (never in wasm, which has one).
package par

import "runtime"

// LongThread is the fewest messages for which a drafting pass pays for a
// goroutine of its own: below it, starting one costs about what it saves.
const LongThread = 64

// Alongside runs fn on another goroutine when parallel is true and more
// than one processor is available, else at once, and returns wait, which
// returns once fn has. A panic in fn is raised again by wait on the
// caller's goroutine, so a caller's recover still turns it into an error.
//
//	wait := par.Alongside(len(ms) >= par.LongThread, func() { ents = entities(ms) })
//	atts := attempts(ms) // meanwhile
//	wait()
func Alongside(parallel bool, fn func()) (wait func()) {
	if !parallel || runtime.GOMAXPROCS(0) < 2 {
		fn()
		return func() {}
	}
	done := make(chan any, 1)
	go func() {
		defer func() { done <- recover() }()
		fn()
	}()
	return func() {
		if p := <-done; p != nil {
			panic(p)
		}
	}
}
