package source

import "handoff/core/thread"

// zammadKinds maps history attributes to event kinds.
var zammadKinds = map[string]string{
	"state":    thread.StatusChange,
	"priority": thread.PriorityChange,
	"group":    thread.GroupChange,
	"owner":    thread.AssigneeChange,
	"tag":      thread.TagsChange,
}

// events reads ticket history entries on followed attributes.
func (in *zammadInput) events() []thread.Event {
	var out []thread.Event
	for _, h := range in.history {
		if obj := h.Get("history_object").String(); obj != "" && obj != "Ticket" {
			continue
		}
		attr := h.Get("history_attribute").String()
		kind, ok := zammadKinds[attr]
		if !ok {
			continue
		}
		e := thread.Event{
			At: restTime(h.Get("created_at").String()), Kind: kind, Field: attr,
			From: h.Get("value_from").String(), To: h.Get("value_to").String(),
			By: in.users[restID(h.Get("created_by_id"))].Name,
		}
		if kind == thread.TagsChange && h.Get("history_type").String() == "removed" && e.From == "" {
			e.From, e.To = e.To, ""
		}
		out = append(out, e)
	}
	return out
}
