package b4_export_progress

import (
	"encoding/csv"
	"log"
	"net/http"
	"strconv"
	"sync/atomic"
	"time"
)

// Row is one record produced by an export.
type Row struct {
	ID    int
	Name  string
	Email string
}

// Source streams rows for an export; it returns the total count up front.
type Source interface {
	Count(account string) int
	Each(account string, fn func(Row) error) error
}

// ExportHandler serves CSV exports of an account's users.
type ExportHandler struct {
	src    Source
	logger *log.Logger
}

func NewExportHandler(src Source, logger *log.Logger) *ExportHandler {
	return &ExportHandler{src: src, logger: logger}
}

func (h *ExportHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	account := r.URL.Query().Get("account")
	if account == "" {
		http.Error(w, "missing account", http.StatusBadRequest)
		return
	}
	total := h.src.Count(account)
	var done atomic.Int64

	go func() { // BAD: progress ticker goroutine per request never exits
		t := time.NewTicker(2 * time.Second)
		for range t.C {
			h.logger.Printf("export %s: %d/%d rows", account, done.Load(), total)
		}
	}()

	w.Header().Set("Content-Type", "text/csv")
	w.Header().Set("Content-Disposition", "attachment; filename=users.csv")
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"id", "name", "email"})
	err := h.src.Each(account, func(row Row) error {
		done.Add(1)
		return cw.Write([]string{strconv.Itoa(row.ID), row.Name, row.Email})
	})
	cw.Flush()
	if err != nil {
		h.logger.Printf("export %s failed: %v", account, err)
	}
}
