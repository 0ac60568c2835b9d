package jobsvc

import (
	"encoding/json"
	"net/http"
	"strconv"
	"sync"
	"time"
)

type progress struct {
	Done  int       `json:"done"`
	Total int       `json:"total"`
	Seen  time.Time `json:"seen"`
}

type Service struct {
	mu     sync.Mutex
	nextID int
	jobs   map[int]*progress
	run    func(id int, p *progress, mu *sync.Mutex)
}

func NewService(run func(id int, p *progress, mu *sync.Mutex)) *Service {
	return &Service{jobs: make(map[int]*progress), run: run}
}

func (s *Service) handleStart(w http.ResponseWriter, r *http.Request) {
	total, err := strconv.Atoi(r.URL.Query().Get("n"))
	if err != nil || total <= 0 {
		http.Error(w, "bad n", http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	s.nextID++
	id := s.nextID
	p := &progress{Total: total}
	s.jobs[id] = p
	s.mu.Unlock()

	go s.run(id, p, &s.mu)

	go func() {
		for {
			time.Sleep(time.Second)
			s.mu.Lock()
			p.Seen = time.Now()
			s.mu.Unlock()
		}
	}()

	json.NewEncoder(w).Encode(map[string]int{"id": id})
}

func (s *Service) handleStatus(w http.ResponseWriter, r *http.Request) {
	id, _ := strconv.Atoi(r.URL.Query().Get("id"))
	s.mu.Lock()
	p, ok := s.jobs[id]
	var snap progress
	if ok {
		snap = *p
	}
	s.mu.Unlock()
	if !ok {
		http.NotFound(w, r)
		return
	}
	json.NewEncoder(w).Encode(snap)
}

func (s *Service) Routes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("/start", s.handleStart)
	mux.HandleFunc("/status", s.handleStatus)
	return mux
}
