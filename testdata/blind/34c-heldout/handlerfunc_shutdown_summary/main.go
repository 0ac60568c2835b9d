// BAD: bytesIn is a local of serve() captured by the handler, converted with
// http.HandlerFunc and given to http.Server; every request adds to it without a lock,
// and serve() prints it in its shutdown summary.
package main

import (
	"context"
	"errors"
	"io"
	"log"
	"net/http"
	"os"
	"os/signal"
	"time"
)

func serve(ctx context.Context, addr string) error {
	var bytesIn int64
	var started = time.Now()

	ingest := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n, err := io.Copy(io.Discard, r.Body)
		if err != nil {
			http.Error(w, "read failed", http.StatusBadRequest)
			return
		}
		bytesIn += n // want "races with concurrent requests"
		w.WriteHeader(http.StatusNoContent)
	})

	srv := &http.Server{
		Addr:         addr,
		Handler:      ingest,
		ReadTimeout:  10 * time.Second,
		WriteTimeout: 10 * time.Second,
	}

	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()

	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}

	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return err
	}
	log.Printf("ingested %d bytes in %s", bytesIn, time.Since(started).Round(time.Second))
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := serve(ctx, ":8090"); err != nil {
		log.Fatal(err)
	}
}
