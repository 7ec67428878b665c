package guard

import (
	"reflect"
	"sort"
	"strings"
	"testing"
)

// findAll is lexicon.find as it tried every entry not keyed by a literal
// first word at every token: the oracle of the head index.
func findAll(l *lexicon, list string, toks []token) []hit {
	var out []hit
	entries := l.lists[list]
	for i := range toks {
		for pass := 0; pass < 2; pass++ {
			for k := range entries {
				t := entries[k].terms[0]
				literal := !t.prefix && !t.opt && t.list == ""
				if pass == 0 && !(literal && t.word == toks[i].s) || pass == 1 && literal {
					continue
				}
				if j := l.match(&entries[k], toks, i); j > i {
					out = append(out, hit{e: &entries[k], i: i, j: j})
				}
			}
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].i < out[b].i })
	return out
}

func TestFindMatchesEveryEntry(t *testing.T) {
	l := lex()
	var texts []string
	for _, es := range l.lists {
		for _, e := range es {
			texts = append(texts, "the customer is "+e.text+" and "+strings.ToUpper(e.text)+".")
		}
	}
	texts = append(texts, "Der Kunde ist wütend und frustriert; el cliente está enfadado. Engineering must fix it ASAP.")
	for _, text := range texts {
		toks := tokenize(text)
		for list := range l.lists {
			if got, want := l.find(list, toks), findAll(l, list, toks); !reflect.DeepEqual(got, want) {
				t.Fatalf("find(%s, %q) = %v, want %v", list, text, got, want)
			}
		}
	}
}
