package note

import (
	"bytes"
	"encoding/json"
	"strings"

	"handoff/core/errs"
)

var (
	headingRE = lazyRE(`^(#{2,4})\s+(.+?)\s*#*$`)
	boldRE    = lazyRE(`^\*\*(.+?)\*\*:?\s*$`)
	destRE    = lazyRE(`(?i)^handoff to (\w+)`)
	idRE      = lazyRE(`\b(hn_[0-9a-f]{6,32})\b`)
)

// Parse reads a note the agent wrote or edited: the note JSON contract, or
// Markdown as Markdown renders it (section headings "### Label" or a line
// "**Label**"; labels or keys of the template, case-insensitive). Unknown
// headings become sections keyed by their slug. The marker footer gives
// the id back. Findings and readiness are left for the guard.
//
// Input with no recognisable section fails with E_FORMAT.
func Parse(data []byte, t *Template) (*Note, error) {
	if t == nil {
		t = DefaultTemplate()
	}
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) > 0 && trimmed[0] == '{' {
		var n Note
		if err := json.Unmarshal(trimmed, &n); err != nil {
			return nil, errs.New(errs.Format, "", "not a note JSON: %v", err)
		}
		if len(n.Sections) == 0 {
			return nil, errs.New(errs.Format, "", "note JSON has no sections")
		}
		for i := range n.Sections {
			if len(n.Sections[i].Items) == 0 {
				n.Sections[i].Items = SplitItems(n.Sections[i].Text)
			}
		}
		return &n, nil
	}
	return parseMarkdown(string(data), t)
}

func parseMarkdown(md string, t *Template) (*Note, error) {
	n := &Note{}
	var cur *Section
	var body []string
	flush := func() {
		if cur != nil {
			cur.SetText(strings.Join(body, "\n"))
			n.Sections = append(n.Sections, *cur)
		}
		body = nil
	}
	for _, line := range strings.Split(strings.ReplaceAll(md, "\r\n", "\n"), "\n") {
		trimmed := strings.TrimSpace(line)
		if m := idRE().FindStringSubmatch(trimmed); m != nil && strings.Contains(trimmed, MarkerPrefix) {
			n.ID = m[1]
			continue
		}
		if trimmed == "---" {
			continue
		}
		label := ""
		if m := headingRE().FindStringSubmatch(trimmed); m != nil {
			label = m[2]
		} else if m := boldRE().FindStringSubmatch(trimmed); m != nil {
			label = m[1]
		}
		if label != "" {
			if m := destRE().FindStringSubmatch(label); m != nil {
				n.Destination = strings.ToLower(m[1])
				continue
			}
			flush()
			cur = &Section{Key: keyFor(label, t), Label: label}
			continue
		}
		if cur != nil {
			body = append(body, line)
		}
	}
	flush()
	if len(n.Sections) == 0 {
		return nil, errs.New(errs.Format, "", "no sections found: write each section under a heading such as \"### Blocker\"")
	}
	return n, nil
}

// keyFor maps a heading to a section key by label or key.
func keyFor(label string, t *Template) string {
	want := strings.ToLower(strings.TrimSpace(label))
	specs := t.Sections
	for _, d := range Destinations {
		specs = append(specs, t.Profiles[d]...)
	}
	for _, s := range specs {
		if strings.ToLower(s.Label) == want || s.Key == want {
			return s.Key
		}
	}
	return slug(want)
}

func slug(s string) string {
	var b strings.Builder
	under := false
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			under = false
		} else if !under && b.Len() > 0 {
			b.WriteByte('_')
			under = true
		}
	}
	return strings.TrimSuffix(b.String(), "_")
}
