package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"handoff/core/errs"
	"handoff/core/guard"
	"handoff/core/note"
)

func init() {
	commands = append(commands, command{
		name:  "lint",
		usage: "lint --thread PATH [--template FILE] [--format text|json] NOTE.md|NOTE.json",
		run:   runLint,
	})
}

// runLint checks a note (generated or hand-edited) against its thread and
// prints the findings; block findings make the exit status 3.
func runLint(args []string, stdout io.Writer) error {
	fs := newFlags("lint")
	threadPath := fs.String("thread", "", "the ticket the note is about")
	tplPath := fs.String("template", "", "team template file (JSON)")
	format := fs.String("format", "text", "text or json")
	src := fs.String("source", "auto", "helpdesk the thread comes from")
	rest, err := parseFlags(fs, args, 1)
	if err != nil {
		return err
	}
	if *threadPath == "" {
		return errs.New(errs.Usage, "lint", "--thread PATH is required: specifics are checked against the thread")
	}
	_, tpl, err := loadTemplate(*tplPath)
	if err != nil {
		return err
	}
	th, err := readThread(*threadPath, *src)
	if err != nil {
		return err
	}
	data, err := os.ReadFile(rest[0])
	if err != nil {
		return errs.New(errs.IO, rest[0], "%v", unwrapPathError(err))
	}
	n, err := note.Parse(data, tpl)
	if err != nil {
		return errs.New(errs.CodeOf(err), rest[0], "%s", errs.MessageOf(err))
	}
	findings := guard.Lint(n, th, guard.Options{MaxWords: tpl.MaxWords, Banned: tpl.Banned})
	switch *format {
	case "json":
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if findings == nil {
			findings = []note.Finding{}
		}
		if err := enc.Encode(map[string]any{"ready": guard.Ready(findings), "findings": findings}); err != nil {
			return err
		}
	case "text":
		for _, f := range findings {
			fmt.Fprintf(stdout, "%s\t%s\t%s\t%s", f.Severity, f.Rule, f.Section, f.Message)
			if f.Span != "" {
				fmt.Fprintf(stdout, ": %q", f.Span)
			}
			if f.Suggestion != "" {
				fmt.Fprintf(stdout, " (%s)", f.Suggestion)
			}
			fmt.Fprintln(stdout)
		}
		if len(findings) == 0 {
			fmt.Fprintln(stdout, "no findings: ready to escalate")
		}
	default:
		return errs.New(errs.Usage, "lint", "unknown format %q (text or json)", *format)
	}
	for _, f := range findings {
		if f.Severity == note.Block {
			return errLintBlocked
		}
	}
	return nil
}
