package driver

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// progress shows, on a terminal, how far a long run is: packages done
// of all those loaded (dependencies included) and one being analyzed,
// on one line of stderr rewritten in place and cleared at the end. A
// nil *progress shows nothing; newProgress returns nil unless stderr
// is a terminal, so redirected output and machine formats never get it.
type progress struct {
	w       io.Writer
	mu      sync.Mutex
	total   int
	count   int
	begun   time.Time
	last    time.Time
	shown   bool
	delay   time.Duration // nothing is shown for runs shorter than this
	refresh time.Duration
}

func newProgress(stderr io.Writer) *progress {
	if !isTerminal(stderr) {
		return nil
	}
	return &progress{w: stderr, delay: time.Second, refresh: 100 * time.Millisecond}
}

// isTerminal reports whether w is a character device (a terminal, on
// Unix and Windows alike) and TERM does not say it cannot move the
// cursor.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || os.Getenv("TERM") == "dumb" {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

func (p *progress) start(units []*unit) {
	if p == nil {
		return
	}
	p.mu.Lock()
	p.total, p.begun = len(units), time.Now()
	p.mu.Unlock()
}

// done counts u as finished and shows it, at most every refresh.
func (p *progress) done(u *unit) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.count++
	now := time.Now()
	if now.Sub(p.begun) < p.delay || now.Sub(p.last) < p.refresh {
		return
	}
	p.last, p.shown = now, true
	// \r and "erase to end of line": the next line overwrites this one.
	fmt.Fprintf(p.w, "\r\x1b[K%s: %d/%d packages, %s", progName(), p.count, p.total, u.pkg.PkgPath)
}

// clear erases the progress line, if one was shown.
func (p *progress) clear() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.shown = false
	}
}
