package geo

import (
	"context"
	"errors"
)

type Location struct {
	Country string
	City    string
}

type Provider interface {
	Name() string
	Locate(ip string) (Location, error)
}

type Resolver struct {
	primary   Provider
	secondary Provider
}

func NewResolver(primary, secondary Provider) *Resolver {
	return &Resolver{primary: primary, secondary: secondary}
}

type answer struct {
	loc Location
	err error
	src string
}

var ErrNoAnswer = errors.New("geo: no provider answered")

func (r *Resolver) Locate(ctx context.Context, ip string) (Location, error) {
	answers := make(chan answer, 1)
	for _, p := range []Provider{r.primary, r.secondary} {
		go func(p Provider) {
			loc, err := p.Locate(ip)
			answers <- answer{loc: loc, err: err, src: p.Name()}
		}(p)
	}

	select {
	case a := <-answers:
		if a.err != nil {
			return Location{}, a.err
		}
		return a.loc, nil
	case <-ctx.Done():
		return Location{}, errors.Join(ErrNoAnswer, ctx.Err())
	}
}
