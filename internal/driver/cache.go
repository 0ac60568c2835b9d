package driver

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"flag"
	"fmt"
	"go/build"
	"go/types"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"sort"
	"sync"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/objectpath"
)

// A cache keeps, for each package analyzed, the facts it exports and,
// for a package named on the command line, what was reported on it,
// under a key that covers everything they depend on: goconcheck's own
// executable, the analyzers and their flags, the package's files and
// the keys of its imports. A second run on unchanged code reads every
// result back without type-checking anything; a run after an edit
// analyzes the edited package and its importers again, and type-checks
// only their dependencies, whose facts it reads back.
//
// It lives in $GOCONCHECK_CACHE, else goconcheck/ in the user's cache
// directory; GOCONCHECK_CACHE=off disables it. Entries are never
// modified, only added, and like the go command's cache, removed once
// unused for five days (see trim); deleting the directory is always safe.
type cache struct {
	dir  string
	tool [32]byte // the executable, the analyzers and their flags, the build
}

// An entry is what the cache holds for one package.
type entry struct {
	Facts  []encodedFact
	Result *pkgResult // what was found on a root, nil if nothing
}

type encodedFact struct {
	Path objectpath.Path // "" for a package fact
	Fact analysis.Fact
}

func openCache(analyzers []*analysis.Analyzer, tags string) *cache {
	dir := os.Getenv("GOCONCHECK_CACHE")
	switch dir {
	case "off":
		return nil
	case "":
		base, err := os.UserCacheDir()
		if err != nil {
			return nil
		}
		dir = filepath.Join(base, "goconcheck")
	}
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return nil
	}
	self, err := os.Executable()
	if err != nil {
		return nil
	}
	f, err := os.Open(self)
	if err != nil {
		return nil
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return nil
	}
	fmt.Fprintf(h, "\x00%s %s %s tags=%s\x00", runtime.Version(), build.Default.GOOS, build.Default.GOARCH, tags)
	for _, a := range analyzers {
		fmt.Fprintf(h, "%s\x00", a.Name)
		a.Flags.VisitAll(func(fl *flag.Flag) { fmt.Fprintf(h, "%s=%s\x00", fl.Name, fl.Value) })
	}
	registerFacts(analyzers, make(map[*analysis.Analyzer]bool))
	c := &cache{dir: dir}
	h.Sum(c.tool[:0])
	return c
}

// registerFacts tells gob the fact types of analyzers and of those
// they require.
func registerFacts(analyzers []*analysis.Analyzer, seen map[*analysis.Analyzer]bool) {
	for _, a := range analyzers {
		if seen[a] {
			continue
		}
		seen[a] = true
		for _, t := range a.FactTypes {
			gob.Register(t)
		}
		registerFacts(a.Requires, seen)
	}
}

// lookup sets the cache key of every unit and its entry, if any.
func (c *cache) lookup(units []*unit) {
	c.keys(units)
	var wg sync.WaitGroup
	work := make(chan *unit)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for u := range work {
				u.cached = c.get(u.key)
			}
		})
	}
	for _, u := range units {
		work <- u
	}
	close(work)
	wg.Wait()
}

// keys sets the cache key of every unit, dependencies first.
func (c *cache) keys(units []*unit) {
	// Hash the files in parallel; combine in order.
	fileSums := make([][32]byte, len(units))
	var wg sync.WaitGroup
	work := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range work {
				fileSums[i] = hashFiles(units[i].pkg.CompiledGoFiles)
			}
		})
	}
	for i := range units {
		work <- i
	}
	close(work)
	wg.Wait()

	for i, u := range units {
		h := sha256.New()
		h.Write(c.tool[:])
		fmt.Fprintf(h, "%s\x00%s\x00root=%t\x00", u.pkg.ID, u.pkg.PkgPath, u.root)
		if m := u.pkg.Module; m != nil {
			fmt.Fprintf(h, "go=%s\x00", m.GoVersion)
		}
		h.Write(fileSums[i][:])
		for j, d := range u.deps {
			fmt.Fprintf(h, "%s=%x\x00", u.paths[j], d.key)
		}
		h.Sum(u.key[:0])
	}
}

// hashFiles hashes the names and contents of files; a file that cannot
// be read hashes as such, and the package will fail to load anyway.
func hashFiles(files []string) [32]byte {
	h := sha256.New()
	for _, name := range files {
		fmt.Fprintf(h, "%s\x00", name)
		if f, err := os.Open(name); err == nil {
			n, _ := io.Copy(h, f)
			f.Close()
			fmt.Fprintf(h, "\x00%d\x00", n)
		} else {
			fmt.Fprintf(h, "\x00error\x00")
		}
	}
	var sum [32]byte
	h.Sum(sum[:0])
	return sum
}

