package clean

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
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

// TestBodyLimit: a body over MaxBodyBytes is cut on a rune boundary and
// its text says how much was left out, in all three entry points.
func TestBodyLimit(t *testing.T) {
	huge := "The log follows.\n\n" + strings.Repeat("ü 2026-03-02T10:14:09Z export worker 7 retry\n", (2*MaxBodyBytes)/44)
	for name, got := range map[string]string{
		"Text":       Text(huge).Text,
		"HTML":       HTML("<pre>" + huge + "</pre>").Text,
		"HTMLToText": HTMLToText("<pre>" + huge + "</pre>"),
	} {
		if len(got) > MaxBodyBytes+100 || !strings.HasPrefix(got, "The log follows.") {
			t.Errorf("%s: %d bytes, starts %q", name, len(got), got[:min(40, len(got))])
		}
		if !strings.HasSuffix(got, "more of this message not read]") || !utf8.ValidString(got) {
			t.Errorf("%s: ends %q", name, got[max(0, len(got)-60):])
		}
	}
	if r := Text("short"); r.Text != "short" {
		t.Errorf("short body changed: %q", r.Text)
	}
}
