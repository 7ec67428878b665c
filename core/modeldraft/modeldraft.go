// Package modeldraft drafts a handoff note with a language model, checked
// against the thread before anyone sees it. The offline drafter runs first:
// its facts ground the prompt as hints and choose the destination when
// asked for "auto". E-mails, phones, cards, IBANs, keys and passwords
// become stable placeholders (on by default). A thread over the model's
// token budget is condensed chunk by chunk into cited facts: every message
// is read, none is dropped. The answer is parsed tolerantly, placeholders
// are restored, and the guard lints it; block findings get one repair
// round; the final note carries whatever findings remain.
//
//	n, err := modeldraft.Draft(ctx, modeldraft.LLM{Client: c}, th, modeldraft.Options{Destination: "auto"})
//	// n.Meta.Engine, n.Meta.Model, n.Meta.Usage; n.Findings
//
// The same steps serve Chrome's on-device model through PromptFor and
// Finish, with the browser making the calls.
package modeldraft

import (
	"context"
	"strings"
	"time"

	"handoff/core/draft"
	"handoff/core/errs"
	"handoff/core/guard"
	"handoff/core/note"
	"handoff/core/prompt"
	"handoff/core/redact"
	"handoff/core/thread"
)

// Answer is one model reply.
type Answer struct {
	Text  string
	Model string
	Usage note.Usage
}

// Model answers prompts. LLM adapts core/llm; the wasm bridge adapts the
// browser's on-device model.
type Model interface {
	Complete(ctx context.Context, p prompt.Prompt) (Answer, error)
}

// Options shape a model draft.
type Options struct {
	Template    *note.Template // nil: default
	Destination string         // "", "auto" or a destination
	Language    string         // output language; default English
	NoRedact    bool           // send personal data as is (redaction is on by default)
	Budget      int            // the model's prompt budget in tokens; default 100,000
	Engine      string         // meta.engine, e.g. "openai", "on-device", "worker"
	Now         time.Time      // reference time; zero: the last message's time
	// Trace, when set, receives the time each stage took: "offline" (the
	// offline draft that grounds the prompt), "quarantine" (only for a
	// thread with injected instructions), "redact", "prompt", "model" (a
	// model call, the client's encoding and decoding included), "parse"
	// (answer parsing and restoring) and "guard" (lint of an answer).
	Trace func(stage string, d time.Duration)
}

// lap reports the stage that began at start to o.Trace and returns the
// start of the next one.
func (o Options) lap(stage string, start time.Time) time.Time {
	if o.Trace == nil {
		return start
	}
	now := time.Now()
	o.Trace(stage, now.Sub(start))
	return now
}

// DefaultBudget suits current small models with a 128k context window,
// leaving room for the system prompt and the answer.
const DefaultBudget = 100_000

// Draft runs the whole model path with m.
func Draft(ctx context.Context, m Model, th *thread.Thread, o Options) (*note.Note, error) {
	s, err := prepare(th, o)
	if err != nil {
		return nil, err
	}
	var usage note.Usage
	var model string
	call := func(p prompt.Prompt) (string, error) {
		start := time.Now()
		a, err := m.Complete(ctx, p)
		o.lap("model", start)
		if err != nil {
			return "", err
		}
		usage.PromptTokens += a.Usage.PromptTokens
		usage.CompletionTokens += a.Usage.CompletionTokens
		usage.TotalTokens += a.Usage.TotalTokens
		if a.Model != "" {
			model = a.Model
		}
		return a.Text, nil
	}
	if err := s.condense(call); err != nil {
		return nil, err
	}
	answer, err := call(s.prompt())
	if err != nil {
		return nil, err
	}
	n, err := s.finish(answer, call)
	if err != nil {
		return nil, err
	}
	n.Meta.Model = model
	if usage.TotalTokens > 0 {
		n.Meta.Usage = &usage
	}
	return n, nil
}

// PromptFor returns the prompt and schema for th, for a model the caller
// runs itself (Chrome's on-device model). Threads over Budget need
// condensation, which needs the model: use Draft with a Model then.
func PromptFor(th *thread.Thread, o Options) (prompt.Prompt, error) {
	s, err := prepare(th, o)
	if err != nil {
		return prompt.Prompt{}, err
	}
	if s.overBudget() {
		return prompt.Prompt{}, errs.New(errs.TooLarge, "", "the thread (~%d tokens) is over the model's budget of %d: draft through a model that can condense it", prompt.ThreadTokens(s.red), s.budget())
	}
	return s.prompt(), nil
}

// Finish parses, restores and checks an answer to PromptFor's prompt with
// the same th and o; repair, when not nil, is called once with the repair
// prompt if the answer has block findings.
func Finish(th *thread.Thread, o Options, answer string, repair func(prompt.Prompt) (string, error)) (*note.Note, error) {
	s, err := prepare(th, o)
	if err != nil {
		return nil, err
	}
	return s.finish(answer, repair)
}

// session is one drafting run's state.
type session struct {
	th        *thread.Thread // the original thread: the guard's ground truth
	red       *thread.Thread // what the model sees
	redactor  *redact.Redactor
	offline   *note.Note
	checker   *guard.Checker // lints against th
	injected  []note.Finding // the injection findings of quarantining
	o         Options
	condensed []string
	built     *prompt.Prompt   // the drafting prompt, once built
	aside     map[int][]string // paragraphs set aside as injections, by message
}

