// Entry point: ArgumentParser parses, `Output` writes its messages; every command reports its
// own failures as one line.
Output.main(Peili.self)
