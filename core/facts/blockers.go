package facts

import (
	"sort"
	"strings"

	"handoff/core/thread"
)

var (
	blockerLex   = lazyLex(blockerTable)
	inabilityLex = lazyLex(inabilityTable)
)

// blockers collects, per kind, the agent messages (internal notes most of
// all) that show what support lacks. Customer messages count only for
// security: a customer reporting a takeover is evidence enough.
func blockers(ms []*msg) []Blocker {
	var out []Blocker
	index := map[string]int{}
	strong := map[string]bool{} // the evidence says support cannot
	var alone []*msg            // support saying it cannot, no kind named
	var aloneText []string
	for _, m := range ms {
		if m.role == thread.System || m.role == thread.Bot {
			continue
		}
		for si, s := range m.sents {
			text, ws := s.text, s.ws
			if strings.HasSuffix(text, ";") && si+1 < len(m.sents) {
				// "This is in the service code; support can't change it."
				text += " " + m.sents[si+1].text
				ws = append(append([]string(nil), ws...), m.sents[si+1].ws...)
			}
			cannot := m.role == thread.Agent && inabilityLex().has(ws, "")
			hs := blockerLex().find(s.ws)
			if cannot && len(hs) == 0 {
				alone, aloneText = append(alone, m), append(aloneText, text)
			}
			for _, h := range hs {
				if m.role != thread.Agent && h.key != NeedsSecurity {
					continue
				}
				i, ok := index[h.key]
				if !ok {
					i = len(out)
					index[h.key] = i
					out = append(out, Blocker{Kind: h.key, Label: blockerLabels[h.key], Evidence: clip(text, 200), EvidenceCite: m.n})
				}
				b := &out[i]
				b.Cites = addCite(b.Cites, m.n)
				// Evidence: a sentence saying support cannot beats one
				// that only names the need; an internal note beats a
				// public reply.
				switch {
				case cannot && (!strong[h.key] || m.internal && !b.Internal):
					strong[h.key] = true
					b.Evidence, b.EvidenceCite = clip(text, 200), m.n
					b.Internal = b.Internal || m.internal
				case !strong[h.key] && m.internal && !b.Internal:
					b.Internal = true
					b.Evidence, b.EvidenceCite = clip(text, 200), m.n
				case m.internal:
					b.Internal = true
				}
			}
		}
	}
	for i := range out {
		out[i].Stated = strong[out[i].Kind]
	}
	if len(alone) > 0 {
		if len(out) == 0 {
			out = append(out, Blocker{Kind: NeedsOther, Label: blockerLabels[NeedsOther], Evidence: clip(aloneText[0], 200), EvidenceCite: alone[0].n})
			strong[NeedsOther] = true
		}
		b := &out[mostCited(out)]
		for i, m := range alone {
			b.Cites = addCite(b.Cites, m.n)
			if !strong[b.Kind] || m.internal && !b.Internal {
				strong[b.Kind] = true
				b.Evidence, b.EvidenceCite = clip(aloneText[i], 200), m.n
			}
			b.Internal = b.Internal || m.internal
		}
		sort.Ints(b.Cites)
		b.Stated = true
	}
	return out
}

// mostCited returns the index of the blocker with the most messages.
func mostCited(bs []Blocker) int {
	best := 0
	for i := range bs {
		if len(bs[i].Cites) > len(bs[best].Cites) {
			best = i
		}
	}
	return best
}
