package clean

import (
	"fmt"
	"strings"
	"testing"
)

// benchText is a typical support reply: a short answer, a signature, and
// a Gmail-quoted earlier message with its own Outlook-quoted history.
var benchText = "Hi,\n\nstill getting the 502 when exporting, also in Firefox.\n\nBest regards,\nAna Lima\nAcme Corp\n\n" +
	"On Mon, 2 Mar 2026 at 10:14, Support <help@example.com> wrote:\n" +
	strings.Repeat("> Please clear your cache and try again; if it fails, send us a HAR file.\n", 20) +
	"> From: Ana Lima <ana@example.com>\n> Sent: Monday, March 2, 2026 9:00 AM\n> To: help@example.com\n> Subject: Export fails\n" +
	strings.Repeat("> The export of invoices fails with 502 since this morning.\n", 10)

var benchHTML = `<html><body><div dir="ltr">Hi,<br><br>still getting the 502 when exporting, also in Firefox.</div>` +
	`<div class="gmail_signature">Ana Lima | Acme Corp</div><div class="gmail_quote"><div class="gmail_attr">On Mon, 2 Mar 2026 at 10:14, Support wrote:</div>` +
	`<blockquote class="gmail_quote">` + strings.Repeat("<p>Please clear your cache and try again; if it fails, send us a HAR file.</p>", 20) + `</blockquote></div></body></html>`

func BenchmarkText(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		Text(benchText)
	}
}

func BenchmarkHTML(b *testing.B) {
	b.SetBytes(int64(len(benchHTML)))
	b.ReportAllocs()
	for b.Loop() {
		HTML(benchHTML)
	}
}

// BenchmarkShapes cleans 64 KB and 1 MB of each repetitive shape that used
// to be slow (closings, name blocks, disclaimers, attributions, prose):
// ns/op must grow linearly with size (compare the two sizes' MB/s).
func BenchmarkShapes(b *testing.B) {
	shapes := map[string]string{
		"closings":     "Thanks,\nAna\n",
		"name-blocks":  "Ana Lima\n+44 20 7946 0311\nana@x.io\n\n",
		"disclaimers":  "This e-mail is confidential and intended only for the named recipient.\n\n",
		"attributions": "On Mon, 2 Mar 2026 at 10:14, Ana <a@x.io> wrote:\n",
		"prose":        "The export fails with 502 since Monday, in every browser we tried.\n",
	}
	for name, unit := range shapes {
		for _, size := range []int{64 << 10, 1 << 20} {
			body := strings.Repeat(unit, size/len(unit))
			b.Run(fmt.Sprintf("%s/%dKB", name, size>>10), func(b *testing.B) {
				b.SetBytes(int64(len(body)))
				for b.Loop() {
					Text(body)
				}
			})
		}
	}
}
