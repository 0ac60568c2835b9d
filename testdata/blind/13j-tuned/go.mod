module blind13j

go 1.26.0
