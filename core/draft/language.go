package draft

import (
	"strings"
	"sync"

	"handoff/core/thread"
)

// stopwords are frequent short words per language, enough to tell which
// language the customer writes in.
var stopwords = map[string][]string{
	"English": {"the", "and", "is", "with", "not", "we", "our", "you", "it", "this", "for", "have"},
	"German":  {"der", "die", "das", "und", "ist", "nicht", "wir", "mit", "ich", "sie", "auf", "den"},
	"Spanish": {"el", "la", "los", "las", "y", "es", "no", "con", "por", "para", "que", "mi"},
	"French":  {"le", "la", "les", "et", "est", "pas", "nous", "avec", "pour", "que", "je", "une"},
}

// stopLangs maps each stopword to the languages it belongs to, built on
// first use.
var stopLangs = sync.OnceValue(func() map[string][]string {
	out := map[string][]string{}
	for lang, ws := range stopwords {
		for _, w := range ws {
			out[w] = append(out[w], lang)
		}
	}
	return out
})

// languageWords is how many customer words language reads: enough to
// tell, and a long thread costs no more than a short one.
const languageWords = 3000

// language names the customer's language when it is not English, or ""
// for English or when it cannot tell.
func language(th *thread.Thread) string {
	count := map[string]int{}
	read := 0
	for _, m := range th.Messages {
		if m.Author.Role == thread.Agent || read > languageWords {
			continue
		}
		for _, w := range strings.Fields(strings.ToLower(m.Text)) {
			read++
			for _, lang := range stopLangs()[strings.Trim(w, ".,;:!?¿¡\"'()")] {
				count[lang]++
			}
		}
	}
	best, bestN := "", count["English"]
	for _, lang := range []string{"German", "Spanish", "French"} {
		if count[lang] > bestN+1 {
			best, bestN = lang, count[lang]
		}
	}
	return best
}
