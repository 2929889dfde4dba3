package v8

// NOTE: whenever there is a new database schema update, plz update the following versions

// Version is the MySQL database release version
const Version = "1.18"

// VisibilityVersion is the MySQL visibility database release version
const VisibilityVersion = "1.13"
