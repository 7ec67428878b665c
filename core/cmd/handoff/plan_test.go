package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestPlanCommand(t *testing.T) {
	cases := []struct {
		args         []string
		source, kind string
		id           string
	}{
		{[]string{"plan", "https://acme.zendesk.com/agent/tickets/123"}, "zendesk", "api", "123"},
		{[]string{"plan", "https://acme.atlassian.net/browse/SUP-12"}, "jira", "api", "SUP-12"},
		{[]string{"plan", "https://acme.freshdesk.com/a/tickets/45"}, "freshdesk", "dom", "45"},
		{[]string{"plan", "--host", "zammad=https://support.example.org", "https://support.example.org/#ticket/zoom/9"}, "zammad", "api", "9"},
		{[]string{"plan", "https://support.example.org/#ticket/zoom/9", "--host", "zammad=https://support.example.org/"}, "zammad", "api", "9"},
	}
	for _, c := range cases {
		out, errOut, code := runCLI(c.args...)
		var p struct {
			Source   string `json:"source"`
			Kind     string `json:"kind"`
			TicketID string `json:"ticket_id"`
		}
		if code != 0 || json.Unmarshal([]byte(out), &p) != nil {
			t.Errorf("%v: exit %d: %s", c.args, code, errOut)
			continue
		}
		if p.Source != c.source || p.Kind != c.kind || p.TicketID != c.id {
			t.Errorf("%v: got %+v", c.args, p)
		}
	}
}

func TestPlanCommandErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		code string
	}{
		{[]string{"plan", "https://support.example.org/#ticket/zoom/9"}, "E_UNSUPPORTED"}, // host not added
		{[]string{"plan", "not a url"}, "E_USAGE"},
		{[]string{"plan", "--host", "zammad", "https://acme.zammad.com/#ticket/zoom/9"}, "E_USAGE"},
		{[]string{"plan"}, "E_USAGE"},
	} {
		out, errOut, code := runCLI(c.args...)
		if code != 2 || out != "" || !strings.HasPrefix(errOut, "handoff: "+c.code+": ") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 and %s", c.args, code, out, errOut, c.code)
		}
	}
}
