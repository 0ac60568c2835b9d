// Package b3_csv_import streams typed records out of a CSV file.
package b3_csv_import

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
)

// Record is one imported row.
type Record struct {
	SKU   string
	Qty   int
	Price float64
}

// Importer converts CSV rows into Records.
type Importer struct {
	SkipInvalid bool
}

// Stream starts parsing r in the background. Records are delivered on the
// first channel; at most one error is delivered on the second.
func (im *Importer) Stream(r io.Reader) (<-chan Record, <-chan error) {
	out := make(chan Record, 32)
	errc := make(chan error, 1)
	go im.run(r, out, errc)
	return out, errc
}

func columnIndex(header []string, names ...string) (map[string]int, error) {
	idx := make(map[string]int, len(names))
	for i, h := range header {
		idx[h] = i
	}
	for _, n := range names {
		if _, ok := idx[n]; !ok {
			return nil, fmt.Errorf("missing column %q", n)
		}
	}
	return idx, nil
}

func convert(row []string, idx map[string]int) (Record, error) {
	qty, err := strconv.Atoi(row[idx["qty"]])
	if err != nil {
		return Record{}, fmt.Errorf("qty: %w", err)
	}
	price, err := strconv.ParseFloat(row[idx["price"]], 64)
	if err != nil {
		return Record{}, fmt.Errorf("price: %w", err)
	}
	return Record{SKU: row[idx["sku"]], Qty: qty, Price: price}, nil
}

func (im *Importer) run(r io.Reader, out chan<- Record, errc chan<- error) {
	defer close(errc)
	cr := csv.NewReader(r)
	header, err := cr.Read()
	if err != nil {
		errc <- fmt.Errorf("read header: %w", err)
		close(out)
		return
	}
	idx, err := columnIndex(header, "sku", "qty", "price")
	if err != nil {
		errc <- err
		close(out)
		return
	}
	for line := 2; ; line++ {
		row, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			errc <- fmt.Errorf("line %d: %w", line, err)
			close(out)
			break
		}
		rec, err := convert(row, idx)
		if err != nil {
			if im.SkipInvalid {
				continue
			}
			errc <- fmt.Errorf("line %d: %w", line, err)
			break
		}
		out <- rec
	}
	close(out) // BAD: the read-error path above already closed out and only breaks out of the loop
}
