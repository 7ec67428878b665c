package note_test

import (
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"handoff/core/errs"
	"handoff/core/note"
)

var update = flag.Bool("update", false, "rewrite golden files")

func sample() *note.Note {
	n := &note.Note{
		ID: "hn_3f2a9c01de", Ready: true, Destination: note.Engineering,
		Meta: note.Meta{Source: "zendesk", Ticket: "4521", Read: 12, Total: 12, Engine: "offline",
			GeneratedAt: time.Date(2026, 3, 11, 9, 0, 0, 0, time.UTC)},
	}
	add := func(key, label string, items ...note.Item) {
		s := note.Section{Key: key, Label: label}
		s.SetItems(items)
		n.Sections = append(n.Sections, s)
	}
	add(note.Problem, "Problem", note.Item{Text: "CSV export of reports over 10,000 rows fails with HTTP 502 since 2 March for Northwind's 40 users (#1).", Cites: []int{1}})
	add(note.Tried, "Attempted solutions",
		note.Item{Text: "Cleared cache and re-logged in (#4) → same 502 (#5)", Cites: []int{4, 5}},
		note.Item{Text: "Exported a one-week range (#6) → worked (#7)", Cites: []int{6, 7}})
	add(note.Blocker, "Blocker", note.Item{Text: "Reproduced on a test account; needs a server-side fix <script>alert(1)</script> (#8).", Cites: []int{8}})
	return n
}

func TestRenderGolden(t *testing.T) {
	for _, format := range note.Formats {
		t.Run(format, func(t *testing.T) {
			got, err := note.Render(sample(), format)
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "sample."+format+".golden")
			if *update {
				os.WriteFile(golden, []byte(got), 0o644)
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if got != string(want) {
				t.Errorf("render %s differs from %s:\n%s", format, golden, got)
			}
		})
	}
}

func TestRenderCarriesMarkerAndEscapes(t *testing.T) {
	n := sample()
	for _, format := range note.Formats {
		out, _ := note.Render(n, format)
		if !strings.Contains(out, n.ID) {
			t.Errorf("%s rendering lacks the note id", format)
		}
	}
	h := note.HTML(n)
	if strings.Contains(h, "<script>") || !strings.Contains(h, `data-handoff-note="hn_3f2a9c01de"`) {
		t.Errorf("HTML must escape ticket text and carry the marker:\n%s", h)
	}
	if _, err := note.Render(n, "pdf"); err == nil {
		t.Error("unknown format accepted")
	}
}

func TestParseRoundTrip(t *testing.T) {
	n := sample()
	for _, render := range []func(*note.Note) string{note.Markdown, func(n *note.Note) string { s, _ := note.Render(n, "json"); return s }} {
		got, err := note.Parse([]byte(render(n)), nil)
		if err != nil {
			t.Fatal(err)
		}
		if got.ID != n.ID || got.Destination != n.Destination || len(got.Sections) != len(n.Sections) {
			t.Fatalf("round trip lost id, destination or sections: %+v", got)
		}
		for i, s := range got.Sections {
			if s.Key != n.Sections[i].Key || s.Text != n.Sections[i].Text || !reflect.DeepEqual(s.Items, n.Sections[i].Items) {
				t.Errorf("section %d: got %+v, want %+v", i, s, n.Sections[i])
			}
		}
	}
}

func TestParseHandWritten(t *testing.T) {
	md := "**Problem**\nInvoices double-charged (#2).\n\n**Next hypothesis**\nWe suspect payment capture (#3).\n\n**Customer tier**\nGold\n"
	n, err := note.Parse([]byte(md), nil)
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, s := range n.Sections {
		keys = append(keys, s.Key)
	}
	if want := []string{"problem", "hypothesis", "customer_tier"}; !reflect.DeepEqual(keys, want) {
		t.Errorf("keys %v, want %v", keys, want)
	}
	if _, err := note.Parse([]byte("just some words"), nil); errs.CodeOf(err) != errs.Format {
		t.Errorf("text without sections: got %v, want E_FORMAT", err)
	}
}

