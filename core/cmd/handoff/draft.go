package main

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"strconv"
	"strings"

	"handoff/core/draft"
	"handoff/core/errs"
	"handoff/core/llm"
	"handoff/core/modeldraft"
	"handoff/core/note"
	"handoff/core/source"
	"handoff/core/thread"
)

func init() {
	commands = append(commands, command{
		name:  "draft",
		usage: "draft [--format md|text|html|json] [--destination auto|engineering|finance|leadership|security] [--template FILE] [--model offline|openai] [--worker URL] [--language LANG] [--no-redact] [--budget TOKENS] [--source S] PATH",
		run:   runDraft,
	})
}

func runDraft(args []string, stdout io.Writer) error {
	fs := newFlags("draft")
	format := fs.String("format", "md", "md, text, html or json")
	dest := fs.String("destination", "auto", "auto, engineering, finance, leadership or security")
	tplPath := fs.String("template", "", "team template file (JSON)")
	model := fs.String("model", "offline", "offline or openai")
	worker := fs.String("worker", "", "team worker URL (token in HANDOFF_TOKEN)")
	lang := fs.String("language", "", "note language for model drafts (default English)")
	noRedact := fs.Bool("no-redact", false, "send personal data to the model unredacted")
	budget := fs.Int("budget", envInt("HANDOFF_PROMPT_BUDGET"), "the model's prompt budget in tokens; longer threads are condensed (default 100000)")
	src := fs.String("source", "auto", "helpdesk the input comes from")
	rest, err := parseFlags(fs, args, 1)
	if err != nil {
		return err
	}
	if !validFormat(*format) {
		return errs.New(errs.Usage, "draft", "unknown format %q (md, text, html or json)", *format)
	}
	if *dest != "auto" && !isDestination(*dest) {
		return errs.New(errs.Usage, "draft", "unknown destination %q (auto, %s)", *dest, strings.Join(note.Destinations, ", "))
	}
	tplData, tpl, err := loadTemplate(*tplPath)
	if err != nil {
		return err
	}
	th, err := readThread(rest[0], *src)
	if err != nil {
		return err
	}
	var n *note.Note
	switch {
	case *worker != "":
		n, err = draftViaWorker(context.Background(), *worker, os.Getenv("HANDOFF_TOKEN"), workerRequest{
			Thread: th, Template: tplData, Destination: *dest, Language: *lang})
	case *model == "offline":
		n, err = draft.Offline(th, draft.Options{Destination: *dest, Template: tpl})
	case *model == "openai":
		n, err = draftWithOpenAI(th, modeldraft.Options{Template: tpl, Destination: *dest, Language: *lang, NoRedact: *noRedact, Budget: *budget})
	default:
		return errs.New(errs.Usage, "draft", "unknown model %q (offline or openai)", *model)
	}
	if err != nil {
		return err
	}
	out, err := note.Render(n, *format)
	if err != nil {
		return errs.Wrap(errs.Internal, "render", err)
	}
	_, err = io.WriteString(stdout, out)
	return err
}

func draftWithOpenAI(th *thread.Thread, o modeldraft.Options) (*note.Note, error) {
	c, err := llm.New(llm.ConfigFromEnv(os.Getenv))
	if err != nil {
		return nil, err
	}
	o.Engine = "openai"
	return modeldraft.Draft(context.Background(), modeldraft.LLM{Client: c}, th, o)
}

// envInt reads a non-negative integer setting, or 0.
func envInt(name string) int {
	n, err := strconv.Atoi(os.Getenv(name))
	if err != nil || n < 0 {
		return 0
	}
	return n
}

func readThread(path, src string) (*thread.Thread, error) {
	p, err := loadPayload(path, src)
	if err != nil {
		return nil, err
	}
	return source.Read(p)
}

// loadTemplate reads a team template file; "" gives the default.
func loadTemplate(path string) (json.RawMessage, *note.Template, error) {
	if path == "" {
		return nil, note.DefaultTemplate(), nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, errs.New(errs.IO, path, "%v", unwrapPathError(err))
	}
	t, err := note.LoadTemplate(b)
	if err != nil {
		return nil, nil, err
	}
	return b, t, nil
}

func validFormat(f string) bool {
	for _, known := range note.Formats {
		if f == known {
			return true
		}
	}
	return false
}

func isDestination(d string) bool {
	for _, known := range note.Destinations {
		if d == known {
			return true
		}
	}
	return false
}
