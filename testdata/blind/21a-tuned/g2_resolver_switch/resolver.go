// GOOD: every return of Lookup after context.WithDeadline, including the switch default, calls cancel first.
package g2_resolver_switch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
	"time"
)

type QType string

const (
	TypeA   QType = "A"
	TypeSRV QType = "SRV"
	TypeTXT QType = "TXT"
)

type Query struct {
	Name     string
	Type     QType
	Deadline time.Time
}

type Answer struct {
	Records []string
}

var errUnsupported = errors.New("resolver: unsupported query type")

type Resolver struct {
	r     *net.Resolver
	cache map[string]Answer
}

func NewResolver() *Resolver {
	return &Resolver{r: net.DefaultResolver, cache: make(map[string]Answer)}
}

// Lookup answers q, giving up at q.Deadline.
func (res *Resolver) Lookup(ctx context.Context, q Query) (Answer, error) {
	ctx, cancel := context.WithDeadline(ctx, q.Deadline)
	name := strings.TrimSuffix(strings.ToLower(q.Name), ".")
	if name == "" {
		cancel()
		return Answer{}, errors.New("resolver: empty name")
	}
	if a, ok := res.cache[string(q.Type)+" "+name]; ok {
		cancel()
		return a, nil
	}
	var recs []string
	switch q.Type {
	case TypeA:
		ips, err := res.r.LookupHost(ctx, name)
		if err != nil {
			cancel()
			return Answer{}, err
		}
		recs = ips
	case TypeSRV:
		_, srvs, err := res.r.LookupSRV(ctx, "", "", name)
		if err != nil {
			cancel()
			return Answer{}, err
		}
		for _, s := range srvs {
			recs = append(recs, fmt.Sprintf("%s:%d", s.Target, s.Port))
		}
	case TypeTXT:
		txt, err := res.r.LookupTXT(ctx, name)
		if err != nil {
			cancel()
			return Answer{}, err
		}
		recs = txt
	default:
		cancel()
		return Answer{}, fmt.Errorf("%w: %q", errUnsupported, q.Type)
	}
	cancel()
	a := Answer{Records: recs}
	res.cache[string(q.Type)+" "+name] = a
	return a, nil
}
