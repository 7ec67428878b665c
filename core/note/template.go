package note

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"

	"handoff/core/errs"
)

// SectionSpec describes one section of the template: its key in the note
// JSON, the label readers see, and the guidance a drafter follows.
type SectionSpec struct {
	Key      string `json:"key"`
	Label    string `json:"label"`
	Guidance string `json:"guidance,omitempty"`
}

// Template is the shape of a note: the base sections in order, the
// sections each destination adds, and the team's own rules.
type Template struct {
	Sections []SectionSpec            `json:"sections"`
	Profiles map[string][]SectionSpec `json:"profiles"`
	Banned   []string                 `json:"banned,omitempty"`   // extra phrases the guard blocks
	Examples []string                 `json:"examples,omitempty"` // team example notes, Markdown
	MaxWords int                      `json:"max_words"`          // the thirty-second budget
}

// DefaultMaxWords is the reading budget of a note: about thirty seconds.
const DefaultMaxWords = 250

// Destinations lists the destination profiles in a stable order.
var Destinations = []string{Engineering, Finance, Leadership, Security}

// DefaultTemplate returns the six default sections and the four
// destination profiles of DESIGN.md. Each call returns a fresh copy.
func DefaultTemplate() *Template {
	return &Template{
		Sections: []SectionSpec{
			{Problem, "Problem", "One specific sentence: product area, error or amount, since when, who is affected."},
			{Background, "Background", "What led here: a short dated timeline, how long the ticket has been open, who handled it."},
			{Tried, "Attempted solutions", "Each attempt and its result, with the messages they come from: \"Cleared cache and re-logged in (#4) → same 502 on export (#5)\"."},
			{Blocker, "Blocker", "Why support cannot resolve this: a code fix, access, authority over an amount, a policy exception. Cite the evidence."},
			{Posture, "Customer posture", "Facts about impact, urgency and risk: deadlines, money at stake, users affected, failed workarounds, days waiting, churn or chargeback mentioned. Never temperament."},
			{Hypothesis, "Next hypothesis", "\"We suspect Z because …; ruled out X (#4) and Y (#7); first move: …\". A hypothesis and a first check, never the receiving team's solution."},
		},
		Profiles: map[string][]SectionSpec{
			Engineering: {
				{Environment, "Environment", "Product version, plan, browser and OS, region or account ids where the problem shows."},
				{Repro, "Steps to reproduce", "The shortest known path to the failure, and whether support reproduced it (cite)."},
				{BugOrConfig, "Bug or configuration", "The evidence for a defect and the evidence for a configuration cause, each cited."},
			},
			Finance: {
				{Amounts, "Amounts", "Every amount with currency, invoice or transaction id and date, as the thread states them."},
				{Authority, "Authority needed", "What decision is needed and why it is above support's authority (limits, approvals)."},
				{Policy, "Policy", "The policy that applies and whether an exception is being asked for."},
			},
			Leadership: {
				{Impact, "Business impact", "Revenue, seats, renewal dates, deadlines and users affected, as stated in the thread."},
				{Account, "Account context", "Plan, size, tenure and relationship facts from the thread."},
			},
			Security: {
				{Access, "Access", "Who is locked out or exposed, since when, and through which login path (SSO, 2FA, API)."},
				{Accounts, "Accounts involved", "Account, workspace and user identifiers concerned, as the thread states them."},
			},
		},
		MaxWords: DefaultMaxWords,
	}
}

// For returns the sections of a note for destination, in order: the base
// sections with the destination's profile sections placed before the
// hypothesis (or at the end when the team removed it). An unknown or empty
// destination gives the base sections.
//
//	DefaultTemplate().For("finance") // problem, background, tried, blocker, posture, amounts, authority, policy, hypothesis
func (t *Template) For(destination string) []SectionSpec {
	base := slices.Clone(t.Sections)
	extra := t.Profiles[destination]
	var out []SectionSpec
	for _, s := range base {
		if slices.ContainsFunc(extra, func(e SectionSpec) bool { return e.Key == s.Key }) {
			continue // a team placed a profile section in its order already
		}
		if s.Key == Hypothesis {
			out = append(out, extra...)
			extra = nil
		}
		out = append(out, s)
	}
	return append(out, extra...)
}

// Label returns the label of key in destination's sections, or key.
func (t *Template) Label(destination, key string) string {
	for _, s := range t.For(destination) {
		if s.Key == key {
			return s.Label
		}
	}
	return key
}

