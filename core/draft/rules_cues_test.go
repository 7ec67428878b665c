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
}

// checkCues fails when regressionRE matches text whose cues and tails
// say it cannot.
func checkCues(t *testing.T, s string) {
	low := strings.ToLower(s)
	if regressionRE().MatchString(s) && (!containsAny(low, regressionCues) || !containsAny(low, regressionTails)) {
		t.Fatalf("regressionRE matches %q but its cues do not", s)
	}
}

func TestCuesAreNecessary(t *testing.T) {
	for _, s := range cueCases {
		checkCues(t, s)
	}
}

// FuzzCues asserts that the cues and tails tested before regressionRE
// hold on every text it matches.
func FuzzCues(f *testing.F) {
	for _, s := range cueCases {
		f.Add(s)
	}
	f.Fuzz(checkCues)
}
