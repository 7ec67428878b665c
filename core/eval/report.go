package eval

// Report is a batch's evaluation. Its JSON form is what
// "handoff eval --format json" prints:
//
//	{"engine":"offline","words_per_minute":200,
//	 "summary":{"cases":6,"evaluated":6,"errors":0,"attempts":21,
//	   "draft":{"sections_present":51,"sections_expected":54,"blocker":6,…},
//	   "human":{…}},
//	 "cases":[{"name":"zendesk-export-502","source":"zendesk",…,
//	   "attempts":[{"kind":"cache","label":"Cleared cache/cookies","cites":[2,3],
//	     "outcome":"failed","draft":true,"human":true}],
//	   "draft":{"sections_present":9,…},"human":{…},
//	   "side_by_side":[{"key":"problem","label":"Problem","draft":"…","human":"…"}]}]}
type Report struct {
	Engine         string       `json:"engine"`
	WordsPerMinute int          `json:"words_per_minute"`
	Summary        Summary      `json:"summary"`
	Cases          []CaseResult `json:"cases"`
}

// CaseResult is one escalation's evaluation, or its error.
type CaseResult struct {
	Name        string     `json:"name"`
	Error       *CaseError `json:"error,omitempty"`
	Source      string     `json:"source,omitempty"`
	Ticket      string     `json:"ticket,omitempty"`
	Subject     string     `json:"subject,omitempty"`
	Messages    int        `json:"messages,omitempty"`
	Destination string     `json:"destination,omitempty"` // the draft's, which both notes are scored for
	// HumanDestination is the destination the human note names in a
	// "Handoff to …" heading, or "".
	HumanDestination string            `json:"human_destination,omitempty"`
	DraftID          string            `json:"draft_id,omitempty"`
	Attempts         []AttemptCoverage `json:"attempts,omitempty"`
	Draft            *Score            `json:"draft,omitempty"`
	Human            *Score            `json:"human,omitempty"`
	SideBySide       []Row             `json:"side_by_side,omitempty"`
}

// CaseError is why a case could not be evaluated: an errs code and a
// message, e.g. {"code":"E_IO","message":"reference.md: no such file or directory"}.
type CaseError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Score is one note's measures (see the package comment).
type Score struct {
	SectionsPresent  int      `json:"sections_present"`
	SectionsExpected int      `json:"sections_expected"`
	MissingSections  []string `json:"missing_sections"`
	Blocker          bool     `json:"blocker"`
	BlockerCited     bool     `json:"blocker_cited"`
	Hypothesis       bool     `json:"hypothesis"`
	Ready            bool     `json:"ready"`
	Block            int      `json:"block"`
	Warn             int      `json:"warn"`
	Findings         []Count  `json:"findings"`
	Ungrounded       []string `json:"ungrounded"`
	AttemptsCovered  int      `json:"attempts_covered"`
	Words            int      `json:"words"`
	ReadingSeconds   int      `json:"reading_seconds"`
}

// Count is how many findings of one rule and severity a note has.
type Count struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	N        int    `json:"n"`
}

// AttemptCoverage is one attempt of the thread and whether each note
// covers it.
type AttemptCoverage struct {
	Kind    string `json:"kind"`
	Label   string `json:"label"`
	Cites   []int  `json:"cites"`
	Outcome string `json:"outcome"`
	Draft   bool   `json:"draft"`
	Human   bool   `json:"human"`
}

// Row is one section of the side-by-side review: the draft's text and the
// human note's text ("" where a note lacks the section). Rows follow the
// template for the case's destination, then the human note's other
// sections in its order.
type Row struct {
	Key   string `json:"key"`
	Label string `json:"label"`
	Draft string `json:"draft"`
	Human string `json:"human"`
}

// Summary sums the evaluated cases; cases with an error count only in
// Cases and Errors.
type Summary struct {
	Cases     int    `json:"cases"`
	Evaluated int    `json:"evaluated"`
	Errors    int    `json:"errors"`
	Attempts  int    `json:"attempts"` // attempts found in the threads
	Draft     Totals `json:"draft"`
	Human     Totals `json:"human"`
}

// Totals are one side's scores over the batch: sums of counts, the number
// of cases with a property, and medians of lengths.
type Totals struct {
	SectionsPresent      int     `json:"sections_present"`
	SectionsExpected     int     `json:"sections_expected"`
	Blocker              int     `json:"blocker"`       // cases with a blocker
	BlockerCited         int     `json:"blocker_cited"` // cases whose blocker cites a message
	Hypothesis           int     `json:"hypothesis"`    // cases with a hypothesis
	Ready                int     `json:"ready"`         // cases with no block finding
	Block                int     `json:"block"`
	Warn                 int     `json:"warn"`
	Findings             []Count `json:"findings"`
	Ungrounded           int     `json:"ungrounded"`
	AttemptsCovered      int     `json:"attempts_covered"`
	MedianWords          int     `json:"median_words"`
	MedianReadingSeconds int     `json:"median_reading_seconds"`
	OverBudget           int     `json:"over_budget"` // cases with a length finding
}
