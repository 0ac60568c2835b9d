package poller

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"time"
)

type Poller struct {
	url    string
	client *http.Client

	mu     sync.Mutex
	status int
	err    error

	cancel context.CancelFunc
	done   chan struct{}
	fatal  chan struct{}
	once   sync.Once
}

func Start(url string, every time.Duration) *Poller {
	ctx, cancel := context.WithCancel(context.Background())
	p := &Poller{
		url:    url,
		client: &http.Client{Timeout: 5 * time.Second},
		cancel: cancel,
		done:   make(chan struct{}),
		fatal:  make(chan struct{}),
	}
	go p.loop(ctx, every)
	return p
}

func (p *Poller) loop(ctx context.Context, every time.Duration) {
	defer close(p.done)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		code, err := p.fetch(ctx)
		p.mu.Lock()
		p.status, p.err = code, err
		p.mu.Unlock()
		if errors.Is(err, errGone) {
			p.once.Do(func() { close(p.fatal) })
			return
		}
	}
}

var errGone = errors.New("endpoint gone")

func (p *Poller) fetch(ctx context.Context) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, p.url, nil)
	if err != nil {
		return 0, err
	}
	resp, err := p.client.Do(req)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	if resp.StatusCode == http.StatusGone {
		return resp.StatusCode, errGone
	}
	return resp.StatusCode, nil
}

func (p *Poller) Fatal() <-chan struct{} { return p.fatal }

func (p *Poller) Close() error {
	p.cancel()
	<-p.done
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.err
}
