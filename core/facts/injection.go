package facts

import (
	"strings"
)

var injectionLex = lazyLex(injectionTable)

// headerRE finds role-play and chat-template headers at a line start:
// "System:", "### Instruction", "<|im_start|>", "[INST]".
var headerRE = lazyRE(`(?im)^\s*(?:(?:system|assistant|user|ai|bot|sistema|systeme|système)\s*:|#{2,}\s*(?:instruction|system|response)|<\|im_start\|>|<\|system\|>|\[/?INST\]|<<SYS>>)`)

// headerWords open a role header ("System:", "assistant :").
var headerWords = map[string]bool{"system": true, "assistant": true, "user": true, "ai": true, "bot": true, "sistema": true, "systeme": true, "système": true}

// headerCandidate is a cheap test before headerRE: the line starts with
// '#', '<' or '[', or with a header word followed by ':'.
func headerCandidate(line string) bool {
	t := strings.TrimLeft(line, " \t\r")
	if t == "" {
		return false
	}
	if t[0] == '#' || t[0] == '<' || t[0] == '[' {
		return true
	}
	i := strings.IndexByte(t, ':')
	return i > 0 && headerWords[strings.ToLower(strings.TrimSpace(t[:i]))]
}

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
	eachLine(text, func(line string, off int) {
		if seen["header"] || !headerCandidate(line) {
			return
		}
		if loc := headerRE().FindStringIndex(line); loc != nil {
			seen["header"] = true
			out = append(out, Injection{Kind: "header", Cite: n, Text: clip(text[off+loc[0]:], 160)})
		}
	})
	for _, s := range sents {
		for _, h := range injectionLex().find(s.ws) {
			if seen[h.key] {
				continue
			}
			seen[h.key] = true
			out = append(out, Injection{Kind: h.key, Cite: n, Text: clip(s.text, 160)})
		}
	}
	return out
}
