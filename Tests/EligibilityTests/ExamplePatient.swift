/// The README's example patient record (a 62-year-old man with relapsed Ph− B-ALL).
let examplePatientJSON = """
  {
    "id": "P-0001",
    "screeningDate": "2026-11-20",
    "plannedInfusionDate": "2026-12-10",
    "demographics": {
      "birthDate": "1964-03-02", "sex": "male",
      "weight": {"value": 58, "unit": "kg"}, "height": {"value": 171, "unit": "cm"}
    },
    "disease": {
      "diagnosis": "B-ALL", "status": "relapsed", "phStatus": "negative", "remissionMonths": 8,
      "marrowBlasts": {"value": 34, "unit": "%", "date": "2026-11-12"},
      "bloodBlasts": {"value": 3, "unit": "%", "date": "2026-11-18"},
      "extramedullary": "none", "cnsStatus": "CNS1"
    },
    "antigens": [
      {"antigen": "CD19", "result": "positive", "date": "2026-11-12", "method": "flow cytometry",
       "specimen": "bone marrow"}
    ],
    "performance": [{"scale": "ECOG", "score": 1, "date": "2026-11-18"}],
    "labs": {
      "creatinine": {"value": 168, "unit": "µmol/L", "uln": 106, "date": "2026-11-18"},
      "bilirubin": {"value": 0.8, "unit": "mg/dL", "uln": 1.2, "date": "2026-11-18"},
      "alt": {"value": 52, "unit": "U/L", "uln": 40, "date": "2026-11-18"},
      "ast": {"value": 38, "unit": "U/L", "uln": 40, "date": "2026-11-18"},
      "inr": {"value": 1.1, "unit": "ratio", "uln": 1.2},
      "aptt": {"value": 31, "unit": "s", "uln": 40},
      "lvef": {"value": 60, "unit": "%", "date": "2026-11-15"},
      "spo2": {"value": 97, "unit": "%", "oxygen": "roomAir"}
    },
    "viralTests": [
      {"test": "HBsAg", "result": "negative", "date": "2026-11-10"},
      {"test": "HBV-DNA", "result": "negative"}, {"test": "HCV-Ab", "result": "negative"},
      {"test": "HCV-RNA", "result": "negative"}, {"test": "HIV-Ab", "result": "negative"},
      {"test": "TP-Ab", "result": "negative"}, {"test": "EBV-DNA", "result": "negative"},
      {"test": "CMV-DNA", "result": "negative"}
    ],
    "history": {
      "complete": true,
      "events": [
        {"class": "hsct.allogeneic", "date": "2025-06-03"},
        {"class": ["chemotherapy.cytarabine"], "date": "2026-10-01"},
        {"class": "steroid", "date": "2026-11-17", "prednisoneEquivalentMgPerDay": 10},
        {"class": "radiotherapy.cns", "date": "2026-08-01", "site": "cranial"}
      ]
    },
    "plans": {"complete": true, "events": []},
    "conditions": {
      "pregnant": false, "lactating": false, "uncontrolledInfection": false, "activeGvhd": false,
      "cnsDisease": false, "cnsInvolvementSuspected": false,
      "supportiveCareOngoing": false, "activeAutoimmuneDisease": false,
      "nyhaClass": 1, "dyspneaGrade": 0
    },
    "consent": {"signed": true, "date": "2026-11-16"},
    "lifeExpectancy": {"value": 6, "unit": "months"},
    "attestations": [
      {"protocol": "NCT05350787", "criterion": "E12", "verdict": "met", "by": "Dr Chen", "date": "2026-11-19"}
    ]
  }
  """
