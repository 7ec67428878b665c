package eval_test

import (
	"testing"

	"handoff/core/eval"
)

// BenchmarkRun scores one small case (draft, reference, both lints).
func BenchmarkRun(b *testing.B) {
	cases := []eval.Case{{Name: "a", Thread: exportThread(), Reference: []byte(goodReference)}}
	for b.Loop() {
		eval.Run(cases, offline, eval.Options{})
	}
}
