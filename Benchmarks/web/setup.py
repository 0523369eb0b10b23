#!/usr/bin/env python3
"""Prepares a running `cartrial serve` for the load benchmark (Benchmarks/web/run.sh).

Signs in as admin (changing the one-time password), adds a site and a coordinator, opens
`trials` trials on NCT05350787 (ids W-01…), and in each screens, attests, consents, enrols,
lymphodepletes and infuses one subject S-01, so that its assessments can be recorded. Prints the
coordinator's bearer token on the last line. Uses only the standard library.
"""
import datetime
import json
import sys
import urllib.request

BASE, ADMIN_PASSWORD, TRIALS = sys.argv[1], sys.argv[2], int(sys.argv[3])


def call(method, path, body=None, token=None, expect=(200, 201, 204)):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(BASE + path, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(request) as response:
            text = response.read().decode()
            status = response.status
    except urllib.error.HTTPError as error:
        text, status = error.read().decode(), error.code
    if status not in expect:
        sys.exit(f"{method} {path}: {status} {text}")
    return json.loads(text) if text else None


def sign_in(user, password):
    return call("POST", "/api/v1/session", {"username": user, "password": password})["token"]


admin = sign_in("admin", ADMIN_PASSWORD)
call("POST", "/api/v1/me/password", {"currentPassword": ADMIN_PASSWORD, "newPassword": ADMIN_PASSWORD + "-2"}, admin)
admin = sign_in("admin", ADMIN_PASSWORD + "-2")
call("POST", "/api/v1/sites", {"site": "HZ", "name": "Hangzhou"}, admin)
people = {}
for user, role in [("coord", "coordinator"), ("inv", "investigator")]:
    once = call("POST", "/api/v1/users", {"username": user, "fullName": user.title(), "role": role, "site": "HZ"}, admin)[
        "oneTimePassword"]
    first = sign_in(user, once)
    call("POST", "/api/v1/me/password", {"currentPassword": once, "newPassword": user + "-password-ok"}, first)
    people[user] = sign_in(user, user + "-password-ok")

# The example patient made eligible as in Tests/TestSupport/ExamplePatient.swift: the conditions
# NCT05350787 asks about set, its own attestations removed (the investigator attests here).
patient = json.load(open(sys.argv[4]))
patient.pop("attestations", None)
for key in ("lymphodepletionAllergy severeCerebrovascularDisease clinicallySignificantHeartDisease geneticDisease "
            "cnsInvolvementOnImaging cnsSymptoms activeHepatitisB antiviralProphylaxis activeHepatitisC hiv syphilis "
            "longTermImmunosuppressionNeeded receivingGvhdTreatment partnerChildbearingPotential activeTuberculosis "
            "boneMarrowFailureSyndrome studyDrugAllergy studyDrugIntolerance studyDrugHypersensitivity "
            "severeAllergyHistory uncontrolledArrhythmia nonIschemicCardiomyopathy organTransplantRecipient").split():
    patient["conditions"][key] = False
patient["conditions"]["contraceptionAgreed"] = True
patient["conditions"]["noSpermDonationAgreed"] = True
today = datetime.date.today()
for i in range(1, TRIALS + 1):
    trial = f"W-{i:02d}"
    call("POST", "/api/v1/trials", {"protocol": "NCT05350787", "trial": trial}, admin)
    call("POST", f"/api/v1/trials/{trial}/activate-site", {"site": "HZ"}, admin)
    s = f"/api/v1/trials/{trial}/subjects/S-01"
    call("POST", s + "/screen", {"site": "HZ", "patient": patient}, people["coord"])
    pending = call("GET", s, token=people["inv"])["pendingAttestations"]
    if pending:
        call("POST", s + "/attest", {"criteria": pending}, people["inv"])
    day = lambda n: (today - datetime.timedelta(days=n)).isoformat()
    call("POST", s + "/consent", {"date": day(10)}, people["coord"])
    call("POST", s + "/enroll", {}, people["coord"])
    call("POST", s + "/lymphodeplete", {"date": day(9), "agents": ["fludarabine=30x3", "cyclophosphamide=300x3"],
                                       "bodySurfaceAreaM2": 1.7}, people["coord"])
    call("POST", s + "/infuse", {"date": day(4), "weightKg": 58}, people["coord"])
print(people["coord"])
