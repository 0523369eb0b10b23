#!/usr/bin/env python3
"""Writes Sources/TrialServer/Resources/OpenAPI/openapi.json, the OpenAPI 3.1 document of the
JSON API (issue 14 §2), from the route table below — which follows the Swift routes one for one:
SessionRoutes, TrialRoutes, CommandRoutes with CommandCatalog (each CommandSpec is a POST with a
JSON body of its fields), AdminRoutes, and WebApp's /openapi.json and /healthz. Pages (HTML) are
not part of the API and not documented.

    python3 Tests/API/make_openapi.py          # rewrites the document
    python3 Tests/API/make_openapi.py --check  # exits 1 if the committed document differs

When a route, a command or a response struct changes in Swift, change it here and rerun; the
committed JSON is what the server serves and what the Swift route test and the fuzzing read.
"""

import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "Sources/TrialServer/Resources/OpenAPI/openapi.json"
# Every documented operation, "METHOD /path/{param}" a line, for the Swift test that compares the
# document with the router's routes (Hummingbird spells {param} as :param).
ROUTES = ROOT / "Tests/API/routes.txt"


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def obj(props, required=(), closed=True, description=None):
    s = {"type": "object", "properties": props, "required": list(required)}
    if closed:
        s["additionalProperties"] = False
    if description:
        s["description"] = description
    return s


def arr(items):
    return {"type": "array", "items": items}


STR = {"type": "string"}
INT = {"type": "integer"}
NUM = {"type": "number"}
BOOL = {"type": "boolean"}
DATE = {"type": "string", "format": "date", "description": "a calendar date YYYY-MM-DD"}
TIMESTAMP = {
    "type": "string",
    "description": "an instant, ISO 8601 UTC with milliseconds (2026-12-02T07:40:19.444Z)",
}
HEX64 = {"type": "string", "pattern": "^[0-9a-f]{64}$"}
# Rule.identifier: ids of sites, users, trials, subjects.
IDENTIFIER = {"type": "string", "pattern": "^[A-Za-z0-9._-]{1,64}$",
              "description": "1 to 64 letters, digits, '-', '_' or '.'"}
ANY_JSON = {"description": "any JSON value: an object, or its JSON text as a string"}

PERSON_ROLES = ["coordinator", "investigator", "safetyReviewer", "statistician", "monitor", "administrator"]
ROLES = PERSON_ROLES + ["system"]
PERMISSIONS = [
    "viewTrials", "viewSubjects", "viewDesigns", "screenPatients", "viewReports", "viewAudit", "record", "openTrials",
    "manageUsers", "importRegistry", "readContactRequests",
]


def nullable(schema):
    """An optional request field: the server reads `null` as absent (JSONObjectReader)."""
    s = dict(schema)
    if "type" in s:
        s["type"] = [s["type"], "null"] if isinstance(s["type"], str) else s["type"] + ["null"]
        if "enum" in s:
            s["enum"] = s["enum"] + [None]
        return s
    return s  # ANY_JSON already admits null


