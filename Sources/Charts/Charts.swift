// The Charts module; see DESIGN.md.
