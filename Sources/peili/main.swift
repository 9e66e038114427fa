print("peili")
