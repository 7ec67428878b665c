package facts

import (
	"fmt"
	"strings"

	"handoff/core/thread"
)

var (
	evidenceLex = compile(evidenceTable)
	categoryLex = compile(categoryTable)
)

// Categories.
const (
	CatBug       = "bug"
	CatConfig    = "configuration"
	CatBilling   = "billing"
	CatComplaint = "complaint"
	CatAccess    = "access"
	CatUnclear   = "unclear"
)

// envKinds are attempts that change the customer's environment: failing
// after all of them points away from the customer's machine.
var envKinds = map[string]bool{"cache": true, "browser": true, "device": true, "incognito": true, "network": true, "extensions": true, "reinstall": true, "relogin": true}

func categorize(ms []*msg, f *Facts) Category {
	c := Category{}
	score := map[string]int{}
	bugSeen, cfgSeen := map[string]bool{}, map[string]bool{}
	for _, m := range ms {
		if m.role == thread.System || m.role == thread.Bot {
			continue
		}
		for _, s := range m.sents {
			for _, h := range categoryLex.find(s.ws) {
				score[h.key]++
			}
			for _, h := range evidenceLex.find(s.ws) {
				ev := Evidence{Text: clip(s.text, 160), Cites: []int{m.n}}
				switch {
				case h.key == ForBug && !bugSeen[s.text]:
					bugSeen[s.text] = true
					c.ForBug = append(c.ForBug, ev)
				case h.key == ForConfig && !cfgSeen[s.text]:
					cfgSeen[s.text] = true
					c.ForConfig = append(c.ForConfig, ev)
				}
			}
		}
	}
	var envFailed []int
	var envLabels []string
	for _, a := range f.Attempts {
		if envKinds[a.Kind] && a.Outcome == Failed {
			envFailed = addCite(envFailed, a.OutcomeCite)
			envLabels = append(envLabels, strings.ToLower(a.Label))
		}
	}
	if len(envFailed) >= 2 {
		c.ForBug = append(c.ForBug, Evidence{Text: "the failure stayed after " + strings.Join(dedupe(envLabels), ", "), Cites: envFailed})
	}
	for _, e := range f.Entities {
		if e.Kind == KindError && len(e.Value) == 3 && e.Value[0] == '5' {
			c.ForBug = append(c.ForBug, Evidence{Text: "a server-side error (HTTP " + e.Value + ")", Cites: e.Cites})
			break
		}
	}
	has := func(kind string) *Blocker {
		for i := range f.Blockers {
			if f.Blockers[i].Kind == kind {
				return &f.Blockers[i]
			}
		}
		return nil
	}
	money := 0
	for _, e := range f.Entities {
		if e.Kind == KindAmount {
			money++
		}
	}
	switch {
	case has(NeedsSecurity) != nil && score[CatAccess] > 0:
		c.Kind = CatAccess
	case score[CatBilling] > 0 && (money > 0 || has(NeedsAuthority) != nil || has(NeedsPolicy) != nil):
		c.Kind = CatBilling
	case score[CatComplaint] >= 2 && len(c.ForBug) == 0:
		c.Kind = CatComplaint
	case len(c.ForBug) > len(c.ForConfig):
		c.Kind = CatBug
	case len(c.ForConfig) > len(c.ForBug):
		c.Kind = CatConfig
	case len(c.ForBug) > 0 && has(NeedsCode) != nil:
		c.Kind = CatBug
	case len(c.ForBug) > 0:
		c.Kind = CatConfig
	case score[CatAccess] > 0:
		c.Kind = CatAccess
	case has(NeedsCode) != nil:
		c.Kind = CatBug
	default:
		c.Kind = CatUnclear
	}
	c.Destination, c.Reason = destination(c, f, has)
	return c
}

func destination(c Category, f *Facts, has func(string) *Blocker) (string, string) {
	signal := func(kind string) *Signal {
		for i := range f.Posture.Signals {
			if f.Posture.Signals[i].Kind == kind {
				return &f.Posture.Signals[i]
			}
		}
		return nil
	}
	if b := has(NeedsSecurity); b != nil && (c.Kind == CatAccess || b.Internal) {
		return "security", fmt.Sprintf("security evidence: %s (%s)", b.Label, cites(b.Cites))
	}
	if c.Kind == CatBilling {
		if b := has(NeedsAuthority); b != nil {
			return "finance", fmt.Sprintf("billing ticket that %s (%s)", b.Label, cites(b.Cites))
		}
		return "finance", "billing ticket: amounts, invoices or refunds are at issue"
	}
	if s := signal(SignalLegal); s != nil {
		return "leadership", fmt.Sprintf("the customer %s (%s)", s.Label, cites(s.Cites))
	}
	if c.Kind == CatComplaint {
		return "leadership", "a complaint about how the product or service behaves, not a defect"
	}
	if s := signal(SignalChurn); s != nil && has(NeedsCode) == nil {
		return "leadership", fmt.Sprintf("the customer %s (%s) and no defect is shown", s.Label, cites(s.Cites))
	}
	if b := has(NeedsAuthority); b != nil {
		return "finance", fmt.Sprintf("it %s (%s)", b.Label, cites(b.Cites))
	}
	switch c.Kind {
	case CatBug:
		return "engineering", "the evidence points to a defect in the product"
	case CatConfig:
		return "engineering", "the evidence points to a configuration the product team can inspect"
	}
	return "engineering", "no clearer destination shows in the thread"
}

// cites writes message numbers as "#4, #7".
func cites(ns []int) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = fmt.Sprintf("#%d", n)
	}
	return strings.Join(parts, ", ")
}

func dedupe(ss []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
