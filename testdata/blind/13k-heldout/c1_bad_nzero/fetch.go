// Package shard fetches counters from a set of shards.
package shard

import (
	"errors"
	"strconv"
	"strings"
)

// ErrUnknownShard is returned for an unknown shard name.
var ErrUnknownShard = errors.New("shard: unknown shard")

// Store is an in-memory stand-in for a remote shard map.
type Store struct {
	data map[string]string
}

// NewStore builds a store from "name=count" pairs.
func NewStore(pairs ...string) *Store {
	s := &Store{data: make(map[string]string)}
	for _, p := range pairs {
		k, v, _ := strings.Cut(p, "=")
		s.data[k] = v
	}
	return s
}

// Count returns the counter of one shard.
func (s *Store) Count(name string) (int, error) {
	v, ok := s.data[name]
	if !ok {
		return 0, ErrUnknownShard
	}
	return strconv.Atoi(v)
}
