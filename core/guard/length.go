package guard

import "strings"

// length warns when the note's words exceed the reading budget. Words are
// counted over every section's text and the items not already in it.
func (c *linter) length() {
	limit := c.opts.MaxWords
	if limit == 0 {
		limit = DefaultMaxWords
	}
	if limit < 0 {
		return
	}
	words := 0
	for _, u := range c.units {
		words += len(strings.Fields(u.text))
	}
	if words > limit {
		c.add("length", nil, 0, 0, itoa(words)+" words, budget "+itoa(limit))
	}
}
