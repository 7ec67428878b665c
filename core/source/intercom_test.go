package source_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"handoff/core/errs"
	"handoff/core/internal/testenv"
	"handoff/core/source"
	"handoff/core/thread"
)

// icIndex is the part of the corpus INDEX.json the tests read.
type icIndex struct {
	Files []struct {
		File       string `json:"file"`
		Endpoint   string `json:"endpoint"`
		PartsFacts []struct {
			PartType   string  `json:"part_type"`
			AuthorType string  `json:"author.type"`
			Body       *string `json:"body"`
		} `json:"parts_facts"`
	} `json:"files"`
}

// icRoles is the author-type mapping the adapter documents.
var icRoles = map[string]thread.Role{"user": thread.Customer, "lead": thread.Customer, "admin": thread.Agent, "bot": thread.Bot}

// TestIntercomCorpus checks every conversation example INDEX.json records
// parts for: the source is message #1, every part with a body follows in
// order with its role and (note ⇒ internal) visibility, every part that is
// neither comment nor note is an event.
func TestIntercomCorpus(t *testing.T) {
	dir := testenv.Corpora(t, "intercom-openapi")
	b, err := os.ReadFile(filepath.Join(dir, "INDEX.json"))
	if err != nil {
		t.Fatal(err)
	}
	var idx icIndex
	if err := json.Unmarshal(b, &idx); err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, f := range idx.Files {
		if f.PartsFacts == nil {
			continue
		}
		checked++
		files := fiFiles(t, dir, f.File+"=conversation.json")
		if got := source.Detect(files); got != "intercom" {
			t.Errorf("%s: Detect = %q", f.File, got)
		}
		th, err := source.Read(source.Payload{Files: files})
		if err != nil {
			t.Errorf("%s: %v", f.File, err)
			continue
		}
		fiInvariants(t, th)
		var want []string
		want = append(want, "agent/public") // every example's source is an admin-initiated message
		events := 0
		for _, p := range f.PartsFacts {
			if p.Body != nil && *p.Body != "" {
				vis := "public"
				if p.PartType == "note" {
					vis = "internal"
				}
				want = append(want, string(icRoles[p.AuthorType])+"/"+vis)
			}
			if p.PartType != "comment" && p.PartType != "note" {
				events++
			}
		}
		var got []string
		for _, m := range th.Messages {
			got = append(got, string(m.Author.Role)+"/"+string(m.Visibility))
		}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s: messages %v, want %v", f.File, got, want)
		}
		if len(th.Events) != events {
			t.Errorf("%s: %d events, want %d", f.File, len(th.Events), events)
		}
		for i, p := range f.PartsFacts {
			if p.Body != nil && strings.Contains(*p.Body, "Thanks again") && !strings.Contains(th.Message(i+2).Text, "Thanks again") {
				t.Errorf("%s: reply text lost: %q", f.File, th.Message(i+2).Text)
			}
		}
	}
	if checked < 8 {
		t.Errorf("only %d corpus files checked", checked)
	}
}

func TestIntercomCorpusOthers(t *testing.T) {
	dir := filepath.Join(testenv.Corpora(t, "intercom-openapi"), "examples")
	// A bare conversation (no parts) is its source message alone.
	th, err := source.Read(source.Payload{Files: fiFiles(t, dir, "get_conversations_conversation_id_conversation_found.json")})
	if err != nil || len(th.Messages) != 1 || th.Ticket.ID != "367" || th.Ticket.Status != "closed" || th.Messages[0].Author.Name != "Ciaran153 Lee" {
		t.Errorf("bare conversation: %v %+v", err, th)
	}
	// A lone ticket part (POST /tickets/{id}/reply) is one internal note.
	th, err = source.Read(source.Payload{Files: fiFiles(t, dir, "post_tickets_ticket_id_reply_admin_note_reply.json")})
	if err != nil || len(th.Messages) != 1 || th.Messages[0].Visibility != thread.Internal || !strings.Contains(th.Messages[0].Text, "Coffee") {
		t.Errorf("ticket note part: %v %+v", err, th)
	}
	// The ticket example has only a state change and no description: no
	// messages, said plainly.
	_, err = source.Read(source.Payload{Files: fiFiles(t, dir, "get_tickets_ticket_id_ticket_found.json")})
	if errs.CodeOf(err) != errs.Empty {
		t.Errorf("ticket without messages: err = %v, want E_EMPTY", err)
	}
	// Lists of conversations are not one ticket.
	if got := source.Detect(fiFiles(t, dir, "get_conversations_successful.json")); got == "intercom" {
		t.Error("a conversation list was detected as one conversation")
	}
}

