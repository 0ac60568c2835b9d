package pricing

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"
)

type Quote struct {
	SKU      string  `json:"sku"`
	Price    float64 `json:"price"`
	Currency string  `json:"currency"`
}

type Client struct {
	base     string
	http     *http.Client
	deadline time.Duration
	fallback map[string]Quote
}

func NewClient(base string, deadline time.Duration, fallback map[string]Quote) *Client {
	return &Client{base: base, http: &http.Client{}, deadline: deadline, fallback: fallback}
}

type fetched struct {
	q   Quote
	err error
}

func (c *Client) Price(sku string) (Quote, error) {
	results := make(chan fetched)
	go func() {
		q, err := c.fetch(sku)
		results <- fetched{q, err}
	}()

	select {
	case r := <-results:
		if r.err == nil {
			return r.q, nil
		}
	case <-time.After(c.deadline):
	}
	if q, ok := c.fallback[sku]; ok {
		return q, nil
	}
	return Quote{}, errors.New("pricing: no quote for " + sku)
}

func (c *Client) fetch(sku string) (Quote, error) {
	resp, err := c.http.Get(fmt.Sprintf("%s/quotes/%s", c.base, sku))
	if err != nil {
		return Quote{}, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return Quote{}, fmt.Errorf("pricing: %s", resp.Status)
	}
	var q Quote
	err = json.NewDecoder(resp.Body).Decode(&q)
	return q, err
}
