package source_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"handoff/core/errs"
	"handoff/core/internal/testenv"
	"handoff/core/source"
	"handoff/core/thread"
)

// fiFiles reads the named files of dir as a payload, each renamed as the
// adapter expects it: "ticket_1.json=ticket.json" reads ticket_1.json as
// ticket.json.
func fiFiles(t testing.TB, dir string, names ...string) []source.File {
	t.Helper()
	var fs []source.File
	for _, n := range names {
		from, as, ok := strings.Cut(n, "=")
		if !ok {
			as = from
		}
		b, err := os.ReadFile(filepath.Join(dir, from))
		if err != nil {
			t.Fatal(err)
		}
		fs = append(fs, source.File{Name: as, Body: b})
	}
	return fs
}

// fiDir reads every file of a ticket directory.
func fiDir(t testing.TB, dir string) []source.File {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return fiFiles(t, dir, names...)
}

// fiInvariants checks what every parsed thread must satisfy.
func fiInvariants(t testing.TB, th *thread.Thread) {
	t.Helper()
	for i, m := range th.Messages {
		if m.N != i+1 {
			t.Fatalf("message %d numbered %d", i+1, m.N)
		}
		switch m.Author.Role {
		case thread.Customer, thread.Agent, thread.System, thread.Bot, thread.Unknown:
		default:
			t.Fatalf("#%d: bad role %q", m.N, m.Author.Role)
		}
		if m.Visibility != thread.Public && m.Visibility != thread.Internal {
			t.Fatalf("#%d: bad visibility %q", m.N, m.Visibility)
		}
		if !utf8.ValidString(m.Text) || !utf8.ValidString(m.Author.Name) || !utf8.ValidString(m.Quoted) {
			t.Fatalf("#%d: invalid UTF-8", m.N)
		}
		if i > 0 && !m.At.IsZero() && !th.Messages[i-1].At.IsZero() && m.At.Before(th.Messages[i-1].At) {
			t.Fatalf("#%d is earlier than #%d", m.N, m.N-1)
		}
	}
	for _, e := range th.Events {
		if e.After < 0 || e.After > len(th.Messages) {
			t.Fatalf("event %+v placed after a message that does not exist", e)
		}
	}
	if th.Read != len(th.Messages) || th.Total < th.Read {
		t.Fatalf("read %d total %d for %d messages", th.Read, th.Total, len(th.Messages))
	}
}

// fiShape is one message without its cleaned text, which belongs to the
// cleaner's tests.
func fiShape(m thread.Message) string {
	return strings.Join([]string{m.ID, string(m.Author.Role), string(m.Visibility), m.Author.Name, m.Channel}, "|")
}

func TestFreshdeskCorpus(t *testing.T) {
	dir := filepath.Join(testenv.Corpora(t, "sjkingo-python-freshdesk"), "sample_json_data")
	th, err := source.Read(source.Payload{Files: fiFiles(t, dir,
		"ticket_1.json=ticket.json", "conversations.json", "contacts.json")})
	if err != nil {
		t.Fatal(err)
	}
	fiInvariants(t, th)
	if th.Source != "freshdesk" || th.Ticket.ID != "1" || th.Ticket.Subject != "This is a sample ticket" {
		t.Errorf("ticket = %s %+v", th.Source, th.Ticket)
	}
	if th.Ticket.Status != "open" || th.Ticket.Priority != "low" || strings.Join(th.Ticket.Tags, ",") != "foo,bar" {
		t.Errorf("enums/tags = %q %q %v", th.Ticket.Status, th.Ticket.Priority, th.Ticket.Tags)
	}
	if th.Ticket.Requester.Name != "Dummyname" || th.Ticket.Requester.Role != thread.Customer {
		t.Errorf("requester = %+v", th.Ticket.Requester)
	}
	// EXPECTED.json: the description first, then conversations[0] a private
	// note (source 2), conversations[1] a public reply from Rachel.
	want := []string{
		"description|customer|public|Dummyname|portal",
		"1|agent|internal|Rachel|note",
		"2|agent|public|Rachel|email",
	}
	if len(th.Messages) != len(want) {
		t.Fatalf("%d messages, want %d", len(th.Messages), len(want))
	}
	for i, w := range want {
		if got := fiShape(th.Messages[i]); got != w {
			t.Errorf("#%d = %s, want %s", i+1, got, w)
		}
	}
	if got := th.Messages[0].Attachments; len(got) != 1 || got[0] != "attachment.txt" {
		t.Errorf("description attachments = %v", got)
	}
	for i, w := range []string{"This is a sample ticket, feel free to delete it.", "This is a private note", "This is a reply"} {
		if !strings.Contains(th.Messages[i].Text, w) {
			t.Errorf("#%d text %q lacks %q", i+1, th.Messages[i].Text, w)
		}
	}
	if th.Messages[2].Author.Email != "rachel@freshdesk.com" {
		t.Errorf("from_email not read: %+v", th.Messages[2].Author)
	}
}

