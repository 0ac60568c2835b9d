// GOOD: Submit sends on p.answerCh while holding p.mu only if p.waiting is true, which only ReadAnswer sets in its locked
// section just before unlocking and receiving; Submit resets it before sending and returns errNoPrompt otherwise.
package main

import (
	"bufio"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
)

var errNoPrompt = errors.New("prompt: no question is waiting for an answer")

type Prompt struct {
	mu       sync.Mutex
	waiting  bool
	question string
	history  []string
	answerCh chan string
}

func NewPrompt() *Prompt {
	return &Prompt{answerCh: make(chan string)}
}

// Submit is called by the input goroutine for each line typed by the user.
func (p *Prompt) Submit(line string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.waiting {
		return errNoPrompt
	}
	p.waiting = false
	p.history = append(p.history, p.question+" -> "+line)
	p.answerCh <- line
	return nil
}

// ReadAnswer shows question and waits for the user's answer. It must not be called concurrently.
func (p *Prompt) ReadAnswer(question string) string {
	p.mu.Lock()
	p.question = question
	p.waiting = true
	p.mu.Unlock()
	fmt.Print(question, " ")
	return <-p.answerCh
}

func inputLoop(p *Prompt, r *bufio.Scanner, done <-chan struct{}) {
	for r.Scan() {
		line := strings.TrimSpace(r.Text())
		for p.Submit(line) != nil {
			select {
			case <-done:
				return
			case <-time.After(5 * time.Millisecond):
				// no question shown yet; try again shortly
			}
		}
	}
}

func main() {
	p := NewPrompt()
	done := make(chan struct{})
	in := bufio.NewScanner(strings.NewReader("alice\nyes\n"))
	go inputLoop(p, in, done)

	name := p.ReadAnswer("Name?")
	ok := p.ReadAnswer("Proceed, " + name + "?")
	close(done)
	fmt.Println()
	fmt.Println("answers:", name, ok)
}
