package draft

import (
	"strings"

	"handoff/core/facts"
	"handoff/core/note"
)

// listed writes the entities of the given kinds as one item per kind:
// "Versions: 4.2, 4.3 (#1, #5)". What the thread does not state is left
// out; when nothing is stated the section says so.
func (d *drafter) listed(empty string, kinds ...[2]string) []note.Item {
	var items []note.Item
	for _, k := range kinds {
		es := d.entities(k[1])
		if len(es) == 0 {
			continue
		}
		var vs []string
		var ns []int
		for i, e := range es {
			if i == 4 {
				break
			}
			vs = append(vs, e.Value)
			ns = append(ns, e.Cites[0])
		}
		items = append(items, item(k[0]+": "+strings.Join(vs, ", "), ns...))
	}
	if len(items) == 0 {
		return []note.Item{item(empty)}
	}
	return items
}

func (d *drafter) environment() []note.Item {
	return d.listed("No version, browser or OS is stated in the thread.",
		[2]string{"Platform", facts.KindPlatform}, [2]string{"Version", facts.KindVersion},
		[2]string{"Plan", facts.KindPlan}, [2]string{"URL", facts.KindURL})
}

func (d *drafter) repro() []note.Item {
	var items []note.Item
	for _, m := range d.th.Messages {
		if m.Author.Role == "agent" {
			continue
		}
		if s := firstSentence(m.Text); s != "" {
			items = append(items, item("Reported: "+quote(s, 140), m.N))
			break
		}
	}
	reproduced := false
	for _, e := range d.f.Category.ForBug {
		if strings.Contains(strings.ToLower(e.Text), "reproduc") || strings.Contains(strings.ToLower(e.Text), "reproduz") {
			items = append(items, item("Support reproduced it: "+quote(e.Text, 110), e.Cites...))
			reproduced = true
			break
		}
	}
	if !reproduced {
		items = append(items, item("No reproduction by support is recorded."))
	}
	return items
}

func (d *drafter) bugOrConfig() []note.Item {
	var items []note.Item
	add := func(prefix string, es []facts.Evidence) {
		for i, e := range es {
			if i == 2 {
				break
			}
			text := e.Text
			if !strings.HasPrefix(text, "the failure") && !strings.HasPrefix(text, "a server-side") {
				text = quote(text, 110)
			}
			items = append(items, item(prefix+text, e.Cites...))
		}
	}
	add("For a defect: ", d.f.Category.ForBug)
	add("For configuration: ", d.f.Category.ForConfig)
	if len(items) == 0 {
		return []note.Item{item("No evidence either way in the thread.")}
	}
	return items
}

func (d *drafter) amounts() []note.Item {
	return d.listed("No amount is stated in the thread.",
		[2]string{"Amounts", facts.KindAmount}, [2]string{"Ids", facts.KindID}, [2]string{"Dates", facts.KindDate})
}

func (d *drafter) fromBlocker(kind, empty string) []note.Item {
	if b := d.blockerOf(kind); b != nil {
		return []note.Item{item(capitalize(b.Label)+": "+quote(b.Evidence, 120), b.Cites...)}
	}
	return []note.Item{item(empty)}
}

func (d *drafter) authority() []note.Item {
	return d.fromBlocker(facts.NeedsAuthority, "No limit or approval is stated in the thread.")
}

func (d *drafter) policy() []note.Item {
	return d.fromBlocker(facts.NeedsPolicy, "No policy is cited in the thread.")
}

func (d *drafter) impact() []note.Item {
	items := d.listed("No users, amounts or deadlines are stated in the thread.",
		[2]string{"Users", facts.KindUsers}, [2]string{"Amounts", facts.KindAmount}, [2]string{"Deadlines", facts.KindDeadline})
	for _, k := range []string{facts.SignalChurn, facts.SignalCompetitor, facts.SignalLegal} {
		if s := d.signalOf(k); s != nil {
			items = append(items, item(capitalize(s.Label), s.Cites...))
		}
	}
	return items
}

func (d *drafter) account() []note.Item {
	var items []note.Item
	if org := d.f.Timeline.Organization; org != "" {
		items = append(items, item("Organisation: "+org))
	}
	return append(items, d.listed("No plan or account id is stated in the thread.",
		[2]string{"Plan", facts.KindPlan}, [2]string{"Ids", facts.KindID})...)
}

func (d *drafter) access() []note.Item {
	items := d.fromBlocker(facts.NeedsSecurity, "No security evidence is recorded in the thread.")
	for _, a := range d.f.Attempts {
		if a.Kind == "password" || a.Kind == "2fa" {
			items = append(items, item(a.Label+" → "+result(a), merge(a.Cites, []int{a.OutcomeCite})...))
		}
	}
	return items
}

func (d *drafter) accounts() []note.Item {
	return d.listed("No account, workspace or user identifier is stated in the thread.",
		[2]string{"E-mails", facts.KindEmail}, [2]string{"Ids", facts.KindID})
}