func TestFreshdeskCorpusSingleFiles(t *testing.T) {
	dir := filepath.Join(testenv.Corpora(t, "sjkingo-python-freshdesk"), "sample_json_data")
	for name, want := range map[string]string{
		"ticket_1.json": "description|customer|public|Dummyname|portal",
		"note_1.json":   "1|agent|internal||note",
		"reply_1.json":  "2|agent|public|Rachel|email",
	} {
		fs := fiFiles(t, dir, name)
		if got := source.Detect(fs); got != "freshdesk" {
			t.Errorf("Detect(%s) = %q", name, got)
		}
		th, err := source.Read(source.Payload{Files: fs})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if len(th.Messages) != 1 || fiShape(th.Messages[0]) != want {
			t.Errorf("%s: %d messages, first %s; want %s", name, len(th.Messages), fiShape(th.Messages[0]), want)
		}
	}
	for _, name := range []string{"contacts.json", "agents.json", "groups.json", "companies.json"} {
		if got := source.Detect(fiFiles(t, dir, name)); got == "freshdesk" {
			t.Errorf("Detect(%s) = freshdesk; it holds no ticket", name)
		}
	}
}

func TestFreshdeskBundledTicket(t *testing.T) {
	files := fiDir(t, testenv.Testdata("tickets", "freshdesk-double-charge-refund"))
	th, err := source.Read(source.Payload{Files: files})
	if err != nil {
		t.Fatal(err)
	}
	fiInvariants(t, th)
	if th.Ticket.ID != "48213" || th.Ticket.Status != "open" || th.Ticket.Priority != "high" ||
		th.Ticket.Organization != "Lumenfield Analytics Ltd" || th.Ticket.Requester.Email != "priya.r@lumenfield.io" {
		t.Errorf("ticket = %+v", th.Ticket)
	}
	var shapes []string
	for _, m := range th.Messages {
		shapes = append(shapes, string(m.Author.Role)+"/"+string(m.Visibility)+"/"+m.Author.Name)
	}
	want := []string{
		"customer/public/Priya Raghunathan",
		"agent/public/Daniel Okafor",
		"agent/internal/Daniel Okafor",
		"customer/public/Priya Raghunathan",
		"agent/internal/Marisol Vega",
		"agent/public/Daniel Okafor",
		"customer/public/Priya Raghunathan",
		"agent/public/Anjali Menon",
		"customer/public/Priya Raghunathan",
		"agent/internal/Anjali Menon",
	}
	if strings.Join(shapes, "\n") != strings.Join(want, "\n") {
		t.Errorf("messages:\n%s\nwant:\n%s", strings.Join(shapes, "\n"), strings.Join(want, "\n"))
	}
	if a := th.Message(4).Attachments; len(a) != 1 || a[0] != "amex_statement_feb2025_redacted.pdf" {
		t.Errorf("#4 attachments = %v", a)
	}
	// Visible text must survive cleaning; what the cleaner removes is its business.
	for n, w := range map[int]string{1: "$4,788.00", 3: "ch_3QnX9aLk2e0047", 4: "Both are posted", 9: "chargeback"} {
		if !strings.Contains(th.Message(n).Text, w) {
			t.Errorf("#%d text lacks %q: %q", n, w, th.Message(n).Text)
		}
	}
	// The description's "--" signature and disclaimer are removed and kept
	// aside; every paragraph above them stays.
	if m := th.Message(1); strings.Contains(m.Text, "confidential") || strings.Contains(m.Text, "Operations Lead") ||
		!strings.Contains(m.Text, "lumenfield-prod") || !strings.Contains(m.Quoted, "Operations Lead") {
		t.Errorf("#1 text %q, removed %q", m.Text, m.Quoted)
	}
	if !th.Complete || th.Total != 10 {
		t.Errorf("complete %v total %d", th.Complete, th.Total)
	}
}