SCHEMAS = {
    "Problem": obj(
        {
            "type": {"type": "string", "description": "always about:blank"},
            "title": STR,
            "status": {"type": "integer", "minimum": 400, "maximum": 599},
            "detail": STR,
            "instance": {"type": "string", "description": "the request path"},
            "field": {"type": "string", "description": "the field at fault, as a JSON pointer (/date, /entry/grade)"},
            "expected": STR,
            "found": STR,
        },
        ["type", "title", "status", "detail"],
        description="RFC 9457 problem details, with the field at fault and what was expected and found.",
    ),
    "Actor": obj(
        {"name": STR, "role": {"type": "string", "enum": ROLES}, "site": STR},
        ["name", "role"],
        description="Who recorded an event: printed name, the role acted in, the site.",
    ),
    "Written": obj(
        {
            "sequence": {"type": "integer", "minimum": 1},
            "kind": STR,
            "recordedAt": TIMESTAMP,
            "actor": ref("Actor"),
            "summary": STR,
        },
        ["sequence", "kind", "recordedAt", "actor", "summary"],
        description="One event written by a command.",
    ),
    "WrittenList": {
        "type": "array",
        "items": ref("Written"),
        "description": "The events the command wrote (a confirmation is followed by its approval signature).",
    },
    "Me": obj(
        {
            "username": STR,
            "fullName": STR,
            "role": {"type": "string", "enum": ROLES},
            "site": STR,
            "mustChangePassword": BOOL,
            "permissions": arr({"type": "string", "enum": PERMISSIONS}),
        },
        ["username", "fullName", "role", "mustChangePassword", "permissions"],
    ),
    "SessionAnswer": obj(
        {
            "token": {"type": "string", "description": "the bearer token (also set as the cartrial_session cookie)"},
            "csrfToken": {"type": "string", "description": "the X-CSRF-Token for writes made with the cookie"},
            "user": ref("Me"),
        },
        ["token", "csrfToken", "user"],
    ),
    "ProtocolListing": obj({"id": STR, "title": STR}, ["id", "title"]),
    "TrialListing": obj(
        {"trial": STR, "protocol": STR, "title": STR, "events": INT, "groups": arr(STR)},
        ["trial", "protocol", "title", "events", "groups"],
    ),
    "LevelTally": obj({"level": INT, "patients": INT, "dlts": INT}, ["level", "patients", "dlts"]),
    "Cohort": obj(
        {
            "number": INT,
            "level": INT,
            "size": INT,
            "members": arr(STR),
            "replaced": arr(STR),
            "status": {"type": "string", "enum": ["enrolling", "inDLTWindow", "awaitingDecision", "decided"]},
        },
        ["number", "level", "size", "members", "replaced", "status"],
    ),
    "Recommendation": obj(
        {
            "cohort": INT,
            "decision": {"type": "string", "description": "E, S, D, DU or stop"},
            "nextLevel": INT,
            "explanation": arr(STR),
            "status": {"type": "string", "enum": ["awaitingDecision", "confirmed", "overridden"]},
            "decidedLevel": INT,
            "overrideReason": STR,
        },
        ["cohort", "decision", "explanation", "status"],
    ),
    "OverviewGroup": obj(
        {
            "id": STR,
            "label": STR,
            "status": {"type": "string", "enum": ["waiting", "open", "closed"]},
            "reason": STR,
            "currentLevel": INT,
            "design": STR,
            "enrolled": INT,
            "maxSampleSize": INT,
            "cohorts": arr(ref("Cohort")),
            "levels": arr(ref("LevelTally")),
            "eliminated": arr(INT),
            "recommendation": ref("Recommendation"),
        },
        ["id", "label", "status", "currentLevel", "design", "enrolled", "maxSampleSize", "cohorts", "levels",
         "eliminated"],
    ),
    "OverviewSubject": obj(
        {
            "id": STR,
            "site": STR,
            "status": STR,
            "eligibility": STR,
            "group": STR,
            "cohort": INT,
            "level": INT,
            "infusionDate": DATE,
            "cells": NUM,
            "cellsPerKg": NUM,
            "dltWindowEnds": DATE,
            "dltDaysLeft": INT,
            "dlt": {"type": "string", "enum": ["dlt", "noDlt", "notEvaluable"]},
        },
        ["id", "status"],
    ),
    "TrialOverview": obj(
        {
            "trial": STR,
            "protocol": STR,
            "protocolHash": HEX64,
            "events": INT,
            "asOf": DATE,
            "groups": arr(ref("OverviewGroup")),
            "subjects": arr(ref("OverviewSubject")),
        },
        ["trial", "protocol", "protocolHash", "events", "asOf", "groups", "subjects"],
        description="A trial's groups (cohorts, levels with patients/DLTs, the recommendation) and the subjects "
        "the user may see (other sites' cohort members read '(another site)'; a statistician sees no subject ids).",
    ),
    "TimelineEntry": obj(
        {
            "sequence": INT,
            "recordedAt": TIMESTAMP,
            "clinicalDate": DATE,
            "actor": ref("Actor"),
            "kind": STR,
            "summary": STR,
            "corrections": arr(STR),
            "signatures": arr(STR),
        },
        ["sequence", "recordedAt", "actor", "kind", "summary", "corrections", "signatures"],
    ),
    "DLTAdjudicated": obj(
        {
            "subject": STR,
            "outcome": {"type": "string", "enum": ["dlt", "noDlt", "notEvaluable"]},
            "computed": STR,
            "reason": STR,
        },
        ["subject", "outcome", "computed"],
    ),
    "SubjectSummary": obj(
        {
            "subject": STR,
            "status": STR,
            "eligibility": STR,
            "group": STR,
            "level": INT,
            "dose": {"type": "object", "description": "the dose received (DoseCalculation)"},
            "timeline": arr(ref("TimelineEntry")),
            "gradedEvents": arr({"type": "object", "description": "a graded event (GradedEvent)"}),
            "dltByRules": {"type": "object", "description": "the protocol's DLT rules applied (DLTAdjudication)"},
            "adjudication": ref("DLTAdjudicated"),
            "bestResponse": {"type": "object", "description": "best overall response (BestOverallResponse)"},
            "pendingAttestations": {"type": "array", "items": STR,
                                    "description": "criteria waiting for an investigator's attestation"},
        },
        ["subject", "status", "timeline", "gradedEvents", "pendingAttestations"],
        description="A subject's timeline (who recorded what, when; corrections; signatures), dose, graded events, "
        "DLT by the protocol's rules and adjudicated, best response.",
    ),
    "AuditEntry": obj(
        {
            "sequence": INT,
            "recordedAt": TIMESTAMP,
            "clinicalDate": DATE,
            "actor": STR,
            "role": {"type": "string", "enum": ROLES},
            "site": STR,
            "kind": STR,
            "summary": STR,
            "hash": HEX64,
            "previousHash": HEX64,
        },
        ["sequence", "recordedAt", "actor", "role", "kind", "summary", "hash", "previousHash"],
    ),
    "VerifyAnswer": obj(
        {
            "intact": BOOL,
            "events": INT,
            "checkpointsChecked": INT,
            "problems": arr(obj({"sequence": INT, "what": STR}, ["sequence", "what"])),
            "notes": arr(STR),
        },
        ["intact", "events", "checkpointsChecked", "problems", "notes"],
    ),
    "Checkpoint": obj(
        {"trial": STR, "sequence": INT, "signedAt": TIMESTAMP}, ["trial", "sequence", "signedAt"]
    ),
    "UserListing": obj(
        {
            "username": STR,
            "fullName": STR,
            "role": {"type": "string", "enum": ROLES},
            "site": STR,
            "disabled": BOOL,
            "mustChangePassword": BOOL,
        },
        ["username", "fullName", "role", "disabled", "mustChangePassword"],
    ),
    "OneTimePassword": obj(
        {"username": STR, "oneTimePassword": {"type": "string", "description": "shown once; to be changed at first sign-in"}},
        ["username", "oneTimePassword"],
    ),
    "Site": obj({"site": STR, "name": STR}, ["site", "name"]),
    "AccountAuditEntry": obj(
        {
            "sequence": INT,
            "recordedAt": TIMESTAMP,
            "by": STR,
            "address": STR,
            "reason": STR,
            "kind": STR,
            "summary": STR,
            "hash": HEX64,
        },
        ["sequence", "recordedAt", "by", "kind", "summary", "hash"],
    ),
}

# The design answers (Sources/Trials): the header every design answer carries, beside its figures.
DESIGN_HEADER_PROPS = {
    "design": {"type": "string", "description": "the registry's short name: 3+3, i3+3, boin, mtpi2, crm"},
    "protocol": STR,
    "group": STR,
    "variant": {"type": "string", "description": "the rules followed and their reference implementation"},
    "source": {"type": "string", "description": "options, or NCT… group G"},
    "levels": {"type": "array", "items": INT, "description": "the dose level of each element of every per-dose array"},
    "assumptions": arr(obj({"setting": STR, "value": STR, "assumption": STR}, ["setting", "value", "assumption"])),
    "overrides": arr(obj({"setting": STR, "value": STR, "protocolValue": STR}, ["setting", "value"])),
    "defaults": arr(obj({"setting": STR, "value": STR, "reason": STR}, ["setting", "value"])),
}
DESIGN_HEADER_REQUIRED = ["design", "variant", "source", "levels", "assumptions", "overrides", "defaults"]


def design_answer(props, required, description):
    """A design answer: the header's keys and the answer's own (more keys may follow)."""
    return obj({**DESIGN_HEADER_PROPS, **props}, DESIGN_HEADER_REQUIRED + required, closed=False,
               description=description)


