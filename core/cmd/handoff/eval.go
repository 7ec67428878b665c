package main

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"handoff/core/draft"
	"handoff/core/errs"
	"handoff/core/eval"
	"handoff/core/modeldraft"
	"handoff/core/note"
	"handoff/core/source"
	"handoff/core/thread"
)

func init() {
	commands = append(commands, command{
		name:  "eval",
		usage: "eval [--format md|json] [--model offline|openai] [--worker URL] [--destination auto|engineering|finance|leadership|security] [--template FILE] DIR",
		run:   runEval,
	})
}

// referenceFile is the note a person wrote for a case of a batch.
const referenceFile = "reference.md"

// runEval drafts every case of a test batch and prints the evaluation
// (core/eval). DIR holds one folder per escalation: the ticket input in any
// form "handoff thread" reads plus reference.md. The report is printed
// even when some cases fail; those print as error lines and make the exit
// status that of their error (2 for bad input).
func runEval(args []string, stdout io.Writer) error {
	fs := newFlags("eval")
	format := fs.String("format", "md", "md or json")
	model := fs.String("model", "offline", "offline or openai")
	worker := fs.String("worker", "", "team worker URL (token in HANDOFF_TOKEN)")
	dest := fs.String("destination", "auto", "auto, engineering, finance, leadership or security")
	tplPath := fs.String("template", "", "team template file (JSON)")
	rest, err := parseFlags(fs, args, 1)
	if err != nil {
		return err
	}
	if *format != "md" && *format != "json" {
		return errs.New(errs.Usage, "eval", "unknown format %q (md or json)", *format)
	}
	if *dest != "auto" && !isDestination(*dest) {
		return errs.New(errs.Usage, "eval", "unknown destination %q (auto, %s)", *dest, strings.Join(note.Destinations, ", "))
	}
	if *model != "offline" && *model != "openai" {
		return errs.New(errs.Usage, "eval", "unknown model %q (offline or openai)", *model)
	}
	tplData, tpl, err := loadTemplate(*tplPath)
	if err != nil {
		return err
	}
	cases, err := readCases(rest[0])
	if err != nil {
		return err
	}
	engine := *model
	d := func(th *thread.Thread) (*note.Note, error) {
		return draft.Offline(th, draft.Options{Destination: *dest, Template: tpl})
	}
	switch {
	case *worker != "":
		engine = "worker"
		d = func(th *thread.Thread) (*note.Note, error) {
			return draftViaWorker(context.Background(), *worker, os.Getenv("HANDOFF_TOKEN"), workerRequest{
				Thread: th, Template: tplData, Destination: *dest})
		}
	case *model == "openai":
		d = func(th *thread.Thread) (*note.Note, error) {
			return draftWithOpenAI(th, modeldraft.Options{Template: tpl, Destination: *dest})
		}
	}
	r := eval.Run(cases, d, eval.Options{Template: tpl, Engine: engine})
	if err := writeReport(stdout, r, *format); err != nil {
		return err
	}
	return failedCases(rest[0], r)
}

func writeReport(w io.Writer, r *eval.Report, format string) error {
	if format == "md" {
		_, err := io.WriteString(w, eval.Markdown(r))
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// failedCases is nil when every case was evaluated, or an error carrying
// the first failed case's code.
func failedCases(dir string, r *eval.Report) error {
	if r.Summary.Errors == 0 {
		return nil
	}
	for _, c := range r.Cases {
		if c.Error != nil {
			return errs.New(c.Error.Code, dir, "%d of %d cases could not be evaluated (first: %s: %s)", r.Summary.Errors, r.Summary.Cases, c.Name, c.Error.Message)
		}
	}
	return nil
}

// readCases reads every case folder of dir in name order. A folder whose
// ticket or reference cannot be read becomes a case with that error; dir
// itself unreadable fails with E_IO, and dir without case folders with
// E_EMPTY.
func readCases(dir string) ([]eval.Case, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, errs.New(errs.IO, dir, "%v", unwrapPathError(err))
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	var cases []eval.Case
	for _, e := range entries {
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		cases = append(cases, readCase(filepath.Join(dir, e.Name())))
	}
	if len(cases) == 0 {
		return nil, errs.New(errs.Empty, dir, "no case folders: each escalation is a folder with its ticket input and %s", referenceFile)
	}
	return cases, nil
}

// readCase reads one case folder: reference.md, and the ticket from the
// folder's other files. Markdown files (*.md) are never ticket input, so
// reference.md and notes beside the ticket are left out of the payload.
func readCase(dir string) eval.Case {
	c := eval.Case{Name: filepath.Base(dir)}
	ref, err := os.ReadFile(filepath.Join(dir, referenceFile))
	if errors.Is(err, fs.ErrNotExist) {
		c.Err = errs.New(errs.Format, c.Name, "no %s: each case needs the note a person wrote", referenceFile)
		return c
	}
	if err != nil {
		c.Err = errs.New(errs.IO, filepath.Join(c.Name, referenceFile), "%v", unwrapPathError(err))
		return c
	}
	c.Reference = ref
	p, err := casePayload(dir)
	if err == nil {
		c.Thread, err = source.Read(p)
	}
	if err != nil {
		c.Err = errs.New(errs.CodeOf(err), c.Name, "%s", errs.MessageOf(err))
	}
	return c
}

// casePayload is the folder's payload without its Markdown files.
func casePayload(dir string) (source.Payload, error) {
	p, err := loadPayload(dir, "auto")
	if err != nil {
		return p, err
	}
	files := p.Files[:0]
	for _, f := range p.Files {
		if !strings.EqualFold(filepath.Ext(f.Name), ".md") {
			files = append(files, f)
		}
	}
	p.Files = files
	if len(p.Files) == 0 {
		return p, errs.New(errs.Empty, "", "no ticket input beside %s", referenceFile)
	}
	return p, nil
}
