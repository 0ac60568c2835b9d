package g1_quota_tracker

import (
	"net/http"
	"os"
	"strconv"
)

// OpenTracker restores the tracker state saved at path.
func OpenTracker(path string) (*tracker, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	t := newTracker()
	if err := t.loadFrom(f); err != nil {
		return nil, err
	}
	return t, nil
}

type UploadServer struct {
	quotas *tracker
}

func NewUploadServer(statePath string) (*UploadServer, error) {
	t, err := OpenTracker(statePath)
	if err != nil {
		return nil, err
	}
	return &UploadServer{quotas: t}, nil
}

func (s *UploadServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	account := r.Header.Get("X-Account")
	if !s.quotas.Add(account, r.ContentLength) {
		used, quota := s.quotas.Get(account)
		http.Error(w, "quota exceeded: "+strconv.FormatInt(used, 10)+"/"+strconv.FormatInt(quota, 10),
			http.StatusRequestEntityTooLarge)
		return
	}
	w.WriteHeader(http.StatusCreated)
}
