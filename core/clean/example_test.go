package clean_test

import (
	"fmt"

	"handoff/core/clean"
)

func ExampleText() {
	r := clean.Text("Still broken.\n\nMit freundlichen Grüßen\nAna\n\nAm 02.03.2026 um 10:14 schrieb Bo <bo@x.io>:\n> Bitte Cache leeren.")
	fmt.Printf("%q\n%q\n%q\n", r.Text, r.Signature, r.Quoted)
	// Output:
	// "Still broken."
	// "Mit freundlichen Grüßen\nAna"
	// "Am 02.03.2026 um 10:14 schrieb Bo <bo@x.io>:\n> Bitte Cache leeren."
}

func ExampleHTMLToText() {
	fmt.Println(clean.HTMLToText("<p>Steps:</p><ol><li>Clear cache</li><li>Retry export</li></ol><script>x()</script>"))
	// Output:
	// Steps:
	//
	// - Clear cache
	// - Retry export
}
