package guard_test

import (
	"testing"

	"handoff/core/guard"
	"handoff/core/note"
)

func TestRequiredSections(t *testing.T) {
	th := loadThread(t, "thread-export.json")
	cases := []struct {
		name string
		n    *note.Note
		opts guard.Options
		want []string // rule:section of the readiness findings
	}{
		{"nil note", nil, guard.Options{}, []string{"blocker.missing:blocker", "hypothesis.missing:hypothesis"}},
		{"empty blocker", oneSection(note.Blocker, "  "), guard.Options{}, []string{"blocker.missing:blocker"}},
		{"placeholder blocker", oneSection(note.Blocker, "TBD."), guard.Options{}, []string{"blocker.missing:blocker"}},
		{"placeholder hypothesis", oneSection(note.Hypothesis, "n/a"), guard.Options{}, []string{"hypothesis.missing:hypothesis"}},
		{"complete", oneSection(note.Problem, "CSV export gives HTTP 502 (#1)."), guard.Options{}, nil},
		{"team requires posture", oneSection(note.Problem, "CSV export gives HTTP 502 (#1)."),
			guard.Options{Required: []string{note.Blocker, note.Hypothesis, note.Posture}}, []string{"section.missing:posture"}},
		{"blocker in items only", &note.Note{Sections: []note.Section{
			{Key: note.Blocker, Items: []note.Item{{Text: "Timeout is set in code (#8).", Cites: []int{8}}}},
			{Key: note.Hypothesis, Text: "We suspect the gateway timeout (#8)."}}}, guard.Options{}, nil},
	}
	for _, c := range cases {
		var got []string
		for _, f := range guard.Lint(c.n, th, c.opts) {
			switch f.Rule {
			case "blocker.missing", "hypothesis.missing", "section.missing":
				got = append(got, f.Rule+":"+f.Section)
				if f.Severity == "" || f.Message == "" {
					t.Errorf("%s: finding without severity or message: %+v", c.name, f)
				}
			}
		}
		if len(got) != len(c.want) {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%s: got %v, want %v", c.name, got, c.want)
			}
		}
	}
	fs := guard.Lint(oneSection(note.Blocker, ""), th, guard.Options{})
	if f := withRule(fs, "blocker.missing"); len(f) != 1 || f[0].Message != "not ready to escalate: say why support cannot resolve this" || f[0].Severity != note.Block {
		t.Errorf("blocker.missing finding = %+v", f)
	}
	if guard.Ready(fs) {
		t.Error("Ready with a missing blocker")
	}
}

func TestTriedNoResult(t *testing.T) {
	th := loadThread(t, "thread-export.json")
	runRuleCases(t, "tried.no_result", note.Tried, th, []ruleCase{
		{"Cleared cache and re-logged in (#2)", true, "Cleared cache and re-logged in (#2)"},
		{"Cleared cache and re-logged in (#2) → same 502 (#3)", false, ""},
		{"Cleared cache (#2) -> same 502 (#3)", false, ""},
		{"Filtered by month (#5): January works, March still fails (#6)", false, ""},
		{"Cache geleert (#2), Ergebnis: gleicher Fehler 502 (#3)", false, ""},
		{"Caché borrada (#2): mismo error 502 (#3)", false, ""},
		{"Cache vidé (#2) : même erreur 502 (#3)", false, ""},
		{"- Cleared cache (#2) → same 502 (#3)\n- Asked for the browser version (#2)", true, "- Asked for the browser version (#2)"},
	})
}

func TestCitations(t *testing.T) {
	th := loadThread(t, "thread-export.json")
	runRuleCases(t, "cite.missing", note.Posture, th, []ruleCase{
		{"Monthly close on 16 March.", true, "Monthly close on 16 March."},
		{"Monthly close on 16 March (#1).", false, ""},
		{"Monthly close on 16 March (#1).\nRenewal due 31.03.2026.", true, "Renewal due 31.03.2026."},
	})
	runRuleCases(t, "cite.unknown", note.Posture, th, []ruleCase{
		{"Monthly close on 16 March (#9).", true, "#9"},
		{"Monthly close on 16 March (#0).", true, "#0"},
		{"Monthly close on 16 March (#1, #8).", false, ""},
	})
	// Item citations are checked too, and an item's own citations count.
	n := oneSection(note.Posture, "")
	n.Section(note.Posture).Items = []note.Item{{Text: "Monthly close on 16 March.", Cites: []int{1, 12}}}
	fs := guard.Lint(n, th, guard.Options{})
	if len(withRule(fs, "cite.unknown")) != 1 || len(withRule(fs, "cite.missing")) != 0 {
		t.Errorf("item cites: %s", spans(fs))
	}
	// Without a thread, unknown citations cannot be judged.
	if fs := guard.Lint(oneSection(note.Posture, "Close on 16 March (#99)."), nil, guard.Options{}); len(withRule(fs, "cite.unknown")) != 0 {
		t.Errorf("cite.unknown without thread: %s", spans(fs))
	}
}

