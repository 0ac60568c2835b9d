// Package logrus is a stub of github.com/sirupsen/logrus for tests.
package logrus

import "os"

type Logger struct{}

func (l *Logger) Fatalf(format string, args ...any) { os.Exit(1) }

func Fatal(args ...any)                 { os.Exit(1) }
func Fatalf(format string, args ...any) { os.Exit(1) }
func Infof(format string, args ...any)  {}
