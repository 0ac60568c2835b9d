package validate

import (
	"errors"
	"fmt"
	"strings"
)

type Record struct {
	ID    string
	Email string
	Age   int
}

type Report struct {
	Checked int
	Errors  []error
}

func checkRecord(r Record) error {
	switch {
	case r.ID == "":
		return errors.New("missing id")
	case !strings.Contains(r.Email, "@"):
		return fmt.Errorf("%s: bad email %q", r.ID, r.Email)
	case r.Age < 0 || r.Age > 150:
		return fmt.Errorf("%s: bad age %d", r.ID, r.Age)
	}
	return nil
}

func Run(records []Record, maxErrors int) Report {
	errc := make(chan error)
	var rep Report
	for _, r := range records {
		rep.Checked++
		if err := checkRecord(r); err != nil {
			errc <- err
		}
	}
	close(errc)
	for err := range errc {
		rep.Errors = append(rep.Errors, err)
		if len(rep.Errors) >= maxErrors {
			break
		}
	}
	return rep
}
