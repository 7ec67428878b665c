package llm

import (
	"strconv"
	"time"
)

// ConfigFromEnv reads the standard variables through getenv:
// OPENAI_API_KEY, OPENAI_BASE_URL (default OpenAI), OPENAI_MODEL (default
// gpt-4o-mini), OPENAI_API_TYPE ("azure" for Azure OpenAI),
// OPENAI_API_VERSION and OPENAI_TIMEOUT (seconds).
//
//	cfg := llm.ConfigFromEnv(os.Getenv)
func ConfigFromEnv(getenv func(string) string) Config {
	cfg := Config{
		APIKey:     getenv("OPENAI_API_KEY"),
		BaseURL:    getenv("OPENAI_BASE_URL"),
		Model:      getenv("OPENAI_MODEL"),
		APIType:    getenv("OPENAI_API_TYPE"),
		APIVersion: getenv("OPENAI_API_VERSION"),
	}
	if s, err := strconv.Atoi(getenv("OPENAI_TIMEOUT")); err == nil && s > 0 {
		cfg.Timeout = time.Duration(s) * time.Second
	}
	return cfg
}