func TestFreshdeskPages(t *testing.T) {
	dir := testenv.Testdata("tickets", "freshdesk-double-charge-refund")
	files := fiFiles(t, dir, "ticket.json", "conversations.json")
	var all []json.RawMessage
	if err := json.Unmarshal(files[1].Body, &all); err != nil {
		t.Fatal(err)
	}
	// Page 2 repeats the last item of page 1 (a page boundary moved while
	// reading) and the pages arrive out of order.
	p1, _ := json.Marshal(all[:5])
	p2, _ := json.Marshal(all[4:])
	th, err := source.Read(source.Payload{Files: []source.File{
		files[0], {Name: "conversations-2.json", Body: p2}, {Name: "conversations.json", Body: p1}}})
	if err != nil {
		t.Fatal(err)
	}
	fiInvariants(t, th)
	if len(th.Messages) != 1+len(all) {
		t.Errorf("%d messages, want %d", len(th.Messages), 1+len(all))
	}
}

func TestFreshdeskBadInput(t *testing.T) {
	for name, files := range map[string][]source.File{
		"ticket not JSON":        {{Name: "ticket.json", Body: []byte(`{"requester_id": 1, "status": 2, "description": "x"`)}, {Name: "conversations.json", Body: []byte(`[]`)}},
		"conversations object":   {{Name: "ticket.json", Body: []byte(`{"requester_id":1,"status":2,"description":"<p>x</p>"}`)}, {Name: "conversations.json", Body: []byte(`{"conversations":[]}`)}},
		"conversation not thing": {{Name: "conversations.json", Body: []byte(`[{"incoming":true,"private":false,"body":"x"}, 7]`)}},
	} {
		_, err := source.Read(source.Payload{Source: "freshdesk", Files: files})
		if errs.CodeOf(err) != errs.Format {
			t.Errorf("%s: err = %v, want E_FORMAT", name, err)
		}
	}
	_, err := source.Read(source.Payload{Source: "freshdesk", Files: []source.File{{Name: "conversations.json", Body: []byte(`[]`)}}})
	if errs.CodeOf(err) != errs.Empty {
		t.Errorf("empty conversations: err = %v, want E_EMPTY", err)
	}
}

func FuzzFreshdesk(f *testing.F) {
	dir := testenv.Testdata("tickets", "freshdesk-double-charge-refund")
	fs := fiFiles(f, dir, "ticket.json", "conversations.json")
	f.Add(fs[0].Body, fs[1].Body)
	f.Add([]byte(`{"requester_id":1,"status":9,"priority":"x","description":"<div>a\xff</div>","created_at":"nope"}`), []byte(`[{"incoming":1,"private":"yes","body":null,"user_id":"1","created_at":5}]`))
	if d := filepath.Join(testenv.Root(), "..", "shared", "corpora", "sjkingo-python-freshdesk", "sample_json_data"); fiDirExists(d) {
		fs := fiFiles(f, d, "ticket_1.json", "conversations.json")
		f.Add(fs[0].Body, fs[1].Body)
	}
	f.Fuzz(func(t *testing.T, ticket, convs []byte) {
		th, err := source.Read(source.Payload{Source: "freshdesk", Files: []source.File{
			{Name: "ticket.json", Body: ticket}, {Name: "conversations.json", Body: convs}}})
		if err != nil {
			if c := errs.CodeOf(err); c == errs.Internal || c == "" {
				t.Fatalf("uncoded or internal error: %v", err)
			}
			return
		}
		fiInvariants(t, th)
	})
}

func fiDirExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}
