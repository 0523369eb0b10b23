#!/usr/bin/env python3
"""Validates the standard exports of demo trials against the standards' own schemas (issue 15 §5).

For each trial given (default: NCT05350787 and NCT07470073), plays `cartrial demo` into a new
SQLite database, exports it with `cartrial export fhir|odm`, and checks:

- FHIR R4: the Bundle loads, strictly, into the HL7 FHIR R4 (4.0.1) resource models of the
  SMART on FHIR client (fhirclient 4.1.0, generated from the R4 StructureDefinitions): every
  element known, of its type and cardinality, every required element present; and, as the R4 JSON
  schema would check, the codes of the required bindings used (statuses, gender) and the id, date
  and dateTime patterns; every resource is one of ResearchStudy, Patient, ResearchSubject and
  Observation, and every reference resolves in the Bundle. (HL7's fhir.schema.json itself is not
  on any registry this project may use.)
- ODM 1.3.2: the document is valid against CDISC's ODM 1.3.2 XML Schema (the XSD files shipped in
  odmlib 0.2.1), checked with lxml, and carries an AuditRecord with who, when and why.

Each check is also run on a deliberately broken copy (a required element removed), which must be
refused: the validators are shown to validate.

    /usr/bin/python3 Tests/Exports/validate.py --bin .build/debug/cartrial [TRIAL ...]

Exit 0: every export valid and every broken copy refused; 1: a failure (printed); 3: a
prerequisite is missing (python3-lxml, python3-isodate, fhirclient, odmlib).
"""

import argparse
import copy
import importlib.util
import json
import pathlib
import re
import subprocess
import sys
import tempfile

try:
    from lxml import etree
    from fhirclient.models import bundle as fhir_bundle
    from fhirclient.models.fhirabstractbase import FHIRValidationError
except ImportError as error:  # pragma: no cover - reported to the caller
    print(f"validate: missing prerequisite: {error}", file=sys.stderr)
    sys.exit(3)

ODM_NS = "http://www.cdisc.org/ns/odm/v1.3"

# The R4 (4.0.1) value sets of the required bindings the Bundle uses, and the primitive patterns
# of fhir.schema.json that fhirclient's models do not check.
REQUIRED_CODES = {
    ("ResearchStudy", "status"): {
        "active", "administratively-completed", "approved", "closed-to-accrual",
        "closed-to-accrual-and-intervention", "completed", "disapproved", "in-review",
        "temporarily-closed-to-accrual", "temporarily-closed-to-accrual-and-intervention", "withdrawn"},
    ("ResearchSubject", "status"): {
        "candidate", "eligible", "follow-up", "ineligible", "not-registered", "off-study", "on-study",
        "on-study-intervention", "on-study-observation", "pending-on-study", "potential-candidate",
        "screening", "withdrawn"},
    ("Observation", "status"): {
        "registered", "preliminary", "final", "amended", "corrected", "cancelled", "entered-in-error",
        "unknown"},
    ("Patient", "gender"): {"male", "female", "other", "unknown"},
}
ID_PATTERN = re.compile(r"^[A-Za-z0-9\-\.]{1,64}$")
DATE_PATTERN = re.compile(r"^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1]))?)?$")
DATETIME_PATTERN = re.compile(
    r"^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])"
    r"(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?$")


def odm_schema():
    spec = importlib.util.find_spec("odmlib")
    if spec is None or not spec.submodule_search_locations:
        print("validate: missing prerequisite: odmlib (its ODM 1.3.2 XSD)", file=sys.stderr)
        sys.exit(3)
    path = pathlib.Path(list(spec.submodule_search_locations)[0]) / "schemas/odm/1.3.2/ODM1-3-2.xsd"
    return etree.XMLSchema(etree.parse(str(path)))


