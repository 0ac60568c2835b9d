package cron

import (
	"fmt"
	"time"
)

type journalEntry struct {
	at      time.Time
	line    string
	running int
}

type journal struct {
	owner   *Scheduler
	entries []journalEntry
	limit   int
}

func newJournal(owner *Scheduler, limit int) *journal {
	return &journal{owner: owner, limit: limit}
}

func (j *journal) Moved(id string, from, to State) {
	e := journalEntry{
		at:      time.Now(),
		line:    fmt.Sprintf("%s: %d -> %d", id, from, to),
		running: j.owner.countIn(Running),
	}
	j.entries = append(j.entries, e)
	if len(j.entries) > j.limit {
		j.entries = j.entries[1:]
	}
}
