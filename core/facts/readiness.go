package facts

import (
	"strings"

	"handoff/core/thread"
)

// holdLex finds a note saying not to escalate yet.
var holdLex = lazyLex(holdTable)

var holdTable = []Phrase{
	{"hold", "en", []string{"not yet", "don't escalate", "do not escalate", "too early to escalate", "get the answers first", "need more info*", "needs more info*", "before we escalate", "before escalating", "will just bounce it back", "bounce it back"}},
	{"hold", "de", []string{"noch nicht eskalieren", "nicht eskalieren", "noch nicht", "erst die antworten", "brauchen mehr informationen", "vor der eskalation"}},
	{"hold", "es", []string{"todavia no", "aun no", "no escales", "no escalar", "necesitamos mas informacion", "antes de escalar"}},
	{"hold", "fr", []string{"pas encore", "pas tout de suite", "n'escalade pas", "ne pas escalader", "besoin de plus d'informations", "avant d'escalader"}},
}

// notReady returns why the ticket should not move up yet: support's
// questions the customer has not answered (the last public agent message
// asks and no customer reply followed, or the replies since share no word
// with the questions), and an internal note saying to wait.
func notReady(ms []*msg) []Evidence {
	var out []Evidence
	lastAsk := -1
	for i, m := range ms {
		if m.publicAgent() && asksCustomer(m) {
			lastAsk = i
		}
	}
	if lastAsk >= 0 {
		answered := false
		for _, m := range ms[lastAsk+1:] {
			if m.fromCustomer() && !m.internal && (len(m.sents) > 0 && answers(ms[lastAsk], m) || m.files > 0) {
				answered = true
			}
		}
		if !answered {
			cites := []int{ms[lastAsk].n}
			// Earlier asks the customer also left open.
			for i := lastAsk - 1; i >= 0; i-- {
				if m := ms[i]; m.publicAgent() && asksCustomer(m) {
					if !answeredSince(ms, i) {
						cites = append([]int{m.n}, cites...)
					}
					break
				}
			}
			out = append(out, Evidence{Text: "the customer has not answered support's questions", Cites: cites})
		}
	}
	for _, m := range ms {
		if m.role != thread.Agent || !m.internal {
			continue
		}
		for _, s := range m.sents {
			if holdLex().has(s.ws, "") {
				out = append(out, Evidence{Text: clip(s.text, 160), Cites: []int{m.n}})
				return out
			}
		}
	}
	return out
}

// asksCustomer reports a message with two or more questions to the
// customer, or a numbered or bulleted list after "could you tell me".
func asksCustomer(m *msg) bool {
	n := 0
	for _, s := range m.sents {
		if strings.HasSuffix(strings.TrimSpace(s.text), "?") {
			n++
		}
	}
	return n >= 2 || n >= 1 && strings.Count(m.text, "\n-")+strings.Count(m.text, "\n1.")+strings.Count(m.text, "\n•") > 0 ||
		strings.Count(m.text, "\n- ") >= 3
}

// answers reports whether reply shares a content word with ask's
// questions and list items.
func answers(ask, reply *msg) bool {
	want := map[string]bool{}
	for _, s := range ask.sents {
		t := strings.TrimSpace(s.text)
		if strings.HasSuffix(t, "?") || strings.HasPrefix(t, "-") || strings.HasPrefix(t, "•") || len(t) > 1 && t[0] >= '0' && t[0] <= '9' {
			for _, w := range contentWords(s.ws) {
				want[w] = true
			}
		}
	}
	for _, s := range reply.sents {
		for _, w := range s.ws {
			if want[w] {
				return true
			}
		}
	}
	return false
}

// answeredSince reports whether a customer reply after ms[i] answers it.
func answeredSince(ms []*msg, i int) bool {
	for _, m := range ms[i+1:] {
		if m.fromCustomer() && !m.internal && (answers(ms[i], m) || m.files > 0) {
			return true
		}
	}
	return false
}
