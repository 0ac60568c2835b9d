// Command guidemain is the guide's §8.1/§8.2 main functions: main.main is
// not checked, since returning from it ends the process.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func run(ctx context.Context) { <-ctx.Done() }

// guide §8.1 main: good.
func pool() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	run(ctx)
}

// guide §8.2 main: cancel() after <-sigChan; and, being main, not
// checked even where it would leak elsewhere.
func main() {
	pool()
	ctx, cancel := context.WithCancel(context.Background())
	sigChan := make(chan os.Signal, 1)
	signal.Notify(sigChan, syscall.SIGINT, syscall.SIGTERM)
	go run(ctx)
	<-sigChan
	cancel()

	leaky, _ := context.WithTimeout(context.Background(), time.Second)
	if len(os.Args) > 1 {
		return
	}
	run(leaky)
}
