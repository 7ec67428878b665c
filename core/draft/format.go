package draft

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"handoff/core/facts"
	"handoff/core/note"
)

// maxCites is how many message numbers one citation shows; a longer list
// keeps its first ones and its last: "(#2, #4, #6, #8, … #498)".
const maxCites = 6

// shown returns the message numbers a citation of ns shows: positive,
// each once, in order, at most maxCites — the first maxCites-1 and the
// last.
func shown(ns []int) []int {
	if increasing(ns) { // the common case: no number twice, no map needed
		if len(ns) <= maxCites {
			return append([]int(nil), ns...)
		}
		return append(append(make([]int, 0, maxCites), ns[:maxCites-1]...), ns[len(ns)-1])
	}
	var kept []int
	last := 0
	seen := make(map[int]bool, min(len(ns), 64))
	for _, n := range ns {
		if n <= 0 || seen[n] {
			continue
		}
		seen[n] = true
		if len(kept) < maxCites-1 {
			kept = append(kept, n)
		} else {
			last = n
		}
	}
	if last > 0 {
		kept = append(kept, last)
	}
	return kept
}

// increasing reports whether ns are positive and strictly increasing.
func increasing(ns []int) bool {
	prev := 0
	for _, n := range ns {
		if n <= prev {
			return false
		}
		prev = n
	}
	return true
}

// cite writes message numbers as "(#4, #7)", or "" for none; a long list
// is shortened as shown does.
func cite(ns ...int) string {
	kept := shown(ns)
	if len(kept) == 0 {
		return ""
	}
	parts := make([]string, len(kept))
	for i, n := range kept {
		parts[i] = fmt.Sprintf("#%d", n)
	}
	if moreThanMax(ns) {
		return "(" + strings.Join(parts[:maxCites-1], ", ") + ", … " + parts[maxCites-1] + ")"
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// moreThanMax reports whether ns hold more than maxCites distinct
// positive numbers; it stops at the first one over, with no map.
func moreThanMax(ns []int) bool {
	var seen [maxCites + 1]int
	k := 0
	for _, n := range ns {
		if n > 0 && !slices.Contains(seen[:k], n) {
			if seen[k] = n; k == maxCites {
				return true
			}
			k++
		}
	}
	return false
}

// item builds a note item whose text ends with its citations.
func item(text string, cites ...int) note.Item {
	if c := cite(cites...); c != "" {
		text += " " + c
	}
	return note.Item{Text: text, Cites: shown(cites)}
}

// day writes a date as "2 Mar 2026".
func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2 Jan 2006")
}

// errorText writes an error entity for a reader: "HTTP 502" for a bare
// status, the value otherwise (quoted when it is a message).
func errorText(v string) string {
	switch {
	case len(v) == 3 && (v[0] == '4' || v[0] == '5') && isDigits(v):
		return "HTTP " + v
	case strings.Contains(v, " "):
		return quote(v, 60) // the start of a long message is enough to find it
	}
	return v
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// plural writes "one day", "three days", "12 days": small counts in
// words, so they do not read as specifics taken from the thread.
func plural(n int, one, many string) string {
	if n == 1 {
		return "one " + one
	}
	return number(n) + " " + many
}

// number writes small counts in words.
func number(n int) string {
	words := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
	if n >= 0 && n < len(words) {
		return words[n]
	}
	return fmt.Sprintf("%d", n)
}

// times writes a count of occurrences: "once", "twice", "3 times".
func times(n int) string {
	switch n {
	case 1:
		return "once"
	case 2:
		return "twice"
	}
	return number(n) + " times"
}

// andList joins "a", "a and b", "a, b and c".
func andList(ss []string) string {
	switch len(ss) {
	case 0:
		return ""
	case 1:
		return ss[0]
	}
	return strings.Join(ss[:len(ss)-1], ", ") + " and " + ss[len(ss)-1]
}

// entities returns the thread's entities of kind, in order of mention.
func (d *drafter) entities(kind string) []facts.Entity {
	var out []facts.Entity
	for _, e := range d.f.Entities {
		if e.Kind == kind {
			out = append(out, e)
		}
	}
	return out
}

func (d *drafter) blockerOf(kind string) *facts.Blocker {
	for i := range d.f.Blockers {
		if d.f.Blockers[i].Kind == kind {
			return &d.f.Blockers[i]
		}
	}
	return nil
}

func (d *drafter) signalOf(kind string) *facts.Signal {
	for i := range d.f.Posture.Signals {
		if d.f.Posture.Signals[i].Kind == kind {
			return &d.f.Posture.Signals[i]
		}
	}
	return nil
}

// quote writes a sentence from the thread in quotes, shortened.
func quote(s string, n int) string {
	rs := []rune(strings.Join(strings.Fields(s), " "))
	if len(rs) > n {
		cut := string(rs[:n])
		if i := strings.LastIndexByte(cut, ' '); i > n/2 {
			cut = cut[:i]
		}
		return "\"" + strings.TrimRight(cut, " ,;:") + " …\""
	}
	return "\"" + string(rs) + "\""
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
