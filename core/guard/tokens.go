package guard

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"handoff/core/internal/textindex"
)

// token is one word of a text, lower-cased, with its byte range in the
// text. sent and clause say whether a sentence or clause boundary lies
// between it and the word before.
type token struct {
	s          string
	start, end int
	sent       bool
	clause     bool
}

// tokenize splits text into words. A word is a run of letters, digits and
// marks, joined across inner apostrophes and hyphens ("didn't",
// "follow-ups"); French elisions are split off ("l'utilisateur" is "l'"
// and "utilisateur"). Invalid UTF-8 bytes are separators.
func tokenize(text string) []token {
	return tokenizeN(text, -1)
}

// tokenizeN is tokenize stopping after n words (no limit when n < 0).
func tokenizeN(text string, n int) []token {
	var out []token
	if n >= 0 {
		out = make([]token, 0, n+1)
	} else if len(text) > 0 {
		out = make([]token, 0, len(text)/6+1) // about one word per six bytes
	}
	sent, clause := true, true
	i := 0
	for i < len(text) && (n < 0 || len(out) < n) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			switch r {
			case '.', '!', '?', ';', '\n', '→', '•':
				sent, clause = true, true
			case ',', ':', '(', ')', '"', '“', '”', '«', '»', '–', '—', '>', '=', '/', '[', ']':
				clause = true
			}
			i += size
			continue
		}
		start := i
		for i < len(text) {
			r, size := utf8.DecodeRuneInString(text[i:])
			if isWordRune(r) {
				i += size
				continue
			}
			if isJoiner(r) && i+size < len(text) {
				next, _ := utf8.DecodeRuneInString(text[i+size:])
				if isWordRune(next) {
					i += size
					continue
				}
			}
			break
		}
		word := normWord(text[start:i])
		if n := elision(text[start:i]); n > 0 {
			out = append(out, token{s: normWord(text[start : start+n]), start: start, end: start + n, sent: sent, clause: clause})
			out = append(out, token{s: normWord(text[start+n : i]), start: start + n, end: i})
		} else {
			out = append(out, token{s: word, start: start, end: i, sent: sent, clause: clause})
		}
		sent, clause = false, false
	}
	return out
}

func isWordRune(r rune) bool {
	if r < 0x80 {
		return r|0x20 >= 'a' && r|0x20 <= 'z' || r >= '0' && r <= '9'
	}
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
}

func isJoiner(r rune) bool { return r == '\'' || r == '’' || r == '-' }

// normWord lower-cases w and writes apostrophes as '. The byte length can
// change ('’' is three bytes), so offsets always come from the text.
func normWord(w string) string {
	w = strings.ToLower(w)
	if strings.Contains(w, "’") {
		w = strings.ReplaceAll(w, "’", "'")
	}
	return w
}

// normKey appends normWord(w) to dst, for map look-ups that then need
// no string: ASCII is lowered byte by byte, other text goes through
// normWord.
func normKey(dst []byte, w string) []byte {
	if out, ok := textindex.AppendLowerASCII(dst, w); ok {
		return out
	}
	return append(dst, normWord(w)...)
}

// elision returns the byte length of a French elided article or pronoun
// at the start of w ("l'", "D’", "qu'" …), or 0.
func elision(w string) int {
	if !strings.ContainsAny(w, "'’") {
		return 0
	}
	for _, p := range []string{"qu", "l", "d", "j", "n", "s", "c", "m", "t"} {
		if len(w) <= len(p) || !strings.EqualFold(w[:len(p)], p) {
			continue
		}
		for _, a := range []string{"'", "’"} {
			if strings.HasPrefix(w[len(p):], a) && len(w) > len(p)+len(a) {
				return len(p) + len(a)
			}
		}
	}
	return 0
}
