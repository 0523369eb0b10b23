// The Eligibility module; see DESIGN.md.
