module blind13d

go 1.26
