package main

import (
	"errors"
	"fmt"
	"log"
)

type shard struct {
	id   int
	rows int
	done chan struct{}
	err  error
}

var errEmptyShard = errors.New("shard has no rows")

func copyShard(s *shard) error {
	if s.rows == 0 {
		return errEmptyShard
	}
	return nil
}

// Migrator copies every shard concurrently and waits for all of them.
type Migrator struct {
	shards []*shard
}

func NewMigrator(rows []int) *Migrator {
	m := &Migrator{}
	for i, n := range rows {
		m.shards = append(m.shards, &shard{id: i, rows: n, done: make(chan struct{})})
	}
	return m
}

func (m *Migrator) run(s *shard) {
	if err := copyShard(s); err != nil {
		log.Printf("shard %d: %v", s.id, err)
		return
	}
	close(s.done)
}

func (m *Migrator) Run() error {
	for _, s := range m.shards {
		go m.run(s)
	}
	copied := 0
	for _, s := range m.shards {
		<-s.done
		copied += s.rows
	}
	fmt.Println("copied rows:", copied)
	return nil
}

func main() {
	m := NewMigrator([]int{120, 0, 75})
	if err := m.Run(); err != nil {
		fmt.Println("migration failed:", err)
	}
}
