package note

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// refRE matches a word naming another record right before a "#": in
// "ticket #47730" or "order #12" the number is an id, not a citation.
var refRE = lazyRE(`(?i)\b(?:ticket|tickets|case|order|issue|invoice|incident|request|bug|pr|no\.?|nr\.?|number|ref|id|item|account|po|job|build|run|row|channel|version)\s*$`)

// Cites returns the message numbers cited in s, in order of first
// appearance, without duplicates. A citation is "#" and one to six digits
// not followed by a letter, digit or "_", at the start of s or after a
// character that is not a letter, digit, "_" or "#" ("order#12" is not a
// citation). A "#N" right after a word naming another record ("ticket
// #47730", "order #12") is an id, not a citation.
//
//	Cites("Cleared cache (#4) → same 502 (#5, #4); see ticket #47730") // [4 5]
func Cites(s string) []int {
	var out []int
	for k, from := strings.IndexByte(s, '#'), 0; k >= 0; k = nextHash(s, k) {
		start := 0 // where the match begins: the character before "#"
		if k > 0 {
			r, size := utf8.DecodeLastRuneInString(s[:k])
			if r == '_' || r == '#' || unicode.IsLetter(r) || unicode.IsNumber(r) {
				continue
			}
			start = k - size
		}
		end := k + 1
		for end < len(s) && end-k <= 7 && s[end] >= '0' && s[end] <= '9' {
			end++
		}
		if start < from || end == k+1 || end-k > 7 || end < len(s) && isWordByte(s[end]) {
			continue
		}
		from = end
		if mayRef(s[start]) && refRE().MatchString(s[max(0, start-16):start+1]) {
			continue
		}
		n, err := strconv.Atoi(s[k+1 : end])
		if err == nil && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// nextHash is the index of the next "#" after k, or -1.
func nextHash(s string, k int) int {
	if j := strings.IndexByte(s[k+1:], '#'); j >= 0 {
		return k + 1 + j
	}
	return -1
}

// isWordByte reports an ASCII letter, digit or "_": what ends a word for
// a regular expression's \b.
func isWordByte(b byte) bool {
	return b|0x20 >= 'a' && b|0x20 <= 'z' || b >= '0' && b <= '9' || b == '_'
}

// mayRef reports whether a record word can stand right before a "#" that
// follows the byte b: refRE ends with a word (or "no."/"nr.") and white
// space, and b is the byte before "#", never a letter or digit.
func mayRef(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\f' || b == '\r' || b == '.'
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
