// GOOD: InitDB is the process's one-time database set-up; dbCron and vacuumLoop run for the process lifetime on the package-level db handle.
package g2_db_cron

import (
	"context"
	"database/sql"
	"errors"
	"log"
	"os"
	"time"
)

var db *sql.DB

// InitDB opens the application database from APP_DSN and starts
// the maintenance jobs. Call it once during start-up.
func InitDB() error {
	dsn := os.Getenv("APP_DSN")
	if dsn == "" {
		return errors.New("APP_DSN not set")
	}
	d, err := sql.Open("postgres", dsn)
	if err != nil {
		return err
	}
	d.SetMaxOpenConns(20)
	d.SetConnMaxIdleTime(5 * time.Minute)
	if err := d.Ping(); err != nil {
		d.Close()
		return err
	}
	db = d
	go dbCron()
	go vacuumLoop()
	return nil
}

// dbCron expires stale sessions and password-reset tokens every minute.
func dbCron() {
	for {
		time.Sleep(time.Minute)
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		if _, err := db.ExecContext(ctx, `DELETE FROM sessions WHERE expires_at < now()`); err != nil {
			log.Printf("cron: expire sessions: %v", err)
		}
		if _, err := db.ExecContext(ctx, `DELETE FROM reset_tokens WHERE created_at < now() - interval '1 day'`); err != nil {
			log.Printf("cron: expire reset tokens: %v", err)
		}
		cancel()
	}
}

// vacuumLoop runs VACUUM ANALYZE on the hot tables every six hours.
func vacuumLoop() {
	t := time.NewTicker(6 * time.Hour)
	defer t.Stop()
	for range t.C {
		for _, table := range []string{"sessions", "events"} {
			if _, err := db.Exec("VACUUM ANALYZE " + table); err != nil {
				log.Printf("vacuum %s: %v", table, err)
			}
		}
	}
}

// UserEmail looks up a user's email address.
func UserEmail(ctx context.Context, id int64) (string, error) {
	var email string
	err := db.QueryRowContext(ctx, `SELECT email FROM users WHERE id = $1`, id).Scan(&email)
	return email, err
}
