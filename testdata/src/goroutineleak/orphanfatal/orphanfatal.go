// Returns that a fatal log call rules out: zerolog's Fatal event, sent,
// and logrus's Fatalf exit the process, so the receive is on every
// path that goes on.
package orphanfatal

import (
	"errors"

	"github.com/rs/zerolog/log"
	"github.com/sirupsen/logrus"
)

func load() (int, error) { return 0, errors.New("no") }

func check() error { return nil }

func StartZerolog() int {
	ch := make(chan int)
	go func() {
		n, _ := load()
		ch <- n
	}()
	if err := check(); err != nil {
		log.Fatal().Err(err).Str("step", "check").Msg("cannot start")
		return 0
	}
	return <-ch
}

func StartLogrus() int {
	ch := make(chan int)
	go func() {
		n, _ := load()
		ch <- n
	}()
	if err := check(); err != nil {
		logrus.Fatalf("cannot start: %v", err)
		return 0
	}
	return <-ch
}

func StartLogged() int {
	ch := make(chan int) // want `goroutine leak: the send on unbuffered channel ch blocks forever once the receiver returns without receiving`
	go func() {
		n, _ := load()
		ch <- n
	}()
	if err := check(); err != nil {
		log.Info().Err(err).Msg("cannot start")
		return 0
	}
	return <-ch
}