func TestIntercomBundledConversation(t *testing.T) {
	th, err := source.Read(source.Payload{Files: fiDir(t, testenv.Testdata("tickets", "intercom-pinned-jobs-overwritten"))})
	if err != nil {
		t.Fatal(err)
	}
	fiInvariants(t, th)
	if th.Source != "intercom" || th.Ticket.ID != "215467829340120" || th.Ticket.Status != "open" || th.Ticket.Priority != "priority" ||
		th.Ticket.Requester.Name != "Marcus Oyelaran" || strings.Join(th.Ticket.Tags, ",") != "scheduler,enterprise,churn-risk" {
		t.Errorf("ticket = %+v", th.Ticket)
	}
	if th.Ticket.Subject != "Pinned recurring jobs reassigned by 02:00 optimiser run" {
		t.Errorf("subject from title = %q", th.Ticket.Subject)
	}
	var roles []string
	for _, m := range th.Messages {
		r := string(m.Author.Role)[:1]
		if m.Visibility == thread.Internal {
			r = "N"
		}
		roles = append(roles, r)
	}
	// c customer, b bot, a agent, N internal note.
	if got, want := strings.Join(roles, ""), "cbcaccacNNacNNac"; got != want {
		t.Errorf("roles %s, want %s", got, want)
	}
	var evs []string
	for _, e := range th.Events {
		evs = append(evs, e.Kind+":"+e.To+"@"+strconv.Itoa(e.After))
	}
	if got, want := strings.Join(evs, " "), "assignee:Support Tier 1@3 status:snoozed@11 status:open@12 assignee:Support Tier 2@14"; got != want {
		t.Errorf("events %s, want %s", got, want)
	}
	if a := th.Message(6).Attachments; len(a) != 1 || a[0] != "board-0512-0658.png" {
		t.Errorf("#6 attachments = %v", a)
	}
	if !strings.Contains(th.Message(12).Text, "Routewise") || !th.Complete {
		t.Errorf("#12 = %q, complete %v", th.Message(12).Text, th.Complete)
	}
}

func TestIntercomTruncatedParts(t *testing.T) {
	body := []byte(`{"type":"conversation","id":"9","created_at":1700000000,"source":{"id":"1","body":"<p>hi</p>","author":{"type":"lead","name":"L"}},
	  "conversation_parts":{"conversation_parts":[{"id":"2","part_type":"comment","body":"<p>yo</p>","created_at":1700000100,"author":{"type":"admin","name":"A"}}],"total_count":501}}`)
	th, err := source.Read(source.Payload{Files: []source.File{{Name: "conversation.json", Body: body}}})
	if err != nil {
		t.Fatal(err)
	}
	if th.Complete || th.Read != 2 || th.Total != 502 {
		t.Errorf("complete %v read %d total %d, want incomplete 2 of at most 502", th.Complete, th.Read, th.Total)
	}
}

func TestIntercomBadInput(t *testing.T) {
	for name, body := range map[string]string{
		"not JSON":        `{"type":"conversation","conversation_parts":`,
		"parts not list":  `{"type":"conversation","source":{"author":{"type":"user"},"body":"x"},"conversation_parts":{"conversation_parts":{"a":1}}}`,
		"other JSON type": `{"type":"contact","id":"1"}`,
	} {
		_, err := source.Read(source.Payload{Source: "intercom", Files: []source.File{{Name: "conversation.json", Body: []byte(body)}}})
		if errs.CodeOf(err) != errs.Format {
			t.Errorf("%s: err = %v, want E_FORMAT", name, err)
		}
	}
}

func FuzzIntercom(f *testing.F) {
	b, err := os.ReadFile(testenv.Testdata("tickets", "intercom-pinned-jobs-overwritten", "conversation.json"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte(`{"type":"ticket","ticket_attributes":{"_default_description_":"<b>x"},"ticket_parts":{"ticket_parts":[{"part_type":"ticket_state_updated_by_admin","author":{"type":"admin"},"created_at":"x"}],"total_count":-4}}`))
	f.Add([]byte(`{"type":"conversation_part","part_type":"assignment","assigned_to":null,"author":{"type":7},"body":"\xff\xfe"}`))
	if d := filepath.Join(testenv.Root(), "..", "shared", "corpora", "intercom-openapi", "examples"); fiDirExists(d) {
		es, _ := os.ReadDir(d)
		for _, e := range es {
			if b, err := os.ReadFile(filepath.Join(d, e.Name())); err == nil {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		th, err := source.Read(source.Payload{Source: "intercom", Files: []source.File{{Name: "conversation.json", Body: body}}})
		if err != nil {
			if c := errs.CodeOf(err); c == errs.Internal || c == "" {
				t.Fatalf("uncoded or internal error: %v", err)
			}
			return
		}
		fiInvariants(t, th)
	})
}
