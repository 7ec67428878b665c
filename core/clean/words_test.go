package clean

import "testing"

// TestWordLines: the word-list lookups accept the decorated forms the
// regexps they replaced accepted, and nothing longer.
func TestWordLines(t *testing.T) {
	for l, want := range map[string]bool{
		"Best regards,": true, "*Mit freundlichen Grüßen*": true, "Cheers! 🙂": true, "  thanks.": true,
		"С уважением,": true, "Thanks for the quick fix": false, "regards to the payment": false,
	} {
		if got := closingLine(l); got != want {
			t.Errorf("closingLine(%q) = %v", l, got)
		}
	}
	for l, want := range map[string]bool{
		"---------- Forwarded message ---------": true, "> Begin forwarded message:": true, "*Weitergeleitete Nachricht*": true,
		"-------- Message transféré --------": true, "Forwarded email": true, "I forwarded the message to IT": false,
	} {
		if got := forwardLine(l); got != want {
			t.Errorf("forwardLine(%q) = %v", l, got)
		}
	}
	for l, want := range map[string]bool{
		"On Mon, 2 Mar 2026 at 10:14, Ana <a@x.io> wrote:": true, "Le 2 mars 2026, Ana a écrit :": true,
		"W dniu 2.03.2026 Ana napisał(a):": true, "Den 2. mar. 2026 kl. 10.14 Ana <a@x.dk> skrev følgende:": true,
		"She rewrote:": false, "Ana wrote": false,
	} {
		if got := verbEnd(l); got != want {
			t.Errorf("verbEnd(%q) = %v", l, got)
		}
	}
}
