package facts

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// httpStatuses returns the HTTP statuses line states with context, in
// order: "502 Bad Gateway" (a reason phrase after it) or "HTTP 502",
// "error: 429", "same 502", "getting a 504", "Fehler 500", "código 503"
// (a status word before it, an article allowed between). A bare number
// ("we have 500 users") is not a status. It reads the line by hand: the
// regular expression it replaces cost more than the rest of the
// extraction on long threads.
func httpStatuses(line string) []string {
	var out []string
	for i := 0; i+3 <= len(line); i++ {
		if !isDigit(line[i]) || i > 0 && isASCIIWord(line[i-1]) {
			continue
		}
		j := i
		for j < len(line) && isDigit(line[j]) {
			j++
		}
		if j-i != 3 || line[i] != '4' && line[i] != '5' {
			i = j
			continue
		}
		end := j
		if end < len(line) && line[end] == 's' {
			end++
		}
		if end < len(line) && isASCIIWord(line[end]) {
			i = j
			continue
		}
		if reasonAfter(line[j:]) || statusWordBefore(line[:i]) {
			out = append(out, line[i:j])
		}
		i = j
	}
	return out
}

// reasonPhrases follow a status: "502 Bad Gateway", "429 - Too Many Requests".
var reasonPhrases = []string{"bad gateway", "internal server error", "not found", "forbidden", "unauthorized", "unauthorised",
	"gateway timeout", "gateway time-out", "service unavailable", "too many requests", "bad request", "conflict",
	"payload too large", "request timeout", "unprocessable"}

func reasonAfter(s string) bool {
	k := 0
	for k < len(s) && (s[k] == ' ' || s[k] == '\t' || s[k] == '-') {
		k++
	}
	if k == 0 {
		return false
	}
	rest := strings.ToLower(s[k:min(len(s), k+24)])
	for _, p := range reasonPhrases {
		if strings.HasPrefix(rest, p) {
			return true
		}
	}
	return false
}

// statusWords precede a status; articles may stand between.
var (
	statusWords = map[string]bool{"http": true, "error": true, "errors": true, "status": true, "code": true, "same": true,
		"getting": true, "got": true, "get": true, "returns": true, "returned": true, "throws": true, "fehler": true,
		"fehlercode": true, "erreur": true, "código": true, "codigo": true, "mismo": true, "même": true, "gleiche": true, "gleichen": true}
	statusArticles = map[string]bool{"the": true, "a": true, "an": true, "this": true, "that": true, "another": true, "other": true,
		"el": true, "le": true, "la": true, "den": true, "die": true, "der": true}
)

// statusWordBefore reports whether s ends with a status word, an optional
// article and separators (spaces, ':', '#', '-').
func statusWordBefore(s string) bool {
	s = strings.TrimRight(s, " \t:#-")
	w, rest := lastWord(s)
	if statusArticles[w] && rest != "" && unicode.IsSpace(rune(rest[len(rest)-1])) {
		w, _ = lastWord(rest[:len(rest)-1])
	}
	return statusWords[w]
}

// lastWord returns the letters that end s, lower-cased, and what is
// before them; "" when s does not end with a letter or the word is glued
// to a digit or underscore.
func lastWord(s string) (string, string) {
	k := len(s)
	for k > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:k])
		if !unicode.IsLetter(r) {
			break
		}
		k -= size
	}
	if k == len(s) || k > 0 && isASCIIWord(s[k-1]) {
		return "", s
	}
	return strings.ToLower(s[k:]), s[:k]
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func isASCIIWord(b byte) bool {
	return isDigit(b) || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b == '_'
}
