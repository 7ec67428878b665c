package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handoff/core/internal/testenv"
)

func runCLI(args ...string) (stdout, stderr string, code int) {
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return out.String(), errb.String(), code
}

var ticket = testenv.Testdata("tickets", "zendesk-export-502")

func TestThreadEveryBundledTicket(t *testing.T) {
	dirs, _ := filepath.Glob(testenv.Testdata("tickets", "*"))
	if len(dirs) < 8 {
		t.Fatalf("only %d bundled tickets", len(dirs))
	}
	for _, dir := range dirs {
		out, errOut, code := runCLI("thread", dir)
		if code != 0 {
			t.Errorf("thread %s: exit %d: %s", filepath.Base(dir), code, errOut)
			continue
		}
		var th struct {
			Messages []struct{ N int } `json:"messages"`
		}
		if err := json.Unmarshal([]byte(out), &th); err != nil || len(th.Messages) < 3 {
			t.Errorf("thread %s: %d messages, %v", filepath.Base(dir), len(th.Messages), err)
		}
	}
}

func TestDraftFormats(t *testing.T) {
	for _, format := range []string{"md", "text", "html", "json"} {
		out, errOut, code := runCLI("draft", "--format", format, ticket)
		if code != 0 || !strings.Contains(out, "hn_") {
			t.Errorf("draft --format %s: exit %d, %s", format, code, errOut)
		}
	}
	out, _, _ := runCLI("draft", ticket, "--format", "json", "--destination", "finance")
	var n struct {
		Destination string `json:"destination"`
		Sections    []struct{ Key string }
	}
	json.Unmarshal([]byte(out), &n)
	if n.Destination != "finance" || len(n.Sections) != 9 {
		t.Errorf("flags after the path: destination %q, %d sections", n.Destination, len(n.Sections))
	}
}

func TestLintExitCodes(t *testing.T) {
	dir := t.TempDir()
	good, _, _ := runCLI("draft", ticket)
	goodPath := filepath.Join(dir, "good.md")
	os.WriteFile(goodPath, []byte(good), 0o644)
	if out, errOut, code := runCLI("lint", "--thread", ticket, goodPath); code != 0 {
		t.Errorf("lint of the offline draft: exit %d\n%s%s", code, out, errOut)
	}
	bad := strings.Replace(good, "### Blocker", "### Blocker\n\nThe customer is furious and keeps yelling at us. They owe $99,999.\n\n### Old blocker", 1)
	badPath := filepath.Join(dir, "bad.md")
	os.WriteFile(badPath, []byte(bad), 0o644)
	out, _, code := runCLI("lint", "--thread", ticket, badPath)
	if code != 3 || !strings.Contains(out, "temperament") || !strings.Contains(out, "99,999") {
		t.Errorf("lint of a bad note: exit %d, want 3 with temperament and ungrounded findings\n%s", code, out)
	}
}

func TestBadInputIsOneCodedLine(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "comments.json")
	os.WriteFile(bad, []byte(`{"tickets": []}`), 0o644)
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"thread", filepath.Join(dir, "missing")}, 2, "handoff: E_IO:"},
		{[]string{"thread", "--source", "zendesk", bad}, 2, "handoff: E_FORMAT: comments.json"},
		{[]string{"draft", "--format", "pdf", ticket}, 2, "handoff: E_USAGE:"},
		{[]string{"draft", "--destination", "legal", ticket}, 2, "handoff: E_USAGE:"},
		{[]string{"lint", ticket}, 2, "handoff: E_USAGE:"},
		{[]string{"frobnicate"}, 2, "handoff: E_USAGE:"},
		{[]string{"draft", "--model", "openai", ticket}, 2, "OPENAI_API_KEY"},
	}
	t.Setenv("OPENAI_API_KEY", "")
	for _, tc := range cases {
		_, errOut, code := runCLI(tc.args...)
		if code != tc.code || !strings.HasPrefix(errOut, tc.want) && !strings.Contains(errOut, tc.want) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and one line with %q", tc.args, code, errOut, tc.code, tc.want)
		}
	}
}
