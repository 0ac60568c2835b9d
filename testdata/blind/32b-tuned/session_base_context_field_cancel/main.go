// BAD: OpenSession keeps the 30-minute session context for later queries and stores its cancel in
// s.cancel, but Close (and everything else) never calls it, so the session context is never released.
package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

type Session struct {
	db      *sql.DB
	user    string
	baseCtx context.Context
	cancel  context.CancelFunc
	perStmt time.Duration
}

// OpenSession starts a user session whose queries are all bounded by the session lifetime.
func OpenSession(parent context.Context, db *sql.DB, user string) *Session {
	ctx, cancel := context.WithTimeout(parent, 30*time.Minute) // want "never called"
	return &Session{
		db:      db,
		user:    user,
		baseCtx: ctx,
		cancel:  cancel,
		perStmt: 5 * time.Second,
	}
}

func (s *Session) Orders(limit int) ([]string, error) {
	ctx, cancel := context.WithTimeout(s.baseCtx, s.perStmt)
	defer cancel()
	rows, err := s.db.QueryContext(ctx,
		"SELECT id FROM orders WHERE owner = ? ORDER BY created DESC LIMIT ?", s.user, limit)
	if err != nil {
		return nil, fmt.Errorf("orders for %s: %w", s.user, err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

func (s *Session) Touch() error {
	ctx, cancel := context.WithTimeout(s.baseCtx, s.perStmt)
	defer cancel()
	_, err := s.db.ExecContext(ctx, "UPDATE users SET last_seen = ? WHERE name = ?", time.Now(), s.user)
	return err
}

// Close ends the session.
func (s *Session) Close() error {
	if s.db == nil {
		return errors.New("session already closed")
	}
	s.db = nil
	return nil
}

func main() {
	db, err := sql.Open("sqlite3", "file:shop.db")
	if err != nil {
		fmt.Println("open:", err)
		return
	}
	defer db.Close()

	s := OpenSession(context.Background(), db, "alice")
	defer s.Close()
	if err := s.Touch(); err != nil {
		fmt.Println("touch:", err)
	}
	ids, err := s.Orders(10)
	fmt.Println(ids, err)
}