func TestCitesAndItems(t *testing.T) {
	if got := note.Cites("Cleared cache (#4) → same 502 (#5, #4); order#12 and ticket #47730 are no cites; #7"); !reflect.DeepEqual(got, []int{4, 5, 7}) {
		t.Errorf("Cites = %v", got)
	}
	items := note.SplitItems("- A (#1)\n  continued (#3)\n* B (#2)")
	want := []note.Item{{Text: "A (#1) continued (#3)", Cites: []int{1, 3}}, {Text: "B (#2)", Cites: []int{2}}}
	if !reflect.DeepEqual(items, want) {
		t.Errorf("SplitItems = %+v", items)
	}
	if got := note.SplitItems("plain text (#9)"); len(got) != 1 || got[0].Cites[0] != 9 {
		t.Errorf("one paragraph = %+v", got)
	}
}

func TestTemplateFor(t *testing.T) {
	tpl := note.DefaultTemplate()
	keys := func(specs []note.SectionSpec) string {
		var ks []string
		for _, s := range specs {
			ks = append(ks, s.Key)
		}
		return strings.Join(ks, ",")
	}
	cases := map[string]string{
		"":           "problem,background,tried,blocker,posture,hypothesis",
		"finance":    "problem,background,tried,blocker,posture,amounts,authority,policy,hypothesis",
		"security":   "problem,background,tried,blocker,posture,access,accounts,hypothesis",
		"unknown":    "problem,background,tried,blocker,posture,hypothesis",
		"leadership": "problem,background,tried,blocker,posture,impact,account,hypothesis",
	}
	for dest, want := range cases {
		if got := keys(tpl.For(dest)); got != want {
			t.Errorf("For(%q) = %s, want %s", dest, got, want)
		}
	}
}

func TestLoadTemplate(t *testing.T) {
	tpl, err := note.LoadTemplate([]byte(`{
	  "sections": {"problem": {"label": "Issue"}, "repro": {"label": "Repro"}},
	  "order": ["problem", "blocker", "tried", "customer_tier", "hypothesis"],
	  "add": [{"key": "customer_tier", "label": "Customer tier"}],
	  "banned": ["please advise", " "], "max_words": 300}`))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range tpl.For(note.Engineering) {
		got = append(got, s.Key+"="+s.Label)
	}
	want := "problem=Issue,blocker=Blocker,tried=Attempted solutions,customer_tier=Customer tier,environment=Environment,repro=Repro,bug_or_config=Bug or configuration,hypothesis=Next hypothesis"
	if strings.Join(got, ",") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, ","), want)
	}
	if tpl.MaxWords != 300 || len(tpl.Banned) != 1 {
		t.Errorf("max_words %d banned %v", tpl.MaxWords, tpl.Banned)
	}
	if def := note.DefaultTemplate(); def.Label("", note.Problem) != "Problem" {
		t.Error("customising one template changed the default")
	}

	bad := map[string]string{
		"not json":        `{`,
		"unknown field":   `{"colour": "red"}`,
		"unknown section": `{"sections": {"nope": {"label": "x"}}}`,
		"drops blocker":   `{"order": ["problem", "hypothesis"]}`,
		"duplicate order": `{"order": ["problem", "problem", "blocker", "hypothesis"]}`,
		"added twice":     `{"add": [{"key": "problem", "label": "P"}]}`,
		"bad key":         `{"add": [{"key": "Bad Key", "label": "P"}]}`,
		"no label":        `{"add": [{"key": "tier"}]}`,
		"negative budget": `{"max_words": -1}`,
	}
	for name, in := range bad {
		if _, err := note.LoadTemplate([]byte(in)); errs.CodeOf(err) != errs.Template {
			t.Errorf("%s: got %v, want E_TEMPLATE", name, err)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(note.Markdown(sample())))
	f.Add([]byte("**Problem**\nx\n### Blocker\n- y (#2)"))
	f.Add([]byte(`{"sections":[{"key":"problem","text":"a"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		n, err := note.Parse(data, nil)
		if err != nil {
			if errs.CodeOf(err) != errs.Format {
				t.Fatalf("error without E_FORMAT: %v", err)
			}
			return
		}
		for _, format := range note.Formats {
			if _, err := note.Render(n, format); err != nil && format != "json" {
				t.Fatal(err)
			}
		}
	})
}
