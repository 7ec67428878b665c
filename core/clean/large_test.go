package clean

import (
	"strings"
	"testing"
	"time"
)

// TestLargeInputsLinear: 1 MB bodies of every shape finish; inline
// replies, quotes and signature-like lines do not make the cleaner
// quadratic. (A generous bound, not a timing benchmark.)
func TestLargeInputsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("large inputs")
	}
	shapes := map[string]string{
		"inline":    "> question\n\nanswer\n\n",
		"quote":     "> quoted line of text\n",
		"closings":  "Thanks,\nAna\n",
		"prose":     "The export fails with 502 since Monday, in every browser we tried.\n",
		"blank":     "\n",
		"long line": strings.Repeat("x", 1<<20) + "\n",
	}
	for name, unit := range shapes {
		body := strings.Repeat(unit, (1<<20)/len(unit))
		start := time.Now()
		Text(body)
		if d := time.Since(start); d > 20*time.Second {
			t.Errorf("%s: %v for 1 MB", name, d)
		}
	}
}
