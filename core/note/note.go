// Package note holds the handoff note, its template and its renderings.
//
// The JSON form is a stable contract shared by the CLI, the worker, the
// wasm bridge and the extension:
//
//	{"id":"hn_3f2a…","ready":true,"destination":"engineering",
//	 "sections":[{"key":"problem","label":"Problem",
//	   "text":"CSV export fails with HTTP 502 for all users since 2 March (#1, #5).",
//	   "items":[{"text":"CSV export fails with HTTP 502 …","cites":[1,5]}]}],
//	 "findings":[{"rule":"blocker.missing","severity":"block","section":"blocker",
//	   "span":"","message":"…","suggestion":"…"}],
//	 "meta":{"source":"zendesk","ticket":"123","read":12,"total":12,
//	   "engine":"offline","generated_at":"2026-03-04T10:00:00Z"}}
package note

import "time"

// Section keys of the default template and of the destination profiles.
const (
	Problem    = "problem"
	Background = "background"
	Tried      = "tried"
	Blocker    = "blocker"
	Posture    = "posture"
	Hypothesis = "hypothesis"

	Environment = "environment" // engineering
	Repro       = "repro"
	BugOrConfig = "bug_or_config"
	Amounts     = "amounts" // finance
	Authority   = "authority"
	Policy      = "policy"
	Impact      = "impact" // leadership
	Account     = "account"
	Access      = "access" // security
	Accounts    = "accounts"
)

// Destinations.
const (
	Engineering = "engineering"
	Finance     = "finance"
	Leadership  = "leadership"
	Security    = "security"
)

// Severities of a finding.
const (
	Block = "block" // the note must not be inserted as is
	Warn  = "warn"
)

// Note is a drafted (or edited) handoff note.
type Note struct {
	ID          string    `json:"id"`
	Ready       bool      `json:"ready"`
	Destination string    `json:"destination"`
	Sections    []Section `json:"sections"`
	Findings    []Finding `json:"findings"`
	Meta        Meta      `json:"meta"`
}

// Section is one titled part of the note. Text is the section's whole
// text; Items its list entries where it has them (each with citations).
type Section struct {
	Key   string `json:"key"`
	Label string `json:"label"`
	Text  string `json:"text"`
	Items []Item `json:"items,omitempty"`
}

// Item is one statement with the message numbers it rests on.
type Item struct {
	Text  string `json:"text"`
	Cites []int  `json:"cites,omitempty"`
}

// Finding is one guardrail result. Span is the offending text as it stands
// in the section, or "" for a finding about the whole section.
type Finding struct {
	Rule       string `json:"rule"`
	Severity   string `json:"severity"`
	Section    string `json:"section,omitempty"`
	Span       string `json:"span,omitempty"`
	Message    string `json:"message"`
	Suggestion string `json:"suggestion,omitempty"`
}

// Meta says where the note came from.
type Meta struct {
	Source      string    `json:"source,omitempty"`
	Ticket      string    `json:"ticket,omitempty"`
	TicketURL   string    `json:"ticket_url,omitempty"`
	Read        int       `json:"read"`
	Total       int       `json:"total"`
	Engine      string    `json:"engine"` // offline, openai, on-device, worker
	Model       string    `json:"model,omitempty"`
	Language    string    `json:"language,omitempty"`
	Usage       *Usage    `json:"usage,omitempty"`
	GeneratedAt time.Time `json:"generated_at"`
}

// Usage is a model call's token count.
type Usage struct {
	PromptTokens     int `json:"prompt_tokens"`
	CompletionTokens int `json:"completion_tokens"`
	TotalTokens      int `json:"total_tokens"`
}

// Section returns the section with key, or nil.
func (n *Note) Section(key string) *Section {
	for i := range n.Sections {
		if n.Sections[i].Key == key {
			return &n.Sections[i]
		}
	}
	return nil
}

// Blocking reports whether any finding has severity block.
func (n *Note) Blocking() bool {
	for _, f := range n.Findings {
		if f.Severity == Block {
			return true
		}
	}
	return false
}
