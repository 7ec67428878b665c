package feedback

import (
	"strings"
	"unicode"
)

// EditShare says how much of a section the agent changed before
// inserting: the word-level edit distance between the draft and the
// inserted text, divided by the longer of the two, from 0 (untouched) to
// 1 (rewritten). Two empty texts give 0.
//
//	EditShare("same 502 after cache clear", "same 502 after cache clear (#3)") // 0.2
func EditShare(before, after string) float64 {
	a, b := words(before), words(after)
	longest := max(len(a), len(b))
	if longest == 0 {
		return 0
	}
	return float64(distance(a, b)) / float64(longest)
}

func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == '.' || r == ';' || r == ':'
	})
}

// distance is the Levenshtein distance over words, in O(len(b)) memory.
// Texts are capped at 2,000 words each to bound the work.
func distance(a, b []string) int {
	a, b = a[:min(len(a), 2000)], b[:min(len(b), 2000)]
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