SCHEMAS.update({
    "DesignHeader": obj(DESIGN_HEADER_PROPS, DESIGN_HEADER_REQUIRED,
                        description="What every design answer says about its design (README: One JSON vocabulary)."),
    "ProtocolDesigns": obj(
        {
            "id": STR,
            "title": STR,
            "groups": arr(obj(
                {
                    "id": STR,
                    "label": STR,
                    "levels": arr(obj({"level": INT, "dose": STR, "maximumTotal": STR}, ["level", "dose"])),
                    "startingLevel": INT,
                    "opensWhen": {"type": "object", "description": "the rule that opens the group (afterGroup, "
                                                                   "clearedLevel)"},
                    "design": ref("DesignHeader"),
                    "target": NUM,
                    "cohortSize": INT,
                    "maxSampleSize": INT,
                    "notes": {"type": "array", "items": STR,
                              "description": "the notes the CLI prints under its answers"},
                },
                ["id", "label", "levels", "startingLevel", "design", "target", "cohortSize", "notes"])),
        },
        ["id", "title", "groups"],
        description="A bundled protocol's groups, each with its dose levels and its design.",
    ),
    "DecisionTable": design_answer(
        {
            "target": NUM,
            "maxN": INT,
            "boundaries": obj({"escalate": NUM, "deescalate": NUM}, ["escalate", "deescalate"]),
            "rows": arr(obj({"n": INT, "y": INT, "decision": {"type": "string", "enum": ["E", "S", "D", "DU"]}},
                            ["n", "y", "decision"])),
        },
        ["maxN", "rows"], "The decision for every n patients and y DLTs at a level (cartrial table --json)."),
    "Decision": design_answer(
        {
            "counts": arr(ref("LevelTally")),
            "currentDose": INT,
            "decision": {"type": "string", "enum": ["E", "S", "D", "DU", "stop"]},
            "nextDose": {"type": ["integer", "null"]},
            "stopReason": STR,
            "eliminated": arr(INT),
            "estimates": arr(NUM),
            "explanation": arr(STR),
        },
        ["counts", "currentDose", "decision", "nextDose", "eliminated", "explanation"],
        "The next cohort's dose from the counts so far (cartrial decide --json)."),
    "OperatingCharacteristics": design_answer(
        {
            "method": {"type": "string", "enum": ["exact", "simulation"]},
            "truth": arr(NUM),
            "target": NUM,
            "trueMTD": INT,
            "trials": INT,
            "seed": INT,
            "selection": arr(NUM),
            "noSelection": NUM,
            "meanPatients": arr(NUM),
            "meanDLTs": arr(NUM),
            "meanSampleSize": NUM,
            "correctSelection": NUM,
            "standardErrors": {"type": "object", "description": "Monte Carlo standard errors (simulation only)"},
        },
        ["method", "truth", "target", "trueMTD", "selection", "meanPatients", "meanDLTs"],
        "Operating characteristics under one scenario (cartrial oc --json)."),
    "Job": obj(
        {
            "job": STR,
            "href": {"type": "string", "description": "this job's resource"},
            "label": STR,
            "status": {"type": "string", "enum": ["queued", "running", "finished", "failed", "cancelled"]},
            "progress": obj({"finishedTrials": INT, "totalTrials": INT}, ["finishedTrials", "totalTrials"]),
            "createdAt": TIMESTAMP,
            "endedAt": TIMESTAMP,
            "result": ref("OperatingCharacteristics"),
            "problem": ref("Problem"),
        },
        ["job", "href", "label", "status", "progress", "createdAt"],
        description="A simulation job of the signed-in user: its status, its progress in finished trials, and its "
        "result when finished (or its problem when failed). Ended jobs are forgotten after an hour.",
    ),
    "Screening": obj(
        {
            "line": INT,
            "patient": STR,
            "screeningDate": DATE,
            "results": arr(obj(
                {
                    "protocol": STR,
                    "status": {"type": "string",
                               "enum": ["eligible", "pendingAttestation", "incomplete", "ineligible"]},
                    "criteria": arr(obj(
                        {"id": STR, "verdict": {"type": "string",
                                                "enum": ["met", "notMet", "missing", "attestation"]},
                         "evidence": STR, "missing": arr(STR)},
                        ["id", "verdict", "evidence", "missing"])),
                    "assumptions": arr(obj({"setting": STR, "value": STR, "assumption": STR},
                                           ["setting", "value", "assumption"])),
                },
                ["protocol", "status", "criteria", "assumptions"])),
        },
        ["results"],
        description="A patient screened against one protocol: per-criterion verdicts with their evidence "
        "(cartrial screen --json).",
    ),
})

# ---------------------------------------------------------------------------------------------
# Request fields. JSONCommandFields: a string field also takes a number (formatted); a list
# field ("criteria", "agents") also takes one string; a JSON field takes an object or its text;
# `null` reads as absent. Required fields are documented without `null`.

FIELD_SCHEMAS = {
    "site": {**IDENTIFIER, "description": "a site id: 1 to 64 letters, digits, '-', '_' or '.'"},
    "name": {"type": "string"},
    "protocolText": {"type": "string", "description": "a protocol's full text (YAML)"},
    "reason": {"type": "string"},
    "group": {"type": "string", "description": "a group id (A, B, …)"},
    "patient": {**ANY_JSON, "description": "the patient record (as for `cartrial screen`): an object or its JSON text"},
    "criteria": {"type": "array", "items": {"type": "string"}, "minItems": 1,
                 "description": "criterion ids (E8, I7a, …); a single string is read as a list of one"},
    "satisfied": {"type": "boolean", "description": "met (default true) or not met"},
    "note": {"type": "string"},
    "date": DATE,
    "detail": {"type": "string"},
    "agent": {"type": "string"},
    "dose": {"type": "string", "description": "as given, with its unit (8 mg/kg)"},
    "purpose": {"type": "string", "enum": ["bridging", "crs", "icans", "infection", "other"]},
    "agents": {
        "type": "array",
        "items": {"type": "string", "pattern": "^[^=]+=[1-9][0-9]*(\\.[0-9]+)?x[1-9][0-9]*$"},
        "minItems": 1,
        "description": "NAME=MG_PER_M2_PER_DAYxDAYS (fludarabine=30x3); a single string is read as a list of one",
    },
    "bodySurfaceAreaM2": {"type": "number", "description": "m²"},
    "weightKg": {"type": "number", "description": "kg"},
    "entry": {**ANY_JSON, "description": "an assessment entry: an object or its JSON text"},
    "assessment": {**ANY_JSON, "description": "a disease assessment: an object or its JSON text"},
    "day": {"type": "number", "description": "days after infusion"},
    "value": {"type": "number", "description": "the level measured (required unless belowLLOQ)"},
    "unit": {"type": "string", "description": "default copies/µg DNA"},
    "belowLLOQ": {"type": "boolean"},
    "outcome": {"type": "string", "enum": ["dlt", "noDlt", "notEvaluable"]},
    "level": {"type": "integer", "description": "the level for the next cohort"},
    "meaning": {"type": "string", "enum": ["review", "approval", "responsibility"]},
    "password": {"type": "string", "description": "the signer's password again (21 CFR 11.200)"},
}

