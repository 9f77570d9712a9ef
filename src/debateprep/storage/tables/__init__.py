"""SQLModel table classes, one module per feature. Schema changes go through migrations."""
