// The Assessment module; see DESIGN.md.
