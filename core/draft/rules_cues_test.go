package draft

import (
	"strings"
	"testing"
)

// cueCases are texts around the hypothesis patterns' edges.
var cueCases = []string{
	"Since the update to 6.4 exports fail", "after upgrading to v2.1", "seit der Aktualisierung", "desde la versión 3",
	"depuis la mise à jour", "después de actualizar", "after about 20 minutes", "since Monday", "AFTER THE RELEASE",
	"since the verſion change", "nach 1.2", "since v10.2", "AFTER THE UPDATE",
	"thereafter release", "after " + strings.Repeat("x", 49) + " update", "after " + strings.Repeat("x", 50) + " update",
	"since " + strings.Repeat("y", 45) + " v" + strings.Repeat("1", 300) + ".2", "afterupdate", "after\nupdate", "Since 3.4",
}

// checkCues fails when regressionRE matches text whose cues and tails
// say it cannot, or when regression answers otherwise than the pattern.
func checkCues(t *testing.T, s string) {
	low := strings.ToLower(s)
	want := regressionRE().MatchString(s)
	if want && (!containsAny(low, regressionCues) || !containsAny(low, regressionTails)) {
		t.Fatalf("regressionRE matches %q but its cues do not", s)
	}
	if got := regression(s); got != want {
		t.Fatalf("regression(%q) = %v, the pattern says %v", s, got, want)
	}
}

func TestCuesAreNecessary(t *testing.T) {
	for _, s := range cueCases {
		checkCues(t, s)
	}
}

// FuzzCues asserts that the cues and tails tested before regressionRE
// hold on every text it matches, and that regression agrees with it.
func FuzzCues(f *testing.F) {
	for _, s := range cueCases {
		f.Add(s)
	}
	f.Fuzz(checkCues)
}
