package clean

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"handoff/core/internal/testenv"
)

// TestHeaderLineFacts checks web-ridge's reply-header line facts (true:
// starts a quoted e-mail; false: body text) against headerAt, each line
// followed by a quoted line as in a real e-mail.
func TestHeaderLineFacts(t *testing.T) {
	dir := testenv.Corpora(t, "web-ridge-email-reply-parser-go")
	b, err := os.ReadFile(filepath.Join(dir, "line_classifiers.json"))
	if err != nil {
		t.Fatal(err)
	}
	var facts struct {
		Header struct{ True, False []string } `json:"TestIsQuotedEmailStart"`
	}
	if err := json.Unmarshal(b, &facts); err != nil {
		t.Fatal(err)
	}
	if len(facts.Header.True) == 0 {
		t.Fatal("no reply-header facts found")
	}
	for want, lines := range map[bool][]string{true: facts.Header.True, false: facts.Header.False} {
		for _, l := range lines {
			if _, got := headerAt([]string{l, "> earlier"}, 0); got != want {
				t.Errorf("headerAt(%q) = %v, want %v", l, got, want)
			}
		}
	}
}
