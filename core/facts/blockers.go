package facts

import "handoff/core/thread"

var blockerLex = compile(blockerTable)

// blockers collects, per kind, the agent messages (internal notes most of
// all) that show what support lacks. Customer messages count only for
// security: a customer reporting a takeover is evidence enough.
func blockers(ms []*msg) []Blocker {
	var out []Blocker
	index := map[string]int{}
	for _, m := range ms {
		if m.role == thread.System || m.role == thread.Bot {
			continue
		}
		for _, s := range m.sents {
			for _, h := range blockerLex.find(s.ws) {
				if m.role != thread.Agent && h.key != NeedsSecurity {
					continue
				}
				i, ok := index[h.key]
				if !ok {
					i = len(out)
					index[h.key] = i
					out = append(out, Blocker{Kind: h.key, Label: blockerLabels[h.key], Evidence: clip(s.text, 200)})
				}
				b := &out[i]
				b.Cites = addCite(b.Cites, m.n)
				if m.internal && !b.Internal {
					b.Internal = true
					b.Evidence = clip(s.text, 200)
				}
			}
		}
	}
	return out
}
