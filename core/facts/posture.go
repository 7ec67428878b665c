package facts

import (
	"strings"
)

var postureLex = lazyLex(postureTable)

// posture gathers the customer's position as facts: what the entities say
// about deadlines, money and users, what the attempts say about failed
// workarounds, and what the customer's own messages say.
func posture(ms []*msg, f *Facts, deadlines []Entity) Posture {
	p := Posture{WaitingDays: f.Timeline.WaitingDays, Deadlines: deadlines}
	for _, e := range f.Entities {
		switch e.Kind {
		case KindAmount:
			p.Money = append(p.Money, e)
		case KindUsers:
			p.Users = append(p.Users, e)
		}
	}
	// Failed workarounds are distinct: the same fix failing on every
	// retry is one failed workaround, cited where each failure is told.
	failedKinds := map[string]bool{}
	for _, a := range f.Attempts {
		if a.Outcome == Failed && !infoKinds[a.Kind] {
			if !failedKinds[a.Kind] {
				failedKinds[a.Kind] = true
				p.FailedAttempts++
			}
			p.FailedCites = addCite(p.FailedCites, a.OutcomeCite)
		}
	}
	index := map[string]int{}
	unanswered := false
	for _, m := range ms {
		if m.publicAgent() {
			unanswered = false
			continue
		}
		if !m.fromCustomer() || m.internal {
			continue
		}
		if unanswered {
			p.FollowUps = append(p.FollowUps, m.n)
		}
		unanswered = true
		for _, s := range m.sents {
			question := strings.Contains(s.text, "?") || strings.Contains(s.text, "¿")
			for _, h := range postureLex().find(s.ws) {
				kind := h.key
				if kind == askedWhen {
					if !question {
						continue
					}
					kind = SignalETA
				}
				if kind == SignalETA {
					p.ETAAsks = addCite(p.ETAAsks, m.n)
					continue
				}
				i, ok := index[kind]
				if !ok {
					i = len(p.Signals)
					index[kind] = i
					p.Signals = append(p.Signals, Signal{Kind: kind, Label: signalLabels[kind], Text: clip(s.text, 200)})
				}
				p.Signals[i].Cites = addCite(p.Signals[i].Cites, m.n)
			}
		}
	}
	p.Unanswered = unansweredQuestions(ms)
	return p
}

// unansweredQuestions returns customer questions that no later public
// agent reply addresses: no reply at all, or none sharing a content word
// (five letters or more) with the question. One pass from the end keeps
// long threads linear: for each word, the last public agent reply using it.
func unansweredQuestions(ms []*msg) []Question {
	lastUse := map[string]int{}
	lastReply := -1
	for i, m := range ms {
		if !m.publicAgent() {
			continue
		}
		lastReply = i
		for _, s := range m.sents {
			for _, w := range s.ws {
				lastUse[w] = i
			}
		}
	}
	var out []Question
	for i, m := range ms {
		if !m.fromCustomer() || m.internal {
			continue
		}
		for _, s := range m.sents {
			if !strings.HasSuffix(strings.TrimSpace(s.text), "?") {
				continue
			}
			answered := false
			cw := contentWords(s.ws)
			if len(cw) == 0 {
				answered = lastReply > i
			}
			for _, w := range cw {
				if j, ok := lastUse[w]; ok && j > i {
					answered = true
					break
				}
			}
			if !answered {
				out = append(out, Question{Cite: m.n, Text: clip(s.text, 160)})
			}
		}
	}
	return out
}

func contentWords(ws []string) []string {
	var out []string
	for _, w := range ws {
		if len([]rune(w)) >= 5 && !stopWords[w] {
			out = append(out, w)
		}
	}
	return out
}

// stopWords are common long words that say nothing about a question's
// subject.
var stopWords = map[string]bool{
	"could": true, "would": true, "should": true, "there": true, "their": true, "about": true, "please": true,
	"thanks": true, "thank": true, "which": true, "where": true, "while": true, "these": true, "those": true,
	"still": true, "again": true, "what's": true, "anything": true, "something": true, "really": true,
	"haben": true, "konnen": true, "konnten": true, "bitte": true, "danke": true, "warum": true, "immer": true,
	"puede": true, "podria": true, "gracias": true, "donde": true, "todavia": true, "porque": true,
	"pourriez": true, "pouvez": true, "merci": true, "votre": true, "notre": true, "toujours": true, "pourquoi": true,
}
