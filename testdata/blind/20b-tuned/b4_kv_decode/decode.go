package b4_kv_decode

import (
	"bytes"
	"fmt"
)

// Record is one key=value pair from a properties file.
type Record struct {
	Key   string
	Value string
}

// decode parses data line by line and streams every pair on out. Blank lines
// and '#' comments are skipped. out is closed when decode returns.
func decode(data []byte, out chan<- Record) error {
	defer close(out)
	for i, line := range bytes.Split(data, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		k, v, ok := bytes.Cut(line, []byte("="))
		if !ok {
			return fmt.Errorf("kv: line %d: missing '='", i+1)
		}
		emit(out, Record{Key: string(bytes.TrimSpace(k)), Value: string(bytes.TrimSpace(v))})
	}
	return nil
}

func emit(out chan<- Record, r Record) {
	out <- r
}

// Load decodes data into a map; later keys override earlier ones.
func Load(data []byte) (map[string]string, error) {
	out := make(chan Record)
	errc := make(chan error, 1)
	go func() { errc <- decode(data, out) }()

	m := make(map[string]string)
	for r := range out {
		m[r.Key] = r.Value
	}
	return m, <-errc
}
