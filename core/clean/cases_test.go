package clean

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"handoff/core/internal/testenv"
)

// corpusCase is one conformance case: an input and the facts about its
// visible reply text that the corpus states.
type corpusCase struct {
	Corpus string `json:"corpus"`
	ID     string `json:"id"`
	Input  string `json:"input"`
	facts  []fact
}

// fact is one checkable statement about the visible text.
type fact struct {
	kind string // equal, prefix, contains, excludes, regex, notregex, mregex (multi-line)
	want string
}

// emailCorpora are the reply-parser corpora whose cases are scored.
var emailCorpora = []string{"github-email_reply_parser", "zapier-email-reply-parser", "crisp-oss-email-reply-parser", "web-ridge-email-reply-parser-go"}

// loadCases reads every scored case of every corpus (skipping the test
// when ../shared is absent). Cases that state nothing about the visible
// text or the first fragment (fragment counts, timing) are left out.
func loadCases(t testing.TB) []corpusCase {
	t.Helper()
	var all []corpusCase
	for _, name := range emailCorpora {
		dir := testenv.Corpora(t, name)
		files, _ := filepath.Glob(filepath.Join(dir, "cases", "*.json"))
		sort.Strings(files)
		for _, f := range files {
			c, err := readCase(dir, f)
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			c.Corpus = name
			if len(c.facts) > 0 {
				all = append(all, c)
			}
		}
		if name == "web-ridge-email-reply-parser-go" {
			all = append(all, combinations(t, dir)...)
		}
	}
	return all
}

// rawCase is the JSON schema shared by the corpora (see their README.md).
type rawCase struct {
	InputFile *string                    `json:"input_file"`
	Expected  map[string]json.RawMessage `json:"expected"`
}

func readCase(dir, file string) (corpusCase, error) {
	c := corpusCase{ID: strings.TrimSuffix(filepath.Base(file), ".json")}
	b, err := os.ReadFile(file)
	if err != nil {
		return c, err
	}
	var raw rawCase
	if err := json.Unmarshal(b, &raw); err != nil {
		return c, err
	}
	e := raw.Expected
	str := func(k string) (string, bool) {
		var s string
		return s, e[k] != nil && json.Unmarshal(e[k], &s) == nil
	}
	list := func(k string) []string {
		var l []string
		json.Unmarshal(e[k], &l)
		return l
	}
	byIndex := func(k string) map[string]string {
		var m map[string]string
		json.Unmarshal(e[k], &m)
		return m
	}
	if raw.InputFile != nil {
		in, err := os.ReadFile(filepath.Join(dir, *raw.InputFile))
		if err != nil {
			return c, err
		}
		c.Input = string(in)
	} else if s, ok := str("input_text"); ok {
		c.Input = s
	}
	for _, k := range []string{"visible_text_exact", "visible_text_trimmed_exact", "reply_stripped_exact", "parse_output_exact"} {
		if s, ok := str(k); ok {
			c.facts = append(c.facts, fact{"equal", s})
		}
	}
	for _, s := range list("reply_contains") {
		c.facts = append(c.facts, fact{"contains", s})
	}
	for _, s := range list("visible_text_excludes") {
		c.facts = append(c.facts, fact{"excludes", s})
	}
	for _, s := range list("visible_text_regex") {
		c.facts = append(c.facts, fact{"regex", s})
	}
	for _, s := range list("visible_text_regex_not") {
		c.facts = append(c.facts, fact{"notregex", s})
	}
	if firstFragmentVisible(e) {
		whole := "equal"
		if laterFragmentVisible(e) {
			whole = "prefix"
		}
		for k, kind := range map[string]string{"fragment_exact": whole, "fragment_trimmed_exact": whole, "fragment_regex": "regex", "fragment_trimmed_regex_multiline": "mregex", "fragment_contains": "contains", "fragment_startswith": "prefix"} {
			if s, ok := byIndex(k)["0"]; ok {
				c.facts = append(c.facts, fact{kind, s})
			}
		}
	}
	sort.Slice(c.facts, func(i, j int) bool { return c.facts[i].kind+c.facts[i].want < c.facts[j].kind+c.facts[j].want })
	return c, nil
}

// firstFragmentVisible: the first fragment is neither quoted nor hidden,
// so what the corpus says about it is a fact about the visible reply.
func firstFragmentVisible(e map[string]json.RawMessage) bool {
	for _, k := range []string{"fragments_quoted", "fragments_hidden"} {
		var l []bool
		if json.Unmarshal(e[k], &l) == nil && len(l) > 0 && l[0] {
			return false
		}
	}
	for _, k := range []string{"fragment_quoted", "fragment_hidden"} {
		var m map[string]bool
		if json.Unmarshal(e[k], &m) == nil && m["0"] {
			return false
		}
	}
	return true
}

