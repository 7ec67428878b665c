// Package facts reads a normalized thread and states what it says: the
// attempts and their outcomes, the specifics (entities), the timeline, what
// blocks support, the customer's posture as facts, the category and its
// evidence, and instruction-like text aimed at a model. Every fact carries
// the message numbers (#N) it rests on.
//
// Extraction is rule based: phrase tables per concern (lex_*.go) in
// English, German, Spanish and French, matched on folded lower-case words,
// and regular expressions for specifics. It is pure and deterministic and
// never panics; an empty or nil thread gives empty facts.
//
//	f := facts.Extract(th)
//	f.Attempts[0] // {Kind:"cache" Label:"Cleared cache/cookies" By:"customer" Cites:[2 3] Outcome:"failed" OutcomeCite:3}
package facts

import (
	"time"

	"handoff/core/internal/par"
	"handoff/core/thread"
)

// Facts is everything Extract found in one thread.
type Facts struct {
	Attempts   []Attempt   `json:"attempts"`
	Entities   []Entity    `json:"entities"`
	Timeline   Timeline    `json:"timeline"`
	Blockers   []Blocker   `json:"blockers"`
	Posture    Posture     `json:"posture"`
	Category   Category    `json:"category"`
	Injections []Injection `json:"injections"`
	// NotReady are reasons to hold the escalation: support's questions
	// left unanswered, a note saying to wait.
	NotReady []Evidence `json:"not_ready,omitempty"`
}

// Outcomes of an attempt.
const (
	Failed   = "failed"
	Partial  = "partial"
	Worked   = "worked"
	Unknown  = "unknown"  // no answer yet
	Provided = "provided" // an information request the customer answered
)

// Attempt is one thing support tried or asked the customer to try.
type Attempt struct {
	Kind  string `json:"kind"`  // cache, relogin, reinstall, … (see Labels)
	Label string `json:"label"` // English, e.g. "Cleared cache/cookies"
	By    string `json:"by"`    // who did it: agent or customer
	Asked bool   `json:"asked"` // an agent asked the customer to do it
	// Cites are the messages that ask for or report this attempt: the
	// request and the customer's report of doing it.
	Cites       []int  `json:"cites"`
	Outcome     string `json:"outcome"`                // failed, partial, worked, unknown, provided
	OutcomeCite int    `json:"outcome_cite,omitempty"` // the message reporting the outcome
	OutcomeText string `json:"outcome_text,omitempty"` // that message's sentence, as written
	// Detail is a specific from the outcome's sentence or message (an
	// error code or message), as written, or "".
	Detail string `json:"detail,omitempty"`
	Macro  string `json:"macro,omitempty"` // the macro's name, for kind macro
}

// Entity is one specific the thread states.
type Entity struct {
	Kind     string    `json:"kind"`  // see the Entity kinds
	Value    string    `json:"value"` // as written in the thread
	Cites    []int     `json:"cites"`
	Amount   float64   `json:"amount,omitempty"`   // amounts and counts
	Currency string    `json:"currency,omitempty"` // ISO code for amounts
	Time     time.Time `json:"time,omitzero"`      // dates and deadlines, resolved
	Internal bool      `json:"internal,omitempty"` // found only in internal notes
	// Label is what a deadline is for, in English ("board report"), when
	// the customer names it.
	Label string `json:"label,omitempty"`
	// Event says the date is when the event happens ("the board report
	// is on March 16"); otherwise it is a date to act by ("by Friday").
	Event    bool `json:"event,omitempty"`
	relative bool // a deadline known only as a weekday or relative day
}

// Entity kinds.
const (
	KindError    = "error"    // HTTP status, error code, exception, quoted error message
	KindVersion  = "version"  // app or product version
	KindPlatform = "platform" // browser or operating system, with version when given
	KindAmount   = "amount"   // money with currency
	KindID       = "id"       // invoice, order, account, transaction id
	KindDate     = "date"     // an absolute or relative date
	KindDeadline = "deadline" // a date something must happen by
	KindURL      = "url"
	KindEmail    = "email"
	KindUsers    = "users" // a count of users, seats or people affected
	KindPlan     = "plan"  // the customer's plan or tier
)

// Timeline is when things happened and who handled the ticket.
type Timeline struct {
	Opened            time.Time `json:"opened,omitzero"`
	OpenedBy          string    `json:"opened_by,omitempty"`
	Organization      string    `json:"organization,omitempty"`
	FirstResponse     time.Time `json:"first_response,omitzero"`
	FirstResponseCite int       `json:"first_response_cite,omitempty"`
	Reopened          []Change  `json:"reopened,omitempty"`
	Changes           []Change  `json:"changes,omitempty"`
	Agents            []string  `json:"agents,omitempty"` // names, in order of first reply
	Now               time.Time `json:"now,omitzero"`     // the reference time
	DaysOpen          int       `json:"days_open"`
	// WaitingDays is the time since the customer's last message that no
	// agent has answered in public (WaitingCite), or 0.
	WaitingDays int `json:"waiting_days"`
	WaitingCite int `json:"waiting_cite,omitempty"`
	// LongestSilenceDays is the longest time a customer message waited for
	// a public agent reply; LongestSilenceCite is that customer message.
	LongestSilenceDays int `json:"longest_silence_days"`
	LongestSilenceCite int `json:"longest_silence_cite,omitempty"`
}

