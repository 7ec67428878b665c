package bridge

import (
	"encoding/json"
	"strings"
	"time"

	"handoff/core/draft"
	"handoff/core/errs"
	"handoff/core/guard"
	"handoff/core/modeldraft"
	"handoff/core/note"
	"handoff/core/source"
)

// plan: {"url", "hosts"?: [{"source","origin"}]} → the fetch plan.
func plan(in []byte, _ Repair) (any, error) {
	var r struct {
		URL   string        `json:"url"`
		Hosts []source.Host `json:"hosts"`
	}
	if err := decode(in, &r); err != nil {
		return nil, err
	}
	return source.PlanFor(r.URL, r.Hosts)
}

// parse: {"source"?, "url"?, "files": [{"name","text"}], "include_thread"?}
// → {"handle", "source", "ticket", "read", "total", "complete",
// "messages": [{"n","id","at","author","visibility"}], "thread"?}.
// Messages carry no text: the page has it, the store keeps it.
func parse(in []byte, _ Repair) (any, error) {
	var r struct {
		Source string `json:"source"`
		URL    string `json:"url"`
		Files  []struct {
			Name string `json:"name"`
			Text string `json:"text"`
		} `json:"files"`
		IncludeThread bool `json:"include_thread"`
	}
	key := requestKey("parse", in)
	if v, ok := parsedBefore(key); ok {
		return v, nil
	}
	if err := decode(in, &r); err != nil {
		return nil, err
	}
	p := source.Payload{Source: r.Source, URL: r.URL}
	for _, f := range r.Files {
		p.Files = append(p.Files, source.File{Name: f.Name, Body: []byte(f.Text)})
	}
	th, err := source.Read(p)
	if err != nil {
		return nil, err
	}
	type msg struct {
		N          int       `json:"n"`
		ID         string    `json:"id,omitempty"`
		At         time.Time `json:"at,omitzero"`
		Author     string    `json:"author"`
		Visibility string    `json:"visibility"`
	}
	out := struct {
		Handle   string `json:"handle"`
		Source   string `json:"source"`
		Ticket   any    `json:"ticket"`
		Read     int    `json:"read"`
		Total    int    `json:"total"`
		Complete bool   `json:"complete"`
		Messages []msg  `json:"messages"`
		Thread   any    `json:"thread,omitempty"`
	}{Handle: hold(th), Source: th.Source, Ticket: th.Ticket, Read: max(th.Read, len(th.Messages)), Total: th.Total, Complete: th.Complete}
	out.Total = max(out.Total, out.Read)
	for _, m := range th.Messages {
		out.Messages = append(out.Messages, msg{m.N, m.ID, m.At, m.Author.Name, string(m.Visibility)})
	}
	if r.IncludeThread {
		out.Thread = th
	}
	a, err := marshalled(out)
	if err != nil {
		return nil, err
	}
	rememberParse(key, out.Handle, a)
	return a, nil
}

// options are the drafting options every thread call shares.
type options struct {
	threadRef
	Destination string          `json:"destination"`
	Template    json.RawMessage `json:"template"`
	Language    string          `json:"language"`
	NoRedact    bool            `json:"no_redact"`
	Budget      int             `json:"budget"`
	Engine      string          `json:"engine"`
}

func (o options) model(t *note.Template) modeldraft.Options {
	engine := o.Engine
	if engine == "" {
		engine = "on-device"
	}
	return modeldraft.Options{Template: t, Destination: o.Destination, Language: o.Language, NoRedact: o.NoRedact, Budget: o.Budget, Engine: engine}
}

// loadTemplate accepts the team template as a JSON object or as a JSON
// string holding one (the options page's editor text); empty is default.
func loadTemplate(raw json.RawMessage) (*note.Template, error) {
	var text string
	if json.Unmarshal(raw, &text) == nil {
		raw = json.RawMessage(text)
	}
	if s := strings.TrimSpace(string(raw)); s == "" || s == "null" {
		return note.DefaultTemplate(), nil
	}
	return note.LoadTemplate(raw)
}

// start decodes a thread call: its options, thread and template.
func start(in []byte) (options, *entry, *note.Template, error) {
	var o options
	if err := decode(in, &o); err != nil {
		return o, nil, nil, err
	}
	t, err := loadTemplate(o.Template)
	if err != nil {
		return o, nil, nil, err
	}
	e, err := o.resolve()
	return o, e, t, err
}

