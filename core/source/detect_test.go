package source_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"unicode/utf8"

	"handoff/core/errs"
	"handoff/core/internal/testenv"
	"handoff/core/source"
)

// unrelated are files a ticket directory may hold beside the helpdesk's
// own: notes, expectations, screenshots, an editor's backup.
var unrelated = []source.File{
	{Name: "expect.json", Body: []byte(`{"summary":"x","destination":"finance","ready":true,"attempts":[]}`)},
	{Name: "reference.md", Body: []byte("# Reference note\n\nProblem: the export fails.\n")},
	{Name: "notes.txt", Body: []byte("call back on Monday\n")},
	{Name: "screenshot.png", Body: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")},
	{Name: "empty.json", Body: nil},
}

// TestUnknownFilesIgnored reads every bundled ticket and escalation, alone
// and beside unrelated files: detection and the parsed thread must not
// change. Single-file formats (.eml, a normalized thread.json) are the
// cases that used to fail with E_UNSUPPORTED.
func TestUnknownFilesIgnored(t *testing.T) {
	var inputs []string
	for _, glob := range []string{"tickets/*", "escalations/*"} {
		ms, _ := filepath.Glob(testenv.Testdata(glob))
		inputs = append(inputs, ms...)
	}
	for _, in := range inputs {
		if filepath.Base(in) == "gen" || filepath.Ext(in) == ".md" {
			continue
		}
		t.Run(filepath.Base(in), func(t *testing.T) {
			own := ticketFiles(t, in)
			base, err := source.Read(source.Payload{Files: own})
			if err != nil {
				t.Fatalf("own files: %v", err)
			}
			mixed := append(append([]source.File{}, unrelated...), own...)
			if got, want := source.Detect(mixed), source.Detect(own); got != want {
				t.Errorf("Detect with unrelated files = %q, want %q", got, want)
			}
			th, err := source.Read(source.Payload{Files: mixed})
			if err != nil {
				t.Fatalf("with unrelated files: %v", err)
			}
			a, _ := json.Marshal(base)
			b, _ := json.Marshal(th)
			if !reflect.DeepEqual(a, b) {
				t.Errorf("unrelated files changed the thread:\n%s\n%s", a, b)
			}
		})
	}
}

// ticketFiles reads a ticket file, or the helpdesk files of a ticket
// directory (its expect.json and reference notes left out).
func ticketFiles(t testing.TB, path string) []source.File {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if !st.IsDir() {
		b, _ := os.ReadFile(path)
		return []source.File{{Name: filepath.Base(path), Body: b}}
	}
	es, _ := os.ReadDir(path)
	var fs []source.File
	for _, e := range es {
		if e.IsDir() || e.Name() == "expect.json" || filepath.Ext(e.Name()) == ".md" {
			continue
		}
		b, err := os.ReadFile(filepath.Join(path, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		fs = append(fs, source.File{Name: e.Name(), Body: b})
	}
	return fs
}

// TestNothingRecognised keeps the clear error when no file is a ticket.
func TestNothingRecognised(t *testing.T) {
	_, err := source.Read(source.Payload{Files: unrelated})
	if got := errs.CodeOf(err); got != "E_UNSUPPORTED" {
		t.Fatalf("unrelated files only: %v, want E_UNSUPPORTED", err)
	}
}

// FuzzRead: any two files, auto-detected, read without panic into a coded
// error or a thread numbered 1..N with valid UTF-8 (seeded with a
// normalized thread, an e-mail and unrelated files).
func FuzzRead(f *testing.F) {
	for _, in := range []string{"thread-android-crash-es", "eml-double-charge"} {
		for _, file := range ticketFiles(f, testenv.Testdata("escalations", in)) {
			f.Add(file.Name, file.Body, "expect.json", unrelated[0].Body)
		}
	}
	f.Add("thread.json", []byte(`{"ticket":{},"messages":[{"visibility":"public","text":"\xff"}]}`), "notes.txt", []byte("x"))
	f.Fuzz(func(t *testing.T, name1 string, body1 []byte, name2 string, body2 []byte) {
		th, err := source.Read(source.Payload{Files: []source.File{{Name: name1, Body: body1}, {Name: name2, Body: body2}}})
		if err != nil {
			if errs.CodeOf(err) == errs.Internal {
				t.Fatalf("uncoded failure: %v", err)
			}
			return
		}
		for i, m := range th.Messages {
			if m.N != i+1 || !utf8.ValidString(m.Text) {
				t.Fatalf("#%d numbered %d, valid UTF-8 %v", i+1, m.N, utf8.ValidString(m.Text))
			}
		}
	})
}
