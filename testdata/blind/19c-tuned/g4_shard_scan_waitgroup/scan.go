// Correct: workers are joined with a WaitGroup that closes the channel, and the test drains every result before checking.
package g4_shard_scan_waitgroup

import "strings"

// Shard is one partition of a row store.
type Shard struct {
	ID   int
	Rows []string
}

// Count returns how many rows in the shard contain needle.
func (s *Shard) Count(needle string) int {
	n := 0
	for _, r := range s.Rows {
		if strings.Contains(r, needle) {
			n++
		}
	}
	return n
}

func Split(rows []string, shards int) []*Shard {
	out := make([]*Shard, shards)
	for i := range out {
		out[i] = &Shard{ID: i}
	}
	for i, r := range rows {
		s := out[i%shards]
		s.Rows = append(s.Rows, r)
	}
	return out
}
