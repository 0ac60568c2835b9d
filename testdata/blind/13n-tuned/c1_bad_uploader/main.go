// Command uploader batches sensor readings and writes each batch to the
// outbox directory where the shipping agent picks them up.
package main

import (
	"encoding/json"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"
)

type Reading struct {
	Sensor string    `json:"sensor"`
	Value  float64   `json:"value"`
	At     time.Time `json:"at"`
}

type Batch struct {
	ID       int       `json:"id"`
	Readings []Reading `json:"readings"`
}

type Uploader struct {
	dir string
}

func (u *Uploader) Upload(b Batch) error {
	data, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		return err
	}
	tmp := filepath.Join(u.dir, fmt.Sprintf(".batch-%03d.tmp", b.ID))
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(u.dir, fmt.Sprintf("batch-%03d.json", b.ID)))
}

func makeBatches(sensors []string, perBatch, count int) []Batch {
	now := time.Now()
	var out []Batch
	for id := 0; id < count; id++ {
		b := Batch{ID: id}
		for i := 0; i < perBatch; i++ {
			s := sensors[(id+i)%len(sensors)]
			b.Readings = append(b.Readings, Reading{
				Sensor: s,
				Value:  float64((id*31+i*7)%1000) / 10,
				At:     now.Add(time.Duration(id*perBatch+i) * time.Second),
			})
		}
		out = append(out, b)
	}
	return out
}

func main() {
	dir := filepath.Join(os.TempDir(), "sensor-outbox")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		log.Fatal(err)
	}
	up := &Uploader{dir: dir}

	batches := makeBatches([]string{"temp-1", "temp-2", "humidity", "pressure"}, 250, 12)
	for _, b := range batches {
		go func(b Batch) {
			if err := up.Upload(b); err != nil {
				log.Printf("batch %d: %v", b.ID, err)
				return
			}
			log.Printf("batch %d: %d readings written", b.ID, len(b.Readings))
		}(b)
	}

	// Uploads are small; half a second is plenty for them to land.
	time.Sleep(500 * time.Millisecond)
	fmt.Printf("outbox: %s\n", dir)
}