// draftNote: {"handle"|"thread", "destination"?, "template"?} → the offline
// note; the same request for a kept thread answers the note drafted before.
func draftNote(in []byte, _ Repair) (any, error) {
	o, e, t, err := start(in)
	if err != nil {
		return nil, err
	}
	key := requestKey("draft", in)
	if v, ok := e.answered(key); ok {
		return v, nil
	}
	// The thread's facts and guard index are kept for its next drafts (a
	// destination switch); a thread with prompt injections is quarantined
	// by Offline, which then indexes what it drafted from.
	do := draft.Options{Destination: o.Destination, Template: t, Facts: e.read()}
	if len(do.Facts.Injections) == 0 {
		do.Checker = e.check()
	}
	n, err := draft.Offline(e.th, do)
	if err != nil {
		return nil, err
	}
	a, err := marshalled(n)
	if err != nil {
		return nil, err
	}
	store.Lock()
	e.remember(key, a)
	store.Unlock()
	return a, nil
}

// promptFor: options → {"system","user","schema"} for an on-device model.
func promptFor(in []byte, _ Repair) (any, error) {
	o, e, t, err := start(in)
	if err != nil {
		return nil, err
	}
	p, err := modeldraft.PromptFor(e.th, o.model(t))
	if err != nil {
		return nil, err
	}
	return struct {
		System string          `json:"system"`
		User   string          `json:"user"`
		Schema json.RawMessage `json:"schema"`
	}{p.System, p.User, p.Schema}, nil
}

// finish: options + {"answer"} → the checked note; repair is asked once
// when the answer has block findings.
func finish(in []byte, repair Repair) (any, error) {
	o, e, t, err := start(in)
	if err != nil {
		return nil, err
	}
	var r struct {
		Answer string `json:"answer"`
	}
	if err := decode(in, &r); err != nil {
		return nil, err
	}
	return modeldraft.Finish(e.th, o.model(t), r.Answer, repair)
}

// lint: {"handle"|"thread", "note": note JSON or Markdown, "template"?}
// → {"ready", "findings"}.
func lint(in []byte, _ Repair) (any, error) {
	_, e, t, err := start(in)
	if err != nil {
		return nil, err
	}
	n, err := noteOf(in, t)
	if err != nil {
		return nil, err
	}
	fs := e.check().Lint(n, guard.Options{MaxWords: t.MaxWords, Banned: t.Banned})
	if fs == nil {
		fs = []note.Finding{}
	}
	return struct {
		Ready    bool           `json:"ready"`
		Findings []note.Finding `json:"findings"`
	}{guard.Ready(fs), fs}, nil
}

// render: {"note", "format": md|text|html|json} → {"text"}.
func render(in []byte, _ Repair) (any, error) {
	var r struct {
		Format string `json:"format"`
	}
	if err := decode(in, &r); err != nil {
		return nil, err
	}
	n, err := noteOf(in, nil)
	if err != nil {
		return nil, err
	}
	s, err := note.Render(n, r.Format)
	if err != nil {
		return nil, errs.New(errs.Usage, "format", "%v", err)
	}
	return struct {
		Text string `json:"text"`
	}{s}, nil
}

// template: {"template"} → {"template", "sections": {destination: [spec]}},
// the validated template and each destination's sections for a preview.
func template(in []byte, _ Repair) (any, error) {
	var r struct {
		Template json.RawMessage `json:"template"`
	}
	if err := decode(in, &r); err != nil {
		return nil, err
	}
	t, err := loadTemplate(r.Template)
	if err != nil {
		return nil, err
	}
	by := map[string][]note.SectionSpec{}
	for _, d := range note.Destinations {
		by[d] = t.For(d)
	}
	return struct {
		Template *note.Template                `json:"template"`
		Sections map[string][]note.SectionSpec `json:"sections"`
	}{t, by}, nil
}

// noteOf reads the request's "note": note JSON, or a string of Markdown
// or note JSON.
func noteOf(in []byte, t *note.Template) (*note.Note, error) {
	var r struct {
		Note json.RawMessage `json:"note"`
	}
	if err := decode(in, &r); err != nil {
		return nil, err
	}
	data := []byte(r.Note)
	var text string
	if json.Unmarshal(r.Note, &text) == nil {
		data = []byte(text)
	}
	if len(data) == 0 || string(data) == "null" {
		return nil, errs.New(errs.Usage, "note", "the request has no note")
	}
	return note.Parse(data, t)
}
