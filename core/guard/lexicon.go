package guard

import (
	"embed"
	"fmt"
	"path"
	"sort"
	"strings"
	"sync"
	"unicode"
)

// The word lists live in lexicon/*.txt, one file per language; their
// format is in lexicon/README.md.
//
//go:embed lexicon/*.txt
var lexFS embed.FS

// term is one position of a lexicon entry.
type term struct {
	word   string // a literal word, or a prefix when prefix is set
	prefix bool   // "word*"
	list   string // "@list": any one-word entry of that list
	opt    bool   // "_?": optionally one arbitrary word
}

// entry is one line of a lexicon list.
type entry struct {
	lang   string
	text   string // the line as written, without its prefix
	terms  []term
	not    []string // "-word": the word after the match must not be one of these
	person bool     // "? ": counts only when said of a person
	bare   bool     // "! ": counts only when its sentence has no citation or specific
}

// rawLine is one raw line of a list as written (trimmed).
type rawLine struct {
	lang string
	text string
}

// words is the line split into normalized words.
func (r rawLine) words() []string { return strings.Fields(normWord(r.text)) }

// ordinals maps each word of list to its line's position (0-based) in its
// language's file: months and weekdays are listed in calendar order.
func (l *lexicon) ordinals(list string) map[string]int {
	out := map[string]int{}
	pos := map[string]int{}
	for _, ln := range l.lines[list] {
		for _, w := range ln.words() {
			if _, dup := out[w]; !dup {
				out[w] = pos[ln.lang]
			}
		}
		pos[ln.lang]++
	}
	return out
}

// lexicon is every language's lists merged.
type lexicon struct {
	lists map[string][]entry
	// byFirst indexes each list's entries by their first literal word;
	// entries starting with a @list, _? or a one-byte prefix are under "".
	byFirst map[string]map[string][]int
	// byHead indexes the entries starting with a prefix of two bytes or
	// more by those two bytes (see head2): a word tries only the prefix
	// entries it can start.
	byHead map[string]map[uint16][]int
	lines  map[string][]rawLine // list → its lines in file order, all languages
	words  map[string]map[string]bool
	pref   map[string][]string
	// terms backs the terms of every entry, so parsing allocates them in
	// a few large blocks instead of one slice per entry.
	terms []term
}

// loadLex parses the lists on first use, so starting a program that
// never lints (plan, parse) costs nothing.
var loadLex = sync.OnceValues(loadLexicon)

// lex returns the lexicon of every language (empty lists when the
// embedded files fail to parse, which a test rules out).
func lex() *lexicon { l, _ := loadLex(); return l }

func loadLexicon() (*lexicon, error) {
	l := &lexicon{lists: map[string][]entry{}, byFirst: map[string]map[string][]int{}, byHead: map[string]map[uint16][]int{}, lines: map[string][]rawLine{},
		words: map[string]map[string]bool{}, pref: map[string][]string{}, terms: make([]term, 0, 1024)}
	defer l.index()
	files, err := lexFS.ReadDir("lexicon")
	if err != nil {
		return l, err
	}
	for _, f := range files {
		if !strings.HasSuffix(f.Name(), ".txt") {
			continue
		}
		b, err := lexFS.ReadFile(path.Join("lexicon", f.Name()))
		if err != nil {
			return l, err
		}
		if err := l.parse(strings.TrimSuffix(f.Name(), ".txt"), string(b)); err != nil {
			return l, fmt.Errorf("lexicon/%s: %w", f.Name(), err)
		}
	}
	return l, nil
}

func (l *lexicon) parse(lang, src string) error {
	list := ""
	for n := 1; src != ""; n++ {
		var line string
		line, src, _ = strings.Cut(src, "\n")
		text := strings.TrimSpace(line)
		switch {
		case text == "" || strings.HasPrefix(text, "#"):
			continue
		case strings.HasPrefix(text, "[") && strings.HasSuffix(text, "]"):
			list = text[1 : len(text)-1]
			continue
		case list == "":
			return fmt.Errorf("line %d: entry before any [list]", n)
		}
		l.lines[list] = append(l.lines[list], rawLine{lang, text})
		e := entry{lang: lang}
		if rest, ok := strings.CutPrefix(text, "? "); ok {
			e.person, text = true, rest
		} else if rest, ok := strings.CutPrefix(text, "! "); ok {
			e.bare, text = true, rest
		}
		first := len(l.terms)
		for f := range strings.FieldsSeq(text) {
			switch {
			case f == "_?":
				l.terms = append(l.terms, term{opt: true})
			case strings.HasPrefix(f, "@") && len(f) > 1:
				l.terms = append(l.terms, term{list: f[1:]})
			case strings.HasPrefix(f, "-") && len(f) > 1:
				e.not = append(e.not, normWord(f[1:]))
			case strings.HasSuffix(f, "*") && len(f) > 1:
				l.terms = append(l.terms, term{word: normWord(strings.TrimSuffix(f, "*")), prefix: true})
			case plainWord(f):
				l.terms = append(l.terms, term{word: f})
			default:
				for _, t := range tokenize(f) {
					l.terms = append(l.terms, term{word: t.s})
				}
			}
		}
		e.terms = l.terms[first:len(l.terms):len(l.terms)]
		if len(e.terms) == 0 {
			return fmt.Errorf("line %d: empty entry", n)
		}
		e.text = joinFields(text)
		l.lists[list] = append(l.lists[list], e)
	}
	return nil
}

