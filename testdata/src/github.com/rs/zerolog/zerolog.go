// Package zerolog is a stub of github.com/rs/zerolog for tests: the
// shapes of its API that decide whether a call returns.
package zerolog

import "os"

type Level int

const (
	InfoLevel Level = iota
	FatalLevel
	PanicLevel
)

type Logger struct{}

type Event struct{ level Level }

func (l Logger) Info() *Event  { return &Event{InfoLevel} }
func (l Logger) Fatal() *Event { return &Event{FatalLevel} }
func (l Logger) Panic() *Event { return &Event{PanicLevel} }

func (e *Event) Err(err error) *Event         { return e }
func (e *Event) Str(key, val string) *Event   { return e }
func (e *Event) Msgf(format string, v ...any) { e.Msg(format) }
func (e *Event) Send()                        { e.Msg("") }

func (e *Event) Msg(msg string) {
	switch e.level {
	case FatalLevel:
		os.Exit(1)
	case PanicLevel:
		panic(msg)
	}
}
