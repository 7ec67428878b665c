package note

import (
	"regexp"
	"slices"
	"strconv"
	"testing"
)

// oldCiteRE is the pattern Cites replaced, kept as its oracle.
var oldCiteRE = regexp.MustCompile(`(?:^|[^\p{L}\p{N}_#])#(\d{1,6})\b`)

func oldCites(s string) []int {
	var out []int
	for _, m := range oldCiteRE.FindAllStringSubmatchIndex(s, -1) {
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

var citeCases = []string{
	"", "#", "#4", "(#4)", "(#4, #7)", "#4#5", "a#4", "_#4", "##4", "#1234567", "#123456", "#123456 x",
	"#12abc", "#12_", "#12é", "é#3", "٣#3", "Ⅻ#3", "x\xff#3", "\xe2\x82#3", "ticket #47730", "order #12 (#3)",
	"No. #5 and no.#6", "see #2\n#3\t#4", "Cleared cache (#4) → same 502 (#5, #4); see ticket #47730",
	"issue\n#9", "run  #10", "Version #3.", "#0 #00 #007", "#4,#5;#6", "a #1 b#2 c #3",
}

func TestCitesMatchesRegexp(t *testing.T) {
	for _, s := range citeCases {
		if got, want := Cites(s), oldCites(s); !slices.Equal(got, want) {
			t.Errorf("Cites(%q) = %v, the regexp reads %v", s, got, want)
		}
	}
}

// FuzzCites asserts that the hand scanner finds exactly the citations the
// regular expression it replaced finds, on any text.
func FuzzCites(f *testing.F) {
	for _, s := range citeCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Cites(s), oldCites(s); !slices.Equal(got, want) {
			t.Fatalf("Cites(%q) = %v, the regexp reads %v", s, got, want)
		}
	})
}
