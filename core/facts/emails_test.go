package facts

import (
	"slices"
	"testing"
)

var emailSeeds = []string{
	"On Mon, 2 Mar 2026, Support <s@x.io> wrote:",
	"mail ana.ruiz+tickets@northwind.example, cc bob@ex.co.uk.",
	"a@b.com_x a@b.com@c.org x@@y.io é@ü.de ana@Nörd.example",
	"user@host user@host.c user@host.community-x 1@2.34",
	"no address here, just @handles and trailing dots@",
}

// TestEmails checks the run-by-run e-mail scan against the regular
// expression over the whole line.
func TestEmails(t *testing.T) {
	for _, s := range emailSeeds {
		if got, want := emails(s), emailRE().FindAllString(s, -1); !slices.Equal(got, want) {
			t.Errorf("emails(%q) = %q, want %q", s, got, want)
		}
	}
	if got := emails(emailSeeds[0]); !slices.Equal(got, []string{"s@x.io"}) {
		t.Errorf("emails = %q, want [s@x.io]", got)
	}
}

// FuzzEmails asserts that emails finds exactly what emailRE finds on the
// whole line, whatever the bytes.
func FuzzEmails(f *testing.F) {
	for _, s := range emailSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := emails(s), emailRE().FindAllString(s, -1); !slices.Equal(got, want) {
			t.Fatalf("emails(%q) = %q, want %q", s, got, want)
		}
	})
}
