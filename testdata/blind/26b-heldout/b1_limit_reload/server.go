package b1_limit_reload

import (
	"fmt"
	"io"
	"net/http"
	"strings"
)

type Server struct {
	limits *limitTable
	mux    *http.ServeMux
}

func NewServer(initial string) (*Server, error) {
	t := newLimitTable(10)
	if err := t.reload(strings.NewReader(initial)); err != nil {
		return nil, err
	}
	s := &Server{limits: t, mux: http.NewServeMux()}
	s.mux.HandleFunc("/api/", s.handleAPI)
	s.mux.HandleFunc("/admin/limits", s.handleReload)
	return s, nil
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mux.ServeHTTP(w, r)
}

func (s *Server) handleAPI(w http.ResponseWriter, r *http.Request) {
	tenant := r.Header.Get("X-Tenant")
	fmt.Fprintf(w, "tenant=%s limit=%d\n", tenant, s.limits.Get(tenant))
}

// handleReload lets operators push a new limits file without a restart.
func (s *Server) handleReload(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPut {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	body := io.LimitReader(r.Body, 1<<20)
	if err := s.limits.reload(body); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	fmt.Fprintf(w, "revision %d\n", s.limits.Revision())
}
