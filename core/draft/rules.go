package draft

import (
	"strings"

	"handoff/core/facts"
	"handoff/core/note"
	"handoff/core/thread"
)

// rule is one hypothesis: when match finds the evidence (returning the
// messages it rests on), the note suspects suspect, because because, and
// proposes first as a check to make — never as the receiving team's fix.
type rule struct {
	name    string
	match   func(d *drafter) []int
	suspect string
	because string
	first   string
}

// explanations say a rule's because from the thread's facts, for the
// rules whose reason depends on what the customer said.
var explanations = map[string]func(d *drafter) string{
	"at-risk": func(d *drafter) string {
		said := map[string]string{facts.SignalChurn: "cancelling or not renewing", facts.SignalCompetitor: "moving to another product", facts.SignalLegal: "legal steps"}
		var parts []string
		for _, kind := range []string{facts.SignalChurn, facts.SignalCompetitor, facts.SignalLegal} {
			for _, s := range d.f.Posture.Signals {
				if s.Kind == kind {
					parts = append(parts, said[kind])
					break
				}
			}
		}
		return "the customer has tied them to " + andList(parts)
	},
}

var (
	ssoRE        = lazyRE(`(?i)\b(?:sso|saml|idp|identity provider|okta|azure ad|entra id|single sign-on|fournisseur d'identité|proveedor de identidad|identitätsanbieter)\b`)
	doubleRE     = lazyRE(`(?i)charged twice|double[- ]charg|two charges|duplicate (?:charge|payment)|billed twice|zweimal (?:abgebucht|belastet)|doppelt (?:abgebucht|belastet)|dos veces|cobro doble|cargo doble|deux fois|double prélèvement|double débit`)
	regressionRE = lazyRE(regressionExpr)
	// regressionAt is regressionRE anchored at the start of its input.
	regressionAt = lazyRE(`^(?:` + regressionExpr + `)`)
)

const regressionExpr = `(?i)(?:since|after|seit|nach|desde|después|depuis|après)\b.{0,50}\b(?:update\w*|upgrade\w*|release|version|versión|aktualisier\w*|actualiz\w*|mise à jour|mis à jour|v?\d+\.\d+)`

// regressionLeads are the lead words of regressionExpr that ASCII text
// can hold.
var regressionLeads = []string{"since", "after", "seit", "nach", "desde", "depuis"}

// regression is regressionRE.MatchString(text). In ASCII text the
// pattern is tried anchored at each lead word only, over a window long
// enough for any match there: the lead (7 bytes at most), 50 characters,
// a tail word (11) or a version number, whose digits and dots the window
// takes in whole.
func regression(text string) bool {
	for i := 0; i < len(text); i++ {
		if text[i] >= 0x80 {
			return regressionRE().MatchString(text)
		}
	}
	for p := 0; p < len(text); p++ {
		if !startsLead(text[p:]) {
			continue
		}
		end := min(len(text), p+7+50+12)
		for end < len(text) && (text[end] >= '0' && text[end] <= '9' || text[end] == '.') {
			end++
		}
		if regressionAt().MatchString(text[p:end]) {
			return true
		}
	}
	return false
}

// startsLead reports whether s starts with a regression lead word in any
// ASCII case.
func startsLead(s string) bool {
	for _, w := range regressionLeads {
		if len(s) >= len(w) && strings.EqualFold(s[:len(w)], w) {
			return true
		}
	}
	return false
}

