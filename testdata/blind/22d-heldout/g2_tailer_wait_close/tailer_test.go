package g2_tailer_wait_close

import (
	"strings"
	"testing"
)

func TestTailerMerges(t *testing.T) {
	tl := NewTailer()
	tl.Follow("a", strings.NewReader("1\n2\n"))
	tl.Follow("b", strings.NewReader("3\n"))
	n := 0
	for n < 3 {
		<-tl.Lines()
		n++
	}
	tl.Shutdown()
	tl.Shutdown()
	if _, ok := <-tl.Lines(); ok {
		t.Fatal("expected closed channel")
	}
}
