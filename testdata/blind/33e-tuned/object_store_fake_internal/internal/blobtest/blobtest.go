// GOOD: internal test fake; the module's tests drive it sequentially, so the
// ServeHTTP method's unlocked writes to f.objects and f.puts do not race.

// Package blobtest provides an in-memory object store speaking a tiny subset
// of the S3 REST API (PUT, GET, DELETE on /bucket/key).
package blobtest

import (
	"crypto/md5"
	"encoding/hex"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
)

type object struct {
	data        []byte
	etag        string
	contentType string
}

// Server is the fake object store.
type Server struct {
	*httptest.Server
	objects map[string]object
	puts    int
}

// NewServer starts an empty fake store.
func NewServer() *Server {
	f := &Server{objects: make(map[string]object)}
	f.Server = httptest.NewServer(f)
	return f
}

func (f *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	key := strings.TrimPrefix(r.URL.Path, "/")
	if !strings.Contains(key, "/") {
		http.Error(w, "want /bucket/key", http.StatusBadRequest)
		return
	}
	switch r.Method {
	case http.MethodPut:
		data, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		sum := md5.Sum(data)
		etag := `"` + hex.EncodeToString(sum[:]) + `"`
		f.objects[key] = object{data: data, etag: etag, contentType: r.Header.Get("Content-Type")}
		f.puts++
		w.Header().Set("ETag", etag)
	case http.MethodGet:
		obj, ok := f.objects[key]
		if !ok {
			http.Error(w, "NoSuchKey", http.StatusNotFound)
			return
		}
		w.Header().Set("ETag", obj.etag)
		w.Header().Set("Content-Type", obj.contentType)
		w.Write(obj.data)
	case http.MethodDelete:
		delete(f.objects, key)
		w.WriteHeader(http.StatusNoContent)
	default:
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
	}
}

// Puts reports how many PUT requests succeeded.
func (f *Server) Puts() int { return f.puts }
