package source

import (
	"strings"
	"testing"
)

// jiraWikiAll is jiraWikiText with every rule run: the pre-tests must
// not change what it returns.
func jiraWikiAll(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	for _, r := range jiraRules {
		s = r.re().ReplaceAllString(s, r.repl)
	}
	return strings.TrimSpace(strings.ReplaceAll(s, "||", " | "))
}

var jiraWikiCases = []string{
	"", "plain prose. with dots.", "h3. Steps", " bq. quoted", "xh7. no", "h1.", ".h2", "a\nh6. b",
	"It *still* fails with _every_ user", "See [status page|https://status.example.com]", "[https://x.io]",
	"{code:java}login(){code}", "!shot.png|thumbnail! attached", "[~accountid:5b10] hi", "run {{a --b}} first",
	"||a||b||\n|c|d|", "2*3 = 6 and a-b-c stay", "x\r\ny", "-struck- +ins+",
}

func TestJiraWikiPretests(t *testing.T) {
	for _, s := range jiraWikiCases {
		if got, want := jiraWikiText(s), jiraWikiAll(s); got != want {
			t.Errorf("jiraWikiText(%q) = %q, every rule gives %q", s, got, want)
		}
	}
}

func FuzzJiraWiki(f *testing.F) {
	for _, s := range jiraWikiCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := jiraWikiText(s), jiraWikiAll(s); got != want {
			t.Errorf("jiraWikiText(%q) = %q, every rule gives %q", s, got, want)
		}
	})
}
