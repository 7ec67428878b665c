package source

import (
	"strings"

	"github.com/tidwall/gjson"

	"handoff/core/thread"
)

// zdPeople resolves the ids Zendesk responses carry to names, from every
// side-loaded "users", "groups" and "organizations" list and users.json.
type zdPeople struct {
	users  map[string]zdUser
	groups map[string]string
	orgs   map[string]string
}

type zdUser struct {
	name, email, role string
}

func (pp zdPeople) load(r getter) {
	users := r.Get("users").Array()
	if u := r.Get("user"); u.IsObject() {
		users = append(users, u)
	}
	for _, u := range users {
		if id := restID(u.Get("id")); id != "" {
			pp.users[id] = zdUser{u.Get("name").String(), u.Get("email").String(), u.Get("role").String()}
		}
	}
	for _, g := range r.Get("groups").Array() {
		if id := restID(g.Get("id")); id != "" {
			pp.groups[id] = g.Get("name").String()
		}
	}
	for _, o := range r.Get("organizations").Array() {
		if id := restID(o.Get("id")); id != "" {
			pp.orgs[id] = o.Get("name").String()
		}
	}
}

// person resolves a user id. Without side-loaded users the ticket's
// requester is the customer, its assignee an agent and -1 (Zendesk's own
// automations) the system; anyone else stays unknown.
func (in *zdInput) person(id gjson.Result) thread.Person {
	key := restID(id)
	u := in.people.users[key]
	p := thread.Person{Name: u.name, Email: u.email}
	switch {
	case u.role == "end-user":
		p.Role = thread.Customer
	case u.role == "agent" || u.role == "admin":
		p.Role = thread.Agent
	case key == "-1":
		p.Role = thread.System
	case key != "" && key == restID(in.ticket.Get("requester_id")):
		p.Role = thread.Customer
	case key != "" && key == restID(in.ticket.Get("assignee_id")):
		p.Role = thread.Agent
	default:
		p.Role = thread.Unknown
	}
	return p
}

// zdFields maps the audited ticket fields Handoff follows to event kinds.
var zdFields = map[string]string{
	"status":      thread.StatusChange,
	"priority":    thread.PriorityChange,
	"group_id":    thread.GroupChange,
	"assignee_id": thread.AssigneeChange,
	"tags":        thread.TagsChange,
	"type":        thread.OtherChange,
	"subject":     thread.OtherChange,
}

// audit adds what one audit records: its Comment events as messages (a
// comment also in comments.json shares its id and is kept once), its
// Change events on followed fields, and the macros it applied, which
// Zendesk marks with via.source.rel "macro_reference" or an
// AgentMacroReference event.
func (in *zdInput) audit(th *thread.Thread, ar gjson.Result) {
	a := objOf(ar) // its events are skipped once, not per look-up
	at := a.Get("created_at").String()
	by := in.person(a.Get("author_id")).Name
	macros := map[string]bool{}
	addMacro := func(title string) {
		if title = strings.TrimSpace(title); title != "" && !macros[title] {
			macros[title] = true
			th.Events = append(th.Events, thread.Event{At: restTime(at), Kind: thread.MacroApplied, To: title, By: by})
		}
	}
	if a.Get("via.source.rel").String() == "macro_reference" {
		addMacro(a.Get("via.source.from.title").String())
	}
	for _, er := range a.Get("events").Array() {
		e := objOf(er)
		switch e.Get("type").String() {
		case "Comment":
			author := e.Get("author_id")
			if !author.Exists() {
				author = a.Get("author_id")
			}
			channel := a.Get("via.channel").String()
			in.bodies.add(th, thread.Message{}, func(m *thread.Message) { *m = in.message(e, at, channel, author) })
		case "AgentMacroReference":
			addMacro(e.Get("macro_title").String())
		case "Change":
			if e.Get("via.source.rel").String() == "macro_reference" {
				addMacro(e.Get("via.source.from.title").String())
			}
			field := e.Get("field_name").String()
			kind, ok := zdFields[field]
			if !ok {
				continue
			}
			ev := thread.Event{
				At:    restTime(at),
				Kind:  kind,
				Field: field,
				From:  in.fieldValue(field, e.Get("previous_value")),
				To:    in.fieldValue(field, e.Get("value")),
				By:    by,
			}
			if rule := e.Get("via.source.from.title").String(); e.Get("via.channel").String() == "rule" && rule != "" {
				ev.By = e.Get("via.source.rel").String() + ": " + rule
			}
			th.Events = append(th.Events, ev)
		}
	}
}

// fieldValue renders an audited value: group and assignee ids become names
// when known, tag lists are joined with spaces.
func (in *zdInput) fieldValue(field string, v gjson.Result) string {
	if v.IsArray() {
		var parts []string
		for _, x := range v.Array() {
			parts = append(parts, x.String())
		}
		return strings.Join(parts, " ")
	}
	s := restID(v)
	switch field {
	case "group_id":
		if n := in.people.groups[s]; n != "" {
			return n
		}
	case "assignee_id":
		if n := in.person(v).Name; n != "" {
			return n
		}
	}
	return s
}
