// The Analysis module; see DESIGN.md.
