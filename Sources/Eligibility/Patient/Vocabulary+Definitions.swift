extension BooleanFact {
  /// What a recorder fills in for this fact: its definition as the criteria use it. The README's
  /// table "Facts a recorder fills in" lists every `conditions` key with this text (a test keeps
  /// the two equal); adding a fact means adding its definition here.
  public var definition: String {
    switch self {
    case .bAll: "B-cell acute lymphoblastic leukaemia (`disease.diagnosis`)"
    case .relapsed:
      "`disease.status` relapsed (or relapsed and refractory): a morphological relapse (≥ 5 % marrow blasts, circulating blasts or extramedullary disease) after CR/CRi, not an MRD-only recurrence"
    case .refractory:
      "`disease.status` refractory (or relapsed and refractory): no CR/CRi at the end of the full standard induction; relapsed and refractory: a relapse followed by a failed re-induction"
    case .phPositive: "Philadelphia chromosome / BCR-ABL1 positive (`disease.phStatus`)"
    case .t315i: "the ABL1 T315I mutation was found"
    case .tkiIntolerant:
      "the patient cannot tolerate a tyrosine kinase inhibitor"
    case .extramedullary:
      "extramedullary disease, with or without marrow involvement (`disease.extramedullary`)"
    case .isolatedExtramedullary:
      "extramedullary disease without marrow involvement (`disease.extramedullary: isolated`)"
    case .hepatobiliaryInvolvement: "leukaemic involvement of the liver or biliary tract"
    case .hbsag, .hbeag, .hbeab, .hbcab, .hbvDna, .hcvAb, .hcvRna, .hivAb, .tpAb, .ebvDna, .cmvDna, .sarsCov2:
      "the viral test is positive (antibody or antigen detected; nucleic acid above the lower limit of detection)"
    case .pregnant: "currently pregnant (asked of women; false for men)"
    case .lactating: "currently breast-feeding (asked of women; false for men)"
    case .childbearingPotential:
      "a woman who can become pregnant: not post-menopausal (12 months without menses) and not surgically sterile"
    case .partnerChildbearingPotential:
      "a man whose partner can become pregnant (asked of men; false for women)"
    case .activeInfection: "an infection being treated or not yet resolved at screening"
    case .uncontrolledInfection:
      "an active infection not controlled by treatment (signs, cultures or imaging not improving)"
    case .activeTuberculosis: "tuberculosis being treated or not yet cured"
    case .hiv: "HIV infection (a positive HIV test, or known infection)"
    case .syphilis: "syphilis being treated or not yet cured (a positive treponemal test with active disease)"
    case .covid19: "SARS-CoV-2 infection at screening (a positive test, or symptoms being investigated)"
    case .activeHepatitisB:
      "HBsAg positive, or HBV-DNA above the assay's lower limit of detection (low viraemia included)"
    case .activeHepatitisC: "HCV-RNA above the lower limit of detection"
    case .activeAutoimmuneDisease:
      "any active autoimmune disease"
    case .cnsDisease:
      "a past or present non-leukaemic CNS disorder: epilepsy or seizures, stroke or intracranial haemorrhage, dementia or memory impairment, cerebellar disease, severe brain injury, spinal-cord compression, CNS autoimmune or demyelinating disease (CNS leukaemia is `disease.cnsStatus`)"
    case .primaryImmunodeficiency: "a congenital (primary) immunodeficiency"
    case .activeGvhd: "graft-versus-host disease present at screening"
    case .drugOrAlcoholDependence: "dependence on alcohol or drugs"
    case .unableToConsent: "unable to understand or give informed consent (a legal representative may sign)"
    case .longTermAnticoagulation:
      "long-term warfarin or heparin (not a prophylactic dose)"
    case .antiplateletAboveLimit:
      "long-term aspirin > 300 mg/day or clopidogrel > 75 mg/day"
    case .aminoglycosideHypersensitivity: "a hypersensitivity reaction to aminoglycosides"
    case .studyDrugHypersensitivity:
      "a severe immediate hypersensitivity (anaphylaxis, angio-oedema) to any drug used in the study"
    case .severeAllergyHistory: "a history of severe allergic reactions (anaphylaxis)"
    case .unstableAngina:
      "unstable angina now (not a history)"
    case .clinicallySignificantHeartDisease:
      "heart disease the investigator judges clinically significant (myocardial infarction, heart failure, arrhythmia needing treatment)"
    case .uncontrolledArrhythmia:
      "a history of clinically significant uncontrolled arrhythmia"
    case .nonIschemicCardiomyopathy:
      "a history of severe non-ischaemic cardiomyopathy"
    case .multiOrganDysfunction: "dysfunction of more than one organ system at screening"
    case .seriousOrganDisease: "a serious disease of the heart, lungs, liver, kidneys or other organs"
    case .severeCerebrovascularDisease: "severe cerebrovascular disease (stroke, haemorrhage)"
    case .geneticDisease:
      "a constitutional (inherited or congenital) genetic disorder, Down syndrome included; not the leukaemia's somatic lesions (Ph+, KMT2A)"
    case .boneMarrowFailureSyndrome: "an inherited bone marrow failure syndrome"
    case .downSyndrome: "Down syndrome (trisomy 21)"
    case .burkittLymphoma: "Burkitt lymphoma/leukaemia"
    case .organTransplantRecipient: "a solid organ transplant recipient"
    case .autologousCarTFailure: "earlier autologous CAR-T therapy failed"
    case .contraceptionAgreed:
      "agrees to the contraception the protocol requires, for the period it states"
    case .longTermImmunosuppressionNeeded: "systemic immunosuppressive treatment needed long term"
    case .supportiveCareOngoing:
      "transfusion, G-CSF, oxygen or another continuous support is needed to keep the screening values"
    case .receivingGvhdTreatment: "receiving treatment for graft-versus-host disease"
    case .tkiContraindicated:
      "TKI therapy is contraindicated or the patient is not suitable for it (e.g. prior TKI pleural effusion, QTc > 500 ms); distinct from `tkiIntolerant`"
    case .reinductionFailed: "no CR after one standard course of re-induction for the latest relapse"
    case .activeSystemicAutoimmuneDisease:
      "an active systemic autoimmune disease (e.g. lupus, vasculitis, rheumatoid arthritis; not psoriasis or vitiligo alone)"
    case .cnsInvolvementSuspected:
      "active CNS involvement by the malignancy is suspected (clinically or on imaging) but not confirmed"
    case .studyDrugAllergy:
      "any allergy to a lymphodepletion drug, tocilizumab or a component of the cell product (e.g. DMSO)"
    case .studyDrugIntolerance:
      "an intolerance (toxicity that stopped or limited it) of a lymphodepletion drug, tocilizumab or a component of the cell product"
    case .noBetterTreatment:
      "the investigator assesses that no better treatment is available, or that the patient does not tolerate the other treatments"
    case .noSpermDonationAgreed: "a man agrees not to donate sperm for the period the protocol states"
    case .lymphodepletionAllergy:
      "an allergy of any severity to a drug of the lymphodepletion regimen (fludarabine, cyclophosphamide)"
    case .cnsInvolvementOnImaging:
      "CNS involvement by the malignancy (primary or secondary) seen on CT or MRI at screening"
    case .cnsSymptoms: "obvious neurological symptoms or signs of CNS involvement at screening"
    case .csfBlasts:
      "leukaemic blasts seen in the CSF (cytospin cytology or flow) at the latest lumbar puncture; asked only "
        + "when `cnsStatus` is CNS3 (CNS2 means blasts in the CSF, CNS1 none)"
    case .antiviralProphylaxis:
      "anti-HBV antiviral therapy (entecavir, tenofovir) taken or agreed for the duration of the study"
    case .consentSigned: "the informed consent is signed (`consent.signed`)"
    }
  }

  /// The facts stated as `conditions` keys, by key, for the README's table.
  public static var conditionDefinitions: [(key: String, definition: String)] {
    sortedConditionKeys.map { ($0.key, $0.value.definition) }
  }
}
