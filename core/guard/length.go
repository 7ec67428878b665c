package guard

import (
	"strings"

	"handoff/core/note"
)

// profileKeys are the destination profiles' sections (DESIGN.md): they
// are read after the six core sections, when the receiver needs them, so
// they have a budget of their own.
var profileKeys = map[string]bool{
	note.Environment: true, note.Repro: true, note.BugOrConfig: true,
	note.Amounts: true, note.Authority: true, note.Policy: true,
	note.Impact: true, note.Account: true, note.Access: true, note.Accounts: true,
}

// length warns when the note's words exceed the reading budget. The
// thirty-second budget (MaxWords, default 250) covers the core sections —
// problem, background, tried, blocker, posture, hypothesis — and any
// section a team adds; the destination profile's sections are counted
// apart against ProfileMaxWords (default 120). Words are counted over
// every section's text and the items not already in it.
func (c *linter) length() {
	limit, plimit := c.opts.MaxWords, c.opts.ProfileMaxWords
	if limit == 0 {
		limit = DefaultMaxWords
	}
	if plimit == 0 {
		plimit = DefaultProfileMaxWords
	}
	words, pwords := 0, 0
	for _, u := range c.units {
		n := len(strings.Fields(u.text))
		if profileKeys[u.key] {
			pwords += n
		} else {
			words += n
		}
	}
	if limit > 0 && words > limit {
		c.add("length", nil, 0, 0, itoa(words)+" words, budget "+itoa(limit))
	}
	if plimit > 0 && pwords > plimit {
		c.add("length", nil, 0, 0, "profile sections "+itoa(pwords)+" words, budget "+itoa(plimit))
	}
}
