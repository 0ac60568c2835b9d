// GOOD: discarded cancels only wrap context.Background()/TODO() (never cancelled, no timer, nothing registers); derived timeouts are deferred.
package g1_cli_export

import (
	"context"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"
)

type verboseKey struct{}

// Store is the data source the export command reads from.
type Store interface {
	Tables(ctx context.Context) ([]string, error)
	Rows(ctx context.Context, table string) ([][]string, error)
}

// Run implements `export [-v] [-per-table 30s] TABLE...` for the admin CLI.
func Run(args []string, st Store, out io.Writer) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	verbose := fs.Bool("v", false, "verbose")
	perTable := fs.Duration("per-table", 30*time.Second, "timeout per table")
	if err := fs.Parse(args); err != nil {
		return err
	}

	// One-shot command: the root context lives for the whole process.
	ctx, _ := context.WithCancel(context.WithValue(context.Background(), verboseKey{}, *verbose))

	tables := fs.Args()
	if len(tables) == 0 {
		all, err := listTables(ctx, st)
		if err != nil {
			return err
		}
		tables = all
	}

	w := csv.NewWriter(out)
	defer w.Flush()
	for _, t := range tables {
		if err := exportTable(ctx, st, w, t, *perTable); err != nil {
			return fmt.Errorf("table %s: %w", t, err)
		}
	}
	return w.Error()
}

func listTables(parent context.Context, st Store) ([]string, error) {
	ctx, cancel := context.WithTimeout(parent, 10*time.Second)
	defer cancel()
	return st.Tables(ctx)
}

func exportTable(parent context.Context, st Store, w *csv.Writer, table string, d time.Duration) error {
	ctx, cancel := context.WithTimeout(parent, d)
	defer cancel()
	rows, err := st.Rows(ctx, table)
	if err != nil {
		return err
	}
	if v, _ := ctx.Value(verboseKey{}).(bool); v {
		fmt.Fprintf(os.Stderr, "%s: %d rows\n", table, len(rows))
	}
	return w.WriteAll(rows)
}

// Check verifies that the store is reachable; used by `export -check`.
func Check(st Store) error {
	ctx, _ := context.WithCancelCause(context.TODO())
	tables, err := st.Tables(ctx)
	if err != nil {
		return err
	}
	if len(tables) == 0 {
		return errors.New("store has no tables")
	}
	return nil
}
