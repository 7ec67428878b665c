// Package clean turns one e-mail or helpdesk message body into the text a
// person would read: quoted replies, reply headers, signatures and legal
// disclaimers removed (and kept aside), HTML turned into text.
//
//	r := clean.Text("Still broken.\n\nOn Mon, 2 Mar 2026, Ana <ana@x.io> wrote:\n> Try again")
//	r.Text   // "Still broken."
//	r.Quoted // "On Mon, 2 Mar 2026, Ana <ana@x.io> wrote:\n> Try again"
//
// Nothing is lost silently: every line of the body ends up in Text, Quoted
// or Signature. The rules are written for e-mails never seen before, in
// many languages; the word lists live in lang.go.
package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Result is a cleaned body.
type Result struct {
	Text      string // the visible reply
	Quoted    string // quoted replies and reply headers that were removed
	Signature string // the signature or disclaimer that was removed
	Forwarded bool   // Text holds a forwarded message (kept, marked)
}

// Text cleans a plain-text body. Line endings become "\n", invalid UTF-8
// becomes U+FFFD, trailing spaces are trimmed; any input is accepted and
// none panics. A body over MaxBodyBytes is cut there, with a marker at the
// end of Text.
//
// The visible reply is what precedes the first reply header ("On … wrote:"
// in any listed language, an Outlook From/Sent/To/Subject block,
// "-----Original Message-----"); a header at the very top with ">" lines
// below it (bottom-posting) removes only that header and its quote. A ">"
// block without a header is removed when it opens or ends the body, and
// kept when the writer answers between quotes. A forwarded message
// ("---------- Forwarded message ---------", "Begin forwarded message:")
// is kept in Text with Forwarded set. A trailing signature (see
// signatureStart) goes to Signature.
func Text(body string) Result {
	body, more := limitBody(body)
	r := text(body)
	r.Text = joinParts(r.Text, more)
	return r
}

// text is Text on a body within MaxBodyBytes.
func text(body string) Result {
	lines := splitLines(body)
	var r Result
	var keep, quote []string
	content := false // keep holds a non-blank line
	i := 0
scan:
	for i < len(lines) {
		l := lines[i]
		if forwardLine(l) {
			r.Forwarded = true
			sig := signatureStart(keep)
			if sig >= 0 {
				r.Signature = join(keep[sig:])
				keep = keep[:sig]
			}
			keep = append(keep, lines[i:]...)
			r.Text = join(keep)
			r.Quoted = join(quote)
			return r
		}
		if h, ok := headerAt(lines, i); ok {
			top := !content
			after := nextContent(lines, h.end)
			switch {
			case after < len(lines) && quoted(lines[after]):
				end := quoteEnd(lines, after)
				quote = append(quote, lines[i:end]...)
				i = end
				continue scan
			case h.weak:
			case top:
				quote = append(quote, lines[i:h.end]...)
				i = h.end
				continue scan
			default:
				start := len(keep)
				for start > 0 && (blank(keep[start-1]) || separator(keep[start-1])) {
					start--
				}
				quote = append(append(quote, keep[start:]...), lines[i:]...)
				keep = keep[:start]
				break scan
			}
		}
		if quoted(l) {
			end := quoteEnd(lines, i)
			top := !content
			rest := lines[end:]
			if top || fewLines(rest, maxSignatureLines) && onlySignature(rest) {
				quote = append(quote, lines[i:end]...)
				i = end
				continue
			}
			keep = append(keep, lines[i:end]...)
			content = true
			i = end
			continue
		}
		keep = append(keep, l)
		content = content || !blank(l)
		i++
	}
	if sig := signatureStart(keep); sig >= 0 {
		r.Signature = join(keep[sig:])
		keep = keep[:sig]
	}
	r.Text = join(keep)
	r.Quoted = join(quote)
	return r
}

// maxSignatureLines bounds the signature looked for under a trailing quote.
const maxSignatureLines = 60

// quoteEnd returns the index after the ">" block starting at i (blank
// lines inside the block belong to it; trailing ones do not). A line right
// under a ">" line that starts in lower case is the rest of a quoted line
// a client wrapped without its ">".
func quoteEnd(lines []string, i int) int {
	end := i
	for j := i; j < len(lines); j++ {
		if quoted(lines[j]) || j == end && wrappedQuote(lines[j]) {
			end = j + 1
		} else if !blank(lines[j]) {
			break
		}
	}
	return end
}

// HTML cleans an HTML body: blockquotes, gmail_quote and Outlook reply
// blocks are removed, the rest becomes text and is cleaned like Text.
// Malformed HTML is read the way a browser would; it never fails.
func HTML(body string) Result {
	body, more := limitBody(body)
	visible, quoted, sig := splitHTML(body)
	r := text(visible)
	r.Text = joinParts(r.Text, more)
	r.Quoted = joinParts(r.Quoted, quoted)
	r.Signature = joinParts(r.Signature, sig)
	return r
}

// wrappedQuote reports a line that continues a sentence ("eget accumsan …").
func wrappedQuote(l string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimSpace(l))
	return unicode.IsLower(r)
}
