// Entry point: ArgumentParser parses; every command reports its own failures as one line.
Peili.main()
