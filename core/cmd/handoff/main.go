// Command handoff reads helpdesk tickets and drafts escalation handoff notes.
//
//	handoff thread [--source auto|zendesk|…] PATH   print the normalized thread JSON
//	handoff clean [--html] FILE                     print the visible reply text of one e-mail body
//
// Errors are one line on stderr, "handoff: CODE: message"; the exit status
// is 2 for bad input, 1 for internal errors and 3 for a lint with block
// findings.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"handoff/core/errs"
)

// command is one subcommand: it parses its own flags from args.
type command struct {
	name, usage string
	run         func(args []string, stdout io.Writer) error
}

var commands []command

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "handoff: %s: unexpected failure: %v\n", errs.Internal, r)
			code = 1
		}
	}()
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands {
		if c.name == args[0] {
			err := c.run(args[1:], stdout)
			return report(err, stderr)
		}
	}
	fmt.Fprintf(stderr, "handoff: %s: unknown command %q (run \"handoff help\")\n", errs.Usage, args[0])
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage:")
	for _, c := range commands {
		fmt.Fprintf(w, "  handoff %s\n", c.usage)
	}
}

// errLintBlocked makes the exit status 3 after the note has been printed.
var errLintBlocked = errors.New("block findings")

func report(err error, stderr io.Writer) int {
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errLintBlocked):
		return 3
	case errors.Is(err, flag.ErrHelp):
		return 0
	}
	fmt.Fprintf(stderr, "handoff: %s: %s\n", errs.CodeOf(err), errs.MessageOf(err))
	if errs.CodeOf(err) == errs.Internal {
		return 1
	}
	return 2
}

// newFlags returns a flag set whose errors come back as E_USAGE.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

func parseFlags(fs *flag.FlagSet, args []string, positional int) ([]string, error) {
	if err := fs.Parse(interleave(fs, args)); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, err
		}
		return nil, errs.New(errs.Usage, fs.Name(), "%v", err)
	}
	if fs.NArg() != positional {
		return nil, errs.New(errs.Usage, fs.Name(), "want %d argument(s), got %d", positional, fs.NArg())
	}
	return fs.Args(), nil
}

// interleave moves flags after positional arguments to the front, so
// "handoff thread PATH --source zendesk" works like the flag-first form.
func interleave(fs *flag.FlagSet, args []string) []string {
	var flags, rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			rest = append(rest, args[i+1:]...)
			break
		}
		if len(a) > 1 && a[0] == '-' {
			flags = append(flags, a)
			name := a[1:]
			if len(name) > 0 && name[0] == '-' {
				name = name[1:]
			}
			if f := fs.Lookup(name); f != nil && !isBool(f) && i+1 < len(args) {
				flags = append(flags, args[i+1])
				i++
			}
			continue
		}
		rest = append(rest, a)
	}
	return append(flags, rest...)
}

func isBool(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}