// Change is one status, group, assignee, priority or macro event, or a
// reopening.
type Change struct {
	At    time.Time `json:"at,omitzero"`
	Kind  string    `json:"kind"`
	From  string    `json:"from,omitempty"`
	To    string    `json:"to,omitempty"`
	By    string    `json:"by,omitempty"`
	After int       `json:"after"` // the last message before it
}

// Blocker is evidence of what support lacks.
type Blocker struct {
	Kind     string `json:"kind"`  // code, access, authority, policy, security
	Label    string `json:"label"` // English
	Cites    []int  `json:"cites"`
	Evidence string `json:"evidence"` // the sentence that shows it best, as written
	// EvidenceCite is the message of Evidence.
	EvidenceCite int  `json:"evidence_cite,omitempty"`
	Internal     bool `json:"internal"` // some evidence is in an internal note
	// Stated: support says in so many words it cannot resolve this
	// ("support can't change it", "over my approval limit").
	Stated bool `json:"stated,omitempty"`
}

// Posture is the customer's position, as facts.
type Posture struct {
	Deadlines      []Entity   `json:"deadlines,omitempty"`
	Money          []Entity   `json:"money,omitempty"`
	Users          []Entity   `json:"users,omitempty"`
	FailedAttempts int        `json:"failed_attempts"`        // distinct kinds of attempt that failed
	FailedCites    []int      `json:"failed_cites,omitempty"` // the messages telling each failure
	FollowUps      []int      `json:"follow_ups,omitempty"`   // customer messages sent while the previous one was unanswered
	ETAAsks        []int      `json:"eta_asks,omitempty"`     // customer messages asking for an update
	Signals        []Signal   `json:"signals,omitempty"`      // churn, competitor, chargeback, legal, manager, public, urgent
	Unanswered     []Question `json:"unanswered,omitempty"`
	WaitingDays    int        `json:"waiting_days"`
}

// Signal is one kind of posture statement with the messages making it.
type Signal struct {
	Kind  string `json:"kind"`
	Label string `json:"label"` // English
	Cites []int  `json:"cites"`
	Text  string `json:"text"` // the first sentence, as written
}

// Question is a customer question no later public agent reply addresses.
type Question struct {
	Cite int    `json:"cite"`
	Text string `json:"text"`
}

// Category is what kind of ticket this is, with the evidence.
type Category struct {
	Kind        string     `json:"kind"` // bug, configuration, billing, complaint, access, unclear
	ForBug      []Evidence `json:"for_bug,omitempty"`
	ForConfig   []Evidence `json:"for_config,omitempty"`
	Destination string     `json:"destination"` // engineering, finance, leadership, security
	Reason      string     `json:"reason"`
}

// Evidence is one statement for or against a cause.
type Evidence struct {
	Text  string `json:"text"`
	Cites []int  `json:"cites"`
}

// Injection is instruction-like text aimed at a model inside customer
// content.
type Injection struct {
	Kind string `json:"kind"` // override, role, prompt, dictate, header
	Cite int    `json:"cite"`
	Text string `json:"text"` // the sentence, as written
}

// Labels returns the English label of every attempt kind.
func Labels() map[string]string {
	out := make(map[string]string, len(attemptLabels))
	for k, v := range attemptLabels {
		out[k] = v
	}
	return out
}

// Extract reads th and returns its facts, with the last message's time as
// "now". A nil or empty thread gives empty facts.
func Extract(th *thread.Thread) *Facts {
	return ExtractAt(th, time.Time{})
}

// ExtractAt is Extract with now as the reference time for waiting periods
// and relative dates; a zero now means the last message's time.
func ExtractAt(th *thread.Thread, now time.Time) *Facts {
	f := &Facts{}
	if th == nil {
		f.Category = Category{Kind: "unclear", Destination: "engineering", Reason: "the thread is empty"}
		return f
	}
	ms := prepare(th)
	if now.IsZero() {
		for _, m := range ms {
			if m.at.After(now) {
				now = m.at
			}
		}
	}
	// Entities and deadlines read each line on their own: on a long thread
	// they are found on a second goroutine while the other passes run.
	var dl []Entity
	wait := par.Alongside(len(ms) >= par.LongThread, func() { f.Entities, dl = entities(ms), deadlines(ms) })
	f.Attempts = attempts(ms, th.Events)
	f.Timeline = timeline(th, ms, now)
	f.Blockers = blockers(ms)
	f.Injections = injections(ms)
	f.NotReady = notReady(ms)
	wait()
	f.Posture = posture(ms, f, dl)
	f.Category = categorize(ms, f)
	return f
}
