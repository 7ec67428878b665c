package redact_test

import (
	"strings"
	"testing"

	"handoff/core/redact"
)

func TestApplyAndRestore(t *testing.T) {
	r := redact.New()
	in := "Hi, I'm ana.ruiz@northwind.io (call +44 20 7946 0958). Card 4111 1111 1111 1111 was charged; " +
		"IBAN DE89 3704 0044 0532 0130 00. My API key is sk-proj-abcdefghijklmnop1234 and password: hunter2!. " +
		"Again: ana.ruiz@northwind.io"
	out := r.Apply(in)
	for _, leaked := range []string{"ana.ruiz@", "7946", "4111", "DE89", "sk-proj", "hunter2"} {
		if strings.Contains(out, leaked) {
			t.Errorf("%q survived redaction: %s", leaked, out)
		}
	}
	if strings.Count(out, "[EMAIL_1]") != 2 {
		t.Errorf("the same e-mail should get the same placeholder twice: %s", out)
	}
	back := r.Restore("Contact [EMAIL_1] / [PHONE_1]; card [CARD_1]; key [SECRET_1]; [EMAIL_9]")
	if back != "Contact ana.ruiz@northwind.io / +44 20 7946 0958; card [CARD_1]; key [SECRET_1]; [EMAIL_9]" {
		t.Errorf("Restore = %q", back)
	}
}

func TestKeepsOrdinarySpecifics(t *testing.T) {
	r := redact.New()
	for _, s := range []string{
		"Export fails with HTTP 502 since 2026-03-02 on v4.12.1",
		"Invoice INV-2026-0042 for $1,200.00 on 02.03.2026",
		"Order 1234567890123 (not a valid card number)",
		"45 users affected, ticket 4521, build 10.4.2.1",
	} {
		if got := r.Apply(s); got != s {
			t.Errorf("Apply(%q) = %q: ordinary specifics must stay", s, got)
		}
	}
}

func FuzzApplyRestore(f *testing.F) {
	f.Add("mail a@b.io, card 4111111111111111, +1 (555) 123-4567")
	f.Fuzz(func(t *testing.T, s string) {
		r := redact.New()
		out := r.Apply(s)
		if r.Count() == 0 && out != s {
			t.Fatalf("nothing counted but text changed: %q → %q", s, out)
		}
		_ = r.Restore(out)
	})
}
