// GOOD: the goroutines update the captured firstErr and migrated only while holding mu, and
// the enclosing function wraps firstErr without the lock only after wg.Wait has joined them all.
package main

import (
	"errors"
	"fmt"
	"strings"
	"sync"
)

type Migration struct {
	Shard string
	SQL   string
}

type execFunc func(shard, stmt string) error

// ApplyAll runs each migration on its shard concurrently and reports the first failure.
func ApplyAll(migs []Migration, exec execFunc) (int, error) {
	var (
		mu       sync.Mutex
		wg       sync.WaitGroup
		migrated int
		firstErr error
	)
	for _, m := range migs {
		wg.Add(1)
		go func(m Migration) {
			defer wg.Done()
			err := exec(m.Shard, m.SQL)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				if firstErr == nil {
					firstErr = fmt.Errorf("shard %s: %w", m.Shard, err)
				}
				return
			}
			migrated++
		}(m)
	}
	wg.Wait()

	if firstErr != nil {
		firstErr = fmt.Errorf("migration incomplete (%d/%d shards): %w", migrated, len(migs), firstErr)
	}
	return migrated, firstErr
}

func main() {
	exec := func(shard, stmt string) error {
		if strings.Contains(stmt, "DROP") && shard == "eu-2" {
			return errors.New("permission denied")
		}
		return nil
	}
	migs := []Migration{
		{"us-1", "ALTER TABLE users ADD COLUMN tz TEXT"},
		{"eu-1", "ALTER TABLE users ADD COLUMN tz TEXT"},
		{"eu-2", "DROP INDEX users_legacy_idx"},
	}
	n, err := ApplyAll(migs, exec)
	fmt.Println("migrated:", n)
	if err != nil {
		fmt.Println("error:", err)
	}
}
