package eval_test

import (
	"fmt"

	"handoff/core/eval"
)

// A batch of one: the offline draft against a human note that has a
// vague attempt, a blocker citing a message the thread does not have, an
// ungrounded error code and no hypothesis.
func ExampleRun() {
	r := eval.Run([]eval.Case{{Name: "export-502", Thread: exportThread(), Reference: []byte(poorReference)}},
		offline, eval.Options{Engine: "offline"})
	c := r.Cases[0]
	fmt.Println("attempts in the thread:", len(c.Attempts))
	fmt.Println("human covers:", c.Human.AttemptsCovered, "· blocker cited:", c.Human.BlockerCited,
		"· hypothesis:", c.Human.Hypothesis, "· ungrounded:", c.Human.Ungrounded)
	fmt.Println("reading time of", c.Human.Words, "words:", c.Human.ReadingSeconds, "s")
	// Output:
	// attempts in the thread: 1
	// human covers: 0 · blocker cited: false · hypothesis: false · ungrounded: [503]
	// reading time of 17 words: 6 s
}
