module blind13

go 1.26
