package linkcheck

import (
	"net/http"
	"net/url"
	"sync"
	"time"
)

type Broken struct {
	URL    string
	Status int
	Err    error
}

type Checker struct {
	client *http.Client
	host   string
}

func NewChecker(host string) *Checker {
	return &Checker{client: &http.Client{Timeout: 10 * time.Second}, host: host}
}

func (c *Checker) CheckAll(links []string) []Broken {
	var (
		mu     sync.Mutex
		broken []Broken
		wg     sync.WaitGroup
	)
	for _, link := range links {
		wg.Add(1)
		go func(link string) {
			u, err := url.Parse(link)
			if err != nil {
				mu.Lock()
				broken = append(broken, Broken{URL: link, Err: err})
				mu.Unlock()
				return
			}
			if u.Host != "" && u.Host != c.host {
				wg.Done()
				return
			}
			status, err := c.head(u)
			if err != nil || status >= 400 {
				mu.Lock()
				broken = append(broken, Broken{URL: link, Status: status, Err: err})
				mu.Unlock()
			}
			wg.Done()
		}(link)
	}
	wg.Wait()
	return broken
}

func (c *Checker) head(u *url.URL) (int, error) {
	if u.Host == "" {
		u = &url.URL{Scheme: "https", Host: c.host, Path: u.Path, RawQuery: u.RawQuery}
	}
	resp, err := c.client.Head(u.String())
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}
