package b4_cron_runner

import (
	"bytes"
	"context"
	"testing"
	"time"
)

func TestStopBeforeFirstTick(t *testing.T) {
	var buf bytes.Buffer
	r := StartRunner(context.Background(), time.Hour, &buf, Job{
		Name: "noop",
		Fn:   func(context.Context) error { return nil },
	})
	if err := r.Stop(); err != nil {
		t.Fatal(err)
	}
	if buf.String() != "{}\n" {
		t.Fatalf("unexpected state %q", buf.String())
	}
}
