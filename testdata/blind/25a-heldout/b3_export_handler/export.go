package b3_export_handler

import (
	"encoding/csv"
	"log"
	"net/http"
	"strconv"
	"sync/atomic"
	"time"
)

// Row is one record of the export.
type Row struct {
	ID    int
	Name  string
	Score float64
}

// Store yields rows for export.
type Store interface {
	Rows(tenant string) ([]Row, error)
}

// ExportHandler streams a tenant's rows as CSV.
type ExportHandler struct {
	Store  Store
	Logger *log.Logger
}

func (h *ExportHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	tenant := r.URL.Query().Get("tenant")
	if tenant == "" {
		http.Error(w, "missing tenant", http.StatusBadRequest)
		return
	}
	rows, err := h.Store.Rows(tenant)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}

	var written atomic.Int64
	total := len(rows)
	go func() { // BAD: progress reporter loops over time.Tick forever; one leaked goroutine per export request
		for range time.Tick(2 * time.Second) {
			h.Logger.Printf("export %s: %d/%d rows", tenant, written.Load(), total)
		}
	}()

	w.Header().Set("Content-Type", "text/csv")
	w.Header().Set("Content-Disposition", `attachment; filename="`+tenant+`.csv"`)
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"id", "name", "score"})
	for _, row := range rows {
		rec := []string{
			strconv.Itoa(row.ID),
			row.Name,
			strconv.FormatFloat(row.Score, 'f', 2, 64),
		}
		if err := cw.Write(rec); err != nil {
			h.Logger.Printf("export %s: write: %v", tenant, err)
			return
		}
		written.Add(1)
	}
	cw.Flush()
}

// Register mounts the handler on mux.
func Register(mux *http.ServeMux, s Store, l *log.Logger) {
	mux.Handle("/export", &ExportHandler{Store: s, Logger: l})
}
