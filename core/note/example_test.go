package note_test

import (
	"fmt"

	"handoff/core/note"
)

func ExampleTemplate_For() {
	for _, s := range note.DefaultTemplate().For(note.Finance) {
		fmt.Println(s.Key, "—", s.Label)
	}
	// Output:
	// problem — Problem
	// background — Background
	// tried — Attempted solutions
	// blocker — Blocker
	// posture — Customer posture
	// amounts — Amounts
	// authority — Authority needed
	// policy — Policy
	// hypothesis — Next hypothesis
}

func ExampleSplitItems() {
	for _, it := range note.SplitItems("- Cleared cache (#4) → same 502 (#5)\n- Other browser (#6) → same 502 (#7)") {
		fmt.Println(it.Cites, it.Text)
	}
	// Output:
	// [4 5] Cleared cache (#4) → same 502 (#5)
	// [6 7] Other browser (#6) → same 502 (#7)
}
