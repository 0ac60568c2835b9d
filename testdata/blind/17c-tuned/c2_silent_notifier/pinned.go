package leases

import (
	"strings"
	"time"
)

const pinnedTTL = time.Minute

func (t *Table) renewIfPinned(holder string) {
	if strings.HasPrefix(holder, "pinned/") {
		t.Grant(holder, pinnedTTL)
	}
}
