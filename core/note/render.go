package note

import (
	"encoding/json"
	"fmt"
	"html"
	"strings"
)

// Formats the renderers know.
var Formats = []string{"md", "text", "html", "json"}

// Render writes the note in format md, text, html or json. Every rendering
// ends with a marker carrying the note id (a footer line in text and
// Markdown, a data-handoff-note attribute in HTML) so the note can be
// recognised when a ticket is opened again. An unknown format returns an
// error naming the known ones.
func Render(n *Note, format string) (string, error) {
	switch format {
	case "md", "markdown":
		return Markdown(n), nil
	case "text", "txt":
		return Text(n), nil
	case "html":
		return HTML(n), nil
	case "json":
		b, err := json.MarshalIndent(n, "", "  ")
		return string(b) + "\n", err
	}
	return "", fmt.Errorf("unknown format %q (known: %s)", format, strings.Join(Formats, ", "))
}

// MarkerPrefix starts the footer line of text and Markdown renderings.
const MarkerPrefix = "Handoff note "

// Marker returns the footer line carrying the note id.
//
//	Marker(n) // "Handoff note hn_1a2b3c4d5e · offline draft · 12 of 12 messages read"
func Marker(n *Note) string {
	engine := n.Meta.Engine
	if engine == "" {
		engine = "edited"
	}
	return fmt.Sprintf("%s%s · %s draft · %d of %d messages read", MarkerPrefix, n.ID, engine, n.Meta.Read, n.Meta.Total)
}

// Heading returns the note's title line: its destination and readiness.
func Heading(n *Note) string {
	dest := n.Destination
	if dest == "" {
		dest = "escalation"
	}
	if n.Ready {
		return "Handoff to " + dest + " — ready to escalate"
	}
	return "Handoff to " + dest + " — NOT READY to escalate"
}

// Markdown renders the note with a heading per section.
func Markdown(n *Note) string {
	var b strings.Builder
	b.WriteString("## " + Heading(n) + "\n")
	for _, s := range n.Sections {
		b.WriteString("\n### " + s.Label + "\n\n")
		b.WriteString(blockText(s.Text, "- "))
	}
	b.WriteString("\n---\n_" + Marker(n) + "_\n")
	return b.String()
}

// Text renders the note as plain text, for helpdesks whose notes are not
// formatted.
func Text(n *Note) string {
	var b strings.Builder
	b.WriteString(strings.ToUpper(Heading(n)) + "\n")
	for _, s := range n.Sections {
		b.WriteString("\n" + strings.ToUpper(s.Label) + "\n")
		b.WriteString(blockText(s.Text, "• "))
	}
	b.WriteString("\n-- " + Marker(n) + "\n")
	return b.String()
}

// HTML renders the note as an HTML fragment fit for a helpdesk internal
// note: paragraphs, bold labels and lists only, every text escaped (ticket
// text is data, never markup). The root carries data-handoff-note.
func HTML(n *Note) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<div data-handoff-note=\"%s\">\n", html.EscapeString(n.ID))
	fmt.Fprintf(&b, "<p><strong>%s</strong></p>\n", html.EscapeString(Heading(n)))
	for _, s := range n.Sections {
		fmt.Fprintf(&b, "<p><strong>%s</strong></p>\n", html.EscapeString(s.Label))
		var list []string
		flush := func() {
			if len(list) > 0 {
				b.WriteString("<ul>\n")
				for _, li := range list {
					b.WriteString("<li>" + html.EscapeString(li) + "</li>\n")
				}
				b.WriteString("</ul>\n")
				list = nil
			}
		}
		for _, line := range lines(s.Text) {
			if rest, ok := cutBullet(line); ok {
				list = append(list, rest)
				continue
			}
			flush()
			b.WriteString("<p>" + html.EscapeString(line) + "</p>\n")
		}
		flush()
	}
	fmt.Fprintf(&b, "<p><small>%s</small></p>\n</div>\n", html.EscapeString(Marker(n)))
	return b.String()
}

// blockText writes a section's text with its bullets in the given style.
func blockText(text, bullet string) string {
	var out []string
	for _, line := range lines(text) {
		if rest, ok := cutBullet(line); ok {
			line = bullet + rest
		}
		out = append(out, line)
	}
	if len(out) == 0 {
		return "(empty)\n"
	}
	return strings.Join(out, "\n") + "\n"
}

func lines(text string) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
