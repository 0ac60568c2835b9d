package g3_batch_upload

import (
	"fmt"
	"hash/crc32"
	"testing"
)

type fakeStore struct{}

func (fakeStore) Put(name string, data []byte) (string, error) {
	if name == "" {
		return "", fmt.Errorf("empty name")
	}
	return fmt.Sprintf("%08x", crc32.ChecksumIEEE(data)), nil
}

func TestUploadAll(t *testing.T) {
	u := NewUploader(fakeStore{}, 2)
	objs := []Object{{"a", []byte("x")}, {"b", []byte("y")}, {"c", []byte("z")}}
	tags, err := u.UploadAll(objs)
	if err != nil {
		t.Fatal(err)
	}
	for i, tag := range tags {
		if tag == "" {
			t.Errorf("object %d has no etag", i)
		}
	}
}
