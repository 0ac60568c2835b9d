module blind13m

go 1.26
