/// The `Registry` module: ClinicalTrials.gov API v2 study records read into values, draft
/// protocols with suggested computable criteria, search and related trials, patient pre-screening.
/// Pure: no I/O; the store keeps the imported records and the shells read files.
public enum RegistryModule {}