# CommandSpec.all, in order: (action, scope, summary, fields, required, signs)
COMMANDS = [
    ("activate-site", "trial", "Activate a site for the trial.", ["site", "name"], ["site"], False),
    ("amend", "trial", "Amend the protocol (its full new text, with the reason).", ["protocolText", "reason"],
     ["protocolText", "reason"], False),
    ("screen", "subject", "Screen a subject with a patient record against the protocol in force.",
     ["site", "group", "patient"], ["patient"], False),
    ("attest", "subject", "An investigator judges criteria only a person can judge.",
     ["criteria", "satisfied", "note"], ["criteria"], False),
    ("consent", "subject", "Record the date informed consent was signed.", ["date"], ["date"], False),
    ("enroll", "subject", "Enrol into the group's open cohort at its current level.", ["group"], [], False),
    ("leukapheresis", "subject", "Record leukapheresis.", ["date", "detail"], ["date"], False),
    ("release", "subject", "Record the product's release.", ["date", "detail"], ["date"], False),
    ("manufacturing-failed", "subject", "Record that manufacturing failed (frees the slot).", ["date", "reason"],
     ["date", "reason"], False),
    ("treat", "subject", "Record a bridging or concomitant treatment.", ["date", "agent", "dose", "purpose"],
     ["date", "agent", "purpose"], False),
    ("lymphodeplete", "subject", "Record lymphodepleting chemotherapy.", ["date", "agents", "bodySurfaceAreaM2"],
     ["date", "agents", "bodySurfaceAreaM2"], False),
    ("infuse", "subject", "Record the infusion (the dose follows from the weight and the protocol's dosing).",
     ["date", "weightKg"], ["date", "weightKg"], False),
    ("record", "subject", "Record one assessment entry (CRS/ICANS observation, lab, adverse event).", ["entry"],
     ["entry"], False),
    ("assess", "subject", "Record a disease assessment (marrow, MRD, extramedullary).", ["assessment"],
     ["assessment"], False),
    ("sample", "subject", "Record a kinetics sample.", ["day", "value", "unit", "belowLLOQ"], ["day"], False),
    ("adjudicate", "subject", "Adjudicate the subject's DLT.", ["outcome", "reason"], ["outcome"], False),
    ("off-study", "subject", "Take the subject off study.", ["date", "reason", "detail"], ["date", "reason"],
     False),
    ("confirm", "group", "Confirm the design's recommendation (signed).", [], [], True),
    ("override", "group", "Override the recommendation with another level and the reason (signed).",
     ["level", "reason"], ["level", "reason"], True),
    ("sign", "event", "Sign an event: review, approval or responsibility (21 CFR 11.50).", ["meaning"],
     ["meaning"], True),
]
CORRECT_FIELDS = (["reason", "entry"], ["reason", "entry"])

OFF_STUDY_REASONS = ["withdrawn", "died", "relapse", "hsct", "lost", "completed", "other"]

# ---------------------------------------------------------------------------------------------
# Parameters, responses, operations.

PARAMS = {
    "trial": {"name": "trial", "in": "path", "required": True, "schema": {"type": "string"},
              "description": "the trial id (NCT07470073)", "example": "NCT07470073"},
    "subject": {"name": "subject", "in": "path", "required": True, "schema": {"type": "string"},
                "description": "the subject id", "example": "S-01"},
    "group": {"name": "group", "in": "path", "required": True, "schema": {"type": "string"},
              "description": "the group id", "example": "A"},
    "seq": {"name": "seq", "in": "path", "required": True, "schema": {"type": "integer", "minimum": 1},
            "description": "an event's sequence number (1, 2, 3, …); anything else is refused with 422",
            "example": 1},
    "username": {"name": "username", "in": "path", "required": True, "schema": {"type": "string"},
                 "description": "a user's username", "example": "coordinator1"},
    "protocol": {"name": "protocol", "in": "path", "required": True, "schema": {"type": "string"},
                 "description": "a bundled protocol's id (GET /api/v1/protocols lists them)", "example": "NCT07470073"},
    "job": {"name": "job", "in": "path", "required": True, "schema": {"type": "string"},
            "description": "a simulation job's id (answered when it was started)"},
}
IDEMPOTENCY = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": False,
    "schema": {"type": "string", "minLength": 1, "maxLength": 128},
    "description": "A client-chosen key (1 to 128 bytes): a retried request with the same key records nothing "
    "twice and answers the events first written. Longer or empty keys are refused with 422.",
}
CSRF_HEADER = {
    "name": "X-CSRF-Token",
    "in": "header",
    "required": False,
    "schema": {"type": "string"},
    "description": "Required when the request is authenticated with the cartrial_session cookie (the csrfToken "
    "answered at sign-in); not needed with a bearer token. A missing or wrong token is refused with 403.",
}

ERROR_TEXT = {
    "400": "Malformed request (the body is not JSON, or not a JSON object).",
    "401": "Not signed in, or the session has expired or was revoked.",
    "403": "Not permitted (role, site, a wrong signing password, a missing CSRF token with the cookie), or the "
    "one-time password must be changed first.",
    "404": "No such trial, subject, group, event or user (or one the user may not see).",
    "409": "Refused by a conduct rule or a conflict (already exists, taken).",
    "413": "The request body is larger than 4 MiB.",
    "422": "Invalid input: a missing, unknown or invalid field (named in `field`).",
    "429": "Sign-in paused after repeated refusals, or too many simulations of the user waiting or running.",
    "503": "The simulation queue is full: try again later.",
}


def problem(code):
    return {"$ref": f"#/components/responses/Problem{code}"}


RESPONSES = {
    f"Problem{code}": {
        "description": text,
        "content": {"application/problem+json": {"schema": ref("Problem")}},
    }
    for code, text in ERROR_TEXT.items()
}


def json_response(description, schema):
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def body(fields, required, descriptions=None, examples=None):
    props = {}
    for f in fields:
        s = dict((descriptions or {}).get(f) or FIELD_SCHEMAS[f])
        props[f] = s if f in required else nullable(s)
    schema = {"type": "object", "properties": props, "required": list(required), "additionalProperties": False}
    content = {"schema": schema}
    if examples is not None:
        content["example"] = examples
    return {"required": True, "content": {"application/json": content}}


def errors(*codes):
    return {c: problem(c) for c in codes}


AUTH = [{"bearerAuth": []}, {"cookieAuth": []}]
NO_AUTH = []

PATHS = {}


def op(method, path, operation_id, summary, tag, responses, params=(), request=None, security=AUTH,
       description=None):
    o = {"operationId": operation_id, "summary": summary, "tags": [tag]}
    if description:
        o["description"] = description
    path_params = [PARAMS[p] for p in params]
    extra = []
    if method in ("post", "patch", "delete") and security is AUTH:
        extra.append(CSRF_HEADER)
    if path_params or extra:
        o["parameters"] = path_params + extra
    if request is not None:
        o["requestBody"] = request
    o["responses"] = responses
    o["security"] = security
    PATHS.setdefault(path, {})[method] = o


