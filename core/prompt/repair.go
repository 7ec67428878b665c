package prompt

import (
	"fmt"
	"strings"

	"handoff/core/note"
)

// Repair returns the prompt for the one repair round: the original prompt
// plus the previous answer and the checks' findings to fix.
func Repair(p Prompt, answer string, findings []note.Finding) Prompt {
	var b strings.Builder
	b.WriteString(p.User)
	b.WriteString("\nYour previous answer was:\n<answer>\n")
	b.WriteString(fence(answer))
	b.WriteString("\n</answer>\nAutomatic checks against the thread found these problems:\n")
	for _, f := range findings {
		fmt.Fprintf(&b, "- [%s] %s", f.Rule, f.Message)
		if f.Section != "" {
			fmt.Fprintf(&b, " (section %s)", f.Section)
		}
		if f.Span != "" {
			fmt.Fprintf(&b, ": %q", f.Span)
		}
		if f.Suggestion != "" {
			b.WriteString(" — " + f.Suggestion)
		}
		b.WriteString("\n")
	}
	b.WriteString("Fix every problem (remove or correct anything not found in the thread) and answer again with the complete JSON note.\n")
	return Prompt{System: p.System, User: b.String(), Schema: p.Schema}
}
