package source

import (
	"runtime"
	"strconv"
	"testing"

	"handoff/core/errs"
	"handoff/core/thread"
)

// TestBodiesFillsOwnSlot checks that every deferred fill runs once, on its
// own message, on one processor and on several, and that messages
// without a fill are left as built.
func TestBodiesFillsOwnSlot(t *testing.T) {
	for _, procs := range []int{1, 2, 4} {
		for _, n := range []int{0, 1, parallelBodies - 1, parallelBodies, 300} {
			func() {
				defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
				th := &thread.Thread{}
				var b bodies
				for i := range n {
					m := thread.Message{ID: strconv.Itoa(i)}
					if i%7 == 3 {
						m.Text = "as built"
						b.add(th, m, nil)
						continue
					}
					b.add(th, m, func(m *thread.Message) { m.Text += "cleaned " + m.ID })
				}
				b.clean(th)
				if len(th.Messages) != n {
					t.Fatalf("procs %d: %d messages, want %d", procs, len(th.Messages), n)
				}
				for i, m := range th.Messages {
					want := "cleaned " + strconv.Itoa(i)
					if i%7 == 3 {
						want = "as built"
					}
					if m.Text != want {
						t.Fatalf("procs %d, n %d: message %d text %q, want %q", procs, n, i, m.Text, want)
					}
				}
			}()
		}
	}
}

// TestBodiesPanicReachesCaller checks that a fill's panic on a worker
// goroutine is raised on the goroutine that called clean, where
// parseSafely recovers it.
func TestBodiesPanicReachesCaller(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	th := &thread.Thread{}
	var b bodies
	for i := range 200 {
		b.add(th, thread.Message{}, func(m *thread.Message) {
			if i == 150 {
				panic("bad body")
			}
		})
	}
	_, err := parseSafely(Adapter{Name: "test", Parse: func(Payload) (*thread.Thread, error) {
		b.clean(th)
		return th, nil
	}}, Payload{})
	if errs.CodeOf(err) != errs.Internal {
		t.Fatalf("a panicking fill gave err %v, want E_INTERNAL", err)
	}
}
