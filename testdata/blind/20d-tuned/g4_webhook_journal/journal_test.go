package g4_webhook_journal

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestJournalFlushesOnClose(t *testing.T) {
	var a, b bytes.Buffer
	j := NewJournal([]io.Writer{&a, &b})
	for _, id := range []string{"d1", "d2", "d3", "d4"} {
		req := httptest.NewRequest(http.MethodPost, "/hook", strings.NewReader("{}"))
		req.Header.Set("X-Delivery-ID", id)
		rec := httptest.NewRecorder()
		j.ServeHTTP(rec, req)
		if rec.Code != http.StatusNoContent {
			t.Fatalf("status %d", rec.Code)
		}
	}
	j.Close()
	if n := strings.Count(a.String()+b.String(), "\n"); n != 4 {
		t.Fatalf("journaled %d records, want 4", n)
	}
}
