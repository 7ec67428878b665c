package main

// Phrase pools for the routine messages between the scripted ones. Slots:
// %[1]s a first name to greet, %[2]d an order number, %[3]d its line count,
// %[4]s a weekday, %[5]d a second order number, %[6]s a colleague's name.
// Not every phrase uses every slot.

var customerPool = []string{
	"Another short one today: SO-%[2]d had %[3]d lines and 50 arrived in Orbital.",
	"Hi %[1]s,\n\nany news on this? The warehouse caught SO-%[2]d (%[3]d lines) before it shipped, but only because the picker noticed the box looked light.",
	"Good morning,\n\njust checking whether there is any progress. We found two more short orders this week: SO-%[2]d and SO-%[5]d.",
	"Thanks %[1]s. We'll keep an eye on it and send anything new.",
	"Quick one: is there anything else you need from us to move this forward?",
	"Still happening. SO-%[2]d: %[3]d lines in Crateflow, 50 in Orbital.",
	"Our accounts team asked me again today when this will be sorted. Can you give me an estimate?",
	"Hi %[1]s,\n\nyes, still seeing it - SO-%[2]d and SO-%[5]d this week, both cut at 50 lines.\n\nThanks",
	"Hello, following up on this ticket. A customer complained today that their order SO-%[2]d was missing items; it was one of the long ones again.",
	"Noted, thank you. Speak %[4]s.",
	"Hi,\n\nsorry for the slow reply, we had a stock count this week. SO-%[2]d (%[3]d lines) is the latest one.\n\nRegards",
	"Is anyone still looking at this? We haven't heard anything for a while.",
}

var outOfOffice = []string{
	"Thank you for your email. I am out of the office until %[4]s with limited access to email. For urgent warehouse matters please contact Martin Osei.\n\nRuth Ellison",
	"Automatic reply: I'm away at a trade fair and back on %[4]s. For anything urgent, please call the Fernhill office.",
}

var logSent = []string{
	"Sync log for SO-%[2]d attached.",
	"Here's the export you asked for (SO-%[2]d).\n\nDev",
	"Attached. Let me know if you need a different date range.",
}

var agentPool = []string{
	"Hi %[1]s,\n\nthanks for the new examples - I've added them to the investigation.",
	"Hi %[1]s,\n\nno news yet, sorry. I'm still working through the sync logs and will update you by %[4]s.",
	"Hi %[1]s,\n\njust checking in - are you still seeing short orders since we last spoke?",
	"Hi %[1]s,\n\nthank you for your patience. I've shared SO-%[2]d with the rest of the team and will come back to you as soon as I know more.",
	"Hi %[1]s,\n\nI'm covering for %[6]s this week. I've read through the whole ticket and I'm following up internally.",
	"Hi %[1]s,\n\nthanks for flagging SO-%[2]d. Same pattern as the others; it's in our list.",
	"Hi %[1]s,\n\nI understand this is taking far too long. I don't have an update today but I'm chasing it and will write again %[4]s.",
	"Thanks %[1]s, received.",
}

var logAsk = []string{
	"Hi %[1]s,\n\ncould you export the sync log for SO-%[2]d (Integrations > Orbital ERP > Logs > Export) and attach it here?",
	"Hi %[1]s,\n\none more thing that would help: the sync log export for SO-%[2]d, from the Logs tab of the Orbital integration.",
}

var notePool = []string{
	"Checked sync log for SO-%[2]d: status completed, no errors, 50 of %[3]d lines written.",
	"Customer called about the status; told them we're still investigating and will update by email.",
	"Handover: I'm off until %[4]s, %[6]s is covering this ticket.",
	"SO-%[2]d from today's report is the same pattern, 50 of %[3]d lines.",
	"Searched for similar tickets with large Orbital orders - nothing matching in the last 90 days.",
	"Log export for SO-%[2]d has no warnings at all. The connector thinks it wrote everything.",
	"Reminder to self: customer is waiting for an update, promised %[4]s.",
}

var weekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}
