package facts

import (
	"sort"

	"handoff/core/thread"
)

var (
	attemptLex = compile(attemptTable)
	requestLex = compile(requestTable)
	negatedLex = compile(negatedTable)
	outcomeLex = compile(outcomeTable)
)

// pending is an attempt while its outcome is being found: where it was
// mentioned and where the customer reported doing it.
type pending struct {
	Attempt
	mi, si   int // message and sentence index of the mention
	rmi, rsi int // the customer's report, or -1
}

// outcomeWindow is how many later customer-side messages are read for an
// attempt's outcome.
const outcomeWindow = 3

func attempts(ms []*msg, events []thread.Event) []Attempt {
	var ps []*pending
	for mi, m := range ms {
		if m.role == thread.System || m.role == thread.Bot {
			continue
		}
		seen := map[string]bool{}
		for si := range m.sents {
			s := &m.sents[si]
			hs := s.attemptHits()
			if len(hs) == 0 || negatedLex.has(s.ws, "") {
				continue
			}
			asked := m.role == thread.Agent && requestLex.has(s.ws, "")
			for _, h := range hs {
				if seen[h.key] {
					continue
				}
				seen[h.key] = true
				p := &pending{Attempt: Attempt{Kind: h.key, Label: attemptLabels[h.key], By: "customer", Cites: []int{m.n}}, mi: mi, si: si, rmi: -1, rsi: -1}
				switch {
				case m.role == thread.Agent && (asked || infoKinds[h.key]):
					p.Asked = true
				case m.role == thread.Agent:
					p.By = "agent"
				default:
					if ask := openAsk(ps, h.key, ms, mi); ask != nil {
						ask.Cites = addCite(ask.Cites, m.n)
						ask.rmi, ask.rsi = mi, si
						continue
					}
					p.rmi, p.rsi = mi, si
				}
				ps = append(ps, p)
			}
		}
	}
	for _, e := range events {
		if e.Kind != thread.MacroApplied {
			continue
		}
		name := e.To
		if name == "" {
			name = e.From
		}
		p := &pending{Attempt: Attempt{Kind: "macro", Label: attemptLabels["macro"], By: "agent", Macro: name}, mi: -1, rmi: -1, rsi: -1}
		if e.After > 0 {
			p.Cites = []int{e.After}
		}
		for i, m := range ms {
			if m.n <= e.After {
				p.mi = i
			}
		}
		ps = append(ps, p)
	}
	out := make([]Attempt, 0, len(ps))
	for _, p := range ps {
		resolve(p, ms)
		out = append(out, p.Attempt)
	}
	sort.SliceStable(out, func(i, j int) bool { return first(out[i].Cites) < first(out[j].Cites) })
	return out
}

func first(cites []int) int {
	if len(cites) == 0 {
		return 0
	}
	return cites[0]
}

// openAsk returns the latest agent request of kind the customer has not
// yet reported on, when at most outcomeWindow customer messages came since.
func openAsk(ps []*pending, kind string, ms []*msg, mi int) *pending {
	for i := len(ps) - 1; i >= 0; i-- {
		p := ps[i]
		if p.Kind != kind || !p.Asked || p.rmi >= 0 || p.mi < 0 {
			continue
		}
		between := 0
		for _, m := range ms[p.mi+1 : mi] {
			if m.fromCustomer() {
				between++
			}
		}
		if between < outcomeWindow {
			return p
		}
		return nil
	}
	return nil
}

// resolve finds p's outcome: first in the customer's own report, then in
// the later customer messages and internal notes.
func resolve(p *pending, ms []*msg) {
	p.Outcome = Unknown
	if p.rmi >= 0 {
		if sentenceOutcome(p, ms[p.rmi], p.rsi) {
			return
		}
		if infoKinds[p.Kind] {
			setOutcome(p, ms[p.rmi], -1, Provided)
			return
		}
	}
	start := p.mi + 1
	if p.rmi >= 0 {
		start = p.rmi + 1
	}
	seen := 0
	for i := start; i >= 0 && i < len(ms) && seen < outcomeWindow; i++ {
		m := ms[i]
		if !m.fromCustomer() && !(m.internal && m.role == thread.Agent) {
			continue
		}
		if m.fromCustomer() {
			seen++
			if infoKinds[p.Kind] {
				if m.files > 0 || m.names(p.Kind) {
					setOutcome(p, m, -1, Provided)
					return
				}
				continue
			}
		}
		if messageOutcome(p, m) {
			return
		}
	}
}

// names reports whether a sentence of m names an attempt of kind.
func (m *msg) names(kind string) bool {
	for i := range m.sents {
		if hasKey(m.sents[i].attemptHits(), kind) {
			return true
		}
	}
	return false
}

// sentenceOutcome reads the customer's report of p: the sentence of the
// mention, then the sentences after it until another attempt is named,
// then the sentences before it that name no attempt.
func sentenceOutcome(p *pending, m *msg, si int) bool {
	for i := si; i < len(m.sents); i++ {
		hs := m.sents[i].attemptHits()
		if i > si && len(hs) > 0 && !hasKey(hs, p.Kind) {
			break
		}
		if o := m.sents[i].reported(); o != "" {
			setOutcome(p, m, i, o)
			return true
		}
	}
	for i := si - 1; i >= 0; i-- {
		if len(m.sents[i].attemptHits()) > 0 {
			continue
		}
		if o := m.sents[i].reported(); o != "" {
			setOutcome(p, m, i, o)
			return true
		}
	}
	return false
}

// messageOutcome reads a later message for p's outcome. A sentence that
// names another attempt speaks for that one, unless it names p's too.
func messageOutcome(p *pending, m *msg) bool {
	best, bestOutcome := -1, ""
	for i := range m.sents {
		s := &m.sents[i]
		o := s.reported()
		if o == "" {
			continue
		}
		hs := s.attemptHits()
		if hasKey(hs, p.Kind) {
			best, bestOutcome = i, o
			break
		}
		if len(hs) == 0 && best < 0 {
			best, bestOutcome = i, o
		}
	}
	if best < 0 {
		return false
	}
	setOutcome(p, m, best, bestOutcome)
	return true
}

func hasKey(hs []hit, key string) bool {
	for _, h := range hs {
		if h.key == key {
			return true
		}
	}
	return false
}

// outcomeOf says what a sentence reports: partial before failed before
// worked; "" when it reports nothing.
func outcomeOf(ws []string) string {
	found := map[string]bool{}
	for _, h := range outcomeLex.find(ws) {
		found[h.key] = true
	}
	for _, o := range []string{Partial, Failed, Worked} {
		if found[o] {
			return o
		}
	}
	return ""
}

func setOutcome(p *pending, m *msg, si int, outcome string) {
	p.Outcome = outcome
	p.OutcomeCite = m.n
	if si >= 0 && si < len(m.sents) {
		p.OutcomeText = clip(m.sents[si].text, 160)
		if es := errorValues(m.sents[si].text); len(es) > 0 {
			p.Detail = es[0]
			return
		}
	}
	if es := m.errorValues(); len(es) > 0 {
		p.Detail = es[0]
	}
}
