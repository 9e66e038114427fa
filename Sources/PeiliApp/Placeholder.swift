// placeholder, replaced by the PeiliApp work
