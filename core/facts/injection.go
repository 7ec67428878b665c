package facts

import (
	"regexp"
	"strings"
)

var injectionLex = compile(injectionTable)

// headerRE finds role-play and chat-template headers at a line start:
// "System:", "### Instruction", "<|im_start|>", "[INST]".
var headerRE = regexp.MustCompile(`(?im)^\s*(?:(?:system|assistant|user|ai|bot|sistema|systeme|système)\s*:|#{2,}\s*(?:instruction|system|response)|<\|im_start\|>|<\|system\|>|\[/?INST\]|<<SYS>>)`)

// injections returns instruction-like sentences in customer messages, one
// finding per message and family.
func injections(ms []*msg) []Injection {
	var out []Injection
	for _, m := range ms {
		if !m.fromCustomer() {
			continue
		}
		out = append(out, injectionsIn(m.text, m.sents, m.n)...)
	}
	return out
}

// injectionsIn finds the injection families in text (split into sents),
// citing message n.
func injectionsIn(text string, sents []sentence, n int) []Injection {
	var out []Injection
	seen := map[string]bool{}
	if !strings.ContainsAny(text, ":#<[") {
		// every header holds one of these; skip the pattern
	} else if loc := headerRE.FindStringIndex(text); loc != nil {
		seen["header"] = true
		out = append(out, Injection{Kind: "header", Cite: n, Text: clip(text[loc[0]:], 160)})
	}
	for _, s := range sents {
		for _, h := range injectionLex.find(s.ws) {
			if seen[h.key] {
				continue
			}
			seen[h.key] = true
			out = append(out, Injection{Kind: h.key, Cite: n, Text: clip(s.text, 160)})
		}
	}
	return out
}