func (c *cache) file(key [32]byte) string {
	s := hex.EncodeToString(key[:])
	return filepath.Join(c.dir, s[:2], s)
}

// get returns the entry of key, if there is one that decodes.
func (c *cache) get(key [32]byte) *entry {
	name := c.file(key)
	data, err := os.ReadFile(name)
	if err != nil {
		return nil
	}
	c.used(name)
	e := new(entry)
	if gob.NewDecoder(bytes.NewReader(data)).Decode(e) != nil {
		return nil
	}
	return e
}

// put stores e under key. Failing to is not an error: the next run
// analyzes the package again.
func (c *cache) put(key [32]byte, e *entry) {
	var buf bytes.Buffer
	if gob.NewEncoder(&buf).Encode(e) != nil {
		return
	}
	name := c.file(key)
	if os.MkdirAll(filepath.Dir(name), 0o777) != nil {
		return
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), "tmp-")
	if err != nil {
		return
	}
	_, werr := tmp.Write(buf.Bytes())
	cerr := tmp.Close()
	if werr != nil || cerr != nil || os.Rename(tmp.Name(), name) != nil {
		os.Remove(tmp.Name())
	}
}

// encodeFacts turns the facts of pkg into cacheable form.
func encodeFacts(fs *factSet) []encodedFact {
	out := make([]encodedFact, 0, len(fs.objects)+len(fs.packages))
	enc := new(objectpath.Encoder)
	for k, f := range fs.objects {
		p, err := enc.For(k.obj)
		if err != nil {
			// An object without a path (an unexported function, say)
			// cannot be named by an importer either: its facts serve
			// only the package itself, which is done. go vet drops
			// them the same way.
			continue
		}
		out = append(out, encodedFact{Path: p, Fact: f})
	}
	for _, f := range fs.packages {
		out = append(out, encodedFact{Fact: f})
	}
	// A deterministic order, so that equal facts give equal bytes.
	sort.Slice(out, func(i, j int) bool {
		if out[i].Path != out[j].Path {
			return out[i].Path < out[j].Path
		}
		return reflect.TypeOf(out[i].Fact).String() < reflect.TypeOf(out[j].Fact).String()
	})
	return out
}

// decodeFacts is the inverse of encodeFacts, given pkg's types.
func decodeFacts(pkg *types.Package, facts []encodedFact) (*factSet, error) {
	fs := newFactSet()
	for _, f := range facts {
		if f.Path == "" {
			fs.packages[reflect.TypeOf(f.Fact)] = f.Fact
			continue
		}
		obj, err := objectpath.Object(pkg, f.Path)
		if err != nil {
			return nil, fmt.Errorf("cached fact on %s.%s: %v", pkg.Path(), f.Path, err)
		}
		fs.objects[objectKey{obj, reflect.TypeOf(f.Fact)}] = f.Fact
	}
	return fs, nil
}

// The go command's cache policy: an entry's modification time is when
// it was last used (refreshed at most hourly, to save writes), and
// entries unused for five days are removed, in a sweep at most daily.
const (
	refreshAge = time.Hour
	trimAge    = 5 * 24 * time.Hour
	trimEvery  = 24 * time.Hour
)

// used marks the entry file name as used now.
func (c *cache) used(name string) {
	if fi, err := os.Stat(name); err == nil && time.Since(fi.ModTime()) > refreshAge {
		now := time.Now()
		_ = os.Chtimes(name, now, now)
	}
}

// trim removes the entries unused for trimAge, if the last sweep is
// trimEvery ago. Errors only leave entries behind.
func (c *cache) trim(now time.Time) {
	stamp := filepath.Join(c.dir, "trim.txt")
	if fi, err := os.Stat(stamp); err == nil && now.Sub(fi.ModTime()) < trimEvery {
		return
	}
	dirs, _ := os.ReadDir(c.dir)
	for _, d := range dirs {
		if !d.IsDir() || len(d.Name()) != 2 {
			continue
		}
		sub := filepath.Join(c.dir, d.Name())
		files, _ := os.ReadDir(sub)
		for _, f := range files {
			if fi, err := f.Info(); err == nil && now.Sub(fi.ModTime()) > trimAge {
				os.Remove(filepath.Join(sub, f.Name()))
			}
		}
	}
	_ = os.WriteFile(stamp, []byte(now.Format(time.RFC3339)+"\n"), 0o666)
}
