package source

import (
	"os"
	"path/filepath"
	"testing"

	"handoff/core/internal/testenv"
)

// TestDetectorsDoNotOverlap: each bundled ticket is claimed by exactly one
// helpdesk adapter, so detection does not depend on priorities (the
// generic page reader, the last resort, may claim any page too).
func TestDetectorsDoNotOverlap(t *testing.T) {
	var inputs []string
	for _, glob := range []string{"tickets/*", "escalations/*"} {
		ms, _ := filepath.Glob(testenv.Testdata(glob))
		inputs = append(inputs, ms...)
	}
	for _, in := range inputs {
		files := readInput(t, in)
		if len(files) == 0 || filepath.Ext(in) == ".md" {
			continue
		}
		var claims []string
		for _, name := range Names() {
			if a := adapters[name]; a.Detect != nil && a.Detect(claimed(a, files)) && len(ownFiles(a, files)) > 0 {
				claims = append(claims, name)
			}
		}
		if n := len(claims); n > 1 && claims[n-1] == "html" {
			claims = claims[:n-1]
		}
		if len(claims) != 1 {
			t.Errorf("%s: claimed by %v, want exactly one adapter", filepath.Base(in), claims)
		}
	}
}

// readInput reads a ticket file, or a ticket directory's .json, .eml,
// .txt and .html files.
func readInput(t *testing.T, path string) []File {
	t.Helper()
	var paths []string
	if st, err := os.Stat(path); err == nil && !st.IsDir() {
		paths = []string{path}
	} else {
		for _, ext := range []string{"*.json", "*.eml", "*.txt", "*.html"} {
			ms, _ := filepath.Glob(filepath.Join(path, ext))
			paths = append(paths, ms...)
		}
	}
	var files []File
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, File{Name: filepath.Base(p), Body: b})
	}
	return files
}
