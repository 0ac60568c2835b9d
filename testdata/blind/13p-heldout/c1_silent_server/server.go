package main

import (
	"encoding/json"
	"flag"
	"log"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

type route struct {
	Path   string `json:"path"`
	Target string `json:"target"`
}

// Server serves redirects loaded from a directory of JSON route files.
type Server struct {
	mu     sync.Mutex
	routes map[string]string
	hits   map[string]int
	files  []string
}

func (s *Server) Init(dir string) error {
	s.routes = make(map[string]string)
	s.hits = make(map[string]int)
	names, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return err
	}
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		var rs []route
		if err := json.Unmarshal(b, &rs); err != nil {
			return err
		}
		for _, r := range rs {
			s.routes[r.Path] = r.Target
		}
		s.files = append(s.files, name)
	}
	return nil
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p := strings.TrimSuffix(r.URL.Path, "/")
	s.mu.Lock()
	target, ok := s.routes[p]
	if ok {
		s.hits[p]++
	}
	s.mu.Unlock()
	if !ok {
		http.NotFound(w, r)
		return
	}
	http.Redirect(w, r, target, http.StatusFound)
}

func (s *Server) handleAdd(w http.ResponseWriter, r *http.Request) {
	var rt route
	if err := json.NewDecoder(r.Body).Decode(&rt); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	s.routes[rt.Path] = rt.Target
	s.mu.Unlock()
	w.WriteHeader(http.StatusCreated)
}

func (s *Server) handleStats(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	json.NewEncoder(w).Encode(map[string]any{"files": s.files, "hits": s.hits})
}

func main() {
	dir := flag.String("routes", "routes", "directory of route files")
	addr := flag.String("addr", "127.0.0.1:8091", "listen address")
	flag.Parse()

	s := &Server{}
	if err := s.Init(*dir); err != nil {
		log.Fatal(err)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /admin/routes", s.handleAdd)
	mux.HandleFunc("GET /admin/stats", s.handleStats)
	mux.Handle("/", s)
	log.Fatal(http.Serve(ln, mux))
}
