//go:build unix && !linux && !darwin

package main

import "syscall"

// maxRSSBytes assumes KiB, as Linux and the BSDs report ru_maxrss.
func maxRSSBytes(ru *syscall.Rusage) int64 { return ru.Maxrss << 10 }
