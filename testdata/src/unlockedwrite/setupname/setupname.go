// Package setupname: a counter that a limiter configures once, while
// building itself, before any request can reach the counter. Config
// writes without the lock; a setter clients call at any time does not
// get that trust.
package setupname

import (
	"sync"
	"time"
)

type Counter interface {
	Config(limit int, window time.Duration)
	Incr(key string) int
}

type local struct {
	window time.Duration
	start  time.Time
	counts map[string]int
	mu     sync.Mutex
}

func (c *local) Config(limit int, window time.Duration) {
	c.window = window
	c.start = time.Now().Truncate(window)
}

// SetWindow changes the window while requests are counted.
func (c *local) SetWindow(window time.Duration) {
	c.window = window // want `write to c.window without holding c.mu`
}

func (c *local) Incr(key string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	if time.Since(c.start) > c.window {
		c.start = time.Now()
		c.counts = map[string]int{}
	}
	c.counts[key]++
	return c.counts[key]
}

func (c *local) Reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.window = time.Second
	c.start = time.Now()
}

type Limiter struct {
	counter Counter
}

func NewLimiter(c Counter, limit int, window time.Duration) *Limiter {
	c.Config(limit, window)
	return &Limiter{counter: c}
}

func NewLocal() Counter { return &local{counts: map[string]int{}} }

// App's run loop reads paste and title under no lock of theirs; the
// documentation restricts EnablePaste to the set-up phase, SetTitle
// says nothing.
type App struct {
	mu     sync.Mutex
	paste  bool
	title  string
	events chan string
}

// EnablePaste enables or disables pasting support.
// It must be called before Start or Run or else it will have no effect.
func (a *App) EnablePaste(on bool) {
	a.paste = on
}

// SetTitle changes the title while the application runs.
func (a *App) SetTitle(t string) {
	a.title = t // want `write to a.title without holding a.mu`
}

func (a *App) Start() { go a.run() }

func (a *App) run() {
	for ev := range a.events {
		a.mu.Lock()
		if a.paste || ev != "" {
			a.title = ev
		}
		a.mu.Unlock()
	}
}

func (a *App) Title() string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.title
}

func (a *App) Paste() bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.paste
}
