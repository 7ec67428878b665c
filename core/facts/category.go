package facts

import (
	"fmt"
	"strings"

	"handoff/core/thread"
)

var (
	evidenceLex = lazyLex(evidenceTable)
	categoryLex = lazyLex(categoryTable)
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
			for _, h := range categoryLex().find(s.ws) {
				score[h.key]++
			}
			for _, h := range evidenceLex().find(s.ws) {
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
	// Money mentioned in a ticket whose only blocker is a code fix (an
	// integration that drops invoice lines) does not make it billing.
	codeOnly := has(NeedsCode) != nil && has(NeedsAuthority) == nil && has(NeedsPolicy) == nil
	switch {
	case has(NeedsSecurity) != nil && score[CatAccess] > 0:
		c.Kind = CatAccess
	case score[CatBilling] > 0 && (money > 0 && !codeOnly || has(NeedsAuthority) != nil || has(NeedsPolicy) != nil):
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
	c.Destination, c.Reason = destination(c, f, has, account(ms, f))
	return c
}

// accountLex finds what makes an account large or an issue contractual.
var accountLex = lazyLex(accountTable)

// stakes is what the thread says about the account and the contract.
type stakes struct {
	large     bool  // enterprise plan, 100+ seats or users, ARR or key-account wording
	largeWhy  []int // messages saying so
	contract  bool  // SLA, service credits, outage or RCA at issue
	contractC []int
}

// account reads the stakes: a plan or note saying enterprise, a seat or
// user count of 100 or more, and customer messages about an SLA, service
// credits or an outage.
func account(ms []*msg, f *Facts) stakes {
	var st stakes
	for _, e := range f.Entities {
		if e.Kind == KindUsers && e.Amount >= 100 || e.Kind == KindPlan && strings.Contains(strings.ToLower(e.Value), "enterprise") {
			st.large, st.largeWhy = true, append(st.largeWhy, e.Cites[0])
		}
	}
	for _, m := range ms {
		for _, s := range m.sents {
			for _, h := range accountLex().find(s.ws) {
				switch {
				case h.key == "large":
					st.large, st.largeWhy = true, addCite(st.largeWhy, m.n)
				case h.key == "contract" && m.fromCustomer():
					st.contract, st.contractC = true, addCite(st.contractC, m.n)
				}
			}
		}
	}
	return st
}

func destination(c Category, f *Facts, has func(string) *Blocker, st stakes) (string, string) {
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
	// A large account threatening to leave, weighing a competitor or
	// disputing its SLA after an outage needs someone who can speak for
	// the company, whatever amount is named.
	// A defect support can name goes to engineering first: fixing it is
	// the first move, whoever else needs to know.
	if defect := has(NeedsCode) != nil && has(NeedsAuthority) == nil; st.large && !defect {
		for _, k := range []string{SignalChurn, SignalCompetitor} {
			if s := signal(k); s != nil {
				return "leadership", fmt.Sprintf("a large account (%s) %s (%s)", cites(st.largeWhy), s.Label, cites(s.Cites))
			}
		}
		if st.contract {
			return "leadership", fmt.Sprintf("a large account (%s) disputes its SLA or an outage (%s)", cites(st.largeWhy), cites(st.contractC))
		}
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
