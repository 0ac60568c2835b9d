package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"
)

func runMirror(args []string) error {
	if len(args) != 2 {
		return errors.New("mirror: need SRC and DST")
	}
	src, dst := args[0], args[1]
	var copied atomic.Int64

	ticker := time.NewTicker(2 * time.Second)
	go func() {
		for range ticker.C {
			fmt.Fprintf(os.Stderr, "\r%d bytes copied", copied.Load())
		}
	}()

	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		n, err := copyFile(path, target)
		copied.Add(n)
		return err
	})
}

func copyFile(from, to string) (int64, error) {
	in, err := os.Open(from)
	if err != nil {
		return 0, err
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		return 0, err
	}
	n, err := io.Copy(out, in)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return n, err
}

func runSize(args []string) error {
	if len(args) != 1 {
		return errors.New("size: need DIR")
	}
	var total int64
	err := filepath.WalkDir(args[0], func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		total += info.Size()
		return nil
	})
	fmt.Println(total)
	return err
}