def sig(items):
    return list(items)


# --- SessionRoutes -----------------------------------------------------------------------------
op("post", "/api/v1/session", "signIn", "Sign in: a bearer token, the CSRF token and the user.", "session",
   {"201": {"description": "Signed in. The token is also set as the cartrial_session cookie.",
            "headers": {"Set-Cookie": {"schema": {"type": "string"},
                                       "description": "cartrial_session=TOKEN; Path=/; HttpOnly; SameSite=Strict"}},
            "content": {"application/json": {"schema": ref("SessionAnswer")}}},
    **errors("400", "401", "413", "422", "429")},
   request=body(["username", "password"], ["username", "password"],
                {"username": STR, "password": STR}),
   security=NO_AUTH)
op("delete", "/api/v1/session", "signOut", "Sign out: ends this session and clears the cookie.", "session",
   {"204": {"description": "Signed out."}, **errors("401", "403")})
op("get", "/api/v1/me", "me", "The signed-in user, with their permissions.", "session",
   {"200": json_response("The signed-in user.", ref("Me")), **errors("401")})
op("post", "/api/v1/me/password", "changePassword",
   "Change my password (ends every session of mine, this one too).", "session",
   {"204": {"description": "Changed; sign in again with the new password."},
    **errors("400", "401", "403", "413", "422")},
   request=body(["currentPassword", "newPassword"], ["currentPassword", "newPassword"],
                {"currentPassword": STR, "newPassword": {"type": "string", "description": "at least the minimum length, "
                                                                                       "different from the current"}}))

# --- TrialRoutes -------------------------------------------------------------------------------
op("get", "/api/v1/protocols", "listProtocols", "The bundled seed protocols.", "trials",
   {"200": json_response("The bundled protocols.", arr(ref("ProtocolListing"))), **errors("401", "403")})
op("get", "/api/v1/trials", "listTrials", "The trials.", "trials",
   {"200": json_response("Every trial, with its protocol and groups.", arr(ref("TrialListing"))),
    **errors("401", "403")})
op("post", "/api/v1/trials", "openTrial", "Open a trial on a bundled protocol or a protocol's full text.", "trials",
   {"201": json_response("Opened: the trial's overview.", ref("TrialOverview")),
    **errors("400", "401", "403", "409", "413", "422")},
   request=body(["protocol", "protocolText", "trial"], [],
                {"protocol": {"type": "string", "description": "a bundled protocol id (exactly one of protocol "
                                                                "and protocolText)"},
                 "protocolText": FIELD_SCHEMAS["protocolText"],
                 "trial": {**IDENTIFIER, "description": "the trial id (default: the protocol's id)"}}))
op("get", "/api/v1/trials/{trial}", "trialOverview", "A trial's overview (the dashboard's data).", "trials",
   {"200": json_response("The overview, scoped to what the user may see.", ref("TrialOverview")),
    **errors("401", "403", "404")}, params=["trial"])
op("get", "/api/v1/trials/{trial}/subjects/{subject}", "subjectSummary", "A subject's summary.", "trials",
   {"200": json_response("The subject's timeline, dose, grades, DLT status and response.", ref("SubjectSummary")),
    **errors("401", "403", "404")}, params=["trial", "subject"])
PATHS_AUDIT_FORMAT = {"name": "format", "in": "query", "required": False, "schema": {"type": "string"},
                      "description": "csv for the CSV export; any other value (or none) gives JSON"}
op("get", "/api/v1/trials/{trial}/audit", "auditLog",
   "The audit log: every event the user may see, with sequence, time, actor, kind, summary and hash.", "audit",
   {"200": {"description": "The entries, oldest first (JSON, or CSV with format=csv).",
            "content": {"application/json": {"schema": arr(ref("AuditEntry"))},
                        "text/csv": {"schema": {"type": "string"}}}},
    **errors("401", "403", "404", "422")}, params=["trial"])
PATHS["/api/v1/trials/{trial}/audit"]["get"]["parameters"].append(PATHS_AUDIT_FORMAT)
op("get", "/api/v1/trials/{trial}/audit/verify", "auditVerify", "Verify the hash chain and the checkpoints.",
   "audit", {"200": json_response("The chain's state.", ref("VerifyAnswer")), **errors("401", "403", "404")},
   params=["trial"])
op("post", "/api/v1/trials/{trial}/audit/checkpoint", "auditCheckpoint",
   "Sign a checkpoint of the log's head with the server's Ed25519 key.", "audit",
   {"201": json_response("The checkpoint.", ref("Checkpoint")), **errors("401", "403", "404", "409")},
   params=["trial"],
   description="Takes no request body (any body is ignored). 409 when the server has no signing key.")
op("get", "/api/v1/trials/{trial}/report", "trialReport", "The trial's HTML report.", "trials",
   {"200": {"description": "The report.", "content": {"text/html": {"schema": {"type": "string"}}}},
    **errors("401", "403", "404")}, params=["trial"])

# --- CommandRoutes -----------------------------------------------------------------------------
SCOPE_PATH = {
    "trial": ("/api/v1/trials/{trial}/%s", ["trial"]),
    "subject": ("/api/v1/trials/{trial}/subjects/{subject}/%s", ["trial", "subject"]),
    "group": ("/api/v1/trials/{trial}/groups/{group}/%s", ["trial", "group"]),
    "event": ("/api/v1/trials/{trial}/events/{seq}/%s", ["trial", "seq"]),
}


def camel(action):
    head, *rest = action.split("-")
    return head + "".join(w.capitalize() for w in rest)


COMMAND_ERRORS = errors("400", "401", "403", "404", "409", "413", "422")
for action, scope, summary, fields, required, signs in COMMANDS:
    template, params = SCOPE_PATH[scope]
    all_fields = fields + (["password"] if signs else [])
    all_required = required + (["password"] if signs else [])
    overrides = {}
    if action == "off-study":
        overrides["reason"] = {"type": "string", "enum": OFF_STUDY_REASONS}
    if action == "manufacturing-failed":
        overrides["reason"] = {"type": "string", "description": "why manufacturing failed"}
    op("post", template % action, camel(action), summary, "conduct",
       {"201": json_response("Recorded: the events written.", ref("WrittenList")), **COMMAND_ERRORS},
       params=params, request=body(all_fields, all_required, overrides),
       description="A conduct command, checked by the conduct core (role, site, rules) before anything is "
       "written; a refusal writes nothing." + (" Signed: the signer's password is asked again." if signs else ""))
    PATHS[template % action]["post"]["parameters"].insert(len(params), IDEMPOTENCY)

