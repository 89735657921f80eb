"""One function per user action, used by both faces (the command line and the window). Each mutation is one transaction and returns a change record."""