// Customization is the team's template file. Every field is optional;
// what it does not say keeps the default.
//
//	{
//	  "sections": {"problem": {"label": "Issue"}, "posture": {"guidance": "Include the ARR."}},
//	  "order": ["problem", "blocker", "tried", "background", "posture", "hypothesis"],
//	  "add": [{"key": "customer_tier", "label": "Customer tier", "guidance": "Gold, Silver or Bronze."}],
//	  "banned": ["please advise"],
//	  "examples": ["**Problem**: CSV export fails with a 502 …"],
//	  "max_words": 300
//	}
//
// "order" lists base section keys (including added ones); keys it leaves
// out are dropped, except blocker and hypothesis, which every note needs.
// Profile sections may be relabelled through "sections" too.
type Customization struct {
	Sections map[string]SectionPatch `json:"sections"`
	Order    []string                `json:"order"`
	Add      []SectionSpec           `json:"add"`
	Banned   []string                `json:"banned"`
	Examples []string                `json:"examples"`
	MaxWords int                     `json:"max_words"`
}

// SectionPatch changes the label or guidance of a section.
type SectionPatch struct {
	Label    string `json:"label"`
	Guidance string `json:"guidance"`
}

// LoadTemplate reads a team's template file and applies it to the default
// template. Empty input gives the default. Invalid JSON, unknown keys,
// duplicates and empty labels fail with E_TEMPLATE naming the problem.
func LoadTemplate(data []byte) (*Template, error) {
	t := DefaultTemplate()
	if len(bytes.TrimSpace(data)) == 0 {
		return t, nil
	}
	var c Customization
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return nil, errs.New(errs.Template, "", "not a template file: %v", err)
	}
	return t, t.apply(c)
}

func (t *Template) apply(c Customization) error {
	known := map[string]bool{}
	for _, s := range t.Sections {
		known[s.Key] = true
	}
	for _, a := range c.Add {
		a.Key = strings.TrimSpace(a.Key)
		switch {
		case !validKey(a.Key):
			return errs.New(errs.Template, "add", "section key %q must be lower-case letters, digits and _", a.Key)
		case known[a.Key] || t.isProfileKey(a.Key):
			return errs.New(errs.Template, "add", "section %q exists already", a.Key)
		case strings.TrimSpace(a.Label) == "":
			return errs.New(errs.Template, "add", "section %q needs a label", a.Key)
		}
		known[a.Key] = true
		t.Sections = append(t.Sections, a)
	}
	for key, p := range c.Sections {
		if !known[key] && !t.isProfileKey(key) {
			return errs.New(errs.Template, "sections", "unknown section %q", key)
		}
		t.patch(key, p)
	}
	if len(c.Order) > 0 {
		if err := t.reorder(c.Order, known); err != nil {
			return err
		}
	}
	for _, b := range c.Banned {
		if b = strings.TrimSpace(b); b != "" {
			t.Banned = append(t.Banned, b)
		}
	}
	t.Examples = append(t.Examples, c.Examples...)
	if c.MaxWords < 0 {
		return errs.New(errs.Template, "max_words", "must be positive")
	}
	if c.MaxWords > 0 {
		t.MaxWords = c.MaxWords
	}
	return nil
}

func (t *Template) patch(key string, p SectionPatch) {
	set := func(s *SectionSpec) {
		if l := strings.TrimSpace(p.Label); l != "" {
			s.Label = l
		}
		if g := strings.TrimSpace(p.Guidance); g != "" {
			s.Guidance = g
		}
	}
	for i := range t.Sections {
		if t.Sections[i].Key == key {
			set(&t.Sections[i])
		}
	}
	for _, specs := range t.Profiles {
		for i := range specs {
			if specs[i].Key == key {
				set(&specs[i])
			}
		}
	}
}

func (t *Template) reorder(order []string, known map[string]bool) error {
	byKey := map[string]SectionSpec{}
	for _, s := range t.Sections {
		byKey[s.Key] = s
	}
	var out []SectionSpec
	seen := map[string]bool{}
	for _, k := range order {
		switch {
		case seen[k]:
			return errs.New(errs.Template, "order", "section %q listed twice", k)
		case !known[k]:
			return errs.New(errs.Template, "order", "unknown section %q", k)
		}
		seen[k] = true
		out = append(out, byKey[k])
	}
	for _, required := range []string{Blocker, Hypothesis} {
		if !seen[required] {
			return errs.New(errs.Template, "order", "section %q cannot be left out: every note needs it", required)
		}
	}
	t.Sections = out
	return nil
}

func (t *Template) isProfileKey(key string) bool {
	for _, specs := range t.Profiles {
		for _, s := range specs {
			if s.Key == key {
				return true
			}
		}
	}
	return false
}

func validKey(k string) bool {
	if k == "" || len(k) > 40 {
		return false
	}
	for _, r := range k {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_') {
			return false
		}
	}
	return true
}
