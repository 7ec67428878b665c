package facts

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Phrase is one entry of a phrase table: a key (what the phrase means),
// the language it is written in, and its patterns.
//
// A pattern is a sequence of words matched on folded text (lower case,
// accents removed, ß → ss) at word boundaries. A word ending in "*"
// matches any word it starts ("reinstal*" matches "reinstalled"); "~"
// stands for up to three other words ("clear* ~ cache" matches "cleared
// the browser cache").
type Phrase struct {
	Key      string
	Lang     string
	Patterns []string
}

// step is one compiled pattern word.
type step struct {
	word   string
	prefix bool
	gap    bool
}

type pattern struct {
	key   string
	steps []step
	src   string
}

// lexicon is a compiled phrase table, indexed by the first word of each
// pattern so matching costs a few map lookups per word of text.
type lexicon struct {
	exact  map[string][]*pattern
	prefix map[string][]*pattern
	minPre int // length of the shortest first word of a prefix pattern
	// heads holds the first two bytes of every key of exact and prefix
	// (see head2): a word whose two bytes are absent starts no pattern,
	// which a bit test says faster than two map look-ups.
	heads [1 << 16 / 64]uint64
	// exactBits and prefixBits hold a hash of every key of exact and of
	// prefix: a word whose hash is absent needs no map look-up.
	exactBits, prefixBits wordBits
}

// wordBits is a set of word hashes (a one-hash Bloom filter): has may
// say true for a word never added, never false for one added.
type wordBits [1 << 14 / 64]uint64

func wordHash(w string) uint32 {
	h := uint32(2166136261) // FNV-1a
	for i := 0; i < len(w); i++ {
		h ^= uint32(w[i])
		h *= 16777619
	}
	return (h ^ h>>14) % (1 << 14)
}

func (b *wordBits) add(w string) { h := wordHash(w); b[h/64] |= 1 << (h % 64) }

func (b *wordBits) has(w string) bool { h := wordHash(w); return b[h/64]&(1<<(h%64)) != 0 }

// head2 is the first two bytes of w as one number (the second is 0 for
// a one-byte word).
func head2(w string) uint16 {
	switch len(w) {
	case 0:
		return 0
	case 1:
		return uint16(w[0]) << 8
	}
	return uint16(w[0])<<8 | uint16(w[1])
}

func (l *lexicon) setHead(h uint16) { l.heads[h/64] |= 1 << (h % 64) }

// mayStart reports whether a pattern may start at the word w: false means
// no pattern's first word is w or a prefix of it.
func (l *lexicon) mayStart(w string) bool {
	h := head2(w)
	return l.heads[h/64]&(1<<(h%64)) != 0
}

// hit is one match: the key, the pattern and the word span.
type hit struct {
	key        string
	src        string
	start, end int // word indexes, end exclusive
}

const maxGap = 3

func compile(table []Phrase) *lexicon {
	// Patterns and their steps are allocated in one block each: a table
	// compiles with a few dozen allocations instead of several per word.
	nPat, nStep := 0, 0
	for _, ph := range table {
		nPat += len(ph.Patterns)
		for _, src := range ph.Patterns {
			nStep += strings.Count(src, " ") + 1
		}
	}
	pats, steps := make([]pattern, 0, nPat), make([]step, 0, nStep)
	l := &lexicon{exact: make(map[string][]*pattern, nPat), prefix: map[string][]*pattern{}}
	var pres []*pattern
	for _, ph := range table {
		for _, src := range ph.Patterns {
			pats = append(pats, pattern{key: ph.Key, src: src})
			p, from := &pats[len(pats)-1], len(steps)
			for w := range strings.FieldsSeq(src) {
				if w == "~" {
					steps = append(steps, step{gap: true})
					continue
				}
				pre := strings.HasSuffix(w, "*")
				w = strings.TrimSuffix(w, "*")
				if plainWord(w) { // words(fold(w)) is w alone
					steps = append(steps, step{word: w})
				} else {
					for _, t := range words(fold(w)) {
						steps = append(steps, step{word: t})
					}
				}
				if pre && len(steps) > from {
					steps[len(steps)-1].prefix = true
				}
			}
			p.steps = steps[from:len(steps):len(steps)]
			if len(p.steps) == 0 || p.steps[0].gap {
				panic("facts: bad pattern " + src) // a bug in a phrase table, caught by tests
			}
			first := p.steps[0]
			if first.prefix {
				pres = append(pres, p)
				if n := len(first.word); l.minPre == 0 || n < l.minPre {
					l.minPre = n
				}
			} else {
				l.exact[first.word] = append(l.exact[first.word], p)
			}
		}
	}
	// Prefix patterns are filed under the first minPre bytes of their
	// first word, shortest word first: one look-up per word of text.
	sort.SliceStable(pres, func(i, j int) bool { return len(pres[i].steps[0].word) < len(pres[j].steps[0].word) })
	for _, p := range pres {
		k := p.steps[0].word[:l.minPre]
		l.prefix[k] = append(l.prefix[k], p)
	}
	for k := range l.exact {
		l.setHead(head2(k))
		l.exactBits.add(k)
	}
	for k := range l.prefix {
		l.prefixBits.add(k)
		if len(k) == 1 { // any word starting with the byte
			for b := 0; b < 256; b++ {
				l.setHead(uint16(k[0])<<8 | uint16(b))
			}
		} else {
			l.setHead(head2(k))
		}
	}
	return l
}

