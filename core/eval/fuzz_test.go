package eval_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"handoff/core/eval"
	"handoff/core/internal/testenv"
	"handoff/core/note"
	"handoff/core/thread"
)

// FuzzRun reads an arbitrary reference note against a fixed thread: Run
// never panics or fails the case for a reason other than an unreadable
// note, the scores stay within their bounds, and the Markdown report keeps
// its tables whole and its text valid UTF-8 for valid input. Seeds are the
// sample batch's reference notes and the unit tests' notes.
func FuzzRun(f *testing.F) {
	f.Add([]byte(goodReference))
	f.Add([]byte(poorReference))
	f.Add([]byte("**Problem**\n\nx | y <b>\r\n(#0) (#999999)\n**Blocker**\n"))
	refs, _ := filepath.Glob(testenv.Testdata("eval", "sample", "*", "reference.md"))
	for _, p := range refs {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	th := exportThread()
	drafted, err := offline(th)
	if err != nil {
		f.Fatal(err)
	}
	once := func(*thread.Thread) (*note.Note, error) { return drafted, nil } // scoring never changes the note
	f.Fuzz(func(t *testing.T, ref []byte) {
		r := eval.Run([]eval.Case{{Name: "fuzz", Thread: th, Reference: ref}}, once, eval.Options{})
		c := r.Cases[0]
		if c.Error != nil {
			if c.Error.Code != "E_FORMAT" {
				t.Fatalf("unexpected error %+v", c.Error)
			}
			return
		}
		for _, s := range []*eval.Score{c.Draft, c.Human} {
			if s.SectionsPresent+len(s.MissingSections) != s.SectionsExpected || s.AttemptsCovered > len(c.Attempts) ||
				s.BlockerCited && !s.Blocker || s.Words < 0 || s.ReadingSeconds < 0 || s.Ready != (s.Block == 0) {
				t.Fatalf("score out of bounds: %+v", s)
			}
		}
		md := eval.Markdown(r)
		checkTables(t, md)
		if utf8.Valid(ref) && !utf8.ValidString(md) {
			t.Fatal("invalid UTF-8 in the report of a valid note")
		}
		if strings.Contains(md, "<script") {
			t.Fatal("markup passed through")
		}
	})
}