op("post", "/api/v1/trials/{trial}/events/{seq}/correct", "correct",
   "Correct a recorded clinical entry (the original stays; the reason is kept).", "conduct",
   {"201": json_response("Recorded: the correction.", ref("WrittenList")), **COMMAND_ERRORS},
   params=["trial", "seq"],
   request=body(*CORRECT_FIELDS, {"reason": {"type": "string", "description": "why the event is corrected"},
                                  "entry": {**ANY_JSON, "description": "the corrected entry, of the same kind and "
                                                                       "subject: an object or its JSON text"}}))
PATHS["/api/v1/trials/{trial}/events/{seq}/correct"]["post"]["parameters"].insert(2, IDEMPOTENCY)

# --- DesignRoutes and JobRoutes ------------------------------------------------------------------
OVERRIDES = {
    "target": {"type": "number", "description": "the target DLT rate over the protocol's (as --target)"},
    "cohortSize": {"type": "integer", "description": "patients per cohort over the protocol's (as --cohort-size)"},
    "maxSampleSize": {"type": "integer", "description": "the maximum sample size over the protocol's (as --max-n)"},
    "cohorts": {"type": "integer", "description": "the trial size in cohorts (not with maxSampleSize; as oc --cohorts)"},
    "startLevel": {"type": "integer", "description": "the starting level over the protocol's (as oc --start)"},
    "parameters": {"type": "object", "additionalProperties": {
        "oneOf": [{"type": "number"}, {"type": "array", "items": {"type": "number"}}, {"type": "string"},
                  {"type": "boolean"}]},
        "description": "the design's own parameters by name over the protocol's (as --set NAME=VALUE, --phi1, "
                       "--skeleton, …); a name that is a field of its own is refused"},
}
DESIGN_ERRORS = errors("400", "401", "403", "404", "409", "413", "422")
op("get", "/api/v1/protocols/{protocol}", "protocolDesigns", "A bundled protocol's groups and their designs.",
   "designs", {"200": json_response("The groups, levels and designs.", ref("ProtocolDesigns")),
               **errors("401", "403", "404")}, params=["protocol"])
op("get", "/api/v1/protocols/{protocol}/groups/{group}/decision-table", "decisionTable",
   "A group's decision table, optionally with overrides (query parameters).", "designs",
   {"200": json_response("The table (as cartrial table --json).", ref("DecisionTable")),
    **errors("401", "403", "404", "409", "422")}, params=["protocol", "group"],
   description="Query parameters override the protocol's settings as the CLI's options do, and the answer says "
   "so in `overrides`. Any other query parameter is refused with 422.")
PATHS["/api/v1/protocols/{protocol}/groups/{group}/decision-table"]["get"]["parameters"] += [
    {"name": name, "in": "query", "required": False,
     "schema": {"type": "string"} if name == "parameters" else {"type": schema["type"]},
     "description": schema["description"] + (" — in a query string, the object as JSON text"
                                             if name == "parameters" else "")}
    for name, schema in OVERRIDES.items()]
LEVEL_COUNTS = obj({"level": INT, "patients": {"type": "integer", "minimum": 0},
                    "dlts": {"type": "integer", "minimum": 0}}, ["level", "patients", "dlts"])
op("post", "/api/v1/protocols/{protocol}/groups/{group}/decision", "decide",
   "The design's decision for the next cohort from counts per level (stores nothing).", "designs",
   {"200": json_response("The decision (as cartrial decide --json).", ref("Decision")), **DESIGN_ERRORS},
   params=["protocol", "group"],
   request=body(["counts", "current", "lastCohort"] + list(OVERRIDES), ["counts", "current"],
                {"counts": {**arr(LEVEL_COUNTS), "description": "patients and DLTs per level, each level at most "
                                                                 "once; levels not given are untreated"},
                 "current": {"type": "integer", "description": "the level the last cohort received"},
                 "lastCohort": obj({"patients": INT, "dlts": INT}, ["patients", "dlts"],
                                   description="the last cohort, for a design's coherence rule (CRM)"),
                 **OVERRIDES}))
op("post", "/api/v1/protocols/{protocol}/groups/{group}/oc", "operatingCharacteristics",
   "Operating characteristics under a scenario: exact (answered) or simulated (a job).", "designs",
   {"200": json_response("Exact figures (as cartrial oc --exact --json).", ref("OperatingCharacteristics")),
    "202": {"description": "A simulation job was started; its resource is in Location.",
            "headers": {"Location": {"schema": {"type": "string"}, "description": "/api/v1/jobs/{job}"}},
            "content": {"application/json": {"schema": ref("Job")}}},
    **errors("400", "401", "403", "404", "409", "413", "422", "429", "503")},
   params=["protocol", "group"],
   request=body(["truth", "method", "trials", "seed"] + list(OVERRIDES), ["truth"],
                {"truth": {"type": "array", "items": {"type": "number", "minimum": 0, "maximum": 1},
                           "description": "the true DLT probability of each level, lowest first"},
                 "method": {"type": "string", "enum": ["exact", "simulation"], "description": "default exact"},
                 "trials": {"type": "integer", "minimum": 2, "maximum": 1000000,
                            "description": "simulation only: trials to simulate (at most 20 million patient "
                                           "outcomes in all)"},
                 "seed": {"type": "integer", "minimum": 0, "description": "simulation only (default 1)"},
                 **OVERRIDES}),
   description="Exact enumeration for trials of at most 45 patients, computed off the event loop. A simulation "
   "runs as a job of the user (one at a time per server process, a few waiting; 503 when the queue is full, "
   "429 when the user has two waiting or running).")
op("get", "/api/v1/jobs/{job}", "simulationJob", "A simulation job of mine: status, progress and result.", "designs",
   {"200": json_response("The job.", ref("Job")), **errors("401", "403", "404")}, params=["job"],
   description="Another user's job, or one ended more than an hour ago, is not found.")
op("delete", "/api/v1/jobs/{job}", "cancelSimulationJob", "Cancel a simulation job of mine.", "designs",
   {"200": json_response("The job, cancelled (an ended job stays as it ended).", ref("Job")),
    **errors("401", "403", "404")}, params=["job"],
   description="A queued job is removed from the queue. The simulation engine cannot be stopped once it runs: a "
   "running job is marked cancelled at once and its result is discarded when the engine finishes.")
