package backup

import (
	"fmt"
	"os"
	"path/filepath"
)

func SnapshotDir(u *Uploader, dir string) (int, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return n, fmt.Errorf("snapshot: %w", err)
		}
		if err := u.Upload(e.Name(), data); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}
