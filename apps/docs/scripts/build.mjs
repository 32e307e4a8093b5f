// The docs site build lands with issue 7; until then the README is the documentation.
