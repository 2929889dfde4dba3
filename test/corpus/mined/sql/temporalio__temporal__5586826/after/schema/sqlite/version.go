package sqlite

// Version is the SQLite database release version
const Version = "0.11"

// VisibilityVersion is the SQLite visibility database release version
const VisibilityVersion = "0.1"
