module blind13o

go 1.26