op("post", "/api/v1/protocols/{protocol}/screen", "screenPatient",
   "Screen a patient record against a protocol's criteria, without a trial (stores nothing).", "designs",
   {"200": json_response("Per-criterion verdicts with evidence (as cartrial screen --json).", ref("Screening")),
    **errors("400", "401", "403", "404", "413", "422")},
   params=["protocol"],
   request=body(["patient", "group", "screeningDate"], ["patient"],
                {"patient": FIELD_SCHEMAS["patient"],
                 "group": {"type": "string", "description": "the group whose age range the age criterion uses"},
                 "screeningDate": {**DATE, "description": "the date screened on, over the record's (as --on)"}}),
   description="Patient data: coordinators, investigators and administrators only.")

# --- AdminRoutes -------------------------------------------------------------------------------
op("get", "/api/v1/users", "listUsers", "The users (administrators).", "administration",
   {"200": json_response("Every user.", arr(ref("UserListing"))), **errors("401", "403")})
op("post", "/api/v1/users", "createUser", "Add a user with a one-time password.", "administration",
   {"201": json_response("Created; the one-time password is shown once.", ref("OneTimePassword")),
    **errors("400", "401", "403", "404", "409", "413", "422")},
   request=body(["username", "fullName", "role", "site", "reason"], ["username", "fullName", "role"],
                {"username": IDENTIFIER, "fullName": {"type": "string", "description": "the printed name"},
                 "role": {"type": "string", "enum": PERSON_ROLES},
                 "site": {"type": "string", "description": "an added site; required for coordinators and "
                                                            "investigators"},
                 "reason": STR}))
op("patch", "/api/v1/users/{username}", "changeRole", "Change a user's role or site (audited; ends their sessions).",
   "administration", {"204": {"description": "Changed."}, **errors("400", "401", "403", "404", "409", "413", "422")},
   params=["username"],
   request=body(["role", "site", "reason"], ["role", "reason"],
                {"role": {"type": "string", "enum": PERSON_ROLES}, "site": FIELD_SCHEMAS["site"],
                 "reason": {"type": "string", "description": "why the permission changes"}}))
op("post", "/api/v1/users/{username}/password-reset", "resetPassword", "Give a user a new one-time password.",
   "administration",
   {"200": json_response("The new one-time password, shown once.", ref("OneTimePassword")),
    **errors("400", "401", "403", "404", "409", "413", "422")},
   params=["username"],
   request=body(["reason"], ["reason"], {"reason": {"type": "string", "description": "why the password is reset"}}))
op("get", "/api/v1/sites", "listSites", "The sites.", "administration",
   {"200": json_response("Every site, by id.", arr(ref("Site"))), **errors("401", "403")})
op("post", "/api/v1/sites", "addSite", "Add a site.", "administration",
   {"201": {"description": "Added (no body)."}, **errors("400", "401", "403", "409", "413", "422")},
   request=body(["site", "name"], ["site", "name"], {"site": FIELD_SCHEMAS["site"], "name": STR}))
op("get", "/api/v1/accounts/audit", "accountsAudit",
   "The accounts log: users, sessions, refused sign-ins and permission changes (sponsor-wide roles).", "audit",
   {"200": json_response("The accounts log, oldest first.", arr(ref("AccountAuditEntry"))), **errors("401", "403")})

# --- RegistryRoutes ----------------------------------------------------------------------------
GEO = obj({"latitude": NUM, "longitude": NUM}, ["latitude", "longitude"])
AGE_LIMIT = obj({"value": INT, "unit": {"type": "string", "enum": ["years", "months", "weeks", "days", "hours",
                                                                    "minutes"]}}, ["value", "unit"])
SCHEMAS.update({
    "RegistrySite": obj({"facility": STR, "city": STR, "country": STR, "status": STR, "point": GEO}, ["facility"]),
    "RegistryListing": obj({
        "nctId": STR, "title": STR, "officialTitle": STR, "status": STR, "phases": arr(STR), "conditions": arr(STR),
        "interventions": arr(STR), "criteria": STR, "summary": STR, "minimumAge": AGE_LIMIT,
        "maximumAge": AGE_LIMIT, "sex": {"type": "string", "enum": ["ALL", "FEMALE", "MALE"]},
        "ageGroups": arr(STR), "sites": arr(ref("RegistrySite")),
    }, ["nctId", "title", "status", "phases", "conditions", "interventions", "criteria", "summary", "sex",
        "ageGroups", "sites"], description="What the finder knows of one registry record."),
    "SearchHit": obj({
        "listing": ref("RegistryListing"),
        "score": {"type": "number", "minimum": 0, "description": "the BM25F score (0 for a search without words)"},
        "matches": arr(obj({
            "field": {"type": "string", "enum": ["title", "conditions", "interventions", "criteria"]},
            "terms": arr(STR), "passage": STR,
            "marks": arr({"type": "array", "items": INT, "minItems": 2, "maxItems": 2,
                          "description": "[start, end) character offsets of a matched word in the passage"}),
        }, ["field", "terms", "passage", "marks"])),
        "nearestSite": ref("RegistrySite"), "distanceKm": {"type": "number", "minimum": 0},
    }, ["listing", "score", "matches"]),
    "SearchResults": obj({"total": INT, "page": INT, "pageSize": INT, "hits": arr(ref("SearchHit"))},
                         ["total", "page", "pageSize", "hits"]),
    "RelatedTrial": obj({
        "listing": ref("RegistryListing"), "similarity": {"type": "number", "minimum": 0, "maximum": 1},
        "shared": {"type": "object", "additionalProperties": arr(STR),
                   "propertyNames": {"enum": ["conditions", "antigens", "modality", "productType", "phase",
                                              "population"]},
                   "description": "each feature in common, with the values shared"},
    }, ["listing", "similarity", "shared"]),
    "RegistryRecord": obj({"nctId": STR, "briefTitle": STR}, ["nctId", "briefTitle"], closed=False,
                          description="A ClinicalTrials.gov API v2 record as read (identification, status, "
                          "design, arms and interventions, outcomes, eligibility, locations)."),
    "RegistryImport": obj({"nctId": STR, "outcome": {"type": "string", "enum": ["added", "updated", "unchanged"]}},
                          ["nctId", "outcome"]),
})
PARAMS["nct"] = {"name": "nct", "in": "path", "required": True, "schema": {"type": "string"},
                 "description": "a registry record's NCT id", "example": "NCT05164042"}


def query(name, schema, description):
    return {"name": name, "in": "query", "required": False, "schema": schema, "description": description}


op("get", "/api/v1/registry", "searchRegistry",
   "Search the local registry (public): words ranked by BM25F, filters, pages; each hit says why it matched.",
   "registry", {"200": json_response("One page of hits.", ref("SearchResults")), **errors("422")}, security=NO_AUTH)
