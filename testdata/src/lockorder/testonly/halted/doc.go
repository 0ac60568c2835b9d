// Package halted: see ../doc.go.
package halted
