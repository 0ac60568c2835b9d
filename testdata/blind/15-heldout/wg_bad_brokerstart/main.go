package wg_bad_brokerstart

import (
	"context"
	"fmt"
	"log"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func (s *Consumer) Shutdown(timeout time.Duration) bool {
	s.cancel()
	done := make(chan struct{})
	go func() {
		s.wg.Wait()
		close(done)
	}()
	select {
	case <-done:
		return true
	case <-time.After(timeout):
		return false
	}
}

func Main() {
	svc := NewConsumer(os.Getenv("BROKER_ADDR"))
	ctx, cancel := context.WithCancel(context.Background())
	svc.cancel = cancel

	go func() {
		if err := svc.Start(ctx); err != nil {
			log.Print(err)
		}
	}()

	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGINT, syscall.SIGTERM)
	<-sig

	if svc.Shutdown(10 * time.Second) {
		fmt.Println("consumer stopped cleanly")
	} else {
		fmt.Println("shutdown timed out")
	}
}
