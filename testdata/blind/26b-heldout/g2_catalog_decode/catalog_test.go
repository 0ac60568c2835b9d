package g2_catalog_decode

import (
	"strings"
	"sync"
	"testing"
)

const export = `{"version":"v7","products":[{"sku":"A1","name":"Anvil","price":99.5},{"sku":"B2","name":"Bucket","price":3}]}`

func TestConcurrentReaders(t *testing.T) {
	c, err := LoadCatalog(strings.NewReader(export))
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, ok := c.Lookup("A1"); !ok {
				t.Error("A1 missing")
			}
			_ = c.Search("buc")
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		c.Upsert(Product{SKU: "C3", Name: "Chisel", Price: 12})
	}()
	wg.Wait()
	if v, _ := c.Version(); v != "v7" {
		t.Fatalf("version = %q", v)
	}
}
