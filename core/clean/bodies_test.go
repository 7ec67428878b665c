package clean

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handoff/core/internal/testenv"
)

var _ = testenv.DefineUpdate()

// TestBodiesGolden cleans each realistic body in testdata/bodies (HTML by
// its .html extension) and compares text, signature and quote with its
// .golden file; a reviewer reads the golden diff when a rule changes.
func TestBodiesGolden(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "bodies", "*.*"))
	n := 0
	for _, p := range paths {
		ext := filepath.Ext(p)
		if ext != ".html" && ext != ".txt" {
			continue
		}
		n++
		t.Run(filepath.Base(p), func(t *testing.T) {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			var r Result
			if ext == ".html" {
				r = HTML(string(b))
			} else {
				r = Text(string(b))
			}
			if strings.TrimSpace(r.Text) == "" {
				t.Errorf("no visible text left")
			}
			out := fmt.Sprintf("== text\n%s\n== signature\n%s\n== quoted\n%s\n== forwarded %v\n", r.Text, r.Signature, r.Quoted, r.Forwarded)
			testenv.Golden(t, strings.TrimSuffix(p, ext)+".golden", []byte(out))
		})
	}
	if n == 0 {
		t.Fatal("no bodies in testdata/bodies")
	}
}
