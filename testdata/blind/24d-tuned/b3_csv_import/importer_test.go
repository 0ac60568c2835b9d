package b3_csv_import

import (
	"strings"
	"testing"
)

func TestStream(t *testing.T) {
	in := "sku,qty,price\nA1,2,3.5\nB2,x,1\nC3,1,9\n"
	im := &Importer{SkipInvalid: true}
	recs, errc := im.Stream(strings.NewReader(in))
	var got []Record
	for r := range recs {
		got = append(got, r)
	}
	if err := <-errc; err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("got %d records, want 2", len(got))
	}
}
