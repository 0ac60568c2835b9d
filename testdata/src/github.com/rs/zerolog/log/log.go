// Package log is a stub of github.com/rs/zerolog/log for tests.
package log

import "github.com/rs/zerolog"

var Logger zerolog.Logger

func Info() *zerolog.Event  { return Logger.Info() }
func Fatal() *zerolog.Event { return Logger.Fatal() }
func Panic() *zerolog.Event { return Logger.Panic() }
