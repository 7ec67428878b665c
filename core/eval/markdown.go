package eval

import (
	"fmt"
	"strconv"
	"strings"
)

// Markdown renders the report for review: the batch summary, findings by
// rule, the cases that could not be evaluated (one error line each), then
// per case its measures, its attempts with who covers them, and the draft
// beside the human note, section by section. Cell text is escaped (|, <,
// >, &; line breaks become <br>), so ticket text cannot break the tables
// or inject markup. A nil report renders an empty batch.
func Markdown(r *Report) string {
	if r == nil {
		r = &Report{}
	}
	var b strings.Builder
	s := r.Summary
	fmt.Fprintf(&b, "# Handoff evaluation\n\n")
	fmt.Fprintf(&b, "Engine: %s · %d cases (%d evaluated, %d with errors) · reading time at %d words a minute\n\n",
		orDash(r.Engine), s.Cases, s.Evaluated, s.Errors, r.WordsPerMinute)
	b.WriteString("## Summary\n\n")
	n := s.Evaluated
	table(&b, []string{"measure", "draft", "human"}, [][]string{
		{"sections present", ratio(s.Draft.SectionsPresent, s.Draft.SectionsExpected), ratio(s.Human.SectionsPresent, s.Human.SectionsExpected)},
		{"blocker present", ratio(s.Draft.Blocker, n), ratio(s.Human.Blocker, n)},
		{"blocker cited", ratio(s.Draft.BlockerCited, n), ratio(s.Human.BlockerCited, n)},
		{"hypothesis present", ratio(s.Draft.Hypothesis, n), ratio(s.Human.Hypothesis, n)},
		{"ready (no block finding)", ratio(s.Draft.Ready, n), ratio(s.Human.Ready, n)},
		{"block findings", strconv.Itoa(s.Draft.Block), strconv.Itoa(s.Human.Block)},
		{"warn findings", strconv.Itoa(s.Draft.Warn), strconv.Itoa(s.Human.Warn)},
		{"ungrounded specifics", strconv.Itoa(s.Draft.Ungrounded), strconv.Itoa(s.Human.Ungrounded)},
		{"attempts covered", ratio(s.Draft.AttemptsCovered, s.Attempts), ratio(s.Human.AttemptsCovered, s.Attempts)},
		{"median length", length(s.Draft.MedianWords, s.Draft.MedianReadingSeconds), length(s.Human.MedianWords, s.Human.MedianReadingSeconds)},
		{"over the word budget", ratio(s.Draft.OverBudget, n), ratio(s.Human.OverBudget, n)},
	})
	if rows := findingRows(s.Draft.Findings, s.Human.Findings); len(rows) > 0 {
		b.WriteString("### Findings by rule\n\n")
		table(&b, []string{"rule", "severity", "draft", "human"}, rows)
	}
	if s.Errors > 0 {
		b.WriteString("## Errors\n\n")
		for _, c := range r.Cases {
			if c.Error != nil {
				fmt.Fprintf(&b, "- %s: %s: %s\n", cell(c.Name), c.Error.Code, cell(c.Error.Message))
			}
		}
		b.WriteString("\n")
	}
	for _, c := range r.Cases {
		if c.Error == nil && c.Draft != nil && c.Human != nil {
			writeCase(&b, c)
		}
	}
	return b.String()
}

