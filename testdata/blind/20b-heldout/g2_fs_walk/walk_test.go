package g2_fs_walk

import (
	"testing"
	"testing/fstest"
)

func TestFindGoFiles(t *testing.T) {
	fsys := fstest.MapFS{
		"main.go":          {Data: []byte("package main")},
		"README.md":        {Data: []byte("# readme")},
		"internal/util.go": {Data: []byte("package util\n")},
	}
	got, err := NewWalker("go").Find(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("got %+v", got)
	}
}

func TestFindEmpty(t *testing.T) {
	got, err := NewWalker(".txt").Find(fstest.MapFS{})
	if err != nil || len(got) != 0 {
		t.Fatalf("got %v, %v", got, err)
	}
}
