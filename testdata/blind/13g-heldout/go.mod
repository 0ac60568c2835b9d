module blind13g

go 1.26
