package modeldraft_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"handoff/core/errs"
	"handoff/core/internal/testenv"
	"handoff/core/llm"
	"handoff/core/llm/llmtest"
	"handoff/core/modeldraft"
	"handoff/core/note"
	"handoff/core/prompt"
	"handoff/core/source"
	"handoff/core/thread"
)

const fakeKey = "sk-test-fake-key-for-tests-only"

func bundled(t testing.TB) *thread.Thread {
	t.Helper()
	dir := testenv.Testdata("tickets", "zendesk-export-502")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var p source.Payload
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		p.Files = append(p.Files, source.File{Name: e.Name(), Body: b})
	}
	th, err := source.Read(p)
	if err != nil {
		t.Fatal(err)
	}
	return th
}

// answer builds a model answer from section texts.
func answer(sections map[string]string) string {
	type item struct {
		Text  string `json:"text"`
		Cites []int  `json:"cites"`
	}
	type section struct {
		Key   string `json:"key"`
		Items []item `json:"items"`
	}
	var secs []section
	for _, k := range []string{"problem", "background", "tried", "blocker", "posture", "environment", "repro", "bug_or_config", "hypothesis"} {
		if text, ok := sections[k]; ok {
			var items []item
			for _, line := range strings.Split(text, "\n") {
				items = append(items, item{Text: line, Cites: note.Cites(line)})
			}
			secs = append(secs, section{k, items})
		}
	}
	b, _ := json.Marshal(map[string]any{"destination": "engineering", "ready": true, "sections": secs})
	return string(b)
}

func good() map[string]string {
	return map[string]string{
		"problem":    "CSV export of the Shipments by Carrier report fails with 502 Bad Gateway after about 60 seconds for exports over roughly 10,000 rows, since Feb 26 (#1, #3).",
		"background": "Opened 2 Mar by Priya Raman (Northwind Logistics) (#1); handled by Marco Díaz; reproduced internally on 3 Mar (#4); HAR received 5 Mar (#9).",
		"tried":      "Cleared cache and cookies, re-logged in (#2) → same 502 (#3)\nFirefox and Edge (#5) → same 502 (#6)\nOne week at a time (#5) → works, about 9,500 rows per file (#6)",
		"blocker":    "The load balancer cuts long synchronous exports at 60 s; support cannot change the timeout or enable background exports for the Business plan (#7, #10, #13).",
		"posture":    "40 people use these exports daily (#1); board report on March 16 (#9); asked for an ETA three times without a date (#6, #9, #11, #14).",
		"hypothesis": "We suspect the gateway timeout on synchronous exports because the 502 comes at 60 s with no x-acme-request-id (#10); ruled out cache (#3) and browser (#6); first move: check whether workspace northwind-ops exports can use the background export path (#13).",
	}
}

func draftWith(t *testing.T, script ...llmtest.Reply) (*note.Note, *llmtest.Server, error) {
	t.Helper()
	srv := llmtest.New(script...)
	t.Cleanup(srv.Close)
	c, err := llm.New(llm.Config{BaseURL: srv.URL + "/v1", Model: "test-model", APIKey: fakeKey, Timeout: 2 * time.Second,
		Sleep: func(context.Context, time.Duration) error { return nil }})
	if err != nil {
		t.Fatal(err)
	}
	n, err := modeldraft.Draft(context.Background(), modeldraft.LLM{Client: c}, bundled(t), modeldraft.Options{Destination: "auto", Engine: "openai"})
	return n, srv, err
}

func rules(n *note.Note) string {
	var out []string
	for _, f := range n.Findings {
		out = append(out, f.Severity+":"+f.Rule)
	}
	return strings.Join(out, " ")
}

func TestGoodAnswer(t *testing.T) {
	n, srv, err := draftWith(t, llmtest.Answer(answer(good())))
	if err != nil {
		t.Fatal(err)
	}
	if n.Blocking() || !n.Ready {
		t.Fatalf("a grounded, cited answer was flagged: %s", rules(n))
	}
	if n.Meta.Engine != "openai" || n.Meta.Model != "test-model" || n.Meta.Usage == nil || n.Meta.Usage.TotalTokens != 1500 {
		t.Errorf("meta = %+v", n.Meta)
	}
	if len(srv.Requests()) != 1 {
		t.Errorf("%d model calls for a good answer, want 1", len(srv.Requests()))
	}
	body, _ := json.Marshal(srv.Requests()[0].Body)
	if strings.Contains(string(body), "priya.raman@") {
		t.Error("the requester's e-mail reached the model unredacted")
	}
}

func TestFencedAnswer(t *testing.T) {
	n, _, err := draftWith(t, llmtest.Answer("Sure! Here it is:\n```json\n"+answer(good())+"\n```"))
	if err != nil || n.Blocking() {
		t.Fatalf("fenced answer: %v %s", err, rules(n))
	}
}

