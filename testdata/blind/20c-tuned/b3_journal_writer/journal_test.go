package b3_journal_writer

import (
	"strings"
	"testing"
)

func TestAppendSync(t *testing.T) {
	var sb strings.Builder
	j := Open(&sb)
	for i, k := range []string{"a", "b", "c"} {
		seq, err := j.Append(Record{Key: k, Value: "v"})
		if err != nil || seq != int64(i+1) {
			t.Fatalf("append %s: seq=%d err=%v", k, seq, err)
		}
	}
	if err := j.Sync(); err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(sb.String(), "\n"); got != 3 {
		t.Fatalf("want 3 lines, got %d", got)
	}
}
