/// The `Exports` module: a trial's state in the formats regulators and data warehouses read —
/// CDISC SDTM (SDTMIG 3.4) as CSV domains, HL7 FHIR R4 as a JSON Bundle, CDISC ODM 1.3.2 as XML with
/// its audit trail. Pure: built from ``TrialConduct/TrialState``; the shells write the files.
public enum ExportsModule {}
