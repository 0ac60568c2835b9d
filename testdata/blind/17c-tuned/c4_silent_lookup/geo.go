package geo

import (
	"errors"
	"net"
	"strings"
	"time"
)

type Location struct {
	Country string
	City    string
}

type Locator struct {
	db      map[string]Location
	timeout time.Duration
}

var ErrSlow = errors.New("geo: lookup timed out")

type answer struct {
	loc Location
	err error
}

func NewLocator(db map[string]Location, timeout time.Duration) *Locator {
	return &Locator{db: db, timeout: timeout}
}

func (l *Locator) Locate(ip string) (Location, error) {
	out := make(chan answer, 1)
	go func() {
		loc, err := l.slowLookup(ip)
		out <- answer{loc, err}
	}()

	timer := time.NewTimer(l.timeout)
	defer timer.Stop()
	select {
	case a := <-out:
		return a.loc, a.err
	case <-timer.C:
		return Location{}, ErrSlow
	}
}

func (l *Locator) slowLookup(ip string) (Location, error) {
	names, err := net.LookupAddr(ip)
	if err != nil {
		return Location{}, err
	}
	for _, n := range names {
		parts := strings.Split(strings.TrimSuffix(n, "."), ".")
		if len(parts) < 2 {
			continue
		}
		if loc, ok := l.db[parts[len(parts)-2]+"."+parts[len(parts)-1]]; ok {
			return loc, nil
		}
	}
	return Location{}, errors.New("geo: unknown " + ip)
}
