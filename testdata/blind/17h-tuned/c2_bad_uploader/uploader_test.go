package uploader

import (
	"fmt"
	"sync"
	"testing"
	"time"
)

func TestParallelUpload(t *testing.T) {
	store := NewStore(2 * time.Millisecond)
	blobs := make([]Blob, 8)
	for i := range blobs {
		blobs[i] = Blob{Key: fmt.Sprintf("bucket/obj-%d", i), Data: []byte(fmt.Sprintf("payload %d", i))}
	}

	receipts := make([]Receipt, len(blobs))
	errs := make([]error, len(blobs))
	var wg sync.WaitGroup
	defer wg.Wait()
	for i, b := range blobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			receipts[i], errs[i] = store.Put(b)
		}()
	}

	time.Sleep(50 * time.Millisecond)

	for i, r := range receipts {
		if errs[i] != nil {
			t.Errorf("upload %d: %v", i, errs[i])
			continue
		}
		if r.Key != blobs[i].Key {
			t.Errorf("receipt %d key = %q, want %q", i, r.Key, blobs[i].Key)
		}
		if len(r.Digest) != 16 {
			t.Errorf("receipt %d digest = %q", i, r.Digest)
		}
	}
}
