module blind13h

go 1.26
