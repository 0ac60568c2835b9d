package bundle

import (
	"crypto/sha256"
	"fmt"
	"sort"
)

type entry struct {
	path string
	sum  [32]byte
}

// Manifest collects file digests; once Seal is called it is read-only.
type Manifest struct {
	entries []entry
	sealed  bool
	digest  [32]byte
}

func (m *Manifest) Add(path string, content []byte) int {
	if m.sealed {
		panic(fmt.Sprintf("bundle: Add(%q) after Seal", path))
	}
	m.entries = append(m.entries, entry{path: path, sum: sha256.Sum256(content)})
	return len(m.entries)
}

func (m *Manifest) Seal() [32]byte {
	if !m.sealed {
		sort.Slice(m.entries, func(i, j int) bool { return m.entries[i].path < m.entries[j].path })
		h := sha256.New()
		for _, e := range m.entries {
			h.Write([]byte(e.path))
			h.Write(e.sum[:])
		}
		copy(m.digest[:], h.Sum(nil))
		m.sealed = true
	}
	return m.digest
}

func (m *Manifest) Len() int { return len(m.entries) }
