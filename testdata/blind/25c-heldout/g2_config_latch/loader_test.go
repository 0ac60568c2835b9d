package g2_config_latch

import (
	"os"
	"path/filepath"
	"testing"
)

func TestGetWaitsForLoad(t *testing.T) {
	path := filepath.Join(t.TempDir(), "svc.json")
	if err := os.WriteFile(path, []byte(`{"listen_addr":":8080","log_level":"info"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	s := NewSource(path)
	s.Start()
	cfg, err := s.Get()
	if err != nil {
		t.Fatal(err)
	}
	if cfg.ListenAddr != ":8080" || cfg.MaxConns != 64 {
		t.Fatalf("unexpected config %+v", cfg)
	}
	if !s.Ready() {
		t.Fatal("Ready false after Get")
	}
}
