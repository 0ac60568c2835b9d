package relay

import (
	"fmt"
	"strings"
)

// Store is an in-memory key/value store with no internal locking.
type Store struct {
	data    map[string]string
	version int
}

func NewStore() *Store { return &Store{data: map[string]string{}} }

func (s *Store) Apply(op string) (int, error) {
	verb, rest, _ := strings.Cut(op, " ")
	switch verb {
	case "SET":
		k, v, ok := strings.Cut(rest, "=")
		if !ok {
			return s.version, fmt.Errorf("bad SET %q", rest)
		}
		s.data[k] = v
	case "DEL":
		delete(s.data, rest)
	default:
		return s.version, fmt.Errorf("unknown op %q", verb)
	}
	s.version++
	return s.version, nil
}

func (s *Store) Get(k string) string { return s.data[k] }