// find returns every match in ws (folded words), leftmost first; at one
// position each key is reported once.
func (l *lexicon) find(ws []string) []hit {
	var out []hit
	for i, w := range ws {
		exact, prefix := l.starting(w)
		for _, ps := range [2][]*pattern{exact, prefix} {
			for _, p := range ps {
				if end, ok := p.matchAt(ws, i); ok {
					out = append(out, hit{key: p.key, src: p.src, start: i, end: end})
				}
			}
		}
	}
	return out
}

// starting returns the patterns whose first word may be w: those filed
// under w, and the prefix patterns filed under its first minPre bytes.
func (l *lexicon) starting(w string) (exact, prefix []*pattern) {
	if !l.mayStart(w) {
		return nil, nil
	}
	if l.exactBits.has(w) {
		exact = l.exact[w]
	}
	if l.minPre > 0 && len(w) >= l.minPre && l.prefixBits.has(w[:l.minPre]) {
		prefix = l.prefix[w[:l.minPre]]
	}
	return exact, prefix
}

// has reports whether any pattern of key (or any key when key is "")
// matches ws; it stops at the first match.
func (l *lexicon) has(ws []string, key string) bool {
	for i, w := range ws {
		exact, prefix := l.starting(w)
		for _, ps := range [2][]*pattern{exact, prefix} {
			for _, p := range ps {
				if key != "" && p.key != key {
					continue
				}
				if _, ok := p.matchAt(ws, i); ok {
					return true
				}
			}
		}
	}
	return false
}

func (p *pattern) matchAt(ws []string, i int) (int, bool) {
	return matchSteps(p.steps, ws, i)
}

func matchSteps(steps []step, ws []string, i int) (int, bool) {
	if len(steps) == 0 {
		return i, true
	}
	s := steps[0]
	if s.gap {
		for skip := 0; skip <= maxGap && i+skip <= len(ws); skip++ {
			if end, ok := matchSteps(steps[1:], ws, i+skip); ok {
				return end, true
			}
		}
		return 0, false
	}
	if i >= len(ws) {
		return 0, false
	}
	if ws[i] != s.word && !(s.prefix && strings.HasPrefix(ws[i], s.word)) {
		return 0, false
	}
	return matchSteps(steps[1:], ws, i+1)
}

// fold lowers s, removes accents and unifies apostrophes, so "Réinstallé"
// and "reinstalle", "didn’t" and "didn't" compare equal.
func fold(s string) string {
	if foldsInPlace(s) {
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		r = unicode.ToLower(r)
		if f, ok := folds[r]; ok {
			b.WriteString(f)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

var folds = map[rune]string{
	'á': "a", 'à': "a", 'â': "a", 'ä': "a", 'ã': "a", 'å': "a",
	'é': "e", 'è': "e", 'ê': "e", 'ë': "e",
	'í': "i", 'ì': "i", 'î': "i", 'ï': "i",
	'ó': "o", 'ò': "o", 'ô': "o", 'ö': "o", 'õ': "o",
	'ú': "u", 'ù': "u", 'û': "u", 'ü': "u",
	'ñ': "n", 'ç': "c", 'ß': "ss", 'œ': "oe", 'æ': "ae",
	'’': "'", '‘': "'", 'ʼ': "'", '`': "'",
}

// plainWord reports whether w is lower-case ASCII letters and digits
// only, which fold leaves as is and words returns as its one word.
func plainWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return w != ""
}

// words splits folded text into words: runs of letters and digits, with
// inner apostrophes and hyphens kept ("didn't", "re-login", "2fa").
func words(s string) []string {
	out := appendWords(make([]string, 0, strings.Count(s, " ")+1), s)
	if len(out) == 0 {
		return nil
	}
	return out
}

// appendWords appends the words of s (as words splits them) to out.
func appendWords(out []string, s string) []string {
	start := -1
	for i, r := range s {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 && (r == '\'' || r == '-') && i+1 < len(s) {
			if next, _ := utf8.DecodeRuneInString(s[i+1:]); isWordRune(next) {
				continue
			}
		}
		if start >= 0 {
			out = append(out, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

func isWordRune(r rune) bool {
	if r < 0x80 {
		return r|0x20 >= 'a' && r|0x20 <= 'z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
