// BAD: UploadAll starts one goroutine per file and then sleeps for a fixed time before
// returning the results slice; nothing guarantees the uploads have finished, so results may be missing.
package main

import (
	"fmt"
	"hash/crc32"
	"strings"
	"time"
)

// UploadResult describes the outcome of a single upload.
type UploadResult struct {
	Name     string
	Checksum uint32
	Bytes    int
	Err      error
}

// Uploader pushes blobs to a (simulated) object store.
type Uploader struct {
	bucket  string
	latency time.Duration
}

// NewUploader returns an uploader for the given bucket.
func NewUploader(bucket string, latency time.Duration) *Uploader {
	return &Uploader{bucket: bucket, latency: latency}
}

func (u *Uploader) put(name string, data []byte) (uint32, error) {
	if strings.TrimSpace(name) == "" {
		return 0, fmt.Errorf("empty object name")
	}
	time.Sleep(u.latency) // network round trip
	return crc32.ChecksumIEEE(data), nil
}

// UploadAll uploads every file concurrently and returns one result per file.
func (u *Uploader) UploadAll(files map[string][]byte) []UploadResult {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	results := make([]UploadResult, len(names))
	for i, name := range names {
		go func(i int, name string) {
			sum, err := u.put(name, files[name])
			results[i] = UploadResult{Name: name, Checksum: sum, Bytes: len(files[name]), Err: err}
		}(i, name)
	}
	time.Sleep(200 * time.Millisecond) // want "time.Sleep used to wait"
	return results
}

func main() {
	u := NewUploader("backups", 50*time.Millisecond)
	files := map[string][]byte{
		"db.sql":      []byte("CREATE TABLE users (id int);"),
		"config.yaml": []byte("port: 8080\n"),
		"app.log":     []byte("started\nstopped\n"),
	}
	for _, r := range u.UploadAll(files) {
		if r.Err != nil {
			fmt.Printf("%s: error: %v\n", r.Name, r.Err)
			continue
		}
		fmt.Printf("%s/%s: %d bytes crc=%08x\n", u.bucket, r.Name, r.Bytes, r.Checksum)
	}
}
