package source_test

import (
	"bytes"
	"encoding/json"
	"runtime"
	"testing"

	"handoff/core/source"
)

// TestBodiesParallelSame reads long threads of every helpdesk on one
// processor and on several: the cleaned threads must be the same, byte
// for byte, whichever goroutine cleaned which body.
func TestBodiesParallelSame(t *testing.T) {
	inputs := map[string][]source.File{"zendesk-email": zendeskThread(120)}
	for name, spec := range growSpecs {
		inputs[name] = grow(t, spec, 120)
	}
	for name, files := range inputs {
		t.Run(name, func(t *testing.T) {
			one := readJSON(t, files, 1)
			for _, procs := range []int{2, 4} {
				if got := readJSON(t, files, procs); !bytes.Equal(got, one) {
					t.Fatalf("GOMAXPROCS=%d gives another thread than GOMAXPROCS=1", procs)
				}
			}
		})
	}
}

// readJSON reads files with GOMAXPROCS set to procs and renders the thread.
func readJSON(t *testing.T, files []source.File, procs int) []byte {
	t.Helper()
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
	th, err := source.Read(source.Payload{Files: files})
	if err != nil {
		t.Fatal(err)
	}
	if len(th.Messages) < 50 {
		t.Fatalf("%d messages: too few to be cleaned in parallel", len(th.Messages))
	}
	b, err := json.Marshal(th)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
