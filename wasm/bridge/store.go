package bridge

import (
	"encoding/json"
	"sync"

	"handoff/core/draft"
	"handoff/core/errs"
	"handoff/core/facts"
	"handoff/core/guard"
	"handoff/core/thread"
)

// keep is how many parsed threads the store holds: a few open tickets.
const keep = 8

// entry is one parsed thread with its guard index and the answers
// already computed from it, keyed by the request that asked (memo.go).
type entry struct {
	th      *thread.Thread
	checker *guard.Checker
	facts   *facts.Facts
	answers map[uint64]any
}

// store maps handles to parsed threads, oldest dropped first, and the
// hash of each parse request to the handle it gave.
var store = struct {
	sync.Mutex
	order   []string
	entries map[string]*entry
	parsed  map[uint64]string
}{entries: map[string]*entry{}, parsed: map[uint64]string{}}

// hold keeps th and returns its handle.
func hold(th *thread.Thread) string {
	h := draft.ID(th)
	store.Lock()
	defer store.Unlock()
	if _, ok := store.entries[h]; ok {
		return h // the same thread: keep its index and answers
	}
	store.order = append(store.order, h)
	if len(store.order) > keep {
		forget(store.order[0])
		store.order = store.order[1:]
	}
	store.entries[h] = &entry{th: th}
	return h
}

// threadRef names a thread in a request: a handle from "parse", or the
// thread JSON itself.
type threadRef struct {
	Handle string          `json:"handle"`
	Thread json.RawMessage `json:"thread"`
}

// resolve returns the thread a request names. An unknown handle fails
// with E_EMPTY, so the caller parses its payload again (the service
// worker may have been restarted).
func (r threadRef) resolve() (*entry, error) {
	if len(r.Thread) > 0 && string(r.Thread) != "null" {
		var th thread.Thread
		if err := json.Unmarshal(r.Thread, &th); err != nil {
			return nil, errs.New(errs.Format, "thread", "not a thread JSON: %v", err)
		}
		thread.Normalize(&th)
		if len(th.Messages) == 0 {
			return nil, errs.New(errs.Empty, "thread", "the thread has no messages")
		}
		return &entry{th: &th}, nil
	}
	store.Lock()
	defer store.Unlock()
	e, ok := store.entries[r.Handle]
	if !ok {
		return nil, errs.New(errs.Empty, "handle", "unknown thread %q: parse the ticket again", r.Handle)
	}
	return e, nil
}

// read returns the thread's facts, read on first use: a draft for another
// destination or template reuses them.
func (e *entry) read() *facts.Facts {
	if e.facts == nil {
		e.facts = facts.Extract(e.th)
	}
	return e.facts
}

// check returns the entry's guard index, built on first use.
func (e *entry) check() *guard.Checker {
	if e.checker == nil {
		e.checker = guard.NewChecker(e.th)
	}
	return e.checker
}
