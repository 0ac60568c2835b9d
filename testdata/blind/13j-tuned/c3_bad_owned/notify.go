package notify

import (
	"crypto/hmac"
	"crypto/sha256"
	"maps"
	"sync"
)

// Envelope carries a notification to a webhook endpoint.
type Envelope struct {
	Event   string
	Body    []byte
	Headers map[string]string
	Sig     []byte
}

func (e *Envelope) copy() *Envelope {
	return &Envelope{
		Event:   e.Event,
		Body:    append([]byte(nil), e.Body...),
		Headers: maps.Clone(e.Headers),
	}
}

// seal signs the body with the endpoint's secret.
func (e *Envelope) seal(secret []byte) {
	mac := hmac.New(sha256.New, secret)
	mac.Write(e.Body)
	e.Sig = mac.Sum(nil)
}

// Endpoint is one webhook target.
type Endpoint struct {
	URL          string
	Secret       []byte
	CustomHeader bool
	Send         func(e *Envelope) error
}

// Dispatcher fans an event out to every endpoint.
type Dispatcher struct {
	mu        sync.Mutex
	endpoints []*Endpoint
	failures  map[string]int
}

// Add registers an endpoint.
func (d *Dispatcher) Add(ep *Endpoint) {
	d.mu.Lock()
	d.endpoints = append(d.endpoints, ep)
	d.mu.Unlock()
}

// Dispatch sends the event to every endpoint concurrently.
func (d *Dispatcher) Dispatch(event string, body []byte) {
	env := &Envelope{Event: event, Body: body, Headers: map[string]string{"x-event": event}}
	d.mu.Lock()
	eps := append([]*Endpoint(nil), d.endpoints...)
	d.mu.Unlock()

	var wg sync.WaitGroup
	for _, ep := range eps {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := d.send(ep, env); err != nil {
				d.mu.Lock()
				if d.failures == nil {
					d.failures = map[string]int{}
				}
				d.failures[ep.URL]++
				d.mu.Unlock()
			}
		}()
	}
	wg.Wait()
}

func (d *Dispatcher) send(ep *Endpoint, e *Envelope) error {
	if ep.CustomHeader {
		e = e.copy()
		e.Headers["x-endpoint"] = ep.URL
	}
	e.seal(ep.Secret)
	return ep.Send(e)
}