func TestSecrets(t *testing.T) {
	th := loadThread(t, "thread-export.json")
	runRuleCases(t, "secret", note.Background, th, []ruleCase{
		{"Card 4111 1111 1111 1111 was charged (#6).", true, "4111 1111 1111 1111"},
		{"Card 5500-0000-0000-0004 was charged (#6).", true, "5500-0000-0000-0004"},
		{"IBAN DE89 3704 0044 0532 0130 00 for the refund (#6).", true, "DE89 3704 0044 0532 0130 00"},
		{"Their key sk-proj-abcdEFGH1234ijklMNOP5678 leaked (#4).", true, "sk-proj-abcdEFGH1234ijklMNOP5678"},
		{"Token ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789 (#4).", true, ""},
		{"AWS key AKIAIOSFODNN7EXAMPLE (#4).", true, "AKIAIOSFODNN7EXAMPLE"},
		{"password: Summer2026! (#4).", true, ""},
		{"Das Passwort lautet: Winter#2026 (#4).", true, ""},
		{"La contraseña es Hola1234 (#4).", true, ""},
		{"api token = 3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c (#4).", true, ""},
		// negatives
		{"Card ending 1111 (#6).", false, ""},
		{"Password reset link sent, the password is expired (#2).", false, ""},
		{"Password: ******** (#2).", false, ""},
		{"Order 4111111111111112 (#6).", false, ""},
		{"Moved to group 360000445566 7 Oct 2026 (#8).", false, ""},
		{"Card 378282246310005 on file (#6).", true, "378282246310005"},
		{"Card 3782 822463 10005 on file (#6).", true, "3782 822463 10005"},
		{"Commit 3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a introduced it (#4).", false, ""},
	})
}

func TestLength(t *testing.T) {
	long := ""
	for range 260 {
		long += "word "
	}
	n := oneSection(note.Background, long+"(#1)")
	if fs := withRule(guard.Lint(n, nil, guard.Options{}), "length"); len(fs) != 1 || fs[0].Severity != note.Warn {
		t.Errorf("length over 250: %+v", fs)
	}
	if fs := withRule(guard.Lint(n, nil, guard.Options{MaxWords: 400}), "length"); len(fs) != 0 {
		t.Errorf("length under MaxWords 400: %+v", fs)
	}
	if fs := withRule(guard.Lint(n, nil, guard.Options{MaxWords: -1}), "length"); len(fs) != 0 {
		t.Errorf("length off: %+v", fs)
	}
}

func TestBanned(t *testing.T) {
	n := oneSection(note.Background, "Per my last email, the export fails (#1).")
	fs := withRule(guard.Lint(n, nil, guard.Options{Banned: []string{"per my last e-mail", "per my last email"}}), "filler")
	if len(fs) != 1 || fs[0].Span != "Per my last email" {
		t.Errorf("banned phrase: %s", spans(fs))
	}
}

func TestRulesTable(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range guard.Rules {
		if seen[r.ID] || (r.Severity != note.Block && r.Severity != note.Warn) || r.Message == "" || r.Suggestion == "" {
			t.Errorf("bad rule %+v", r)
		}
		seen[r.ID] = true
	}
	for _, id := range []string{"temperament", "blame", "gossip", "presumes_solution", "filler", "blocker.missing",
		"hypothesis.missing", "tried.no_result", "cite.missing", "cite.unknown", "ungrounded", "secret", "length"} {
		if !seen[id] {
			t.Errorf("rule %s missing from Rules", id)
		}
	}
}
