module blind17d

go 1.26
