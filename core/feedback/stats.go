package feedback

import (
	"sort"
	"time"
)

// Event is one drafting event, as the extension reports it: no ticket
// text, the ticket known only by its salted hash.
type Event struct {
	ID         string             `json:"id,omitempty"` // the client's id for the event: a replay is stored once
	Kind       string             `json:"kind"`         // "draft" or "insert"
	NoteID     string             `json:"note_id"`
	TicketHash string             `json:"ticket_hash"`
	At         time.Time          `json:"at"`
	Ready      bool               `json:"ready"`
	Engine     string             `json:"engine,omitempty"`
	EditShare  map[string]float64 `json:"edit_share,omitempty"` // section key → 0..1, on insert
	Findings   []string           `json:"findings,omitempty"`   // rule ids at that moment
}

// Answer is one receiver's answer to "Did this handoff save you time?".
type Answer struct {
	NoteID string    `json:"note_id"`
	Saved  bool      `json:"saved"`
	Reason string    `json:"reason,omitempty"`
	Via    string    `json:"via"` // "link" or "extension"
	At     time.Time `json:"at"`
}

// Week is one week's figures, the week starting on Monday (UTC).
type Week struct {
	Start        string             `json:"start"` // 2026-03-02
	Notes        int                `json:"notes"` // drafts created
	Inserted     int                `json:"inserted"`
	Answers      int                `json:"answers"`
	SavedShare   float64            `json:"saved_share"`     // share of answers saying yes
	NotReady     float64            `json:"not_ready_share"` // share of drafts not ready to escalate
	MedianEdit   map[string]float64 `json:"median_edit_share"`
	TopFindings  []Count            `json:"top_findings"`
	WorkingGoal  float64            `json:"working_goal"` // 0.8: four of five receivers say yes
	MeetsTheGoal bool               `json:"meets_goal"`
}

// Count is a finding rule and how often it was seen.
type Count struct {
	Rule  string `json:"rule"`
	Count int    `json:"count"`
}

// Weekly turns events and answers into weekly figures, oldest week first.
// An event of another kind than "draft" or "insert" counts nowhere.
//
//	Weekly(nil, nil) // [] (no weeks)
func Weekly(events []Event, answers []Answer) []Week {
	return group(events, answers, monday)
}

// Overall is the figures of all events and answers as one period, its
// Start the Monday of the oldest; the zero Week (Start "") when there are
// none. Team results show it beside the weeks: edit shares and findings
// over every note, not only the last week's few.
func Overall(events []Event, answers []Answer) Week {
	first := ""
	for _, e := range events {
		if k := monday(e.At); first == "" || k < first {
			first = k
		}
	}
	for _, a := range answers {
		if k := monday(a.At); first == "" || k < first {
			first = k
		}
	}
	weeks := group(events, answers, func(time.Time) string { return first })
	if len(weeks) == 0 {
		return Week{MedianEdit: map[string]float64{}, TopFindings: []Count{}, WorkingGoal: WorkingGoal}
	}
	return weeks[0]
}

// group sums events and answers per period key, in key order.
func group(events []Event, answers []Answer, period func(time.Time) string) []Week {
	weeks := map[string]*weekAcc{}
	get := func(t time.Time) *weekAcc {
		k := period(t)
		if weeks[k] == nil {
			weeks[k] = &weekAcc{edits: map[string][]float64{}, findings: map[string]int{}}
		}
		return weeks[k]
	}
	for _, e := range events {
		w := get(e.At)
		switch e.Kind {
		case "draft":
			w.notes++
			if !e.Ready {
				w.notReady++
			}
		case "insert":
			w.inserted++
			for k, v := range e.EditShare {
				w.edits[k] = append(w.edits[k], v)
			}
			for _, f := range e.Findings {
				w.findings[f]++
			}
		}
	}
	for _, a := range answers {
		w := get(a.At)
		w.answers++
		if a.Saved {
			w.saved++
		}
	}
	keys := make([]string, 0, len(weeks))
	for k := range weeks {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]Week, 0, len(keys))
	for _, k := range keys {
		out = append(out, weeks[k].week(k))
	}
	return out
}

type weekAcc struct {
	notes, notReady, inserted, answers, saved int
	edits                                     map[string][]float64
	findings                                  map[string]int
}

// WorkingGoal is the share of "saved me time" that means handoffs work.
const WorkingGoal = 0.8

func (w *weekAcc) week(start string) Week {
	out := Week{Start: start, Notes: w.notes, Inserted: w.inserted, Answers: w.answers,
		MedianEdit: map[string]float64{}, TopFindings: []Count{}, WorkingGoal: WorkingGoal}
	if w.answers > 0 {
		out.SavedShare = float64(w.saved) / float64(w.answers)
		out.MeetsTheGoal = out.SavedShare >= WorkingGoal
	}
	if w.notes > 0 {
		out.NotReady = float64(w.notReady) / float64(w.notes)
	}
	for k, vs := range w.edits {
		out.MedianEdit[k] = median(vs)
	}
	for rule, n := range w.findings {
		out.TopFindings = append(out.TopFindings, Count{rule, n})
	}
	sort.Slice(out.TopFindings, func(i, j int) bool {
		a, b := out.TopFindings[i], out.TopFindings[j]
		return a.Count > b.Count || a.Count == b.Count && a.Rule < b.Rule
	})
	if len(out.TopFindings) > 5 {
		out.TopFindings = out.TopFindings[:5]
	}
	return out
}

func monday(t time.Time) string {
	t = t.UTC()
	offset := (int(t.Weekday()) + 6) % 7
	return t.AddDate(0, 0, -offset).Format("2006-01-02")
}

func median(vs []float64) float64 {
	s := append([]float64(nil), vs...)
	sort.Float64s(s)
	n := len(s)
	if n == 0 {
		return 0
	}
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}
