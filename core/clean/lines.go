package clean

import (
	"strings"
	"unicode/utf8"
)

// maxHeaderRunes bounds the lines the header rules look at: an attribution
// is never longer, and skipping long lines keeps pathological bodies fast.
const maxHeaderRunes = 400

// splitLines normalises line endings and encoding and splits body into lines.
func splitLines(body string) []string {
	if !utf8.ValidString(body) {
		body = strings.ToValidUTF8(body, "\uFFFD")
	}
	if strings.IndexByte(body, '\r') >= 0 {
		body = strings.ReplaceAll(body, "\r\n", "\n")
		body = strings.ReplaceAll(body, "\r", "\n")
	}
	if strings.Contains(body, "\u00a0") {
		body = strings.ReplaceAll(body, "\u00a0", " ")
	}
	return strings.Split(body, "\n")
}

func blank(s string) bool { return strings.TrimSpace(s) == "" }

// quoted reports a ">"-quoted line.
func quoted(s string) bool {
	return strings.HasPrefix(strings.TrimLeft(s, " \t"), ">")
}

// nextContent returns the index of the first non-blank line at or after i,
// or len(lines).
func nextContent(lines []string, i int) int {
	for i < len(lines) && blank(lines[i]) {
		i++
	}
	return i
}

// fewLines reports whether lines hold at most max non-blank lines; it
// stops counting past max.
func fewLines(lines []string, max int) bool {
	n := 0
	for _, l := range lines {
		if !blank(l) {
			if n++; n > max {
				return false
			}
		}
	}
	return true
}

// join renders lines as text: right-trimmed lines, leading and trailing
// blank lines dropped, runs of blank lines capped at two.
func join(lines []string) string {
	var b strings.Builder
	size := 0
	for _, l := range lines {
		size += len(l) + 1
	}
	b.Grow(size)
	blanks := 0
	started := false
	for _, l := range lines {
		l = strings.TrimRight(l, " \t")
		if l == "" {
			blanks++
			continue
		}
		if started {
			b.WriteString("\n\n\n"[:1+min(blanks, 2)])
		}
		b.WriteString(l)
		started = true
		blanks = 0
	}
	return b.String()
}

// joinParts joins non-empty parts with a blank line.
func joinParts(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "\n\n")
}
