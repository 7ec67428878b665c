package eval

import "slices"

// summarize sums the evaluated cases.
func summarize(cases []CaseResult) Summary {
	s := Summary{Cases: len(cases), Draft: Totals{Findings: []Count{}}, Human: Totals{Findings: []Count{}}}
	var draftWords, humanWords []int
	for _, c := range cases {
		if c.Error != nil || c.Draft == nil || c.Human == nil {
			s.Errors++
			continue
		}
		s.Evaluated++
		s.Attempts += len(c.Attempts)
		add(&s.Draft, c.Draft)
		add(&s.Human, c.Human)
		draftWords = append(draftWords, c.Draft.Words)
		humanWords = append(humanWords, c.Human.Words)
	}
	s.Draft.MedianWords, s.Human.MedianWords = median(draftWords), median(humanWords)
	s.Draft.MedianReadingSeconds = ReadingSeconds(s.Draft.MedianWords)
	s.Human.MedianReadingSeconds = ReadingSeconds(s.Human.MedianWords)
	sortCounts(s.Draft.Findings)
	sortCounts(s.Human.Findings)
	return s
}

func add(t *Totals, sc *Score) {
	t.SectionsPresent += sc.SectionsPresent
	t.SectionsExpected += sc.SectionsExpected
	t.Blocker += b2i(sc.Blocker)
	t.BlockerCited += b2i(sc.BlockerCited)
	t.Hypothesis += b2i(sc.Hypothesis)
	t.Ready += b2i(sc.Ready)
	t.Block += sc.Block
	t.Warn += sc.Warn
	t.Ungrounded += len(sc.Ungrounded)
	t.AttemptsCovered += sc.AttemptsCovered
	for _, c := range sc.Findings {
		t.Findings = addCount(t.Findings, c)
		if c.Rule == "length" {
			t.OverBudget++
		}
	}
}

// median of ns, the lower middle for an even count; 0 for none.
func median(ns []int) int {
	if len(ns) == 0 {
		return 0
	}
	s := slices.Clone(ns)
	slices.Sort(s)
	return s[(len(s)-1)/2]
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
