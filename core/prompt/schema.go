package prompt

import (
	"encoding/json"

	"handoff/core/note"
)

// Schema returns the JSON schema of the model's answer for these
// sections: destination, ready, and one entry per section with cited
// items. It is the note JSON contract minus what code fills in (id,
// labels, findings, meta).
//
//	{"destination":"engineering","ready":true,
//	 "sections":[{"key":"problem","items":[{"text":"… (#1)","cites":[1]}]}]}
func Schema(specs []note.SectionSpec) []byte {
	keys := make([]string, len(specs))
	for i, s := range specs {
		keys[i] = s.Key
	}
	schema := map[string]any{
		"type":                 "object",
		"additionalProperties": false,
		"required":             []string{"destination", "ready", "sections"},
		"properties": map[string]any{
			"destination": map[string]any{"type": "string", "enum": note.Destinations},
			"ready":       map[string]any{"type": "boolean"},
			"sections": map[string]any{
				"type": "array",
				"items": map[string]any{
					"type":                 "object",
					"additionalProperties": false,
					"required":             []string{"key", "items"},
					"properties": map[string]any{
						"key": map[string]any{"type": "string", "enum": keys},
						"items": map[string]any{
							"type": "array",
							"items": map[string]any{
								"type":                 "object",
								"additionalProperties": false,
								"required":             []string{"text", "cites"},
								"properties": map[string]any{
									"text":  map[string]any{"type": "string"},
									"cites": map[string]any{"type": "array", "items": map[string]any{"type": "integer", "minimum": 1}},
								},
							},
						},
					},
				},
			},
		},
	}
	b, _ := json.Marshal(schema)
	return b
}
