extension BooleanFact {
  /// What a recorder fills in for this fact: its definition as the criteria use it. The README's
  /// table "Facts a recorder fills in" lists every `conditions` key with this text (a test keeps
  /// the two equal); adding a fact means adding its definition here.
  public var definition: String {
    switch self {
    case .bAll: "B-cell acute lymphoblastic leukaemia (`disease.diagnosis`)"
    case .relapsed:
      "`disease.status` relapsed, or relapsed and refractory: leukaemia back after a complete remission"
    case .refractory:
      "`disease.status` refractory, or relapsed and refractory: no CR/CRi at the end of standard induction (or re-induction)"
    case .phPositive: "Philadelphia chromosome / BCR-ABL1 positive (`disease.phStatus`)"
    case .t315i: "the ABL1 T315I mutation was found"
    case .tkiIntolerant: "a tyrosine kinase inhibitor was stopped for intolerance"
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
    case .activeHepatitisB: "HBsAg positive, or HBV-DNA above the lower limit of detection"
    case .activeHepatitisC: "HCV-RNA above the lower limit of detection"
    case .activeAutoimmuneDisease: "an autoimmune disease needing systemic treatment in the last 2 years"
    case .cnsDisease:
      "a non-leukaemic disorder of the central nervous system, past or present (epilepsy, stroke, dementia, "
        + "paralysis, psychosis, cerebellar disease); CNS leukaemia is `disease.cnsStatus`"
    case .otherMalignancy:
      "a malignancy other than the leukaemia that is active at screening or was treated in the protocol's "
        + "look-back (its text says which), excluding the exceptions it names"
    case .primaryImmunodeficiency: "a congenital (primary) immunodeficiency"
    case .activeGvhd: "graft-versus-host disease present at screening"
    case .drugOrAlcoholDependence: "dependence on alcohol or drugs"
    case .unableToConsent: "unable to understand or give informed consent (a legal representative may sign)"
    case .longTermAnticoagulation: "anticoagulants needed long term (not a prophylactic dose)"
    case .antiplateletAboveLimit: "antiplatelet therapy above the dose the protocol allows"
    case .aminoglycosideHypersensitivity: "a hypersensitivity reaction to aminoglycosides"
    case .studyDrugHypersensitivity:
      "a hypersensitivity reaction to the study product or its excipients, or to lymphodepleting agents"
    case .severeAllergyHistory: "a history of severe allergic reactions (anaphylaxis)"
    case .unstableAngina: "unstable angina at screening"
    case .clinicallySignificantHeartDisease:
      "heart disease the investigator judges clinically significant (myocardial infarction, heart failure, arrhythmia needing treatment)"
    case .uncontrolledArrhythmia: "an arrhythmia not controlled by treatment"
    case .nonIschemicCardiomyopathy: "a non-ischaemic cardiomyopathy"
    case .multiOrganDysfunction: "dysfunction of more than one organ system at screening"
    case .seriousOrganDisease: "a serious disease of the heart, lungs, liver, kidneys or other organs"
    case .severeCerebrovascularDisease: "severe cerebrovascular disease (stroke, haemorrhage)"
    case .geneticDisease: "a genetic syndrome (e.g. Fanconi anaemia, Bloom syndrome, Kostmann syndrome)"
    case .boneMarrowFailureSyndrome: "an inherited bone marrow failure syndrome"
    case .downSyndrome: "Down syndrome (trisomy 21)"
    case .burkittLymphoma: "Burkitt lymphoma/leukaemia"
    case .organTransplantRecipient: "a solid organ transplant recipient"
    case .autologousCarTFailure: "earlier autologous CAR-T therapy failed"
    case .contraceptionAgreed: "agrees to effective contraception for the period the protocol names"
    case .longTermImmunosuppressionNeeded: "systemic immunosuppressive treatment needed long term"
    case .supportiveCareOngoing:
      "ongoing continuous supportive care (transfusions, growth factors, dialysis) to keep organ function"
    case .receivingGvhdTreatment: "receiving treatment for graft-versus-host disease"
    case .consentSigned: "the informed consent is signed (`consent.signed`)"
    }
  }

  /// The facts stated as `conditions` keys, by key, for the README's table.
  public static var conditionDefinitions: [(key: String, definition: String)] {
    sortedConditionKeys.map { ($0.key, $0.value.definition) }
  }
}
