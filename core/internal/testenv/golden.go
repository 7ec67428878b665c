package testenv

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

// DefineUpdate registers the -update flag that rewrites golden files,
// unless the test binary already has one. Call it from a package-level
// variable of each test package that uses Golden, so the flag exists
// before the test binary parses its flags:
//
//	var _ = testenv.DefineUpdate()
func DefineUpdate() bool {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files from the current output")
	}
	return true
}

// Update reports whether the test runs with -update.
func Update() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// Golden compares got with the golden file at path (relative to the
// test's package directory, e.g. "testdata/x.golden.json"). With -update
// it writes got there first (creating the directory). A missing file or a
// difference fails the test with a hint; a reviewer reads the golden
// diff, not the test. Trailing newlines are not compared.
//
//	testenv.Golden(t, filepath.Join("testdata", name+".golden.json"), out)
func Golden(t testing.TB, path string, got []byte) {
	t.Helper()
	if Update() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, append(bytes.TrimRight(got, "\n"), '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(bytes.TrimRight(want, "\n"), bytes.TrimRight(got, "\n")) {
		t.Errorf("%s differs from the output; run go test -update and review git diff:\n%s", path, got)
	}
}
