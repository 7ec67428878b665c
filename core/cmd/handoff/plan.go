package main

import (
	"encoding/json"
	"errors"
	"io"
	"strings"

	"handoff/core/source"
)

func init() {
	commands = append(commands, command{
		name:  "plan",
		usage: "plan [--host SOURCE=ORIGIN]... URL         print the fetch plan JSON for a helpdesk page URL",
		run:   runPlan,
	})
}

// hostFlags collects repeated --host zammad=https://support.example.org
// values: the self-hosted helpdesks a user added in the options.
type hostFlags []source.Host

func (h *hostFlags) String() string { return "" }

func (h *hostFlags) Set(v string) error {
	src, origin, ok := strings.Cut(v, "=")
	if !ok || strings.TrimSpace(src) == "" || strings.TrimSpace(origin) == "" {
		return errors.New("want SOURCE=ORIGIN, e.g. zammad=https://support.example.org")
	}
	*h = append(*h, source.Host{Source: strings.TrimSpace(src), Origin: strings.TrimSpace(origin)})
	return nil
}

// runPlan prints what the extension would collect on a page:
//
//	handoff plan https://acme.zendesk.com/agent/tickets/123
//	{"source":"zendesk","ticket_id":"123","kind":"api","requests":[…]}
//
// A URL that is no ticket view Handoff knows fails with E_UNSUPPORTED (the
// extension then offers "select the conversation"); a string that is no
// http(s) URL fails with E_USAGE.
func runPlan(args []string, stdout io.Writer) error {
	fs := newFlags("plan")
	var hosts hostFlags
	fs.Var(&hosts, "host", "a self-hosted helpdesk, SOURCE=ORIGIN (repeatable)")
	rest, err := parseFlags(fs, args, 1)
	if err != nil {
		return err
	}
	p, err := source.PlanFor(rest[0], hosts)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(p)
}
