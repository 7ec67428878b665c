package guard

import (
	"strings"
	"testing"
)

// TestMayBeDay checks that the two-byte filter lets every weekday and
// relative-day name through in any ASCII case, and stops ordinary words.
func TestMayBeDay(t *testing.T) {
	for _, m := range []map[string]int{cal().weekdayOf, relativeDay} {
		for w := range m {
			for _, v := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:]} {
				if len(v) >= 2 && !mayBeDay(v[0], v[1]) {
					t.Errorf("mayBeDay(%q) = false for a day name", v)
				}
			}
		}
	}
	for _, w := range []string{"export", "cache", "xylophone", "Browser"} {
		if mayBeDay(w[0], w[1]) {
			t.Errorf("mayBeDay(%q) = true, want false", w)
		}
	}
}
