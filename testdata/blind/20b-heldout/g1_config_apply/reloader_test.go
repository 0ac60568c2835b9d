package g1_config_apply

import (
	"io"
	"strings"
	"testing"
)

func assertClosed(t *testing.T, changes <-chan Change, errs <-chan error) {
	t.Helper()
	if c, ok := <-changes; ok {
		t.Fatalf("unexpected change %+v", c)
	}
	if err, ok := <-errs; ok {
		t.Fatalf("unexpected error %v", err)
	}
}

func TestApplyEmptySource(t *testing.T) {
	r := NewReloader(map[string]string{"timeout": "5s"})
	changes := make(chan Change)
	errs := make(chan error)

	r.apply(strings.NewReader(""), changes, errs)

	assertClosed(t, changes, errs)
	if got := r.Get("timeout"); got != "5s" {
		t.Fatalf("timeout = %q", got)
	}
}

func TestApplyCommentsOnly(t *testing.T) {
	r := NewReloader(nil)
	changes := make(chan Change)
	errs := make(chan error)

	var src io.Reader = strings.NewReader("# nothing to change\n\n   \n# timeout=10s\n")
	r.apply(src, changes, errs)

	assertClosed(t, changes, errs)
}
