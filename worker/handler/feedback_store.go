package handler

import (
	"context"
	"sort"
	"sync"
	"time"

	"handoff/core/feedback"
)

// FeedbackStore keeps what the feedback endpoints record: which notes
// exist, drafting events and receivers' answers. In a Worker it is the D1
// database bound as HANDOFF_DB (SQLFeedback over the JS module's D1
// steps); natively MemoryFeedback. Implementations store nothing twice:
// an event id and a note's answer are unique.
type FeedbackStore interface {
	// Announce records that a note exists (a drafting event or a link
	// request named it). Announcing a known note changes nothing.
	Announce(ctx context.Context, noteID string, at time.Time) error
	// Known reports whether a note was announced.
	Known(ctx context.Context, noteID string) (bool, error)
	// AddEvents stores the events whose ids are new, announces their
	// notes, and returns how many were new.
	AddEvents(ctx context.Context, events []feedback.Event) (added int, err error)
	// AddAnswer stores a note's first answer; false when it already has one.
	AddAnswer(ctx context.Context, a feedback.Answer) (added bool, err error)
	// Since returns the events and answers at or after t.
	Since(ctx context.Context, t time.Time) ([]feedback.Event, []feedback.Answer, error)
}

// MemoryFeedback is a FeedbackStore in memory, for tests and local runs.
// It is safe for concurrent use.
type MemoryFeedback struct {
	mu      sync.Mutex
	notes   map[string]time.Time
	events  map[string]feedback.Event
	answers map[string]feedback.Answer
}

// NewMemoryFeedback returns an empty store.
func NewMemoryFeedback() *MemoryFeedback {
	return &MemoryFeedback{notes: map[string]time.Time{}, events: map[string]feedback.Event{}, answers: map[string]feedback.Answer{}}
}

// Announce records noteID the first time.
func (m *MemoryFeedback) Announce(_ context.Context, noteID string, at time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.notes[noteID]; !ok {
		m.notes[noteID] = at
	}
	return nil
}

// Known reports whether noteID was announced.
func (m *MemoryFeedback) Known(_ context.Context, noteID string) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	_, ok := m.notes[noteID]
	return ok, nil
}

// AddEvents keeps the events with new ids.
func (m *MemoryFeedback) AddEvents(_ context.Context, events []feedback.Event) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	added := 0
	for _, e := range events {
		if _, dup := m.events[e.ID]; dup {
			continue
		}
		m.events[e.ID] = e
		if _, ok := m.notes[e.NoteID]; !ok {
			m.notes[e.NoteID] = e.At
		}
		added++
	}
	return added, nil
}

// AddAnswer keeps a note's first answer.
func (m *MemoryFeedback) AddAnswer(_ context.Context, a feedback.Answer) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, dup := m.answers[a.NoteID]; dup {
		return false, nil
	}
	m.answers[a.NoteID] = a
	return true, nil
}

// Since returns what was stored at or after t, oldest first.
func (m *MemoryFeedback) Since(_ context.Context, t time.Time) ([]feedback.Event, []feedback.Answer, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var es []feedback.Event
	for _, e := range m.events {
		if !e.At.Before(t) {
			es = append(es, e)
		}
	}
	var as []feedback.Answer
	for _, a := range m.answers {
		if !a.At.Before(t) {
			as = append(as, a)
		}
	}
	sort.Slice(es, func(i, j int) bool {
		return es[i].At.Before(es[j].At) || es[i].At.Equal(es[j].At) && es[i].ID < es[j].ID
	})
	sort.Slice(as, func(i, j int) bool {
		return as[i].At.Before(as[j].At) || as[i].At.Equal(as[j].At) && as[i].NoteID < as[j].NoteID
	})
	return es, as, nil
}
