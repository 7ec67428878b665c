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
func jiraWikiText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = jiraBlock.ReplaceAllString(s, "")
	s = jiraHeading.ReplaceAllString(s, "")
	s = jiraMention.ReplaceAllString(s, "@$1")
	s = jiraImage.ReplaceAllString(s, "[$1]")
	s = jiraLink.ReplaceAllString(s, "$1 ($2)")
	s = jiraBare.ReplaceAllString(s, "$1")
	s = jiraMono.ReplaceAllString(s, "$1")
	s = jiraStrong.ReplaceAllString(s, "$1$2$3")
	s = jiraTable.ReplaceAllString(s, "")
	s = strings.ReplaceAll(s, "||", " | ")
	return strings.TrimSpace(s)
}
