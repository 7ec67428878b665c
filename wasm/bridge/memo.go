package bridge

import (
	"encoding/json"
	"hash/fnv"
)

// A re-draft of the same ticket sends the same payload again: the answers
// of parse and draft are deterministic in their request, so each is kept
// with its thread and handed back when the identical request comes again.
// Different options (destination, template, language) are a different
// request and draft anew from the kept thread.

// answer is a call's JSON answer already marshalled: kept answers are
// handed back as they are, not marshalled again.
type answer []byte

// marshalled returns v as a kept answer.
func marshalled(v any) (answer, error) {
	b, err := json.Marshal(v)
	return answer(b), err
}

// requestKey hashes a request's bytes.
func requestKey(name string, in []byte) uint64 {
	h := fnv.New64a()
	h.Write([]byte(name + "\x00"))
	h.Write(in)
	return h.Sum64()
}

// parsedBefore returns the answer parse gave for the identical request
// while its thread is still kept.
func parsedBefore(key uint64) (any, bool) {
	store.Lock()
	defer store.Unlock()
	e, ok := store.entries[store.parsed[key]]
	if !ok {
		return nil, false
	}
	v, ok := e.answers[key]
	return v, ok
}

// rememberParse keeps parse's answer for handle under key.
func rememberParse(key uint64, handle string, v any) {
	store.Lock()
	defer store.Unlock()
	if e, ok := store.entries[handle]; ok {
		store.parsed[key] = handle
		e.remember(key, v)
	}
}

// answered returns what e answered to the identical request before.
func (e *entry) answered(key uint64) (any, bool) {
	store.Lock()
	defer store.Unlock()
	v, ok := e.answers[key]
	return v, ok
}

// remember keeps v as e's answer to key; the caller holds store's lock
// or owns e alone.
func (e *entry) remember(key uint64, v any) {
	if e.answers == nil {
		e.answers = map[uint64]any{}
	}
	e.answers[key] = v
}

// forget drops a handle and the parse requests that led to it; the
// caller holds store's lock.
func forget(handle string) {
	delete(store.entries, handle)
	for k, h := range store.parsed {
		if h == handle {
			delete(store.parsed, k)
		}
	}
}
