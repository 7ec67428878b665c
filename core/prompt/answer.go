package prompt

import (
	"slices"
	"strconv"
	"strings"

	"github.com/tidwall/gjson"

	"handoff/core/errs"
	"handoff/core/note"
)

// ParseAnswer reads a model's answer into a note laid out by the
// template's sections for destination. It is tolerant: the JSON may sit in
// a code fence or between prose; "sections" may be an array or an object
// keyed by section; an item may be a string; missing cites are read from
// the "(#N)" in the text; missing sections stay empty for the guard to
// flag. A destination the answer names replaces the given one when valid.
//
// An answer without a JSON object fails with E_MODEL.
func ParseAnswer(answer string, t *note.Template, destination string) (*note.Note, error) {
	if t == nil {
		t = note.DefaultTemplate()
	}
	raw, ok := extractJSON(answer)
	if !ok {
		return nil, errs.New(errs.Model, "", "the model's answer holds no JSON object")
	}
	root := gjson.Parse(raw)
	if d := strings.ToLower(root.Get("destination").String()); slices.Contains(note.Destinations, d) {
		destination = d
	}
	texts := map[string][]note.Item{}
	collect := func(key string, v gjson.Result) {
		key = strings.ToLower(strings.TrimSpace(key))
		texts[key] = append(texts[key], items(v)...)
	}
	secs := root.Get("sections")
	switch {
	case secs.IsArray():
		for _, s := range secs.Array() {
			v := s.Get("items")
			if !v.Exists() {
				v = s.Get("text")
			}
			collect(s.Get("key").String(), v)
		}
	case secs.IsObject():
		secs.ForEach(func(k, v gjson.Result) bool {
			if v.IsObject() && v.Get("items").Exists() {
				v = v.Get("items")
			} else if v.IsObject() && v.Get("text").Exists() {
				v = v.Get("text")
			}
			collect(k.String(), v)
			return true
		})
	default:
		return nil, errs.New(errs.Model, "", "the model's answer has no \"sections\"")
	}
	n := &note.Note{Destination: destination, Ready: root.Get("ready").Bool()}
	for _, spec := range t.For(destination) {
		s := note.Section{Key: spec.Key, Label: spec.Label}
		if its := texts[spec.Key]; len(its) > 0 {
			s.SetItems(its)
		}
		n.Sections = append(n.Sections, s)
	}
	return n, nil
}

// items reads a section's items: an array of {text, cites} or strings, or
// a single string (split on bullet lines).
func items(v gjson.Result) []note.Item {
	if v.Type == gjson.String {
		return note.SplitItems(v.String())
	}
	var out []note.Item
	for _, it := range v.Array() {
		text := it.String()
		if it.IsObject() {
			text = it.Get("text").String()
		}
		text = strings.TrimSpace(text)
		if text == "" {
			continue
		}
		item := note.Item{Text: text}
		for _, c := range it.Get("cites").Array() {
			if n := int(c.Int()); n > 0 && !slices.Contains(item.Cites, n) {
				item.Cites = append(item.Cites, n)
			}
		}
		inline := note.Cites(text)
		for _, n := range inline {
			if !slices.Contains(item.Cites, n) {
				item.Cites = append(item.Cites, n)
			}
		}
		if len(inline) == 0 && len(item.Cites) > 0 {
			item.Text += " (" + citeList(item.Cites) + ")"
		}
		out = append(out, item)
	}
	return out
}

// extractJSON finds the first balanced JSON object in s, skipping code
// fences and prose around it.
func extractJSON(s string) (string, bool) {
	for start := strings.IndexByte(s, '{'); start >= 0; {
		depth, inStr, esc := 0, false, false
		for i := start; i < len(s); i++ {
			c := s[i]
			switch {
			case esc:
				esc = false
			case inStr && c == '\\':
				esc = true
			case c == '"':
				inStr = !inStr
			case inStr:
			case c == '{':
				depth++
			case c == '}':
				depth--
				if depth == 0 {
					if cand := s[start : i+1]; gjson.Valid(cand) {
						return cand, true
					}
					i = len(s)
				}
			}
		}
		next := strings.IndexByte(s[start+1:], '{')
		if next < 0 {
			break
		}
		start += 1 + next
	}
	return "", false
}

// citeList writes cites as "#4, #7".
func citeList(cites []int) string {
	parts := make([]string, len(cites))
	for i, c := range cites {
		parts[i] = "#" + strconv.Itoa(c)
	}
	return strings.Join(parts, ", ")
}