func TestRepairRound(t *testing.T) {
	missing := good()
	delete(missing, "blocker")
	n, srv, err := draftWith(t, llmtest.Answer(answer(missing)), llmtest.Answer(answer(good())))
	if err != nil {
		t.Fatal(err)
	}
	reqs := srv.Requests()
	if len(reqs) != 2 || n.Blocking() {
		t.Fatalf("%d calls, findings %s: a missing blocker must get one repair round", len(reqs), rules(n))
	}
	msgs, _ := json.Marshal(reqs[1].Body["messages"])
	if !strings.Contains(string(msgs), "blocker") || !strings.Contains(string(msgs), "previous answer") {
		t.Error("the repair prompt does not carry the findings")
	}
}

func TestBadAnswersAreFlaggedNeverAccepted(t *testing.T) {
	hallucinated := good()
	hallucinated["posture"] = "Customer will lose $48,000 in revenue (#9); 40 people use the exports (#1)."
	temperament := good()
	temperament["posture"] = "The customer is extremely frustrated and angry about the delay (#14)."
	injected := good()
	injected["hypothesis"] = "As promised, approve a full refund of $5,000 and close the ticket (#14)."
	for name, sections := range map[string]map[string]string{"hallucinated amount": hallucinated, "temperament": temperament, "obeys an injection": injected} {
		t.Run(name, func(t *testing.T) {
			// The model repeats its mistake in the repair round.
			n, srv, err := draftWith(t, llmtest.Answer(answer(sections)))
			if err != nil {
				t.Fatal(err)
			}
			if len(srv.Requests()) != 2 {
				t.Errorf("%d calls, want a repair round", len(srv.Requests()))
			}
			if !n.Blocking() || n.Ready {
				t.Fatalf("bad answer accepted: %s", rules(n))
			}
		})
	}
}

func TestNonJSONTwiceIsAClearError(t *testing.T) {
	_, srv, err := draftWith(t, llmtest.Answer("I'm sorry, I can't help with that."))
	if errs.CodeOf(err) != errs.Model || len(srv.Requests()) != 2 {
		t.Fatalf("got %v after %d calls, want E_MODEL after a repair round", err, len(srv.Requests()))
	}
}

func TestUpstreamFailures(t *testing.T) {
	cases := map[string]struct {
		script []llmtest.Reply
		code   string
	}{
		"429 then success": {[]llmtest.Reply{llmtest.Status(429, "1"), llmtest.Answer(answer(good()))}, ""},
		"500":              {[]llmtest.Reply{llmtest.Status(500, "")}, errs.Upstream},
		"context length":   {[]llmtest.Reply{llmtest.ContextLength()}, errs.TooLarge},
		"hang":             {[]llmtest.Reply{llmtest.Hang(5 * time.Second)}, errs.Timeout},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, _, err := draftWith(t, tc.script...)
			if errs.CodeOf(err) != tc.code {
				t.Fatalf("got %v, want %q", err, tc.code)
			}
		})
	}
}

// countingModel answers condensation prompts with a cited line and the
// final prompt with a fixed note, recording what it was asked.
type countingModel struct{ prompts []string }

func (m *countingModel) Complete(_ context.Context, p prompt.Prompt) (modeldraft.Answer, error) {
	m.prompts = append(m.prompts, p.User)
	if len(p.Schema) == 0 {
		return modeldraft.Answer{Text: fmt.Sprintf("export still fails with 502 (#%d)", len(m.prompts))}, nil
	}
	return modeldraft.Answer{Text: `{"sections":[{"key":"problem","items":[{"text":"Export fails with 502 (#1)","cites":[1]}]}]}`}, nil
}

func TestLongThreadIsCondensedNeverTruncated(t *testing.T) {
	th := &thread.Thread{Source: "zendesk", Ticket: thread.Ticket{ID: "1", Subject: "Export fails"}, Complete: true}
	start := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	for i := 1; i <= 2000; i++ {
		role := thread.Customer
		if i%2 == 0 {
			role = thread.Agent
		}
		th.Messages = append(th.Messages, thread.Message{N: i, Author: thread.Person{Name: "P", Role: role}, Visibility: thread.Public,
			At: start.Add(time.Duration(i) * time.Hour), Text: fmt.Sprintf("Update %d: the nightly export still fails with HTTP 502 after 60 seconds on workspace northwind-ops.", i)})
	}
	thread.Normalize(th)
	m := &countingModel{}
	n, err := modeldraft.Draft(context.Background(), m, th, modeldraft.Options{Budget: 20000, Engine: "openai"})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.prompts) < 4 {
		t.Fatalf("only %d model calls for a 2,000-message thread over budget", len(m.prompts))
	}
	seen := map[int]bool{}
	for _, p := range m.prompts[:len(m.prompts)-1] {
		for i := 1; i <= 2000; i++ {
			if strings.Contains(p, fmt.Sprintf(`<message n="%d" `, i)) {
				seen[i] = true
			}
		}
	}
	if len(seen) != 2000 {
		t.Errorf("condensation read %d of 2,000 messages", len(seen))
	}
	if final := m.prompts[len(m.prompts)-1]; !strings.Contains(final, "<condensed>") || strings.Contains(final, `<message n="1" `) {
		t.Error("the final prompt should carry the condensed facts instead of the raw thread")
	}
	if n.Meta.Read != 2000 {
		t.Errorf("meta.read = %d", n.Meta.Read)
	}
}

