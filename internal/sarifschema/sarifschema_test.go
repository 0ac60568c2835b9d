package sarifschema

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// schemaText is the SARIF 2.1.0 schema as the go-sarif module ships it:
// the text of a Go raw string constant in its v210 package.
func schemaText(t *testing.T) []byte {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/owenrumney/go-sarif/v3").Output()
	if err != nil {
		t.Fatalf("locating go-sarif: %v", err)
	}
	src, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(out)), "pkg", "report", "v210", "sarif", "schema.go"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(src), "const schema = `")
	text, _, ok2 := strings.Cut(rest, "`")
	if !ok || !ok2 || !strings.Contains(text, "SARIF) Version 2.1.0 JSON Schema") {
		t.Fatalf("no SARIF 2.1.0 schema in go-sarif's schema.go")
	}
	return []byte(text)
}

func compile(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemaText(t)))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	const url = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// goconcheckSARIF builds goconcheck from this repository and runs it
// with -format=sarif on the sample module of the end-to-end tests.
func goconcheckSARIF(t *testing.T) []byte {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "goconcheck")
	build := exec.Command("go", "build", "-o", bin, "./cmd/goconcheck")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building goconcheck: %v\n%s", err, out)
	}
	run := exec.Command(bin, "-format=sarif", "./...")
	run.Dir = filepath.Join(root, "testdata", "modules", "sample")
	var stdout, stderr bytes.Buffer
	run.Stdout, run.Stderr = &stdout, &stderr
	err = run.Run()
	if ee, ok := err.(*exec.ExitError); err != nil && !(ok && ee.ExitCode() == 3) {
		t.Fatalf("goconcheck -format=sarif: %v\n%s", err, stderr.String())
	}
	return stdout.Bytes()
}

func TestSARIFValidates(t *testing.T) {
	schema := compile(t)
	out := goconcheckSARIF(t)
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(doc); err != nil {
		t.Errorf("goconcheck's SARIF does not validate against the SARIF 2.1.0 schema: %v", err)
	}
	var log struct {
		Runs []struct{ Results []struct{ CodeFlows []any } }
	}
	if err := json.Unmarshal(out, &log); err != nil || len(log.Runs) != 1 || len(log.Runs[0].Results) == 0 {
		t.Fatalf("no results to validate (%v):\n%s", err, out)
	}

	// The validator is not lenient: the same log with a result whose
	// level is not one SARIF defines fails.
	bad := bytes.Replace(out, []byte(`"level": "warning"`), []byte(`"level": "severe"`), 1)
	doc, err = jsonschema.UnmarshalJSON(bytes.NewReader(bad))
	if err != nil {
		t.Fatal(err)
	}
	if schema.Validate(doc) == nil {
		t.Errorf("a result of level \"severe\" validates")
	}
}
