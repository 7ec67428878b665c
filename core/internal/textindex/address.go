package textindex

import "strings"

// AddressRuns returns the byte ranges of s's maximal runs of e-mail
// address bytes (ASCII letters, digits and "._%+-@") that hold an '@'.
// Every match of an e-mail pattern over that alphabet lies inside one of
// them, and the bytes around a run are never word bytes, so a pattern run
// over each run alone finds what it finds over s: callers match only
// there instead of over a whole message.
//
//	AddressRuns("mail ana@example.org, not me") // [[5 20]]
func AddressRuns(s string) [][2]int {
	var out [][2]int
	for i := 0; i < len(s); {
		if !isAddressByte(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isAddressByte(s[j]) {
			j++
		}
		if strings.IndexByte(s[i:j], '@') >= 0 {
			out = append(out, [2]int{i, j})
		}
		i = j
	}
	return out
}

func isAddressByte(b byte) bool {
	return b|0x20 >= 'a' && b|0x20 <= 'z' || b >= '0' && b <= '9' || strings.IndexByte("._%+-@", b) >= 0
}