func writeCase(b *strings.Builder, c CaseResult) {
	fmt.Fprintf(b, "## %s\n\n", cell(c.Name))
	dest := orDash(c.Destination)
	if c.HumanDestination != "" && c.HumanDestination != c.Destination {
		dest += " (human note: " + cell(c.HumanDestination) + ")"
	}
	fmt.Fprintf(b, "%s · %s · ticket %s · %d messages · destination %s · draft %s\n\n",
		cell(orDash(c.Subject)), orDash(c.Source), cell(orDash(c.Ticket)), c.Messages, dest, orDash(c.DraftID))
	d, h := c.Draft, c.Human
	table(b, []string{"measure", "draft", "human"}, [][]string{
		{"sections present", ratio(d.SectionsPresent, d.SectionsExpected), ratio(h.SectionsPresent, h.SectionsExpected)},
		{"missing sections", list(d.MissingSections), list(h.MissingSections)},
		{"blocker present, cited", yesNo(d.Blocker) + ", " + yesNo(d.BlockerCited), yesNo(h.Blocker) + ", " + yesNo(h.BlockerCited)},
		{"hypothesis present", yesNo(d.Hypothesis), yesNo(h.Hypothesis)},
		{"ready (no block finding)", yesNo(d.Ready), yesNo(h.Ready)},
		{"findings", counts(d.Findings), counts(h.Findings)},
		{"ungrounded specifics", list(d.Ungrounded), list(h.Ungrounded)},
		{"attempts covered", ratio(d.AttemptsCovered, len(c.Attempts)), ratio(h.AttemptsCovered, len(c.Attempts))},
		{"length", length(d.Words, d.ReadingSeconds), length(h.Words, h.ReadingSeconds)},
	})
	if len(c.Attempts) > 0 {
		b.WriteString("Attempts in the thread:\n\n")
		var rows [][]string
		for _, a := range c.Attempts {
			rows = append(rows, []string{a.Label, cites(a.Cites), a.Outcome, yesNo(a.Draft), yesNo(a.Human)})
		}
		table(b, []string{"attempt", "messages", "outcome", "draft", "human"}, rows)
	}
	b.WriteString("Side by side:\n\n")
	var rows [][]string
	for _, r := range c.SideBySide {
		rows = append(rows, []string{r.Label, orDash(r.Draft), orDash(r.Human)})
	}
	table(b, []string{"section", "draft", "human note"}, rows)
}

func table(b *strings.Builder, head []string, rows [][]string) {
	b.WriteString("| " + strings.Join(head, " | ") + " |\n|")
	for range head {
		b.WriteString("---|")
	}
	b.WriteString("\n")
	for _, r := range rows {
		cells := make([]string, len(r))
		for i, c := range r {
			cells[i] = cell(c)
		}
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	}
	b.WriteString("\n")
}

var cellEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "|", `\|`, "\r\n", "<br>", "\n", "<br>", "\r", "<br>")

// cell makes s safe inside a Markdown table cell.
func cell(s string) string {
	return cellEscaper.Replace(strings.TrimSpace(s))
}

func findingRows(draft, human []Count) [][]string {
	all := append(append([]Count{}, draft...), human...)
	var keys []Count
	for _, c := range all {
		keys = addCount(keys, Count{Rule: c.Rule, Severity: c.Severity})
	}
	sortCounts(keys)
	var rows [][]string
	for _, k := range keys {
		rows = append(rows, []string{k.Rule, k.Severity, strconv.Itoa(countOf(draft, k)), strconv.Itoa(countOf(human, k))})
	}
	return rows
}

func countOf(cs []Count, k Count) int {
	for _, c := range cs {
		if c.Rule == k.Rule && c.Severity == k.Severity {
			return c.N
		}
	}
	return 0
}

func counts(cs []Count) string {
	if len(cs) == 0 {
		return "none"
	}
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = fmt.Sprintf("%s (%s) ×%d", c.Rule, c.Severity, c.N)
	}
	return strings.Join(parts, ", ")
}

func ratio(a, b int) string { return fmt.Sprintf("%d/%d", a, b) }

func length(words, secs int) string { return fmt.Sprintf("%d words, %d s", words, secs) }

func list(ss []string) string {
	if len(ss) == 0 {
		return "none"
	}
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = "`" + strings.ReplaceAll(s, "`", "'") + "`"
	}
	return strings.Join(q, ", ")
}

func cites(ns []int) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = "#" + strconv.Itoa(n)
	}
	return orDash(strings.Join(parts, ", "))
}

func yesNo(v bool) string {
	if v {
		return "yes"
	}
	return "no"
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}
