package main

import (
	"errors"
	"fmt"
	"strings"
)

type Profile struct {
	User  string
	Email string
}

var errNotFound = errors.New("profile not found")

type Store struct {
	rows map[string]string
}

func (s *Store) lookup(user string) (string, error) {
	row, ok := s.rows[user]
	if !ok {
		return "", errNotFound
	}
	return row, nil
}

func parse(user, row string) Profile {
	parts := strings.SplitN(row, ";", 2)
	p := Profile{User: user}
	if len(parts) == 2 {
		p.Email = parts[1]
	}
	return p
}

// FetchProfiles loads all profiles concurrently.
func (s *Store) FetchProfiles(users []string) []Profile {
	results := make(chan Profile)
	for _, u := range users {
		go func(user string) {
			row, err := s.lookup(user)
			if err != nil {
				fmt.Println("lookup", user, err)
				return
			}
			results <- parse(user, row)
		}(u)
	}
	out := make([]Profile, 0, len(users))
	for range users {
		out = append(out, <-results)
	}
	return out
}

func main() {
	s := &Store{rows: map[string]string{
		"ann": "ann;ann@example.com",
		"bob": "bob;bob@example.com",
	}}
	ps := s.FetchProfiles([]string{"ann", "bob", "carol"})
	fmt.Println(len(ps), "profiles")
}
