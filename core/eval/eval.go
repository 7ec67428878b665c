// Package eval measures drafted handoff notes against the notes people
// actually wrote: a test batch a team runs before it trusts the drafter.
//
// For each case (one escalation: its thread and the human reference note)
// Run drafts a note, scores the draft and the reference the same way, and
// sums the scores over the batch. It does no I/O: the caller reads the
// cases and chooses the drafter (offline, a model, a worker).
//
//	r := eval.Run(cases, func(th *thread.Thread) (*note.Note, error) {
//		return draft.Offline(th, draft.Options{})
//	}, eval.Options{Engine: "offline"})
//	r.Summary.Draft.AttemptsCovered // attempts the drafts cover, over the batch
//	eval.Markdown(r)                 // the review report, draft beside human note
//
// What is measured, per note (Score):
//
//   - sections_present / sections_expected: sections of the template for
//     the case's destination (the draft's destination) with non-empty text;
//     missing_sections lists the keys without.
//   - blocker: the blocker section has text; blocker_cited: it cites at
//     least one message that exists in the thread (#1..#N).
//   - hypothesis: the hypothesis section has text.
//   - findings: guard.Lint of the note against the thread, by rule and
//     severity. Both notes are linted by the same guard with the same
//     template options (the draft's own attached findings are not reused),
//     so the comparison is fair. ready: no finding of severity block.
//   - ungrounded: the spans of the "ungrounded" findings — specifics
//     (numbers, amounts, ids, versions, dates, URLs, e-mails) not in the
//     thread.
//   - attempts_covered: how many of the thread's attempts (facts.Extract)
//     the note covers; see Covers for the exact definition.
//   - words: whitespace-separated words of all section texts (headings and
//     the marker footer not counted); reading_seconds: words at
//     WordsPerMinute, rounded up.
//
// A case that cannot be read or drafted, or has no reference note, keeps
// its name and an error (code and message); the other cases still run.
// The report holds no clock time, so the same batch gives the same report.
package eval

import (
	"handoff/core/errs"
	"handoff/core/facts"
	"handoff/core/guard"
	"handoff/core/note"
	"handoff/core/thread"
)

// WordsPerMinute is the reading rate of reading_seconds: 200 words a
// minute, the careful end of ordinary reading (200–250), since a receiver
// reads a handoff to act on it.
const WordsPerMinute = 200

// Case is one escalation of a batch as the caller read it: the thread, the
// reference note as written (Markdown or note JSON, see note.Parse), or
// the error reading them gave.
type Case struct {
	Name      string
	Thread    *thread.Thread
	Reference []byte
	Err       error
}

// Drafter drafts the note for a thread: draft.Offline, a model or a
// worker behind the same signature.
type Drafter func(th *thread.Thread) (*note.Note, error)

// Options tune a run.
type Options struct {
	// Template gives the sections expected and the guard's options (word
	// budget, banned phrases); nil means note.DefaultTemplate().
	Template *note.Template
	// Engine names the drafter in the report: offline, openai, worker.
	Engine string
}

// Run drafts and scores every case, in the order given, and sums the
// batch. A nil drafter, a case with Err, a nil thread, an empty reference
// or one note.Parse rejects, and a drafter error each become that case's
// error; Run itself never fails or panics.
func Run(cases []Case, d Drafter, opts Options) *Report {
	tpl := opts.Template
	if tpl == nil {
		tpl = note.DefaultTemplate()
	}
	r := &Report{Engine: opts.Engine, WordsPerMinute: WordsPerMinute, Cases: []CaseResult{}}
	for _, c := range cases {
		r.Cases = append(r.Cases, runCase(c, d, tpl))
	}
	r.Summary = summarize(r.Cases)
	return r
}

func runCase(c Case, d Drafter, tpl *note.Template) (res CaseResult) {
	res.Name = c.Name
	defer func() {
		if p := recover(); p != nil {
			res = CaseResult{Name: c.Name, Error: caseError(errs.New(errs.Internal, c.Name, "evaluation failed: %v", p))}
		}
	}()
	switch {
	case c.Err != nil:
		return CaseResult{Name: c.Name, Error: caseError(c.Err)}
	case c.Thread == nil || len(c.Thread.Messages) == 0:
		return CaseResult{Name: c.Name, Error: caseError(errs.New(errs.Empty, c.Name, "the thread has no messages"))}
	case d == nil:
		return CaseResult{Name: c.Name, Error: caseError(errs.New(errs.Usage, c.Name, "no drafter"))}
	}
	human, err := note.Parse(c.Reference, tpl)
	if err != nil {
		return CaseResult{Name: c.Name, Error: caseError(errs.New(errs.CodeOf(err), "reference.md", "%s", errs.MessageOf(err)))}
	}
	drafted, err := d(c.Thread)
	if err != nil {
		return CaseResult{Name: c.Name, Error: caseError(err)}
	}
	if drafted == nil {
		return CaseResult{Name: c.Name, Error: caseError(errs.New(errs.Internal, c.Name, "the drafter returned no note"))}
	}
	th := c.Thread
	f := facts.Extract(th)
	specs := tpl.For(drafted.Destination)
	res = CaseResult{
		Name: c.Name, Source: th.Source, Ticket: th.Ticket.ID, Subject: th.Ticket.Subject,
		Messages: len(th.Messages), Destination: drafted.Destination, HumanDestination: human.Destination, DraftID: drafted.ID,
		Attempts: coverage(f.Attempts, drafted, human),
	}
	lint := guard.NewChecker(th)
	res.Draft = score(drafted, th, lint, specs, tpl, res.Attempts, func(a AttemptCoverage) bool { return a.Draft })
	res.Human = score(human, th, lint, specs, tpl, res.Attempts, func(a AttemptCoverage) bool { return a.Human })
	res.SideBySide = sideBySide(specs, drafted, human)
	return res
}

func caseError(err error) *CaseError {
	return &CaseError{Code: errs.CodeOf(err), Message: errs.MessageOf(err)}
}
