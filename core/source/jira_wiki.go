package source

import (
	"regexp"
	"strings"
)

// Jira wiki markup, reduced to what a reader sees. Examples:
//
//	"h3. Steps"                    → "Steps"
//	"*bold* and _italic_"           → "bold and italic"
//	"[status page|https://s.io]"    → "status page (https://s.io)"
//	"{code:java}x(){code}"          → "x()"
//	"!screenshot.png|thumbnail!"    → "[screenshot.png]"
//	"[~accountid:5b10a2844c20165700ede21g]" → "@5b10a2844c20165700ede21g"
var (
	jiraHeading = lazyRegexp(`(?m)^\s*(?:h[1-6]\.|bq\.)\s*`)
	jiraBlock   = lazyRegexp(`\{(?:code|noformat|quote|panel|color)(?::[^}]*)?\}`)
	jiraLink    = lazyRegexp(`\[([^|\]\n]+)\|([^\]\n]+)\]`)
	jiraBare    = lazyRegexp(`\[((?:https?|mailto):[^\]\s]+)\]`)
	jiraMention = lazyRegexp(`\[~(?:accountid:)?([^\]\s]+)\]`)
	jiraImage   = lazyRegexp(`!([^!\s|]+\.[A-Za-z0-9]{2,5})(?:\|[^!\n]*)?!`)
	jiraStrong  = lazyRegexp(`(^|[\s(])[*_+-]([^\s*_+-][^*_+\n]*?)[*_+-]([\s).,:;!?]|$)`)
	jiraMono    = lazyRegexp(`\{\{(.+?)\}\}`)
	jiraTable   = lazyRegexp(`(?m)^\s*\|\|?|\|\|?\s*$`)
)

// jiraRules are applied in order; each only runs when s holds what its
// regexp cannot match without (most comments are plain prose and skip
// them all).
var jiraRules = []struct {
	re   func() *regexp.Regexp
	repl string
	need func(s string) bool
}{
	{jiraBlock, "", jiraHas("{")},
	{jiraHeading, "", jiraHasHeading},
	{jiraMention, "@$1", jiraHas("[~")},
	{jiraImage, "[$1]", jiraHas("!")},
	{jiraLink, "$1 ($2)", jiraHas("[")},
	{jiraBare, "$1", jiraHas("[")},
	{jiraMono, "$1", jiraHas("{{")},
	{jiraStrong, "$1$2$3", func(s string) bool { return strings.ContainsAny(s, "*_+-") }},
	{jiraTable, "", jiraHas("|")},
}

// jiraHas returns a test for sub in s.
func jiraHas(sub string) func(string) bool {
	return func(s string) bool { return strings.Contains(s, sub) }
}

// jiraWikiText makes a wiki-markup body readable; plain text passes
// through unchanged.
func jiraWikiText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	for _, r := range jiraRules {
		if r.need(s) {
			s = r.re().ReplaceAllString(s, r.repl)
		}
	}
	s = strings.ReplaceAll(s, "||", " | ")
	return strings.TrimSpace(s)
}

// jiraHasHeading reports whether s holds "h1." … "h6." or "bq.", which
// jiraHeading needs.
func jiraHasHeading(s string) bool {
	for i := strings.IndexByte(s, '.'); i >= 0; {
		if i >= 2 && (s[i-2] == 'h' && s[i-1] >= '1' && s[i-1] <= '6' || s[i-2:i] == "bq") {
			return true
		}
		j := strings.IndexByte(s[i+1:], '.')
		if j < 0 {
			break
		}
		i += j + 1
	}
	return false
}