// index files every list's entries by first word and its one-word
// entries as words or prefixes, in entry order.
func (l *lexicon) index() {
	for list, entries := range l.lists {
		first := make(map[string][]int, len(entries)/2)
		heads := map[uint16][]int{}
		for k := range entries {
			e := &entries[k]
			switch t := e.terms[0]; {
			case t.prefix && len(t.word) >= 2:
				heads[head2(t.word)] = append(heads[head2(t.word)], k)
			case !t.prefix && !t.opt && t.list == "":
				first[t.word] = append(first[t.word], k)
			default:
				first[""] = append(first[""], k)
			}
			if len(e.terms) == 1 && e.terms[0].list == "" && !e.terms[0].opt {
				if e.terms[0].prefix {
					l.pref[list] = append(l.pref[list], e.terms[0].word)
				} else {
					if l.words[list] == nil {
						l.words[list] = make(map[string]bool, len(entries))
					}
					l.words[list][e.terms[0].word] = true
				}
			}
		}
		l.byFirst[list] = first
		l.byHead[list] = heads
	}
}

// plainWord reports whether f is lower-case ASCII letters and digits
// only: tokenize would return it as its one token.
func plainWord(f string) bool {
	for i := 0; i < len(f); i++ {
		if c := f[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return f != ""
}

// joinFields is strings.Join(strings.Fields(s), " "), returning s itself
// when it already is its words joined by single spaces.
func joinFields(s string) string {
	space := true // before the first word
	for _, r := range s {
		if unicode.IsSpace(r) {
			if r != ' ' || space {
				return strings.Join(strings.Fields(s), " ")
			}
			space = true
			continue
		}
		space = false
	}
	if space && s != "" {
		return strings.Join(strings.Fields(s), " ")
	}
	return s
}

// in reports whether w is a one-word entry of list.
func (l *lexicon) in(list, w string) bool {
	if l.words[list][w] {
		return true
	}
	for _, p := range l.pref[list] {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// match returns the end (exclusive) of e matched at toks[i], or -1. A
// match never crosses a sentence boundary.
func (l *lexicon) match(e *entry, toks []token, i int) int {
	end := l.matchFrom(e.terms, toks, i, i)
	if end < 0 || end == i {
		return -1
	}
	if end < len(toks) && !toks[end].sent {
		for _, w := range e.not {
			if toks[end].s == w {
				return -1
			}
		}
	}
	return end
}

func (l *lexicon) matchFrom(terms []term, toks []token, i, first int) int {
	if len(terms) == 0 {
		return i
	}
	t := terms[0]
	if t.opt { // the longer reading wins
		end := l.matchFrom(terms[1:], toks, i, first)
		if i < len(toks) && (i == first || !toks[i].sent) {
			end = max(end, l.matchFrom(terms[1:], toks, i+1, first))
		}
		return end
	}
	if i >= len(toks) || (i > first && toks[i].sent) {
		return -1
	}
	w := toks[i].s
	ok := false
	switch {
	case t.list != "":
		ok = l.in(t.list, w)
	case t.prefix:
		ok = strings.HasPrefix(w, t.word)
	default:
		ok = w == t.word
	}
	if !ok {
		return -1
	}
	return l.matchFrom(terms[1:], toks, i+1, first)
}

// hit is one lexicon entry found in a token list: tokens [i, j).
type hit struct {
	e    *entry
	i, j int
}

// find returns every match of list's entries in toks, in order of start;
// at one start, entries keyed by the word come first, then the others in
// list order.
func (l *lexicon) find(list string, toks []token) []hit {
	var out []hit
	entries, first, heads := l.lists[list], l.byFirst[list], l.byHead[list]
	try := func(k, i int) {
		if j := l.match(&entries[k], toks, i); j > i {
			out = append(out, hit{e: &entries[k], i: i, j: j})
		}
	}
	// An unkeyed entry starting with @list matches only where the word is
	// in that list; the answer is kept per word, as several entries start
	// with the same list ("@team @must …").
	type inList struct {
		list string
		ok   bool
	}
	var known [8]inList
	for i := range toks {
		for _, k := range first[toks[i].s] {
			try(k, i)
		}
		rest, pre := first[""], []int(nil)
		if w := toks[i].s; len(w) >= 2 {
			pre = heads[head2(w)]
		}
		n := 0
		in := func(list string) bool {
			for _, c := range known[:n] {
				if c.list == list {
					return c.ok
				}
			}
			ok := l.in(list, toks[i].s)
			if n < len(known) {
				known[n] = inList{list, ok}
				n++
			}
			return ok
		}
		for len(rest) > 0 || len(pre) > 0 { // both in list order, merged
			if len(pre) == 0 || len(rest) > 0 && rest[0] < pre[0] {
				if t := entries[rest[0]].terms[0]; t.list == "" || in(t.list) {
					try(rest[0], i)
				}
				rest = rest[1:]
			} else {
				try(pre[0], i)
				pre = pre[1:]
			}
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].i < out[b].i })
	return out
}

// head2 is the first two bytes of w (at least two long) as one number.
func head2(w string) uint16 { return uint16(w[0])<<8 | uint16(w[1]) }

// outermost merges overlapping hits (ordered by start) into one, so a
// phrase is reported once over its whole extent.
func outermost(hs []hit) []hit {
	var out []hit
	for _, h := range hs {
		if n := len(out); n > 0 && h.i < out[n-1].j {
			out[n-1].j = max(out[n-1].j, h.j)
			continue
		}
		out = append(out, h)
	}
	return out
}