def run(binary, *args, cwd):
    done = subprocess.run([binary, *args], cwd=cwd, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    if done.returncode != 0:
        raise RuntimeError(f"cartrial {' '.join(args)} exited {done.returncode}: {done.stderr[-2000:]}")
    return done.stdout


def fhir_problems(document):
    """What is wrong with a Bundle (empty when nothing is)."""
    try:
        parsed = fhir_bundle.Bundle(document, strict=True)
    except FHIRValidationError as error:
        return [str(error)[:2000]]
    problems = []
    if parsed.type not in ("collection", "document", "transaction", "batch", "searchset"):
        problems.append(f"Bundle.type {parsed.type!r}")
    entries = parsed.entry or []
    if not entries:
        problems.append("the Bundle has no entries")
    kinds = {"ResearchStudy", "Patient", "ResearchSubject", "Observation"}
    present = set()
    ids = set()
    for entry in entries:
        resource = entry.resource
        name = resource.resource_type
        present.add(name)
        if name not in kinds:
            problems.append(f"unexpected resource {name}")
        ids.add(f"{name}/{resource.id}")
        if entry.fullUrl:
            ids.add(entry.fullUrl)
    if present != kinds:
        problems.append(f"resources present: {sorted(present)}, expected {sorted(kinds)}")
    for entry in document.get("entry", []):
        for reference in references(entry.get("resource", {})):
            if reference not in ids:
                problems.append(f"dangling reference {reference}")
    for entry in document.get("entry", []):
        r = entry["resource"]
        kind = r["resourceType"]
        if kind == "Patient" and "name" in r:
            problems.append("a Patient carries a name (the export is pseudonymous)")
        for (resource, element), codes in REQUIRED_CODES.items():
            if kind == resource and element in r and r[element] not in codes:
                problems.append(f"{kind}/{r.get('id')}.{element} {r[element]!r} is not in its required value set")
        if not ID_PATTERN.match(str(r.get("id", ""))):
            problems.append(f"{kind}.id {r.get('id')!r} does not match the R4 id pattern")
        for key in ("birthDate",):
            if key in r and not DATE_PATTERN.match(r[key]):
                problems.append(f"{kind}.{key} {r[key]!r} is not an R4 date")
        for key in ("effectiveDateTime", "issued"):
            if key in r and not DATETIME_PATTERN.match(r[key]):
                problems.append(f"{kind}.{key} {r[key]!r} is not an R4 dateTime")
    return problems


def references(value):
    if isinstance(value, dict):
        for key, inner in value.items():
            if key == "reference" and isinstance(inner, str):
                yield inner
            else:
                yield from references(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from references(inner)


def odm_problems(schema, text):
    document = etree.fromstring(text.encode("utf-8"))
    problems = []
    if not schema.validate(document):
        problems += [f"line {e.line}: {e.message}" for e in list(schema.error_log)[:10]]
    audits = document.findall(f".//{{{ODM_NS}}}AuditRecord")
    if not audits:
        problems.append("no AuditRecord")
    for audit in audits:
        for part in ("UserRef", "DateTimeStamp", "ReasonForChange"):
            if audit.find(f"{{{ODM_NS}}}{part}") is None:
                problems.append(f"an AuditRecord without {part}")
                break
    return problems


def broken_fhir(document):
    """A copy with a required element removed: ResearchSubject.status (1..1 in R4)."""
    broken = copy.deepcopy(document)
    for entry in broken["entry"]:
        if entry["resource"]["resourceType"] == "ResearchSubject":
            del entry["resource"]["status"]
            return broken
    raise RuntimeError("no ResearchSubject to break")


def miscoded_fhir(document):
    """A copy with a code outside a required binding: ResearchSubject.status "recruiting"."""
    broken = copy.deepcopy(document)
    for entry in broken["entry"]:
        if entry["resource"]["resourceType"] == "ResearchSubject":
            entry["resource"]["status"] = "recruiting"
            return broken
    raise RuntimeError("no ResearchSubject to break")


def broken_odm(text):
    """A copy without the required ODM/@FileOID."""
    document = etree.fromstring(text.encode("utf-8"))
    del document.attrib["FileOID"]
    return etree.tostring(document, encoding="unicode")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("trials", nargs="*", default=["NCT05350787", "NCT07470073"])
    options = parser.parse_args()
    binary = str(pathlib.Path(options.bin).resolve())
    schema = odm_schema()
    failures = 0
    with tempfile.TemporaryDirectory() as work:
        for trial in options.trials:
            db = f"{trial}.sqlite"
            run(binary, "demo", "--protocol", trial, "--db", db, cwd=work)
            fhir = json.loads(run(binary, "export", "fhir", trial, "--db", db, cwd=work))
            odm = run(binary, "export", "odm", trial, "--db", db, cwd=work)
            checks = [
                (f"{trial} FHIR R4 Bundle ({len(fhir.get('entry', []))} resources)", fhir_problems(fhir), True),
                (f"{trial} ODM 1.3.2 ({len(odm)} characters)", odm_problems(schema, odm), True),
                (f"{trial} FHIR without ResearchSubject.status", fhir_problems(broken_fhir(fhir)), False),
                (f"{trial} FHIR with ResearchSubject.status recruiting", fhir_problems(miscoded_fhir(fhir)), False),
                (f"{trial} ODM without FileOID", odm_problems(schema, broken_odm(odm)), False),
            ]
            for name, problems, should_pass in checks:
                ok = (not problems) if should_pass else bool(problems)
                failures += 0 if ok else 1
                verdict = "valid" if not problems else "refused"
                print(f"{'ok' if ok else 'FAIL'}: {name}: {verdict}")
                if not ok:
                    for p in problems or ["(the broken copy was accepted)"]:
                        print(f"    {p}")
    print(f"export validation: {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
