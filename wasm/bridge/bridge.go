// Package bridge is the JSON face of the core for the wasm build: each
// call takes a JSON request and returns a JSON answer or a coded error.
// It holds no syscall/js, so it is tested natively; wasm/main.go only
// wraps each call in a Promise.
//
//	out, err := bridge.Call("plan", []byte(`{"url":"https://acme.zendesk.com/agent/tickets/123"}`), nil)
//	// out: {"source":"zendesk","ticket_id":"123","kind":"api","requests":[…]}
//	_, err = bridge.Call("parse", []byte(`{`), nil)
//	// errs.CodeOf(err) == "E_USAGE": the request is not JSON
//
// Parsed threads stay in a small store under their handle (the note id
// of the thread), so live linting while the agent types indexes the
// thread once. Bad input never panics: a panic in the core becomes
// E_INTERNAL.
package bridge

import (
	"encoding/json"
	"sort"

	"handoff/core/errs"
	"handoff/core/prompt"
)

// Repair asks the caller's model once more with a repair prompt and
// returns its answer; finish uses it when an answer has block findings.
type Repair func(p prompt.Prompt) (string, error)

type call func(in []byte, repair Repair) (any, error)

var calls = map[string]call{
	"plan": plan, "parse": parse, "draft": draftNote, "prompt": promptFor,
	"finish": finish, "lint": lint, "render": render, "template": template,
}

// Names lists the calls in a stable order.
func Names() []string {
	names := make([]string, 0, len(calls))
	for n := range calls {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Call runs the call name with the JSON request in; repair is used by
// "finish" only and may be nil. An unknown name or a request that is not
// a JSON object fails with E_USAGE.
func Call(name string, in []byte, repair Repair) (out []byte, err error) {
	c, ok := calls[name]
	if !ok {
		return nil, errs.New(errs.Usage, name, "unknown call")
	}
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, errs.New(errs.Internal, name, "%v", r)
		}
	}()
	v, err := c(in, repair)
	if err != nil {
		return nil, err
	}
	if raw, ok := v.(answer); ok {
		return raw, nil
	}
	return json.Marshal(v)
}

// decode reads a request object strictly enough to catch typos in keys.
func decode(in []byte, v any) error {
	if err := json.Unmarshal(in, v); err != nil {
		return errs.New(errs.Usage, "request", "not a JSON request object: %v", err)
	}
	return nil
}
