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
	jiraHeading = regexp.MustCompile(`(?m)^\s*(?:h[1-6]\.|bq\.)\s*`)
	jiraBlock   = regexp.MustCompile(`\{(?:code|noformat|quote|panel|color)(?::[^}]*)?\}`)
	jiraLink    = regexp.MustCompile(`\[([^|\]\n]+)\|([^\]\n]+)\]`)
	jiraBare    = regexp.MustCompile(`\[((?:https?|mailto):[^\]\s]+)\]`)
	jiraMention = regexp.MustCompile(`\[~(?:accountid:)?([^\]\s]+)\]`)
	jiraImage   = regexp.MustCompile(`!([^!\s|]+\.[A-Za-z0-9]{2,5})(?:\|[^!\n]*)?!`)
	jiraStrong  = regexp.MustCompile(`(^|[\s(])[*_+-]([^\s*_+-][^*_+\n]*?)[*_+-]([\s).,:;!?]|$)`)
	jiraMono    = regexp.MustCompile(`\{\{(.+?)\}\}`)
	jiraTable   = regexp.MustCompile(`(?m)^\s*\|\|?|\|\|?\s*$`)
)

// jiraWikiText makes a wiki-markup body readable; plain text passes
// through unchanged.
// Each rule only runs when s holds what its regexp cannot match without
// (most comments are plain prose and skip them all).
func jiraWikiText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	if strings.Contains(s, "{") {
		s = jiraBlock.ReplaceAllString(s, "")
	}
	if jiraHasHeading(s) {
		s = jiraHeading.ReplaceAllString(s, "")
	}
	if strings.Contains(s, "[~") {
		s = jiraMention.ReplaceAllString(s, "@$1")
	}
	if strings.Contains(s, "!") {
		s = jiraImage.ReplaceAllString(s, "[$1]")
	}
	if strings.Contains(s, "[") {
		s = jiraLink.ReplaceAllString(s, "$1 ($2)")
		s = jiraBare.ReplaceAllString(s, "$1")
	}
	if strings.Contains(s, "{{") {
		s = jiraMono.ReplaceAllString(s, "$1")
	}
	if strings.ContainsAny(s, "*_+-") {
		s = jiraStrong.ReplaceAllString(s, "$1$2$3")
	}
	if strings.Contains(s, "|") {
		s = jiraTable.ReplaceAllString(s, "")
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
