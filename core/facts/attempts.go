package facts

import (
	"sort"
	"strings"

	"handoff/core/thread"
)

var (
	attemptLex = lazyLex(attemptTable)
	requestLex = lazyLex(requestTable)
	negatedLex = lazyLex(negatedTable)
	outcomeLex = lazyLex(outcomeTable)
)

// pending is an attempt while its outcome is being found: where it was
// mentioned and where the customer reported doing it.
type pending struct {
	Attempt
	mi, si   int // message and sentence index of the mention
	rmi, rsi int // the customer's report, or -1
	phrase   []string
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
			if len(hs) == 0 || negatedLex().has(s.ws, "") {
				continue
			}
			asked := m.role == thread.Agent && !m.internal && requestLex().has(s.ws, "") // a note asks no one
			for hi, h := range hs {
				if seen[h.key] || onsetKinds[h.key] && onsetLex().has(s.ws, "") {
					continue // "since the update to 6.4.0": when it began, not an attempt
				}
				seen[h.key] = true
				p := &pending{Attempt: Attempt{Kind: h.key, Label: attemptLabels[h.key], By: "customer", Cites: []int{m.n}}, mi: mi, si: si, rmi: -1, rsi: -1,
					phrase: requestWords(s.ws, hs, hi)}
				info := infoKinds[h.key]
				switch {
				case info && m.role == thread.Agent:
					// An information request is asked once, in public;
					// later mentions ("HAR checked", "with the HAR file")
					// refer to it.
					if m.internal || requested(ps, h.key) {
						continue
					}
					p.Asked = true
				case m.role == thread.Agent && asked:
					p.Asked = true
				case m.role == thread.Agent:
					// Support's own attempt: its note usually says how it
					// went ("Re-ran it at 12:00 - same error"); a later
					// note naming the same thing reports on it.
					if prior := recentOwn(ps, h.key, ms, mi); prior != nil {
						prior.Cites = addCite(prior.Cites, m.n)
						if !ms[prior.rmi].reports(prior.rsi) {
							prior.rmi, prior.rsi = mi, si
						}
						continue
					}
					if m.internal && tried(ps, h.key) {
						continue // a note recapping what was tried ("resync and 3.2.0 changed nothing")
					}
					p.By = "agent"
					p.rmi, p.rsi = mi, si
				default:
					if ask := openAsk(ps, h.key, ms, mi); ask != nil {
						ask.Cites = addCite(ask.Cites, m.n)
						ask.rmi, ask.rsi = mi, si
						continue
					}
					// The customer answering what support did ("the
					// postmortems are not what I asked for").
					if prior := recentOwn(ps, h.key, ms, mi); prior != nil {
						prior.Cites = addCite(prior.Cites, m.n)
						if !ms[prior.rmi].reports(prior.rsi) {
							prior.rmi, prior.rsi = mi, si
						}
						continue
					}
					if info {
						continue // information the customer sends unasked is not an attempt
					}
					p.rmi, p.rsi = mi, si
				}
				ps = append(ps, p)
			}
		}
	}
	// A macro is an attempt when its name names one ("Request HAR file",
	// "Clear cache instructions"): it joins the request of that kind in
	// the same message, or stands as one. Other macros (closing,
	// routing, greetings) are not attempts.
	for _, e := range events {
		if e.Kind != thread.MacroApplied {
			continue
		}
		name := e.To
		if name == "" {
			name = e.From
		}
		hs := attemptLex().find(words(fold(name)))
		if len(hs) == 0 {
			continue
		}
		kind := hs[0].key
		if q := requestIn(ps, kind, e.After); q != nil {
			q.Macro = name
			continue
		}
		p := &pending{Attempt: Attempt{Kind: kind, Label: attemptLabels[kind], By: "customer", Asked: true, Macro: name}, mi: -1, rmi: -1, rsi: -1}
		if infoKinds[kind] && requested(ps, kind) {
			continue
		}
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

// onsetLex finds a sentence telling when the problem began ("since the
// update", "desde que se actualizó"): a version change named there is the
// onset, not something tried.
var onsetLex = lazyLex([]Phrase{
	{"onset", "en", []string{"since ~ updat*", "since ~ upgrad*", "since ~ release", "after ~ updat* ~ app", "ever since"}},
	{"onset", "de", []string{"seit ~ update", "seit ~ aktualisier*", "seit der version", "nach dem update"}},
	{"onset", "es", []string{"desde que ~ actualiz*", "desde la actualizacion", "desde la version", "tras la actualizacion"}},
	{"onset", "fr", []string{"depuis ~ mise a jour", "depuis ~ mis a jour", "depuis la version", "apres la mise a jour"}},
})

// onsetKinds are the attempts an onset sentence names without trying.
var onsetKinds = map[string]bool{"update": true, "rollback": true}

// requested reports whether an agent already asked for kind.
func requested(ps []*pending, kind string) bool {
	for _, p := range ps {
		if p.Kind == kind && p.Asked {
			return true
		}
	}
	return false
}

// tried reports whether an attempt of kind is already recorded.
func tried(ps []*pending, kind string) bool {
	for _, p := range ps {
		if p.Kind == kind {
			return true
		}
	}
	return false
}

// requestIn returns the attempt of kind first mentioned in message n.
func requestIn(ps []*pending, kind string, n int) *pending {
	for _, p := range ps {
		if p.Kind == kind && len(p.Cites) > 0 && p.Cites[0] == n {
			return p
		}
	}
	return nil
}

// requestWords are the content words around hit hs[i] in ws, up to the
// next attempt named in the sentence: what the request said about this
// attempt ("a shorter date range, for example one week at a time"), to
// find the reply's sentence about it.
func requestWords(ws []string, hs []hit, i int) []string {
	start, end := max(0, hs[i].start-2), min(len(ws), hs[i].end+10)
	for _, h := range hs {
		if h.start > hs[i].start && h.start < end {
			end = h.start
		}
		if h.end <= hs[i].start && h.end > start {
			start = h.end
		}
	}
	var out []string
	for _, w := range ws[start:end] {
		if len([]rune(w)) >= 4 && !stopWords[w] && !shortStops[w] {
			out = append(out, w)
		}
	}
	return out
}

// shortStops are four-letter words that say nothing about an attempt.
var shortStops = map[string]bool{"that": true, "with": true, "this": true, "from": true, "your": true, "then": true, "also": true,
	"into": true, "once": true, "have": true, "been": true, "were": true, "will": true, "them": true, "they": true, "what": true,
	"when": true, "some": true, "more": true, "only": true, "just": true, "like": true, "each": true, "very": true, "much": true,
	"uber": true, "eine": true, "sich": true, "nach": true, "auch": true, "oder": true, "dann": true, "pero": true, "como": true,
	"para": true, "esta": true, "este": true, "sont": true, "avec": true, "dans": true, "pour": true, "mais": true, "vous": true, "nous": true}

// recentOwn returns the latest attempt of kind support made itself in an
// earlier message, when at most outcomeWindow messages came since.
func recentOwn(ps []*pending, kind string, ms []*msg, mi int) *pending {
	for i := len(ps) - 1; i >= 0; i-- {
		p := ps[i]
		if p.Kind != kind || p.By != "agent" || p.mi < 0 || p.mi >= mi || p.rmi < 0 {
			continue
		}
		if mi-p.mi <= outcomeWindow {
			return p
		}
		return nil
	}
	return nil
}

// reports reports whether sentence si of m, or one after it, tells an
// outcome.
func (m *msg) reports(si int) bool {
	for i := si; i >= 0 && i < len(m.sents); i++ {
		if m.outcomeAt(i) != "" || i == si && arrowOutcome(&m.sents[i]) != "" {
			return true
		}
	}
	return false
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
				if between++; between >= outcomeWindow {
					break // too far back; stop counting, long threads stay linear
				}
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
		if infoKinds[p.Kind] {
			setOutcome(p, ms[p.rmi], -1, Provided)
			return
		}
		if sentenceOutcome(p, ms[p.rmi], p.rsi) {
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
		o := m.outcomeAt(i)
		if o == "" && i == si {
			o = arrowOutcome(&m.sents[i])
		}
		if o != "" {
			setOutcome(p, m, i, o)
			return true
		}
	}
	for i := si - 1; i >= 0 && p.By != "agent"; i-- { // support tells an outcome after the action
		if len(m.sents[i].attemptHits()) > 0 {
			continue
		}
		if o := m.outcomeAt(i); o != "" {
			setOutcome(p, m, i, o)
			return true
		}
	}
	return false
}

// arrowOutcome reads "X → result" in a note sentence: a result after an arrow that
// states an error or refusal is a failure ("Tried Recalculate invoice ->
// Invoice already paid"); "" when there is no arrow or it says nothing.
func arrowOutcome(s *sentence) string {
	text := s.text
	i := strings.Index(text, "->")
	if j := strings.Index(text, "→"); j >= 0 && (i < 0 || j < i) {
		i = j
	}
	if i < 0 {
		return triedBut(s.ws)
	}
	ws := words(fold(text[i:]))
	if o := outcomeOf(ws); o != "" {
		return o
	}
	for _, w := range ws {
		if refusalWords[w] {
			return Failed
		}
	}
	return ""
}

// triedBut reads "I tried to re-issue the invoice, but it is already
// paid": an attempt told with "tried to" and then "but" failed. ws are
// the sentence's folded words.
func triedBut(ws []string) string {
	tried := -1
	for i, w := range ws {
		switch {
		case triedWords[w] && tried < 0:
			tried = i
		case tried >= 0 && contrastWords[w] && w != "sin" && w != "nur":
			return Failed
		}
	}
	return ""
}

// triedWords open an attempt told as tried.
var triedWords = map[string]bool{"tried": true, "attempted": true, "versucht": true, "versuchte": true, "intente": true, "intentamos": true,
	"intento": true, "essaye": true, "tente": true}

// refusalWords after an arrow mark a failed attempt.
var refusalWords = map[string]bool{"error": true, "failed": true, "fails": true, "denied": true, "refused": true, "rejected": true,
	"invalid": true, "already": true, "requires": true, "cannot": true, "can't": true, "unable": true, "blocked": true, "locked": true,
	"fehler": true, "fehlgeschlagen": true, "abgelehnt": true, "bereits": true, "erfordert": true, "gesperrt": true,
	"rechazado": true, "fallo": true, "requiere": true, "bloqueado": true, "ya": true,
	"erreur": true, "echec": true, "refuse": true, "rejete": true, "deja": true, "necessite": true, "bloque": true}

// messageOutcome reads a later message for p's outcome: a sentence that
// names p; else, among the sentences naming no other attempt, the one
// sharing most words with what the request said about p ("one week at a
// time works" for "a shorter range, one week at a time"); else the first.
func messageOutcome(p *pending, m *msg) bool {
	best, bestOutcome, bestScore := -1, "", 0
	for i := range m.sents {
		s := &m.sents[i]
		o := m.outcomeAt(i)
		if o == "" {
			continue
		}
		hs := s.attemptHits()
		if hasKey(hs, p.Kind) {
			best, bestOutcome = i, o
			break
		}
		if len(hs) > 0 && !shares(s.ws, p.phrase) {
			continue
		}
		if score := overlap(s.ws, p.phrase); best < 0 || score > bestScore {
			best, bestOutcome, bestScore = i, o, score
		}
	}
	if best < 0 {
		return false
	}
	setOutcome(p, m, best, bestOutcome)
	return true
}

// overlap counts the words of phrase that ws holds.
func overlap(ws, phrase []string) int {
	n := 0
	for _, p := range phrase {
		for _, w := range ws {
			if w == p {
				n++
				break
			}
		}
	}
	return n
}

func shares(ws, phrase []string) bool { return overlap(ws, phrase) > 0 }

// contrastWords open a sentence that takes back part of the one before:
// "One week at a time works. But that means five files a month."
var contrastWords = map[string]bool{"but": true, "however": true, "although": true, "though": true, "yet": true,
	"aber": true, "allerdings": true, "jedoch": true, "nur": true, "pero": true, "aunque": true, "sin": true,
	"mais": true, "cependant": true, "toutefois": true, "pourtant": true}

// outcomeAt is what sentence i of m reports; "worked" followed by a
// sentence opening with a contrast word is partial.
func (m *msg) outcomeAt(i int) string {
	o := m.sents[i].reported()
	if o == Worked && i+1 < len(m.sents) {
		if ws := m.sents[i+1].ws; len(ws) > 0 && contrastWords[ws[0]] && (ws[0] != "sin" || len(ws) > 1 && ws[1] == "embargo") {
			return Partial
		}
	}
	return o
}

func hasKey(hs []hit, key string) bool {
	for _, h := range hs {
		if h.key == key {
			return true
		}
	}
	return false
}

// negatedAt reports a negator among the two words before ws[i] ("not",
// "haven't", "nicht", "pas").
func negatedAt(ws []string, i int) bool {
	for k := max(0, i-2); k < i; k++ {
		if negators[ws[k]] || strings.HasSuffix(ws[k], "n't") {
			return true
		}
	}
	return false
}

// outcomeOf says what a sentence reports: partial before failed before
// worked; "" when it reports nothing.
func outcomeOf(ws []string) string {
	found := map[string]bool{}
	for _, h := range outcomeLex().find(ws) {
		if h.key == Worked && negatedAt(ws, h.start) {
			continue
		}
		if h.key == Failed && h.end < len(ws) && pendingWords[ws[h.end]] && (ws[h.start] == "no" || ws[h.start] == "keine" || ws[h.start] == "sin" || ws[h.start] == "pas" || ws[h.start] == "aucune") {
			continue // "no answer yet": still waiting
		}
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
		text, es := m.sents[si].quoted()
		p.OutcomeText = text
		if len(es) > 0 {
			p.Detail = es[0]
			return
		}
	}
	if es := m.errorValues(); len(es) > 0 {
		p.Detail = es[0]
	}
}
