// placeholder, replaced by the PeiliTerminal work
