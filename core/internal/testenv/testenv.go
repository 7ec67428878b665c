// Package testenv finds the data tests share with the rest of the team.
//
//	dir := testenv.Corpora(t, "nukosuke-go-zendesk") // skips when ../shared is absent
package testenv

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Root returns the repository root (the directory holding go.mod).
func Root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..")
}

// Shared returns ../shared beside the repository, or skips the test with a
// clear message when it is absent (a checkout without the team's data).
func Shared(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(Root(), "..", "shared")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("skipping: %s is absent (the team's shared corpora live beside the repository)", dir)
	}
	return dir
}

// Corpora returns ../shared/corpora/name, skipping like Shared.
func Corpora(t testing.TB, name string) string {
	t.Helper()
	dir := filepath.Join(Shared(t), "corpora", name)
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("skipping: corpus %s is absent", dir)
	}
	return dir
}

// Testdata returns the project's own testdata/ path joined with elem.
func Testdata(elem ...string) string {
	return filepath.Join(append([]string{Root(), "testdata"}, elem...)...)
}
