package note

import (
	"slices"
	"strconv"
	"strings"
)

// citeRE finds message citations: "#4", "(#4, #7)". A "#" glued to a word
// ("order#12") is not a citation.
var citeRE = lazyRE(`(?:^|[^\p{L}\p{N}_#])#(\d{1,6})\b`)

// refRE matches a word naming another record right before a "#": in
// "ticket #47730" or "order #12" the number is an id, not a citation.
var refRE = lazyRE(`(?i)\b(?:ticket|tickets|case|order|issue|invoice|incident|request|bug|pr|no\.?|nr\.?|number|ref|id|item|account|po|job|build|run|row|channel|version)\s*$`)

// Cites returns the message numbers cited in s, in order of first
// appearance, without duplicates. A "#N" right after a word naming another
// record ("ticket #47730", "order #12") is an id, not a citation.
//
//	Cites("Cleared cache (#4) → same 502 (#5, #4); see ticket #47730") // [4 5]
func Cites(s string) []int {
	var out []int
	for _, m := range citeRE().FindAllStringSubmatchIndex(s, -1) {
		if refRE().MatchString(s[max(0, m[0]-16) : m[0]+1]) {
			continue
		}
		n, err := strconv.Atoi(s[m[2]:m[3]])
		if err == nil && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// JoinItems writes items as a section's text: a single item is its text,
// several are one "- " line each.
//
//	JoinItems([]Item{{Text: "A (#1)"}, {Text: "B (#2)"}}) // "- A (#1)\n- B (#2)"
func JoinItems(items []Item) string {
	if len(items) == 1 {
		return items[0].Text
	}
	lines := make([]string, len(items))
	for i, it := range items {
		lines[i] = "- " + it.Text
	}
	return strings.Join(lines, "\n")
}

// SplitItems reads a section's text back into items, so a hand-edited
// section keeps its structure: lines starting with "- ", "* " or "• " open
// an item, other lines continue the current one; text without bullets is
// one item. Each item's Cites are the "#N" in its text.
//
//	SplitItems("- A (#1)\n- B (#2)") // [{A (#1) [1]} {B (#2) [2]}]
func SplitItems(text string) []Item {
	var items []Item
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		trimmed := strings.TrimSpace(line)
		if trimmed == "" {
			continue
		}
		if rest, ok := cutBullet(trimmed); ok {
			items = append(items, Item{Text: rest})
			continue
		}
		if len(items) == 0 {
			items = append(items, Item{Text: trimmed})
			continue
		}
		items[len(items)-1].Text += " " + trimmed
	}
	for i := range items {
		items[i].Cites = Cites(items[i].Text)
	}
	return items
}

func cutBullet(line string) (string, bool) {
	for _, b := range []string{"- ", "* ", "• "} {
		if strings.HasPrefix(line, b) {
			return strings.TrimSpace(line[len(b):]), true
		}
	}
	return line, false
}

// SetText replaces a section's text (for example after a hand edit) and
// rebuilds its items from it.
func (s *Section) SetText(text string) {
	s.Text = strings.TrimSpace(text)
	s.Items = SplitItems(s.Text)
}

// SetItems replaces a section's items and writes its text from them.
func (s *Section) SetItems(items []Item) {
	s.Items = items
	s.Text = JoinItems(items)
}
