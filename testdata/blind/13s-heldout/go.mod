module blind13s

go 1.26
