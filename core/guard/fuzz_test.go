package guard_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"handoff/core/guard"
	"handoff/core/internal/testenv"
	"handoff/core/note"
)

// FuzzLint lints random section and item text against a small thread:
// no panic, every span is a substring of its section's text or of one of
// its items, every finding names a known rule with its severity, and the
// result is deterministic.
func FuzzLint(f *testing.F) {
	for _, name := range []string{"note-good.json", "note-bad.json", "note-bad-es-fr.json", "note-hand-edited.json"} {
		for _, s := range loadNote(f, name).Sections {
			f.Add(s.Key, s.Text, "")
			for _, it := range s.Items {
				f.Add(s.Key, "", it.Text)
			}
		}
	}
	f.Add("tried", "1.200,00 € 2/3/2026 #0 #999999999 sk-aaaaaaaaaaaaaaaaaaaa", "L’utilisateur \xff\xfe 31 fév.")
	// Customer messages from the shared prompt-injection corpus, when present.
	if dir := sharedDir(f, "prompt-injection"); dir != "" {
		files, _ := filepath.Glob(filepath.Join(dir, "*"))
		for i, p := range files {
			if b, err := os.ReadFile(p); err == nil && i < 20 {
				f.Add("posture", string(b[:min(len(b), 2000)]), "")
			}
		}
	}
	th := loadThread(f, "thread-export.json")
	f.Fuzz(func(t *testing.T, key, text, item string) {
		n := &note.Note{Sections: []note.Section{
			{Key: key, Text: text, Items: []note.Item{{Text: item, Cites: []int{1, 99}}}},
			{Key: note.Blocker, Text: text},
		}}
		fs := guard.Lint(n, th, guard.Options{Banned: []string{item}})
		for _, fd := range fs {
			r, ok := guard.RuleByID(fd.Rule)
			if !ok || r.Severity != fd.Severity {
				t.Fatalf("unknown rule or severity: %+v", fd)
			}
			if !utf8.ValidString(fd.Span) && utf8.ValidString(text) && utf8.ValidString(item) {
				t.Fatalf("span is not valid UTF-8: %q", fd.Span)
			}
			s := n.Section(fd.Section)
			if fd.Span == "" || s == nil {
				continue
			}
			if !strings.Contains(s.Text, fd.Span) && !strings.Contains(item, fd.Span) {
				t.Fatalf("span %q is not in section %q text %q or item %q", fd.Span, fd.Section, s.Text, item)
			}
		}
		if again := guard.Lint(n, th, guard.Options{Banned: []string{item}}); !reflect.DeepEqual(fs, again) {
			t.Fatal("Lint is not deterministic")
		}
	})
}

// sharedDir returns a shared corpus directory, or "" when it is absent
// (the fuzz target then runs on testdata seeds only).
func sharedDir(f *testing.F, name string) string {
	dir := filepath.Join(testenv.Root(), "..", "shared", "corpora", name)
	if _, err := os.Stat(dir); err != nil {
		return ""
	}
	return dir
}