PATHS["/api/v1/registry"]["get"]["parameters"] = [
    query("q", STR, "words to find in titles, conditions, interventions and criteria"),
    query("status", STR, "keep this overall status (RECRUITING, …); repeatable"),
    query("phase", STR, "keep this phase (PHASE1, …); repeatable"),
    query("age", STR, "the patient's age in years (0–150)"),
    query("sex", STR, "the patient's sex: female or male"),
    query("near", STR, "a place, latitude,longitude in decimal degrees"),
    query("withinKm", STR, "with near: keep records with a site within this many km"),
    query("page", STR, "the page, from 1"),
    query("pageSize", STR, "hits per page, 1 to 100 (default 20)"),
]
op("post", "/api/v1/registry", "importRegistryRecord",
   "Import one ClinicalTrials.gov API v2 study record (administrators); the same content again changes nothing.",
   "registry",
   {"201": json_response("Added, or a new version of a record held.", ref("RegistryImport")),
    "200": json_response("Already held with the same content.", ref("RegistryImport")),
    **errors("400", "401", "403", "409", "413", "422")},
   request={"required": True, "content": {"application/json": {"schema": {"type": "object"}}}})
PATHS["/api/v1/registry"]["post"]["parameters"].append(query("reason", STR, "why (kept in the registry log)"))
op("get", "/api/v1/registry/{nct}", "registryRecord", "One record of the local registry (public).", "registry",
   {"200": json_response("The record as read.", ref("RegistryRecord")), **errors("404")}, params=["nct"],
   security=NO_AUTH)
op("get", "/api/v1/registry/{nct}/related", "relatedTrials",
   "The most similar trials of the local registry (public), with the features shared.", "registry",
   {"200": json_response("Most similar first.", arr(ref("RelatedTrial"))), **errors("404", "422")},
   params=["nct"], security=NO_AUTH)
PATHS["/api/v1/registry/{nct}/related"]["get"]["parameters"].append(
    query("limit", STR, "how many, 1 to 100 (default 10)"))

# --- ExportRoutes ------------------------------------------------------------------------------
PARAMS["format"] = {"name": "format", "in": "path", "required": True,
                    "schema": {"type": "string", "enum": ["sdtm", "fhir", "odm"]},
                    "description": "sdtm (one domain as CSV), fhir (R4 JSON Bundle) or odm (ODM 1.3.2 XML)",
                    "example": "fhir"}
op("get", "/api/v1/trials/{trial}/exports/{format}", "exportTrial",
   "The trial's data as CDISC SDTM, HL7 FHIR R4 or CDISC ODM 1.3.2, with only the subjects the user may see.",
   "trials",
   {"200": {"description": "The export (a file: Content-Disposition names it).",
            "content": {"text/csv; charset=utf-8": {"schema": STR}, "application/fhir+json": {"schema": {"type": "object"}},
                        "application/xml": {"schema": STR}}},
    **errors("401", "403", "404", "422")},
   params=["trial", "format"],
   description="Coordinators and investigators get their own site's subjects only; `site` asks for one site "
   "(403 for another site than theirs). SDTM needs `domain` (DM, EX, AE, SUPPAE, LB, RS, PC, PP, or DEFINE for the define-style metadata).")
PATHS["/api/v1/trials/{trial}/exports/{format}"]["get"]["parameters"] += [
    query("domain", STR, "with sdtm: the domain (DM, EX, AE, SUPPAE, LB, RS, PC, PP, DEFINE)"),
    query("site", STR, "only this site's subjects"),
]

# --- WebApp ------------------------------------------------------------------------------------
op("get", "/openapi.json", "openAPIDocument", "This document.", "meta",
   {"200": json_response("The OpenAPI 3.1 document.", {"type": "object"})}, security=NO_AUTH)
op("get", "/healthz", "health", "Liveness: answers ok.", "meta",
   {"200": {"description": "Alive.", "content": {"text/plain": {"schema": {"type": "string", "const": "ok"}}}}},
   security=NO_AUTH)

DOCUMENT = {
    "openapi": "3.1.0",
    "info": {
        "title": "cartrial",
        "version": "1",
        "summary": "Phase I CAR-T trials: designs, conduct, audit and accounts.",
        "description": "The JSON API of `cartrial serve`, under /api/v1. Every write is checked by the same "
        "application layer as the CLI and a refusal writes nothing. Errors are RFC 9457 problem details "
        "(application/problem+json) naming the field at fault as a JSON pointer. Request bodies are JSON "
        "objects; an unknown field is refused with 422. Authenticate with the token of POST /api/v1/session as "
        "a bearer token, or with the cartrial_session cookie (then writes need the X-CSRF-Token header). A "
        "user whose password is a one-time password may only change it (POST /api/v1/me/password), see "
        "/api/v1/me, and sign in or out; every other route answers 403 until then. Conduct commands take an "
        "Idempotency-Key header.",
    },
    "tags": [
        {"name": "session", "description": "Signing in and out; my account."},
        {"name": "trials", "description": "Trials, subjects and reports."},
        {"name": "conduct", "description": "Conduct commands (each records events)."},
        {"name": "designs", "description": "Designs, decision tables, decisions, operating characteristics and "
                                           "screening: computations that store nothing."},
        {"name": "audit", "description": "The audit log, its verification and checkpoints."},
        {"name": "administration", "description": "Users and sites."},
        {"name": "registry", "description": "The local registry of ClinicalTrials.gov records: search, records, "
                                            "related trials (public) and import (administrators)."},
        {"name": "meta", "description": "The document and liveness."},
    ],
    "paths": PATHS,
    "components": {
        "schemas": SCHEMAS,
        "responses": RESPONSES,
        "securitySchemes": {
            "bearerAuth": {"type": "http", "scheme": "bearer",
                           "description": "The token answered by POST /api/v1/session."},
            "cookieAuth": {"type": "apiKey", "in": "cookie", "name": "cartrial_session",
                           "description": "The session cookie set at sign-in (HttpOnly, SameSite=Strict); "
                           "writes need the X-CSRF-Token header."},
        },
    },
    "security": AUTH,
}


def text():
    return json.dumps(DOCUMENT, indent=2, ensure_ascii=False) + "\n"


def routes():
    return "".join(f"{m.upper()} {p}\n" for p, ops in PATHS.items() for m in ops)


if __name__ == "__main__":
    if "--check" in sys.argv:
        for path, want in [(OUT, text()), (ROUTES, routes())]:
            if not path.exists() or path.read_text(encoding="utf-8") != want:
                print(f"{path.relative_to(ROOT)} differs from Tests/API/make_openapi.py: run it", file=sys.stderr)
                sys.exit(1)
        print("openapi.json and routes.txt are up to date")
    else:
        OUT.write_text(text(), encoding="utf-8")
        ROUTES.write_text(routes(), encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}: {sum(len(v) for v in PATHS.values())} operations")
