package forecast

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"sync"
)

type Report struct {
	City    string  `json:"city"`
	TempC   float64 `json:"temp_c"`
	Summary string  `json:"summary"`
}

type Client struct {
	BaseURL string
	HTTP    *http.Client
	APIKey  string
}

func (c *Client) Get(city string) (*Report, error) {
	u := c.BaseURL + "/v1/current?" + url.Values{"q": {city}}.Encode()
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("X-Api-Key", c.APIKey)
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("forecast: %s: %s", city, resp.Status)
	}
	var r Report
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		return nil, err
	}
	return &r, nil
}

// GetMany fetches all cities in parallel.
func (c *Client) GetMany(cities []string) (map[string]*Report, error) {
	var (
		mu   sync.Mutex
		wg   sync.WaitGroup
		out  = make(map[string]*Report, len(cities))
		errs []error
	)
	for _, city := range cities {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := c.Get(city)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				errs = append(errs, err)
				return
			}
			out[city] = r
		}()
	}
	wg.Wait()
	if len(errs) > 0 {
		return out, errs[0]
	}
	return out, nil
}