func prepare(th *thread.Thread, o Options) (*session, error) {
	if th == nil || len(th.Messages) == 0 {
		return nil, errs.New(errs.Empty, "", "the thread has no messages")
	}
	if o.Template == nil {
		o.Template = note.DefaultTemplate()
	}
	if o.Engine == "" {
		o.Engine = "model"
	}
	// The offline draft is only hints for the prompt: it is not linted
	// (the model's answer is).
	t := time.Now()
	offline, err := draft.Offline(th, draft.Options{Destination: o.Destination, Template: o.Template, Now: o.Now, SkipLint: true})
	if err != nil {
		return nil, err
	}
	// Customer text that tries to instruct a model is set aside before the
	// model sees the thread, and grounds nothing in the guard's check. The
	// offline drafter has already looked for it: only when it found some
	// is the thread quarantined here (reading its facts again). The guard
	// indexes the thread the model's answer is checked against once.
	t = o.lap("offline", t)
	quarantined, injected := th, injectionFindings(offline)
	if len(injected) > 0 {
		quarantined, _ = draft.Quarantine(th)
		t = o.lap("quarantine", t)
	}
	checker := guard.NewChecker(quarantined)
	o.Destination = offline.Destination
	s := &session{th: quarantined, red: quarantined, o: o, offline: offline, checker: checker,
		injected: injected, aside: setAside(th, quarantined)}
	if !o.NoRedact {
		s.redactor = redact.New()
		s.red = redactThread(quarantined, s.redactor)
		s.offline = redactNote(offline, s.redactor)
		o.lap("redact", t)
	}
	return s, nil
}

func (s *session) budget() int {
	if s.o.Budget > 0 {
		return s.o.Budget
	}
	return DefaultBudget
}

func (s *session) overBudget() bool { return prompt.ThreadTokens(s.red) > s.budget() }

// condense turns an over-budget thread into cited facts, chunk by chunk.
func (s *session) condense(call func(prompt.Prompt) (string, error)) error {
	if !s.overBudget() {
		return nil
	}
	chunks := prompt.Chunks(s.red.Messages, s.budget()/2)
	for i, c := range chunks {
		text, err := call(prompt.CondensePrompt(s.red, c, i+1, len(chunks)))
		if err != nil {
			return err
		}
		s.condensed = append(s.condensed, strings.TrimSpace(text))
	}
	return nil
}

// prompt builds the drafting prompt once (after condensing): the repair
// round reuses it.
func (s *session) prompt() prompt.Prompt {
	if s.built == nil {
		t := time.Now()
		p := prompt.Build(s.red, prompt.Options{Template: s.o.Template, Destination: s.o.Destination,
			Language: s.o.Language, Hints: s.offline, Condensed: s.condensed})
		s.built = &p
		s.o.lap("prompt", t)
	}
	return *s.built
}

func (s *session) finish(answer string, repair func(prompt.Prompt) (string, error)) (*note.Note, error) {
	first, err := s.check(answer)
	if err == nil && !first.Blocking() || repair == nil {
		return first, err
	}
	findings := []note.Finding{{Rule: "format", Severity: note.Block, Message: "the answer was not the JSON note the schema asks for"}}
	if err == nil {
		findings = first.Findings
	}
	second, rerr := repair(prompt.Repair(s.prompt(), answer, findings))
	if rerr == nil {
		var n *note.Note
		if n, rerr = s.check(second); rerr == nil {
			return n, nil
		}
	}
	if first != nil {
		return first, nil // the first answer, shown with its findings, beats none
	}
	return nil, rerr
}

// check turns an answer into a linted note with meta.
func (s *session) check(answer string) (*note.Note, error) {
	t := time.Now()
	n, err := prompt.ParseAnswer(answer, s.o.Template, s.o.Destination)
	if err != nil {
		return nil, err
	}
	if s.redactor != nil {
		for i := range n.Sections {
			n.Sections[i].SetText(s.redactor.Restore(n.Sections[i].Text))
		}
	}
	n.ID = s.offline.ID
	n.Meta = s.offline.Meta
	n.Meta.Engine = s.o.Engine
	n.Meta.Language = s.o.Language
	t = s.o.lap("parse", t)
	n.Findings = append(s.checker.Lint(n, guard.Options{MaxWords: s.o.Template.MaxWords, Banned: s.o.Template.Banned}), s.injected...)
	n.Findings = append(n.Findings, obeyed(n, s.aside)...)
	n.Ready = guard.Ready(n.Findings)
	s.o.lap("guard", t)
	return n, nil
}

// injectionFindings are the offline drafter's prompt-injection findings,
// carried over so a note drafted from a thread that tried to instruct the
// model always says so.
func injectionFindings(offline *note.Note) []note.Finding {
	var out []note.Finding
	for _, f := range offline.Findings {
		if strings.HasPrefix(f.Rule, "injection") {
			out = append(out, f)
		}
	}
	return out
}

func redactThread(th *thread.Thread, r *redact.Redactor) *thread.Thread {
	c := *th
	c.Messages = make([]thread.Message, len(th.Messages))
	for i, m := range th.Messages {
		m.Text = r.Apply(m.Text)
		m.Quoted = ""
		m.Author.Email = r.Apply(m.Author.Email)
		c.Messages[i] = m
	}
	c.Ticket.Subject = r.Apply(c.Ticket.Subject)
	c.Ticket.Requester.Email = r.Apply(c.Ticket.Requester.Email)
	return &c
}

func redactNote(n *note.Note, r *redact.Redactor) *note.Note {
	c := *n
	c.Sections = make([]note.Section, len(n.Sections))
	for i, s := range n.Sections {
		s.SetText(r.Apply(s.Text))
		c.Sections[i] = s
	}
	return &c
}
