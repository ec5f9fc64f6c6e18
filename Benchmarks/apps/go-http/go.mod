module example.com/bench-server

go 1.19
