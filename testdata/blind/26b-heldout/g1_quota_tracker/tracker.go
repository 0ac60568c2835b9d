// Correct: loadFrom/applyRecord write without the lock only on the fresh tracker inside OpenTracker, before it is returned and shared.
package g1_quota_tracker

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
)

type tracker struct {
	mu     sync.Mutex
	used   map[string]int64
	quota  map[string]int64
	loaded int
}

func newTracker() *tracker {
	return &tracker{used: make(map[string]int64), quota: make(map[string]int64)}
}

// Add charges n bytes to account and reports whether it is still within quota.
func (t *tracker) Add(account string, n int64) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.used[account] += n
	q, ok := t.quota[account]
	return !ok || t.used[account] <= q
}

func (t *tracker) Get(account string) (used, quota int64) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.used[account], t.quota[account]
}

// Loaded reports how many records were restored at startup.
func (t *tracker) Loaded() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.loaded
}

func (t *tracker) SetQuota(account string, q int64) {
	t.mu.Lock()
	t.quota[account] = q
	t.mu.Unlock()
}

// loadFrom reads "account quota used" records written by a previous run.
func (t *tracker) loadFrom(r io.Reader) error {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) == 0 {
			continue
		}
		if len(f) != 3 {
			return fmt.Errorf("record %d: want 3 fields, got %d", t.loaded+1, len(f))
		}
		if err := t.applyRecord(f[0], f[1], f[2]); err != nil {
			return err
		}
	}
	return sc.Err()
}

func (t *tracker) applyRecord(account, quota, used string) error {
	q, err := strconv.ParseInt(quota, 10, 64)
	if err != nil {
		return err
	}
	u, err := strconv.ParseInt(used, 10, 64)
	if err != nil {
		return err
	}
	t.quota[account] = q
	t.used[account] = u
	t.loaded++
	return nil
}
