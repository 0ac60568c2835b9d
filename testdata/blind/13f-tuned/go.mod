module blind13f

go 1.26
