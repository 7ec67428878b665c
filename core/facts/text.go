package facts

import "strings"

// sentence is one sentence of a message with its folded words.
type sentence struct {
	text string
	low  string // text folded (see fold)
	ws   []string
	// read on first use: the attempts the sentence names and the outcome
	// it reports (see attempts.go)
	hits     []hit
	outcome  string
	hitsRead bool
	outRead  bool
	// read on first use by setOutcome: the text clipped for a note and
	// the sentence's error values
	clipped   string
	errVals   []string
	quoteRead bool
}

// quoted returns s's text clipped to 160 runes and its error values,
// read once (several attempts may cite one report).
func (s *sentence) quoted() (string, []string) {
	if !s.quoteRead {
		s.quoteRead = true
		s.clipped, s.errVals = clip(s.text, 160), errorValues(s.text)
	}
	return s.clipped, s.errVals
}

// attemptHits returns the attempts s names, matched once.
func (s *sentence) attemptHits() []hit {
	if !s.hitsRead {
		s.hitsRead = true
		s.hits = attemptLex().find(s.ws)
	}
	return s.hits
}

// reported returns the outcome s reports, read once.
func (s *sentence) reported() string {
	if !s.outRead {
		s.outRead = true
		s.outcome = outcomeOf(s.ws)
		if s.outcome == "" && bareWorked(s) {
			s.outcome = Worked
		}
	}
	return s.outcome
}

// bareWorked reports a worked word ending a clause of s: followed by
// nothing, by punctuation or by a filler ("works fine", "works (…)").
func bareWorked(s *sentence) bool {
	low := s.low
	for i, w := range s.ws {
		if !workedWords[w] {
			continue
		}
		if i+1 == len(s.ws) || clauseFillers[s.ws[i+1]] {
			return true
		}
		if k := strings.Index(low, w); k >= 0 {
			rest := strings.TrimLeft(low[k+len(w):], " ")
			if rest == "" || strings.ContainsRune("(,.;:!-–", rune(rest[0])) {
				return true
			}
		}
	}
	return false
}

// sentences splits text at ., !, ? or ; followed by a space, and at line
// breaks, so "v2.3.1" and "1,200.00" stay whole. low is text lower-cased
// as lowerLines returns it ("" when not known): ASCII text folds to it,
// so it is not folded again.
func sentences(text, low string) []sentence {
	var out []sentence
	// Text that folds byte for byte (ASCII) is folded once, and each
	// sentence's folded text is the same span of it.
	whole := ""
	if foldsInPlace(text) {
		if whole = low; whole == "" {
			whole = fold(text)
		}
	}
	// The words of all sentences share one block, sized (below) for about
	// one word per space.
	var buf []string
	add := func(a, b int) {
		s := text[a:b]
		a += len(s) - len(strings.TrimLeft(s, asciiSpace))
		if s = strings.TrimSpace(s); s == "" {
			return
		}
		low := ""
		if whole != "" {
			low = whole[a : a+len(s)]
		} else {
			low = fold(s)
		}
		from := len(buf)
		buf = appendWords(buf, low)
		var ws []string // nil for none, as words returns
		if len(buf) > from {
			ws = buf[from:len(buf):len(buf)]
		}
		out = append(out, sentence{text: s, low: low, ws: ws})
	}
	n := 1 // sentence ends, at most: the slice is allocated once
	for i := 0; i < len(text); i++ {
		if sentenceEnd(text, i) {
			n++
		}
	}
	out = make([]sentence, 0, n)
	buf = make([]string, 0, strings.Count(text, " ")+n)
	start := 0
	for i := 0; i < len(text); i++ {
		if !sentenceEnd(text, i) {
			continue
		}
		if text[i] == '.' && ordinalDay(text, i) {
			continue // "am 20. März": a German day, not a sentence end
		}
		add(start, i+1)
		start = i + 1
	}
	add(start, len(text))
	if len(out) == 0 {
		return nil // no sentence: nil, not an empty slice
	}
	return out
}

// sentenceEnd reports a line break at text[i], or ., !, ? or ; followed
// by white space or the end of text.
func sentenceEnd(text string, i int) bool {
	c := text[i]
	return c == '\n' || ((c == '.' || c == '!' || c == '?' || c == ';') && (i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\n' || text[i+1] == '\t' || text[i+1] == '\r'))
}

// asciiSpace is the white space strings.TrimSpace removes from ASCII text.
const asciiSpace = "\t\n\v\f\r "

// foldsInPlace reports whether fold(s) keeps every byte where it is: s
// is ASCII without a backquote (which folds to an apostrophe).
func foldsInPlace(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 || s[i] == '`' {
			return false
		}
	}
	return true
}

// ordinalDay reports a '.' at text[i] that follows a day number of one or
// two digits and precedes a month name ("20. März", "1. April").
func ordinalDay(text string, i int) bool {
	j := i
	for j > 0 && isDigit(text[j-1]) {
		j--
	}
	if n := i - j; n < 1 || n > 2 || j > 0 && isASCIIWord(text[j-1]) || i+1 >= len(text) || text[i+1] != ' ' {
		return false
	}
	k := i + 2
	for k < len(text) && text[k] != ' ' && text[k] != '.' && text[k] != ',' && text[k] != '\n' {
		k++
	}
	_, ok := months[fold(text[i+2:k])]
	return ok
}

// clip shortens s to at most n runes at a word boundary, adding "…".
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	cut := string(rs[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}
