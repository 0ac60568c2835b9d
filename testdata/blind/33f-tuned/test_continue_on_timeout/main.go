// BAD: the table-driven test skips a case with `continue` when waitFor times out,
// so the test passes while that case's parser goroutine is blocked forever on its
// send to the unbuffered channel.
package main

import (
	"fmt"
	"strconv"
	"strings"
)

// Duration units accepted by ParseSpan.
var units = map[string]int{
	"s": 1,
	"m": 60,
	"h": 3600,
	"d": 86400,
}

// ParseSpan parses spans such as "1h30m" or "2d" into seconds.
func ParseSpan(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, fmt.Errorf("empty span")
	}
	total := 0
	num := ""
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			num += string(r)
		default:
			mult, ok := units[string(r)]
			if !ok {
				return 0, fmt.Errorf("unknown unit %q in %q", r, s)
			}
			if num == "" {
				return 0, fmt.Errorf("missing number before %q in %q", r, s)
			}
			n, err := strconv.Atoi(num)
			if err != nil {
				return 0, err
			}
			total += n * mult
			num = ""
		}
	}
	if num != "" {
		return 0, fmt.Errorf("trailing number without unit in %q", s)
	}
	return total, nil
}

func main() {
	for _, arg := range []string{"1h30m", "2d", "45s"} {
		secs, err := ParseSpan(arg)
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Printf("%s = %ds\n", arg, secs)
	}
}
