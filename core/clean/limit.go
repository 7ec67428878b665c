package clean

import (
	"fmt"
	"unicode/utf8"
)

// MaxBodyBytes bounds one message body. A longer body (a pasted log, a
// base64 blob, a mail loop) is cut there before cleaning, and the visible
// text ends with a marker saying how much was left out, e.g.
// "[… 1.4 MB more of this message not read]". Real replies are far
// shorter; the bound keeps a 5,000-message thread's cost predictable.
const MaxBodyBytes = 256 << 10

// limitBody cuts body at MaxBodyBytes (on a rune boundary) and returns
// the marker to append to the text, or "" when nothing was cut.
func limitBody(body string) (string, string) {
	if len(body) <= MaxBodyBytes {
		return body, ""
	}
	cut := MaxBodyBytes
	for cut > 0 && !utf8.RuneStart(body[cut]) {
		cut--
	}
	return body[:cut], fmt.Sprintf("[… %s more of this message not read]", sizeText(len(body)-cut))
}

// sizeText renders a byte count as "850 KB" or "1.4 MB".
func sizeText(n int) string {
	if n < 1<<20 {
		return fmt.Sprintf("%d KB", (n+1023)>>10)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}
