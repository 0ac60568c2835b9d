package wg_bad_indexdaemon

import (
	"context"
	"log"
	"os"
	"os/signal"
	"syscall"
)

// Daemon runs the indexer until SIGINT/SIGTERM and then drains it.
func Daemon(shards int) {
	ix := NewIndexer(shards)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM)

	go ix.Run(ctx)

	s := <-sigs
	log.Printf("got %v, draining", s)
	cancel()
	ix.wg.Wait()
	log.Print("index flushed")
}