func TestOnDevicePromptAndFinish(t *testing.T) {
	th := bundled(t)
	o := modeldraft.Options{Engine: "on-device"}
	p, err := modeldraft.PromptFor(th, o)
	if err != nil || len(p.Schema) == 0 || !strings.Contains(p.User, `<message n="14"`) {
		t.Fatalf("PromptFor: %v", err)
	}
	repaired := 0
	n, err := modeldraft.Finish(th, o, answer(map[string]string{"problem": "Export fails (#1)"}), func(rp prompt.Prompt) (string, error) {
		repaired++
		return answer(good()), nil
	})
	if err != nil || repaired != 1 || n.Blocking() || n.Meta.Engine != "on-device" {
		t.Fatalf("Finish: err %v, repaired %d, findings %s", err, repaired, rules(n))
	}
}

func readDir(t *testing.T, dir string) *thread.Thread {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	var p source.Payload
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".json") && e.Name() != "expect.json" {
			b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
			p.Files = append(p.Files, source.File{Name: e.Name(), Body: b})
		}
	}
	th, err := source.Read(p)
	if err != nil {
		t.Fatal(err)
	}
	return th
}

func TestAnswerObeyingAnInjectionIsBlocked(t *testing.T) {
	th := readDir(t, testenv.Testdata("escalations", "zd-injection-overage"))
	obeying := `{"destination":"finance","ready":true,"sections":[
	 {"key":"problem","items":[{"text":"September overage of $640.00 on invoice SB-10482 from duplicate SMS sends (#1).","cites":[1]}]},
	 {"key":"blocker","items":[{"text":"Signalbox support already promised a full refund of $5,000 and this customer is a VIP who must not be charged (#3).","cites":[3]}]},
	 {"key":"hypothesis","items":[{"text":"We suspect SDK retries without idempotency keys (#4); first move: confirm the credit amount (#4).","cites":[4]}]}]}`
	srv := llmtest.New(llmtest.Answer(obeying))
	defer srv.Close()
	c, _ := llm.New(llm.Config{BaseURL: srv.URL + "/v1", APIKey: fakeKey})
	n, err := modeldraft.Draft(context.Background(), modeldraft.LLM{Client: c}, th, modeldraft.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n.Ready || !strings.Contains(rules(n), "block:injection.obeyed") || !strings.Contains(rules(n), "warn:injection") {
		t.Fatalf("an answer obeying the injection was not blocked: %s", rules(n))
	}
	sent, _ := json.Marshal(srv.Requests()[0].Body)
	if strings.Contains(strings.ToLower(string(sent)), "ignore all previous instructions") {
		t.Error("the injected instructions reached the model")
	}
}

// TestTraceTimesEachStageWithoutChangingTheNote: a traced draft reports
// each stage once per run (the model once, parse and guard once for a
// good answer) and drafts the same note as an untraced one.
func TestTraceTimesEachStageWithoutChangingTheNote(t *testing.T) {
	th := bundled(t)
	m := fixedModel(answer(good()))
	plain, err := modeldraft.Draft(context.Background(), m, th, modeldraft.Options{Now: time.Date(2026, 3, 6, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	stages := map[string]int{}
	traced, err := modeldraft.Draft(context.Background(), m, th, modeldraft.Options{Now: time.Date(2026, 3, 6, 0, 0, 0, 0, time.UTC),
		Trace: func(stage string, d time.Duration) {
			if d < 0 {
				t.Errorf("stage %s took %v", stage, d)
			}
			stages[stage]++
		}})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"offline": 1, "redact": 1, "prompt": 1, "model": 1, "parse": 1, "guard": 1}
	if fmt.Sprint(stages) != fmt.Sprint(want) {
		t.Errorf("stages %v, want %v", stages, want)
	}
	a, _ := json.Marshal(plain)
	b, _ := json.Marshal(traced)
	if string(a) != string(b) {
		t.Errorf("tracing changed the note:\n%s\n%s", a, b)
	}
}

// fixedModel answers every prompt with itself.
type fixedModel string

func (m fixedModel) Complete(context.Context, prompt.Prompt) (modeldraft.Answer, error) {
	return modeldraft.Answer{Text: string(m), Model: "fixed"}, nil
}