// laterFragmentVisible: some later fragment is visible too, so the first
// fragment is only the start of the visible reply. A corpus that describes
// a third fragment without saying which are hidden has split the body into
// more than reply and quote, so it is treated the same way.
func laterFragmentVisible(e map[string]json.RawMessage) bool {
	if e["fragments_hidden"] == nil && e["fragment_hidden"] == nil {
		for _, k := range []string{"fragment_exact", "fragment_regex", "fragment_contains", "fragment_startswith"} {
			var m map[string]string
			json.Unmarshal(e[k], &m)
			for idx := range m {
				if idx >= "2" {
					return true
				}
			}
		}
	}
	var l []bool
	if json.Unmarshal(e["fragments_hidden"], &l) == nil {
		for _, h := range l[min(1, len(l)):] {
			if !h {
				return true
			}
		}
	}
	var m map[string]bool
	if json.Unmarshal(e["fragment_hidden"], &m) == nil {
		for k, h := range m {
			if k != "0" && !h {
				return true
			}
		}
	}
	return false
}

// combinations builds web-ridge's TestAllKindOfCombinations: every base
// mail B, signature S and quoted reply Q, as B+S+Q and Q+B+S; the visible
// text must be B.
func combinations(t testing.TB, dir string) []corpusCase {
	read := func(kind string) map[string]string {
		files, _ := filepath.Glob(filepath.Join(dir, "dataset", kind, "*.txt"))
		m := map[string]string{}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			m[strings.TrimSuffix(filepath.Base(f), ".txt")] = string(b)
		}
		return m
	}
	base, sigs, quotes := read("basemail"), read("signatures"), read("quoted_reply")
	var out []corpusCase
	for _, bn := range sortedKeys(base) {
		for _, sn := range sortedKeys(sigs) {
			for _, qn := range sortedKeys(quotes) {
				b, s, q := base[bn], sigs[sn], quotes[qn]
				want := []fact{{"equal", strings.TrimSpace(b)}}
				id := bn + "+" + sn + "+" + qn
				out = append(out,
					corpusCase{Corpus: "web-ridge-email-reply-parser-go", ID: "combo/bottom/" + id, Input: b + "\n\n" + s + "\n\n" + q, facts: want},
					corpusCase{Corpus: "web-ridge-email-reply-parser-go", ID: "combo/top/" + id, Input: q + "\n\n" + b + "\n\n" + s + "\n\n", facts: want})
			}
		}
	}
	return out
}

func sortedKeys(m map[string]string) []string {
	var k []string
	for s := range m {
		k = append(k, s)
	}
	sort.Strings(k)
	return k
}

var (
	reBlankRuns = regexp.MustCompile(`\n{4,}`)
	reTrailing  = regexp.MustCompile(`[ \t]+\n`)
)

// normalize makes two renderings of the same text comparable: "\n" line
// endings, no trailing spaces, at most two blank lines in a row, no
// surrounding whitespace.
func normalize(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = reTrailing.ReplaceAllString(s+"\n", "\n")
	return strings.TrimSpace(reBlankRuns.ReplaceAllString(s, "\n\n\n"))
}

// check returns "" when visible satisfies every fact of c, or the first
// fact it breaks.
func check(c corpusCase, visible string) string {
	v := normalize(visible)
	for _, f := range c.facts {
		w := normalize(f.want)
		ok := false
		switch f.kind {
		case "equal":
			ok = v == w
		case "prefix":
			ok = strings.HasPrefix(v, w)
		case "contains":
			ok = strings.Contains(v, f.want)
		case "excludes":
			ok = !strings.Contains(v, f.want)
		case "regex", "notregex", "mregex":
			flags := ""
			if f.kind == "mregex" {
				flags = "(?m)"
			}
			re, err := regexp.Compile(flags + f.want)
			if err != nil {
				return "bad regex " + f.want
			}
			ok = re.MatchString(v) == (f.kind != "notregex")
		}
		if !ok {
			return f.kind + " " + quoteShort(f.want)
		}
	}
	return ""
}

func quoteShort(s string) string {
	if len(s) > 60 {
		s = s[:60] + "…"
	}
	b, _ := json.Marshal(s)
	return string(b)
}