// rules are tried in order; the first that matches gives the hypothesis.
var rules = []rule{
	{"at-risk", func(d *drafter) []int {
		if d.dest != note.Leadership {
			return nil
		}
		var ns []int
		for _, s := range d.f.Posture.Signals {
			if s.Kind == facts.SignalChurn || s.Kind == facts.SignalCompetitor || s.Kind == facts.SignalLegal {
				ns = merge(ns, s.Cites)
			}
		}
		return ns
	}, "the account itself is at risk, not only the reported failures,", "",
		"agree who answers the customer at senior level and what can be committed before their deadline"},
	{"sso-idp", func(d *drafter) []int {
		if b := d.blockerOf(facts.NeedsSecurity); b != nil {
			if ns := d.customerMatches(ssoRE().MatchString, ssoCues, nil); len(ns) > 0 {
				return merge(ns, b.Cites)
			}
		}
		return nil
	}, "an identity provider (SAML/SSO) configuration mismatch", "the failure is in the SSO login path",
		"compare the IdP's SAML settings (entity ID, certificate, ACS URL) with the SSO configuration stored for the account"},
	{"duplicate-charge", func(d *drafter) []int { return d.customerMatches(doubleRE().MatchString, doubleCues, nil) },
		"a duplicate payment capture", "the customer reports the same charge twice",
		"check the payment processor for two captures of the same charge"},
	{"rate-limit", func(d *drafter) []int { return d.errorCites("429") },
		"a rate or quota limit applied to the account", "requests are refused with HTTP 429",
		"check which rate limit the account is given and why it differs from the plan"},
	{"size-limit", func(d *drafter) []int {
		for _, a := range d.f.Attempts {
			if a.Kind == "smaller" && (a.Outcome == facts.Worked || a.Outcome == facts.Partial) {
				return []int{a.OutcomeCite}
			}
		}
		return nil
	}, "a size or timeout limit", "a smaller range or file goes through",
		"check the size limits and timeouts that apply to the full-size request"},
	{"regression", func(d *drafter) []int {
		ns := d.customerMatches(regression, regressionCues, regressionTails)
		for _, e := range d.f.Category.ForBug {
			if regression(e.Text) {
				ns = append(ns, e.Cites...)
			}
		}
		return ns
	}, "a regression from a recent release", "the problem started after an update",
		"compare the behaviour on the release before the update the customer names"},
	{"located", func(d *drafter) []int {
		// Support traced it and says it cannot change it: that finding,
		// not the settings evidence around it, is the lead.
		if b := d.blockerOf(facts.NeedsCode); b != nil && b.Stated && b.Internal && b.EvidenceCite > 0 {
			return []int{b.EvidenceCite}
		}
		return nil
	}, "a product defect at the point support's note locates", "the note traces the failure there and states support cannot change it",
		"confirm that finding against the code path it names, with the affected records from the thread"},
	{"one-user", func(d *drafter) []int {
		c := d.f.Category
		if len(c.ForConfig) == 0 || len(c.ForConfig) < len(c.ForBug) {
			return nil
		}
		var ns []int
		for _, e := range c.ForConfig {
			ns = append(ns, e.Cites...)
		}
		return ns
	}, "an account or user configuration difference", "the evidence points to settings rather than a defect",
		"compare the settings, roles and permissions of an affected and an unaffected user"},
	{"server-side", func(d *drafter) []int {
		var env []int
		for _, a := range d.f.Attempts {
			if a.Outcome == facts.Failed && envKinds[a.Kind] {
				env = append(env, a.OutcomeCite)
			}
		}
		server := d.serverErrorCites()
		if len(env) >= 2 || (len(env) >= 1 && len(server) > 0) {
			return merge(server, env)
		}
		if b := d.blockerOf(facts.NeedsCode); b != nil && b.Internal && len(server) > 0 {
			return merge(server, b.Cites)
		}
		return nil
	}, "a server-side problem", "the same failure stays after changes on the customer's side",
		"check the server logs for the failing request at the times the customer reported it"},
	{"auth", func(d *drafter) []int { return merge(d.errorCites("401"), d.errorCites("403")) },
		"a permission or token problem on the account", "requests are refused as unauthorised",
		"check the account's roles and the token or key used for the failing request"},
	{"authority", func(d *drafter) []int {
		if b := d.blockerOf(facts.NeedsAuthority); b != nil {
			return b.Cites
		}
		return nil
	}, "a request that needs a decision above support's limit", "support stated the limit",
		"confirm the amount, the policy that applies and who can approve it"},
}

// envKinds are attempts on the customer's side: when all fail, the cause
// is unlikely to be there.
var envKinds = map[string]bool{"cache": true, "browser": true, "device": true, "incognito": true, "network": true, "extensions": true, "reinstall": true, "relogin": true, "restart": true}

// Cues: lower-case words one of which a text must hold for the pattern of
// the same name to match it, tested first because they are cheap.
var (
	ssoCues        = []string{"sso", "saml", "idp", "identity", "okta", "azure", "entra", "single sign", "fournisseur", "proveedor", "identitätsanbieter"}
	regressionCues = []string{"since", "after", "seit", "nach", "desde", "despu", "depuis", "après", "apres"}
	doubleCues     = []string{"twice", "double", "two charges", "duplicate", "zweimal", "doppelt", "dos veces", "cobro", "cargo", "deux fois"}
	// regressionTails hold a piece of every ending regressionRE accepts
	// ("update", "versión", a digit before "." of "6.4"), lower-cased;
	// "ſ" is there because the pattern reads it as "s".
	regressionTails = []string{"updat", "upgrad", "release", "version", "versión", "aktualisier", "actualiz", "mise à jour", "mis à jour",
		"0.", "1.", "2.", "3.", "4.", "5.", "6.", "7.", "8.", "9.", "ſ"}
)

// customerMatches returns the customer messages whose text holds one of
// cues (and one of tails, unless nil) and that match reports. Cues and
// tails are necessary conditions of match, tested first on the
// lower-cased text: most messages fail them and match, a backtracking
// pattern, never runs.
func (d *drafter) customerMatches(match func(string) bool, cues, tails []string) []int {
	if d.lower == nil {
		d.lower = make([]string, len(d.th.Messages))
		for i, m := range d.th.Messages {
			d.lower[i] = strings.ToLower(m.Text)
		}
	}
	var ns []int
	for i, m := range d.th.Messages {
		if m.Author.Role == thread.Agent || m.Author.Role == thread.System || m.Author.Role == thread.Bot || !containsAny(d.lower[i], cues) ||
			tails != nil && !containsAny(d.lower[i], tails) {
			continue
		}
		if match(m.Text) {
			ns = append(ns, m.N)
		}
	}
	return ns
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

func (d *drafter) errorCites(code string) []int {
	for _, e := range d.entities(facts.KindError) {
		if e.Value == code {
			return e.Cites
		}
	}
	return nil
}

func (d *drafter) serverErrorCites() []int {
	var ns []int
	for _, e := range d.entities(facts.KindError) {
		if len(e.Value) == 3 && e.Value[0] == '5' && isDigits(e.Value) {
			ns = merge(ns, e.Cites)
		}
	}
	return ns
}
