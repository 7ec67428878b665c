package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

const (
	total   = 300
	perPage = 100
	ticket  = 60417
	base    = "https://crateflow.zendesk.com"
)

type person struct {
	ID    int64
	Name  string
	First string
	Email string
	Role  string // end-user, agent, admin
}

var people = map[string]person{
	"ruth":   {22718830041, "Ruth Ellison", "Ruth", "ruth.ellison@fernhilloutdoor.com", "end-user"},
	"dev":    {22718830107, "Dev Chaudhry", "Dev", "dev.chaudhry@fernhilloutdoor.com", "end-user"},
	"martin": {22718830233, "Martin Osei", "Martin", "m.osei@fernhilloutdoor.com", "end-user"},
	"lena":   {3301120045, "Lena Fischer", "Lena", "lena.fischer@crateflow.com", "agent"},
	"ahmed":  {3301120098, "Ahmed Karimi", "Ahmed", "ahmed.karimi@crateflow.com", "agent"},
	"grace":  {3301120150, "Grace O'Neill", "Grace", "grace.oneill@crateflow.com", "agent"},
	"paolo":  {3301120012, "Paolo Ricci", "Paolo", "paolo.ricci@crateflow.com", "admin"},
}

const orgID = 9402277

// msg is one generated comment before it is shaped as Zendesk JSON.
type msg struct {
	who      string
	internal bool
	text     string
	attach   []string
	at       time.Time
}

// agentFor says who handles the ticket at position n, as in the script:
// Lena first, then Ahmed (Tier 2), then Grace with Ahmed covering.
func agentFor(n int, r *rand.Rand) string {
	switch {
	case n < 20:
		return "lena"
	case n < 58:
		return "ahmed"
	case r.IntN(5) == 0:
		return "ahmed"
	default:
		return "grace"
	}
}

// build makes the 300 messages: scripted ones at their positions, routine
// ones around them, times strictly increasing from 3 June 2026.
func build() []msg {
	r := rand.New(rand.NewPCG(60417, 2026))
	at := time.Date(2026, 6, 3, 8, 14, 0, 0, time.UTC)
	order := 10470
	var out []msg
	pendingLog := 0
	pk := &picker{r: r, last: map[string]int{}}
	reserved := scriptedOrders()
	for n := 1; n <= total; n++ {
		if n > 1 {
			at = at.Add(time.Duration(2*60+r.IntN(22*60)) * time.Minute).Add(time.Duration(r.IntN(60)) * time.Second)
		}
		order += 4 + r.IntN(9)
		for reserved[order] || reserved[order+1] {
			order += 2
		}
		lines := 51 + r.IntN(40)
		day := weekdays[r.IntN(len(weekdays))]
		if s, ok := script[n]; ok {
			out = append(out, msg{who: s.who, internal: s.internal, text: s.text, attach: s.attach, at: at})
			continue
		}
		prev := out[len(out)-1]
		agent := agentFor(n, r)
		other := "ahmed"
		switch {
		case n >= 20 && n < 58:
			other = "lena"
		case agent == "ahmed":
			other = "grace"
		}
		customers := []string{"ruth", "ruth", "ruth", "dev", "martin"}
		cust := customers[r.IntN(len(customers))]
		fill := func(pool []string, greet string) string {
			return phrase(pk.pick(pool), people[greet].First, order, lines, day, second(order+3+r.IntN(9), reserved), people[other].First)
		}
		var m msg
		switch {
		case pendingLog > 0:
			m = msg{who: "dev", text: phrase(pk.pick(logSent), "", pendingLog), attach: []string{fmt.Sprintf("sync-log-SO-%d.csv", pendingLog)}}
			pendingLog = 0
		case people[prev.who].Role == "end-user":
			switch k := r.IntN(10); {
			case k < 2:
				m = msg{who: agent, internal: true, text: fill(notePool, prev.who)}
			case k < 3:
				m = msg{who: agent, text: fill(logAsk, "dev")}
				pendingLog = order
			default:
				m = msg{who: agent, text: fill(agentPool, prev.who)}
			}
		case !prev.internal && r.IntN(12) == 0:
			m = msg{who: "ruth", text: fill(outOfOffice, "ruth")}
		case r.IntN(4) == 0:
			m = msg{who: agent, internal: true, text: fill(notePool, "ruth")}
		default:
			m = msg{who: cust, text: fill(customerPool, prev.who)}
		}
		if _, next := script[n+1]; next && pendingLog > 0 {
			// a log request must be answered; keep the script's next message in place
			m = msg{who: agent, text: fill(agentPool, prev.who)}
			pendingLog = 0
		}
		m.at = at
		out = append(out, m)
	}
	return out
}

// write renders the case into dir.
func write(dir string) error {
	ms := build()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	files := map[string]any{"ticket.json": ticketJSON(ms)}
	for p := 0; p*perPage < len(ms); p++ {
		name := "comments.json"
		if p > 0 {
			name = fmt.Sprintf("comments-%d.json", p+1)
		}
		files[name] = commentsPage(ms, p)
	}
	for name, v := range files {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(v); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, name), b.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// phrase fills a pool entry's slots; entries without slots are returned
// as they are (Sprintf would append the unused arguments).
func phrase(p string, args ...any) string {
	if !strings.Contains(p, "%[") {
		return p
	}
	return fmt.Sprintf(p, args...)
}

// picker draws pool entries, redrawing an entry used in the last few
// draws, so the same phrase is not repeated back to back.
type picker struct {
	r     *rand.Rand
	draws int
	last  map[string]int
}

func (p *picker) pick(pool []string) string {
	p.draws++
	for try := 0; ; try++ {
		s := pool[p.r.IntN(len(pool))]
		if last, ok := p.last[s]; !ok || p.draws-last > 6 || try > 20 {
			p.last[s] = p.draws
			return s
		}
	}
}

// scriptedOrders lists the order numbers the script mentions, so routine
// messages never reuse one with a different line count.
func scriptedOrders() map[int]bool {
	re := regexp.MustCompile(`SO-(\d+)`)
	out := map[int]bool{}
	for _, l := range script {
		for _, m := range re.FindAllStringSubmatch(l.text, -1) {
			n, _ := strconv.Atoi(m[1])
			out[n] = true
		}
	}
	return out
}

func second(n int, reserved map[int]bool) int {
	for reserved[n] {
		n++
	}
	return n
}
