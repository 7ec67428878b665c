package main

import (
	"fmt"
	"io"

	"handoff/core/clean"
)

func init() {
	commands = append(commands, command{
		name:  "clean",
		usage: "clean [--html] FILE",
		run:   runClean,
	})
}

// runClean prints the visible reply text of one e-mail body (plain text,
// or HTML with --html): quotes, reply headers and signatures removed.
func runClean(args []string, stdout io.Writer) error {
	fs := newFlags("clean")
	isHTML := fs.Bool("html", false, "the body is HTML")
	rest, err := parseFlags(fs, args, 1)
	if err != nil {
		return err
	}
	f, err := readFile(rest[0])
	if err != nil {
		return err
	}
	r := clean.Text(string(f.Body))
	if *isHTML {
		r = clean.HTML(string(f.Body))
	}
	_, err = fmt.Fprintln(stdout, r.Text)
	return err
}
