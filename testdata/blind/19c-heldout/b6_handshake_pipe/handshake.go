package b6_handshake_pipe

import (
	"bufio"
	"errors"
	"io"
	"strings"
)

const Version = "PROTO/2"

var ErrVersion = errors.New("handshake: version mismatch")

// ClientHello writes the client greeting for the given protocol version and reads the server's answer.
func ClientHello(rw io.ReadWriter, version, name string) (string, error) {
	if _, err := io.WriteString(rw, version+" "+name+"\n"); err != nil {
		return "", err
	}
	line, err := bufio.NewReader(rw).ReadString('\n')
	if err != nil {
		return "", err
	}
	line = strings.TrimSpace(line)
	if !strings.HasPrefix(line, Version) {
		return "", ErrVersion
	}
	return strings.TrimSpace(strings.TrimPrefix(line, Version)), nil
}

// ServerHello reads the greeting and answers with the server's identity.
func ServerHello(rw io.ReadWriter, ident string) (string, error) {
	line, err := bufio.NewReader(rw).ReadString('\n')
	if err != nil {
		return "", err
	}
	fields := strings.Fields(line)
	if len(fields) != 2 || fields[0] != Version {
		io.WriteString(rw, "ERR\n")
		return "", ErrVersion
	}
	_, err = io.WriteString(rw, Version+" "+ident+"\n")
	return fields[1], err
}
