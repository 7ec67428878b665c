package main

import (
	"encoding/json"
	"io"

	"handoff/core/source"
)

func init() {
	commands = append(commands, command{
		name:  "thread",
		usage: "thread [--source auto|" + "zendesk|freshdesk|jira|zammad|intercom|helpscout|front|email|html] PATH",
		run:   runThread,
	})
}

func runThread(args []string, stdout io.Writer) error {
	fs := newFlags("thread")
	src := fs.String("source", "auto", "helpdesk the input comes from")
	rest, err := parseFlags(fs, args, 1)
	if err != nil {
		return err
	}
	p, err := loadPayload(rest[0], *src)
	if err != nil {
		return err
	}
	th, err := source.Read(p)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(th)
}
