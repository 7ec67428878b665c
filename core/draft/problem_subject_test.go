package draft

import "testing"

func TestStripSubjectPrefixes(t *testing.T) {
	for in, want := range map[string]string{
		"[AcmeCloud #48213] Re: Charged twice for annual renewal": "Charged twice for annual renewal",
		"Re: AW: [EXTERNAL] Fwd: Export fails":                    "Export fails",
		"SV: Faktura 2026-114":                                    "Faktura 2026-114",
		"[Urgent]":                                                "[Urgent]",
		"Export fails [since v4.2]":                               "Export fails [since v4.2]",
		"RE: re: Login loop":                                      "Login loop",
	} {
		if got := stripSubjectPrefixes(in); got != want {
			t.Errorf("stripSubjectPrefixes(%q) = %q, want %q", in, got, want)
		}
	}
}
