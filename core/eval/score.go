package eval

import (
	"slices"
	"strings"

	"handoff/core/guard"
	"handoff/core/note"
	"handoff/core/thread"
)

// score measures n against th (linted by lint, th's checker) for the
// template sections specs; covered says which attempts of the case n
// covers.
func score(n *note.Note, th *thread.Thread, lint *guard.Checker, specs []note.SectionSpec, tpl *note.Template, attempts []AttemptCoverage, covered func(AttemptCoverage) bool) *Score {
	s := &Score{SectionsExpected: len(specs), MissingSections: []string{}, Findings: []Count{}, Ungrounded: []string{}}
	for _, spec := range specs {
		if hasText(n.Section(spec.Key)) {
			s.SectionsPresent++
		} else {
			s.MissingSections = append(s.MissingSections, spec.Key)
		}
	}
	if b := n.Section(note.Blocker); hasText(b) {
		s.Blocker = true
		s.BlockerCited = citesThread(b, len(th.Messages))
	}
	s.Hypothesis = hasText(n.Section(note.Hypothesis))
	findings := lint.Lint(n, guard.Options{MaxWords: tpl.MaxWords, Banned: tpl.Banned})
	s.Ready = guard.Ready(findings)
	for _, f := range findings {
		if f.Severity == note.Block {
			s.Block++
		} else {
			s.Warn++
		}
		if f.Rule == "ungrounded" {
			s.Ungrounded = append(s.Ungrounded, f.Span)
		}
		s.Findings = addCount(s.Findings, Count{Rule: f.Rule, Severity: f.Severity, N: 1})
	}
	sortCounts(s.Findings)
	for _, a := range attempts {
		if covered(a) {
			s.AttemptsCovered++
		}
	}
	s.Words = Words(n)
	s.ReadingSeconds = ReadingSeconds(s.Words)
	return s
}

// Words counts the whitespace-separated words of n's section texts;
// headings, the destination line and the marker footer are not counted.
// A nil note has none.
func Words(n *note.Note) int {
	if n == nil {
		return 0
	}
	w := 0
	for _, s := range n.Sections {
		w += len(strings.Fields(s.Text))
	}
	return w
}

// ReadingSeconds is the time to read words at WordsPerMinute, rounded up
// to a whole second: 250 words → 75 s. Zero or fewer words take 0 s.
func ReadingSeconds(words int) int {
	if words <= 0 {
		return 0
	}
	return (words*60 + WordsPerMinute - 1) / WordsPerMinute
}

func hasText(s *note.Section) bool {
	return s != nil && strings.TrimSpace(s.Text) != ""
}

// citesThread reports whether the section cites a message 1..total.
func citesThread(s *note.Section, total int) bool {
	cites := note.Cites(s.Text)
	for _, it := range s.Items {
		cites = append(cites, it.Cites...)
	}
	return slices.ContainsFunc(cites, func(n int) bool { return n >= 1 && n <= total })
}

func addCount(cs []Count, c Count) []Count {
	for i := range cs {
		if cs[i].Rule == c.Rule && cs[i].Severity == c.Severity {
			cs[i].N += c.N
			return cs
		}
	}
	return append(cs, c)
}

// sortCounts orders counts blocks first, then by rule.
func sortCounts(cs []Count) {
	slices.SortFunc(cs, func(a, b Count) int {
		if a.Severity != b.Severity {
			if a.Severity == note.Block {
				return -1
			}
			if b.Severity == note.Block {
				return 1
			}
			return strings.Compare(a.Severity, b.Severity)
		}
		return strings.Compare(a.Rule, b.Rule)
	})
}

// sideBySide pairs the two notes' sections: the template's for the case's
// destination first, then sections only the human note has, then sections
// only the draft has.
func sideBySide(specs []note.SectionSpec, drafted, human *note.Note) []Row {
	var rows []Row
	seen := map[string]bool{}
	add := func(key, label string) {
		if seen[key] {
			return
		}
		seen[key] = true
		rows = append(rows, Row{Key: key, Label: label, Draft: text(drafted.Section(key)), Human: text(human.Section(key))})
	}
	for _, s := range specs {
		add(s.Key, s.Label)
	}
	for _, s := range human.Sections {
		add(s.Key, s.Label)
	}
	for _, s := range drafted.Sections {
		add(s.Key, s.Label)
	}
	return rows
}

func text(s *note.Section) string {
	if s == nil {
		return ""
	}
	return strings.TrimSpace(s.Text)
}
