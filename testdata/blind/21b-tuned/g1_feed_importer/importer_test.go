package g1_feed_importer

import "testing"

func TestImportStages(t *testing.T) {
	im := NewImporter()
	res := im.Import([][]Item{
		{{ID: "a", URL: "https://x/a"}, {ID: "a", URL: "https://x/a"}, {ID: "b", URL: "http://x/b"}},
		{{ID: "c", URL: "https://x/c"}},
	})
	if len(res.Loaded) != 2 || len(res.Skipped) != 1 || len(res.Errors) != 1 {
		t.Fatalf("got %d loaded, %d skipped, %d errors", len(res.Loaded), len(res.Skipped), len(res.Errors))
	}
}
