public enum TrialModelPlaceholder {}
