module blind13q

go 1.26
