package handler

import (
	"bytes"
	"context"
	"encoding/json"
	"sync"

	"handoff/core/errs"
	"handoff/core/note"
)

// TeamConfig is what an administrator sets once for everyone, in the
// HANDOFF_CONFIG variable or stored through PUT /v1/config:
//
//	{
//	  "template": {"sections": {"blocker": {"label": "Why support is stuck"}}, "max_words": 300},
//	  "examples": ["**Problem**: CSV export fails with a 502 since 3 March …"],
//	  "rules": {"banned": ["please advise"], "max_words": 280}
//	}
//
// "template" is a template customization (the same file as the CLI's
// --template; see note.Customization). "examples" are team example notes
// the prompt shows the model. "rules" are enforced on every draft, even
// when a request brings its own template: "banned" phrases are blocked by
// the guard, "max_words" caps the note. Every field is optional; "" or {}
// is the default template.
type TeamConfig struct {
	Template json.RawMessage `json:"template,omitempty"`
	Examples []string        `json:"examples,omitempty"`
	Rules    Rules           `json:"rules"`
}

// Rules are the team rules applied on top of any template.
type Rules struct {
	Banned   []string `json:"banned,omitempty"`
	MaxWords int      `json:"max_words,omitempty"`
}

// ParseTeamConfig reads a team configuration. Unknown fields, invalid
// JSON and invalid templates fail with E_TEMPLATE naming the problem.
//
//	tc, err := ParseTeamConfig([]byte(`{"rules":{"banned":["asap"]}}`))
func ParseTeamConfig(data []byte) (*TeamConfig, error) {
	tc := &TeamConfig{}
	if len(bytes.TrimSpace(data)) == 0 {
		return tc, nil
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(tc); err != nil {
		return nil, errs.New(errs.Template, "team config", "not a team configuration: %v", err)
	}
	if tc.Rules.MaxWords < 0 {
		return nil, errs.New(errs.Template, "team config", "rules.max_words must be positive")
	}
	if _, err := tc.TemplateFor(nil, nil); err != nil {
		return nil, err
	}
	return tc, nil
}

// TemplateFor builds the template of one draft: the request's own
// template customization when it has one, else the team's; then the
// team's and the request's examples; then the team's rules.
func (tc *TeamConfig) TemplateFor(requestTemplate json.RawMessage, requestExamples []string) (*note.Template, error) {
	src := tc.Template
	if len(bytes.TrimSpace(requestTemplate)) > 0 && !bytes.Equal(bytes.TrimSpace(requestTemplate), []byte("null")) {
		src = requestTemplate
	}
	t, err := note.LoadTemplate(src)
	if err != nil {
		return nil, err
	}
	t.Examples = append(append(t.Examples, tc.Examples...), requestExamples...)
	t.Banned = append(t.Banned, tc.Rules.Banned...)
	if tc.Rules.MaxWords > 0 && (t.MaxWords == 0 || tc.Rules.MaxWords < t.MaxWords) {
		t.MaxWords = tc.Rules.MaxWords
	}
	return t, nil
}

// Store keeps the team configuration where an admin can change it without
// a redeploy (a KV namespace in the Worker).
type Store interface {
	// Get returns the stored configuration, or nil when none is stored.
	Get(ctx context.Context) ([]byte, error)
	// Put replaces it.
	Put(ctx context.Context, data []byte) error
}

// MemoryStore is a Store in memory, for tests and local runs. It is safe
// for concurrent use.
type MemoryStore struct {
	mu   sync.Mutex
	data []byte
}

// Get returns what was put.
func (m *MemoryStore) Get(context.Context) ([]byte, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.data, nil
}

// Put keeps a copy of data.
func (m *MemoryStore) Put(_ context.Context, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.data = bytes.Clone(data)
	return nil
}
