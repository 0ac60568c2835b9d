package g2_catalog_decode

import (
	"encoding/json"
	"fmt"
	"io"
)

type catalogFile struct {
	Version  string    `json:"version"`
	Products []Product `json:"products"`
}

// LoadCatalog decodes a catalog export.
func LoadCatalog(r io.Reader) (*Catalog, error) {
	c := &Catalog{}
	if err := decodeCatalog(c, r); err != nil {
		return nil, err
	}
	return c, nil
}

func decodeCatalog(c *Catalog, r io.Reader) error {
	var f catalogFile
	if err := json.NewDecoder(r).Decode(&f); err != nil {
		return fmt.Errorf("catalog: %w", err)
	}
	if f.Version == "" {
		return fmt.Errorf("catalog: missing version")
	}
	c.fill(f.Version, f.Products)
	return nil
}
