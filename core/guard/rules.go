package guard

import "handoff/core/note"

// Rule describes one guardrail: its id (the Finding's Rule), severity, and
// the message and suggestion its findings carry.
type Rule struct {
	ID         string
	Severity   string // note.Block or note.Warn
	Message    string
	Suggestion string
}

// Rules is every rule Lint applies, in the order findings at the same
// place are listed.
var Rules = []Rule{
	{"blocker.missing", note.Block,
		"not ready to escalate: say why support cannot resolve this",
		"name what support lacks: a code fix, access, authority over an amount, a policy exception"},
	{"hypothesis.missing", note.Block,
		"no next hypothesis: the receiver needs a first move",
		`write "We suspect … because …; ruled out … (#N); first move: …"`},
	{"section.missing", note.Warn,
		"a section the template requires is missing or empty",
		"fill the section or remove it from the template"},
	{"temperament", note.Block,
		"describes the customer's temperament or emotions",
		"state the facts instead: deadline, money at stake, users affected, days waiting, follow-ups"},
	{"blame", note.Block,
		"blames the customer or a person",
		"describe what happened and its evidence (#N), not whose fault it is"},
	{"gossip", note.Block,
		"a remark about people rather than the problem",
		"remove it: the note is about the problem"},
	{"presumes_solution", note.Warn,
		"tells the receiving team what to do",
		`give a hypothesis and a first check instead: "we suspect …; first move: check …"`},
	{"filler", note.Block,
		"generic filler: says nothing the receiver can act on",
		"name what exactly was tried or seen, with its result and message (#N)"},
	{"tried.no_result", note.Warn,
		"an attempt without its result",
		`write "attempt (#N) → result (#M)"`},
	{"cite.missing", note.Warn,
		"no citation: which message says this?",
		"add the message number it rests on, e.g. (#4)"},
	{"cite.unknown", note.Block,
		"cites a message that does not exist in the thread",
		"cite a message number between 1 and the thread's last message"},
	{"ungrounded", note.Block,
		"a specific that is not in the thread",
		"check the value against the thread and correct it, or remove it"},
	{"secret", note.Block,
		"a secret or card number copied into the note",
		"remove it: notes must never carry passwords, keys, tokens, card numbers or IBANs"},
	{"length", note.Warn,
		"over the thirty-second reading budget",
		"cut background and repetition; keep problem, attempts → results, blocker, hypothesis"},
}

var ruleOrder = func() map[string]int {
	m := make(map[string]int, len(Rules))
	for i, r := range Rules {
		m[r.ID] = i
	}
	return m
}()

// RuleByID returns the rule with id, and false when there is none.
func RuleByID(id string) (Rule, bool) {
	i, ok := ruleOrder[id]
	if !ok {
		return Rule{}, false
	}
	return Rules[i], true
}
