module blind13n

go 1.26
