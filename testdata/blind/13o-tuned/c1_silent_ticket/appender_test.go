package logseq

import (
	"strings"
	"testing"
)

func TestWriteAllKeepsOrder(t *testing.T) {
	msgs := []string{"boot", "mount /data", "listen :8080", "ready", "tick", "tick", "shutdown"}
	out := WriteAll(msgs)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != len(msgs)+1 {
		t.Fatalf("got %d lines, want %d", len(lines), len(msgs)+1)
	}
	for i, m := range msgs {
		if !strings.HasSuffix(lines[i], " "+m) {
			t.Errorf("line %d = %q, want suffix %q", i, lines[i], m)
		}
	}
}
