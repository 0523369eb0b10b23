#!/usr/bin/python3
"""The real-browser test of the web application (issue 14 §5).

Starts `cartrial serve` on a fresh SQLite database and a free port, then drives headless Chromium
through Selenium (Debian's chromium and chromedriver, given by path; nothing is downloaded) through a
whole trial, the way its users would:

  administrator: first sign-in with the password change, a site and two users (their one-time
                 passwords read from the page), trial NCT07470073 opened, the site activated;
  visitor:       pre-screening a record, "trials I may fit" across the registry, a saved
                 search and a private note shared behind a passcode,
                 a contact request to site S01 from the trial's registry page, seen in S01's inbox
                 by its coordinator and not by the coordinator of site S02;
  coordinator:   three subjects screened (a patient record as JSON), consented and enrolled into
                 group A, lymphodepleted and infused, a grade 3 CRS recorded through the CRS form
                 (typed with the keyboard alone);
  investigator:  attestations, the DLT adjudications (the grade 3 CRS judged a DLT), the
                 recommendation seen on the dashboard and confirmed with a signature (the password
                 again, typed with the keyboard alone);
  everyone:      every step found in the audit page.

On every page: no console error (SEVERE), axe-core (from axe-selenium-python) with no serious or
critical violation, every form field labelled, every form control focusable and every form with a
submit button, no grade or status told by colour alone. One bad input (a consent date after
today) must come back with the field's error and record nothing. Screenshots
of the dashboard and of a subject page go to docs/screenshots/.

The clinical dates are real dates in the past (consent 48 days ago, infusion 35 days ago), so the
28-day DLT windows have closed by today without a simulated clock.

Usage: Tests/Browser/flow.py [--bin PATH] [--screenshots DIR] [--keep]
  --bin defaults to $CARTRIAL_BIN. Exit 0 when everything passed, 1 with a message when a check
  failed, 2 when a prerequisite is missing (the executable, /usr/bin/chromium, /usr/bin/chromedriver,
  selenium or axe_selenium_python). Run it with Debian's /usr/bin/python3 (see README.md).
"""

import argparse
import datetime
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import traceback

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
TRIAL = "NCT07470073"
# A visitor asking to be contacted (the contact request step).
CONTACT_NAME = "Ada Visitor"
CONTACT_PHONE = "+86 27 8572 6114"
TOTAL_SECONDS = 270  # the whole run; every wait below has its own, shorter timeout
WAIT_SECONDS = 15

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


class Failure(Exception):
    """A check that failed: the message says what, where, and what was seen."""


def fail(message):
    raise Failure(message)


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


try:
    from selenium import webdriver
    from selenium.common.exceptions import TimeoutException, WebDriverException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait
    from axe_selenium_python import Axe
except ImportError as error:  # pragma: no cover - a missing install, said plainly
    print(
        f"flow.py: cannot import {error.name}: install Debian's python3-selenium and "
        "`/usr/bin/python3 -m pip install --break-system-packages --no-deps axe-selenium-python==2.1.6` "
        "(see Tests/Browser/README.md)",
        file=sys.stderr,
    )
    sys.exit(2)


# MARK: - The server


class Server:
    """`cartrial serve` on a fresh database in `workdir`, on a free port of 127.0.0.1."""

    def __init__(self, binary, workdir, admin_password):
        self.binary = binary
        self.workdir = workdir
        self.admin_password = admin_password
        self.process = None
        self.lines = []
        self.url = None
        self._ready = threading.Event()

    def start(self, timeout=30):
        args = [
            self.binary, "serve",
            "--db", os.path.join(self.workdir, "t.sqlite"),
            "--host", "127.0.0.1", "--port", "0",
            "--admin-password", self.admin_password,
            "--key", os.path.join(self.workdir, "key"),
        ]
        log("starting " + " ".join(args))
        self.stderr = open(os.path.join(self.workdir, "server.stderr.log"), "w")
        self.process = subprocess.Popen(
            args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=self.stderr,
            text=True, cwd=self.workdir, start_new_session=True,
        )
        threading.Thread(target=self._read, daemon=True).start()
        if not self._ready.wait(timeout) or self.url is None:
            code = self.process.poll()
            self.stop()
            fail(
                f"the server printed no address within {timeout} s "
                f"(exit code {code}); stdout: {self.lines!r}; stderr in {self.stderr.name}"
            )
        log(f"server at {self.url}")
        return self.url

    def _read(self):
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))
            m = re.search(r"cartrial is serving at (http://127\.0\.0\.1:\d+/)", line)
            if m and self.url is None:
                self.url = m.group(1)
                self._ready.set()
        self._ready.set()

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)  # graceful shutdown
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            log("the server did not stop within 10 s of SIGTERM: killed")
            self.process.kill()
            self.process.wait(5)

    def alive(self):
        return self.process is not None and self.process.poll() is None


# MARK: - The browser and the checks of every page


LABEL_CHECK = r"""
const out = [];
for (const el of document.querySelectorAll('input, select, textarea')) {
  const type = (el.getAttribute('type') || '').toLowerCase();
  if (['hidden', 'submit', 'button', 'reset', 'image'].includes(type)) continue;
  let text = '';
  if (el.id) {
    for (const l of document.querySelectorAll('label[for="' + CSS.escape(el.id) + '"]')) text += l.textContent;
  }
  const wrap = el.closest('label'); if (wrap) text += wrap.textContent;
  text += el.getAttribute('aria-label') || '';
  const by = el.getAttribute('aria-labelledby');
  if (by) for (const id of by.split(/\s+/)) { const t = document.getElementById(id); if (t) text += t.textContent; }
  if (!text.trim()) out.push((el.form && el.form.id ? '#' + el.form.id + ' ' : '') + el.tagName.toLowerCase() + '[name=' + el.name + ']');
}
return out;
"""

# Keyboard: every control of every form can take the focus (no negative tabindex, nothing
# disabled for no reason), and every form has a submit button (Enter or Space submits it).
KEYBOARD_CHECK = r"""
const out = [];
for (const form of document.querySelectorAll('form')) {
  const name = form.id ? '#' + form.id : 'form[action=' + form.getAttribute('action') + ']';
  if (!form.querySelector('button:not([type]), button[type=submit], input[type=submit]')) out.push(name + ' has no submit button');
  for (const el of form.querySelectorAll('input, select, textarea, button')) {
    if ((el.getAttribute('type') || '').toLowerCase() === 'hidden') continue;
    if (el.tabIndex < 0 || el.disabled) out.push(name + ' ' + el.tagName.toLowerCase() + '[name=' + el.name + '] cannot take the focus');
  }
}
for (const el of document.querySelectorAll('[onclick]:not(a):not(button):not(input)')) out.push(el.tagName.toLowerCase() + ' handles clicks without being focusable');
return out;
"""

# Grades and statuses: every element whose class names a grade, a status or a notice carries its
# meaning in text too (not only in its colour).
COLOUR_CHECK = r"""
const out = [];
const re = /(^|\s)(grade-\S*|status\S*|notice|ok|error|warn\S*|dlt\S*|todo-\S*|tag|decision|signature)(\s|$)/;
for (const el of document.querySelectorAll('[class]')) {
  const c = el.getAttribute('class');
  if (!re.test(c)) continue;
  if (el.matches('.live-grade')) continue; // empty until something is typed
  if (!el.textContent.trim()) out.push(el.tagName.toLowerCase() + '.' + c.trim().replace(/\s+/g, '.'));
}
for (const tr of document.querySelectorAll('tr[class*="grade-"]')) {
  if (!/grade\s*\d/i.test(tr.textContent)) out.push('tr.' + tr.className + ' without the grade in words');
}
return out;
"""


class Browser:
    def __init__(self, base, workdir):
        self.base = base
        self.workdir = workdir
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for argument in [
            "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
            "--window-size=1280,1000", "--lang=en-US", "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--metrics-recording-only", "--disable-default-apps",
            f"--user-data-dir={os.path.join(workdir, 'chromium-profile')}",
        ]:
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        # The driver's path given: Selenium Manager is never asked for a driver or a browser.
        service = Service(executable_path=CHROMEDRIVER, log_output=os.path.join(workdir, "chromedriver.log")) \
            if "log_output" in Service.__init__.__code__.co_varnames \
            else Service(executable_path=CHROMEDRIVER, log_path=os.path.join(workdir, "chromedriver.log"))
        self.driver = webdriver.Chrome(service=service, options=options)
        self.driver.set_page_load_timeout(WAIT_SECONDS)
        self.driver.set_script_timeout(WAIT_SECONDS)
        self.axe = Axe(self.driver)
        self.pages_checked = []
        self.warnings = []
        self.who = "nobody"

    def quit(self):
        try:
            self.driver.quit()
        except Exception:  # noqa: BLE001 - quitting a dead browser is not a failure of the test
            pass

    # Navigation and waiting

    def path(self):
        url = self.driver.current_url
        return url[len(self.base) - 1:] if url.startswith(self.base) else url

    def open(self, path, check=True):
        self.driver.get(self.base.rstrip("/") + path)
        self.wait_loaded()
        if check:
            self.check_page()

    def wait_loaded(self):
        try:
            WebDriverWait(self.driver, WAIT_SECONDS).until(
                lambda d: d.execute_script("return document.readyState") == "complete")
        except TimeoutException:
            fail(f"{self.path()}: the page did not finish loading within {WAIT_SECONDS} s")

    def wait_for(self, what, predicate, timeout=WAIT_SECONDS):
        try:
            return WebDriverWait(self.driver, timeout).until(lambda d: predicate())
        except TimeoutException:
            fail(f"{self.path()}: waited {timeout} s for {what}; the page says:\n{self.main_text()[:3000]}")

    def main_text(self):
        try:
            return self.driver.find_element(By.TAG_NAME, "main").text
        except WebDriverException:
            return self.driver.page_source[:3000]

    def h1(self):
        return self.driver.find_element(By.TAG_NAME, "h1").text

    # The checks of every page

    def check_page(self, expected_status=None):
        """The checks of every page. `expected_status`: the page is a form answered with this HTTP
        status on purpose (bad input), whose load Chromium logs as an error; only that one is let by."""
        path = self.path()
        where = f"{path} (as {self.who})"
        severe = [e for e in self.driver.get_log("browser") if e.get("level") == "SEVERE"]
        if expected_status is not None:
            severe = [e for e in severe
                      if f"the server responded with a status of {expected_status}" not in e["message"]]
        if severe:
            fail(f"{where}: console errors:\n" + "\n".join(e["message"] for e in severe))
        unlabelled = self.driver.execute_script(LABEL_CHECK)
        if unlabelled:
            fail(f"{where}: form fields without a label: {unlabelled}")
        keyboard = self.driver.execute_script(KEYBOARD_CHECK)
        if keyboard:
            fail(f"{where}: not usable by keyboard alone: {keyboard}")
        colour_only = self.driver.execute_script(COLOUR_CHECK)
        if colour_only:
            fail(f"{where}: told by colour alone (no text): {colour_only}")
        try:
            self.axe.inject()
            results = self.axe.run()
        except WebDriverException as error:
            fail(f"{where}: axe-core did not run: {error.msg}")
        if not results.get("passes") or "violations" not in results:
            fail(f"{where}: axe-core answered no result (did it run on this page?)")
        bad = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
        if bad:
            fail(f"{where}: axe-core found serious or critical violations:\n" + self.axe.report(bad))
        for v in results["violations"]:
            self.warnings.append(f"{path}: axe {v['impact']}: {v['id']} ({len(v['nodes'])} nodes)")
        self.pages_checked.append(where)

    # Forms

    def form(self, form_id):
        forms = self.driver.find_elements(By.ID, form_id)
        if not forms:
            ids = [f.get_attribute("id") for f in self.driver.find_elements(By.TAG_NAME, "form")]
            fail(f"{self.path()}: no form #{form_id} (as {self.who}); the forms here: {ids}\n{self.main_text()[:2000]}")
        return forms[0]

    def fill(self, form, values):
        for name, value in values.items():
            fields = form.find_elements(By.NAME, name)
            if not fields:
                fail(f"{self.path()}: form #{form.get_attribute('id')} has no field {name}")
            field = fields[0]
            tag = field.tag_name.lower()
            kind = (field.get_attribute("type") or "").lower()
            if tag == "select":
                options = [o.get_attribute("value") for o in field.find_elements(By.TAG_NAME, "option")]
                if str(value) not in options:
                    fail(f"{self.path()}: #{field.get_attribute('id')} has no option {value!r}: {options}")
                self.driver.execute_script(
                    "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}))",
                    field, str(value))
            elif kind == "checkbox":
                if bool(value) != field.is_selected():
                    field.click()
            elif kind == "date" or tag == "textarea":
                # A date input's typed format follows the browser's locale, and a long JSON record
                # types slowly: both are set directly (the keyboard test types its own form).
                self.driver.execute_script(
                    "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}))",
                    field, str(value))
            else:
                field.clear()
                field.send_keys(str(value))

    def submit(self, form_id, values, expect="Recorded (event #"):
        """Fills and submits a form; answers the page's text after it, or fails with the form's error."""
        form = self.form(form_id)
        self.fill(form, values)
        button = form.find_element(By.CSS_SELECTOR, "button[type=submit], button:not([type])")
        old = self.driver.find_element(By.TAG_NAME, "html")
        button.click()
        self.wait_for(f"the page after submitting #{form_id}", lambda: self._stale(old))
        self.wait_loaded()
        text = self.main_text()
        if expect and expect not in text:
            errors = [e.text for e in self.driver.find_elements(By.CSS_SELECTOR, ".notice.error, .field-error")]
            fail(f"{self.path()}: submitting #{form_id} {values!r} as {self.who}: expected {expect!r}; "
                 f"errors: {errors}\n{text[:1500]}")
        self.check_page()
        return text

    def _stale(self, element):
        try:
            element.tag_name
            return False
        except WebDriverException:
            return True

    # Keyboard

    def tab_to(self, element_id, limit=400):
        """Moves the focus with Tab alone, from the top of the page, to #element_id."""
        self.driver.execute_script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)")
        for _ in range(limit):
            self.keys(Keys.TAB)
            if self.driver.switch_to.active_element.get_attribute("id") == element_id:
                return
        fail(f"{self.path()}: #{element_id} not reached with {limit} Tab presses")

    def keys(self, *keys):
        # To whatever has the focus, as a keyboard would (an element's send_keys would focus it first).
        ActionChains(self.driver).send_keys(*keys).perform()

    def focused(self):
        return self.driver.switch_to.active_element.get_attribute("id")

    def screenshot(self, path, width=1280, max_height=1800):
        """The page from its top, as tall as its content up to max_height (for the README)."""
        os.makedirs(os.path.dirname(path), exist_ok=True)
        self.driver.set_window_size(width, 1000)
        self.driver.execute_script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)")
        inner = self.driver.execute_script("return window.outerHeight - window.innerHeight")
        height = self.driver.execute_script("return document.documentElement.scrollHeight")
        self.driver.set_window_size(width, min(max_height, height) + inner)
        self.driver.execute_script("window.scrollTo(0, 0)")
        self.driver.save_screenshot(path)
        self.driver.set_window_size(1280, 1000)
        log(f"screenshot {os.path.relpath(path, REPO) if path.startswith(REPO) else path}")


# MARK: - The trial's data


def patient_record(subject, screening, sex="male", age=(49, 210), weight=67.6, height=179):
    """An eligible adult for NCT07470073 group A, shaped like the demo's (Sources/TrialConduct/Demo/
    DemoPatient.swift) and Examples/patients/P-0001.json, dated around `screening`."""

    def day(offset):
        return (screening + datetime.timedelta(days=offset)).isoformat()

    def lab(value, unit, uln=None, **extra):
        out = {"value": value, "unit": unit}
        if uln is not None:
            out["uln"] = uln
        out.update(extra)
        out["date"] = day(-2)
        return out

    years, days = age
    birth = screening.replace(year=screening.year - years) - datetime.timedelta(days=days)
    conditions = {name: False for name in ABSENT_CONDITIONS}
    if sex == "male":
        conditions.update({"partnerChildbearingPotential": False, "noSpermDonationAgreed": True})
    else:
        conditions.update({"pregnant": False, "lactating": False, "childbearingPotential": False})
    conditions.update({
        "uncontrolledInfection": False, "activeInfection": False, "contraceptionAgreed": True,
        "autologousCarTFailure": False, "nyhaClass": 1, "dyspneaGrade": 0,
    })
    viral = ["HBsAg", "HBeAg", "HBeAb", "HBcAb", "HBV-DNA", "HCV-Ab", "HCV-RNA", "HIV-Ab", "TP-Ab",
             "EBV-DNA", "CMV-DNA", "SARS-CoV-2"]
    return {
        "id": subject,
        "screeningDate": day(0),
        "enrollmentDate": day(0),
        "plannedLymphodepletionDate": day(4),
        "plannedInfusionDate": day(9),
        "demographics": {
            "birthDate": birth.isoformat(), "sex": sex,
            "weight": {"value": weight, "unit": "kg"}, "height": {"value": height, "unit": "cm"},
        },
        "disease": {
            "diagnosis": "B-ALL", "status": "relapsed", "phStatus": "negative", "remissionMonths": 8,
            "marrowBlasts": {"value": 34, "unit": "%", "date": day(-8)},
            "bloodBlasts": {"value": 3, "unit": "%", "date": day(-2)},
            "extramedullary": "none", "cnsStatus": "CNS1",
        },
        "antigens": [{"antigen": "CD19", "result": "positive", "date": day(-8),
                      "method": "flow cytometry", "specimen": "bone marrow"}],
        "performance": [{"scale": "ECOG", "score": 1, "date": day(-2)},
                        {"scale": "Karnofsky", "score": 80, "date": day(-2)}],
        "labs": {
            "creatinine": lab(70, "µmol/L", 106), "bilirubin": lab(0.8, "mg/dL", 1.2),
            "alt": lab(32, "U/L", 40), "ast": lab(30, "U/L", 40), "inr": lab(1.1, "ratio", 1.2),
            "aptt": lab(31, "s", 40), "lvef": lab(60, "%", method="echocardiography"),
            "spo2": lab(97, "%", oxygen="roomAir"),
        },
        "viralTests": [{"test": t, "result": "negative", "date": day(-10)} for t in viral],
        "history": {"complete": True, "events": [
            {"class": "hsct.allogeneic", "date": day(-535)},
            {"class": ["chemotherapy.cytarabine"], "date": day(-50)},
        ]},
        "plans": {"complete": True, "events": []},
        "conditions": conditions,
        "consent": {"signed": True, "date": day(-4)},
        "lifeExpectancy": {"value": 6, "unit": "months"},
    }


# The conditions the demo states absent for every candidate (DemoPatient.absentConditions), read by
# the bundled protocols' criteria; a condition not in the record is "not recorded", which no
# exclusion criterion accepts as absent.
ABSENT_CONDITIONS = """
activeTuberculosis hiv syphilis covid19 activeHepatitisB activeHepatitisC activeAutoimmuneDisease
cnsDisease primaryImmunodeficiency activeGvhd drugOrAlcoholDependence unableToConsent
longTermAnticoagulation antiplateletAboveLimit aminoglycosideHypersensitivity studyDrugHypersensitivity
severeAllergyHistory unstableAngina clinicallySignificantHeartDisease uncontrolledArrhythmia
nonIschemicCardiomyopathy multiOrganDysfunction seriousOrganDisease severeCerebrovascularDisease
geneticDisease boneMarrowFailureSyndrome burkittLymphoma organTransplantRecipient
longTermImmunosuppressionNeeded supportiveCareOngoing receivingGvhdTreatment
activeSystemicAutoimmuneDisease cnsInvolvementSuspected studyDrugAllergy studyDrugIntolerance
lymphodepletionAllergy cnsInvolvementOnImaging cnsSymptoms
""".split()


# MARK: - The flow


class Flow:
    def __init__(self, browser, shots):
        self.b = browser
        self.shots = shots
        self.today = datetime.datetime.now(datetime.timezone.utc).date()
        self.passwords = {}

    def day(self, offset):
        return (self.today + datetime.timedelta(days=offset)).isoformat()

    def step(self, message):
        log(message)

    # Accounts

    def sign_in(self, username, password, keyboard=False):
        b = self.b
        b.open("/login")
        if keyboard:
            # Keys alone: the username field has the focus on arrival, Tab to the password, Enter.
            if b.focused() != "username":
                b.tab_to("username")
            b.keys(username)
            b.keys(Keys.TAB)
            if b.focused() != "password":
                fail(f"/login: Tab from the username went to #{b.focused()}, not #password")
            b.keys(password)
            old = b.driver.find_element(By.TAG_NAME, "html")
            b.keys(Keys.ENTER)
            b.wait_for("the page after signing in with the keyboard", lambda: b._stale(old))
            b.wait_loaded()
        else:
            form = b.driver.find_element(By.CSS_SELECTOR, "form[action='/login']")
            b.fill(form, {"username": username, "password": password})
            old = b.driver.find_element(By.TAG_NAME, "html")
            form.find_element(By.TAG_NAME, "button").click()
            b.wait_for("the page after signing in", lambda: b._stale(old))
            b.wait_loaded()
        b.who = username
        if b.path().startswith("/login"):
            fail(f"signing in as {username} failed: {b.main_text()[:500]}")
        b.check_page()

    def change_password(self, username, old, new):
        b = self.b
        if not b.path().startswith("/password"):
            fail(f"{username}'s first sign-in went to {b.path()}, not to the password change")
        if "one-time password" not in b.main_text():
            fail("/password: the first sign-in does not say the password is a one-time password")
        form = b.driver.find_element(By.CSS_SELECTOR, "form[action='/password']")
        b.fill(form, {"currentPassword": old, "newPassword": new})
        page = b.driver.find_element(By.TAG_NAME, "html")
        form.find_element(By.TAG_NAME, "button").click()
        b.wait_for("the page after the password change", lambda: b._stale(page))
        b.wait_loaded()
        b.check_page()
        if not b.path().startswith("/login"):
            fail(f"after changing {username}'s password: expected the sign-in page, got {b.path()}: {b.main_text()[:500]}")
        self.passwords[username] = new

    def first_sign_in(self, username, one_time, new, keyboard=False):
        self.sign_in(username, one_time, keyboard=keyboard)
        self.change_password(username, one_time, new)
        self.sign_in(username, new)
        if self.b.path().startswith("/password"):
            fail(f"{username} is asked to change the password again after changing it")

    def sign_out(self):
        b = self.b
        buttons = b.driver.find_elements(By.CSS_SELECTOR, "form[action='/logout'] button")
        if not buttons:
            fail(f"{b.path()}: no Sign out button for {b.who}")
        page = b.driver.find_element(By.TAG_NAME, "html")
        buttons[0].click()
        b.wait_for("the page after signing out", lambda: b._stale(page))
        b.wait_loaded()
        b.who = "nobody"
        if not b.path().startswith("/login"):
            fail(f"signing out went to {b.path()}, not to the sign-in page")
        b.check_page()

    # The steps

    def run(self, admin_password):
        b = self.b

        self.step("a patient, not signed in: find a trial on /trials, open it, see its criteria and related trials")
        b.open("/trials")
        text = b.submit("form-find", {"q": "universal cd20", "age": "30"}, expect="NCT07470073")
        if "Trials in this database" in text:
            fail("/trials: a visitor who is not signed in sees this database's trials")
        marks = [m.text for m in b.driver.find_elements(By.CSS_SELECTOR, "#find-hits mark")]
        if not any(m.lower() == "universal" for m in marks):
            fail(f"/trials: the hit does not mark the words it matched: {marks}")
        b.driver.find_element(By.CSS_SELECTOR, "#find-hits a[href='/registry/NCT07470073']").click()
        b.wait_loaded()
        b.check_page()
        if not b.driver.find_elements(By.ID, "criterion-I1") or not b.driver.find_elements(By.ID, "criterion-E1"):
            fail(f"{b.path()}: the record's criteria are not listed as items")
        related = [a.get_attribute("href") for a in b.driver.find_elements(By.CSS_SELECTOR, "#related a")]
        if not related:
            fail(f"{b.path()}: no related trials listed")

        self.step("a patient, not signed in: pre-screen NCT07470073, then look for every trial they may fit")
        b.driver.find_element(By.ID, "prescreen-link").click()
        b.wait_loaded()
        b.check_page()
        text = b.submit("form-prescreen", {"sex": "female", "pregnant": "yes"}, expect="Likely not eligible")
        if "likely not met" not in text:
            fail(f"{b.path()}: a pregnancy is not shown as a criterion likely not met")
        b.open("/trials")
        b.driver.find_element(By.ID, "fit-link").click()
        b.wait_loaded()
        b.check_page()
        b.submit("form-fit", {"age": "16", "diagnosis": "yes", "cd19": "yes"}, expect="Trials you may fit")
        may = b.driver.find_element(By.ID, "fit-may").text
        not_fit = b.driver.find_element(By.ID, "fit-not").text
        if "NCT07470073" not in may or "NCT04825496" in may:
            fail(f"/trials/fit: the trials a 16-year-old may fit are wrong: {may}")
        if "NCT04825496" not in not_fit or "age 16 years" not in not_fit:
            fail(f"/trials/fit: NCT04825496 (from 18 years) is not listed as likely not, with its reason: {not_fit}")

        self.step("a patient, not signed in: save a search, keep a private note, share it behind a passcode")
        b.open("/trials?q=universal+cd20")
        b.submit("form-save-search", {}, expect="Saved searches")
        if "universal cd20" not in b.driver.find_element(By.ID, "saved-searches").text:
            fail("/mine: the saved search is not listed")
        b.open("/registry/NCT07470073")
        b.submit("form-note", {"text": "Ask the team about the CD20 arm."}, expect="Ask the team about the CD20 arm.")
        b.open("/mine")
        share_form = b.driver.find_element(By.CSS_SELECTOR, "form[id^='form-share-']").get_attribute("id")
        b.submit(share_form, {"passcode": "tulip-42", "days": "3"}, expect="with the passcode you chose")
        link = b.driver.find_element(By.CSS_SELECTOR, "#shared-link a").get_attribute("href")
        b.open("/" + link.split("/", 3)[3])
        b.submit("form-shared", {"passcode": "tulip-42"}, expect="Ask the team about the CD20 arm.")
        b.open("/mine")
        b.submit("form-forget", {}, expect="You keep nothing here yet")

        self.step("administrator: first sign-in (keyboard alone) and the password change")
        self.first_sign_in("admin", admin_password, "admin-Secret-2026", keyboard=True)

        self.step("administrator: a site and its coordinator and investigator")
        b.open("/admin")
        b.submit("form-sites", {"site": "S01", "name": "Union Hospital"}, expect="S01")
        b.submit("form-sites", {"site": "S02", "name": "Tongji Hospital"}, expect="S02")
        one_time = {}
        for username, full_name, role, site in [
            ("clopez", "C. Lopez", "coordinator", "S01"), ("hchen", "Dr H. Chen", "investigator", "S01"),
            ("mwang", "M. Wang", "coordinator", "S02"),
        ]:
            text = b.submit("form-users", {
                "username": username, "fullName": full_name, "role": role, "site": site,
                "reason": "browser test: site staff",
            }, expect="One-time password")
            m = re.search(rf"User {username} created\. One-time password \(shown once\): (\S+)", text)
            if not m:
                fail(f"/admin: no one-time password for {username} on the page:\n{text[:1500]}")
            one_time[username] = m.group(1)
        table = b.main_text()
        for username in one_time:
            if username not in table:
                fail(f"/admin: user {username} is not in the users table")

        self.step(f"administrator: open {TRIAL} on /trials")
        b.open("/trials")
        b.submit("form-open", {"protocol": TRIAL, "trial": ""}, expect=TRIAL)
        if not b.path().startswith(f"/trials/{TRIAL}"):
            b.open(f"/trials/{TRIAL}")
        self.step("administrator: activate site S01 on the dashboard")
        b.submit("form-activate-site", {"site": "S01", "name": "Union Hospital"})
        if "S01" not in b.driver.find_element(By.CSS_SELECTOR, "p.meta").text:
            fail(f"/trials/{TRIAL}: site S01 is not shown active after activating it")
        b.submit("form-activate-site", {"site": "S02", "name": "Tongji Hospital"})
        self.sign_out()

        self.contact_request()

        self.step("coordinator and investigator: first sign-in with their one-time passwords")
        self.first_sign_in("hchen", one_time["hchen"], "chen-Secret-2026")
        self.sign_out()
        self.step("a coordinator of site S02: the inbox does not show site S01's request")
        self.first_sign_in("mwang", one_time["mwang"], "wang-Secret-2026")
        b.open("/inbox")
        if CONTACT_NAME in b.main_text():
            fail(f"/inbox: a coordinator of S02 sees the contact request sent to S01:\n{b.main_text()[:1500]}")
        self.sign_out()
        self.first_sign_in("clopez", one_time["clopez"], "lopez-Secret-2026")
        self.step("the coordinator of site S01: the request is in the site's inbox")
        b.driver.find_element(By.CSS_SELECTOR, "nav a[href='/inbox']").click()
        b.wait_loaded()
        b.check_page()
        inbox = b.main_text()
        if CONTACT_NAME not in inbox or CONTACT_PHONE not in inbox:
            fail(f"/inbox: the coordinator of S01 does not see the request sent to S01:\n{inbox[:1500]}")

        subjects = ["S01-001", "S01-002", "S01-003"]
        screening = self.today - datetime.timedelta(days=44)
        self.step("coordinator: screen three subjects")
        for i, subject in enumerate(subjects):
            record = patient_record(subject, screening + datetime.timedelta(days=i),
                                    weight=[67.6, 72.0, 58.4][i], age=[(49, 210), (35, 20), (61, 100)][i],
                                    sex=["male", "female", "male"][i])
            b.open(f"/trials/{TRIAL}/screen")
            values = {"subject": subject, "group": "A", "patient": json.dumps(record, ensure_ascii=False)}
            if b.driver.find_elements(By.ID, "screen-site"):
                values["site"] = "S01"
            b.submit("form-screen", values)
            if not b.path().startswith(f"/trials/{TRIAL}/subjects/{subject}"):
                fail(f"screening {subject} went to {b.path()}")
            verdict = self.fact("Screening") or ""
            if verdict not in ("eligible", "pendingAttestation"):
                fail(f"{subject} is not screened eligible (or waiting for attestations): {verdict!r}\n"
                     f"{b.main_text()[:4000]}")
        self.sign_out()

        self.step("investigator: attest the criteria only a person can judge")
        self.sign_in("hchen", self.passwords["hchen"])
        for subject in subjects:
            b.open(f"/trials/{TRIAL}/subjects/{subject}")
            waiting = self.fact("Attestations waiting")
            if waiting:
                criteria = ", ".join(re.findall(r"[A-Z]+\d+[a-z]?", waiting))
                b.submit("form-attest", {"criteria": criteria, "satisfied": True,
                                         "note": "history, imaging and prior therapy reviewed"})
                if self.fact("Attestations waiting"):
                    fail(f"{subject}: attestations still waiting after attesting {criteria}")
            if self.fact("Screening") != "eligible":
                fail(f"{subject}: not eligible after the attestations: {self.fact('Screening')!r}")
        self.sign_out()

        self.step("coordinator: consent, enrol, lymphodeplete and infuse the three subjects")
        self.sign_in("clopez", self.passwords["clopez"])
        infusion_day = -35
        for i, subject in enumerate(subjects):
            base = f"/trials/{TRIAL}/subjects/{subject}"
            b.open(base)
            if i == 0:
                self.bad_input(base)
            b.submit("form-consent", {"date": self.day(-48 + i)})
            b.submit("form-enroll", {"group": "A"})
            if self.fact("Group") != "A":
                fail(f"{subject}: not shown in group A after enrolment: {self.fact('Group')!r}")
            # NCT07470073's product is universal (off the shelf): no leukapheresis, no release of a
            # subject's own lot, so the forms are not offered.
            offered = [f for f in ("form-leukapheresis", "form-release", "form-manufacturing-failed")
                       if b.driver.find_elements(By.ID, f)]
            if offered:
                fail(f"{b.path()}: the page offers {offered} for a universal (off-the-shelf) product")
            b.submit("form-lymphodeplete", {
                "date": self.day(infusion_day - 5 + i),
                "agents": "fludarabine=30x3, cyclophosphamide=300x3", "bodySurfaceAreaM2": "1.8",
            })
            b.submit("form-infuse", {"date": self.day(infusion_day + i), "weightKg": ["67.6", "72", "58.4"][i]})
            dose = self.fact("Dose received")
            if not dose or "cells" not in dose:
                fail(f"{subject}: no dose shown after the infusion: {dose!r}")
            for day in [0, 28]:
                b.submit("form-crs", {"day": str(day), "temperatureCelsius": "37.1"})
                b.submit("form-icans", {"day": str(day), "ice": "10", "consciousness": "awake"}
                         if self.has_option("icans-consciousness", "awake") else {"day": str(day), "ice": "10"})

        self.step("coordinator: a grade 3 CRS for S01-001 through the CRS form, with the keyboard alone")
        b.open(f"/trials/{TRIAL}/subjects/{subjects[0]}")
        self.crs_by_keyboard()
        graded = self.graded_rows()
        if not any(r["term"].lower().startswith("crs") and r["grade"] == 3 for r in graded):
            fail(f"{subjects[0]}: no grade 3 CRS among the graded events after recording it: {graded}")
        self.sign_out()

        self.step("investigator: adjudicate the DLTs (the grade 3 CRS judged a DLT)")
        self.sign_in("hchen", self.passwords["hchen"])
        b.open(f"/trials/{TRIAL}")
        before = self.recommendation_text("A")
        log(f"recommendation before the adjudications: {before!r}")
        for i, subject in enumerate(subjects):
            b.open(f"/trials/{TRIAL}/subjects/{subject}")
            rules = self.fact("DLT by the protocol's rules") or ""
            if i == 0:
                values = {"outcome": "dlt"}
                if not rules.startswith("dlt"):
                    values["reason"] = ("grade 3 CRS with hypotension on a vasopressor, judged dose-limiting "
                                        "by the investigator")
            else:
                values = {"outcome": "noDlt"}
                if not rules.startswith("noDlt"):
                    values["reason"] = "no dose-limiting toxicity in the window"
            b.submit("form-adjudicate", values)
            adjudicated = self.fact("DLT adjudicated") or ""
            if not adjudicated.startswith(values["outcome"]):
                fail(f"{subject}: adjudicated {adjudicated!r}, expected {values['outcome']}")
            log(f"{subject}: DLT by the protocol's rules: {rules!r}; adjudicated: {adjudicated!r}")
            if i == 0 and self.shots:
                b.open(f"/trials/{TRIAL}/subjects/{subject}")
                b.screenshot(os.path.join(self.shots, "subject.png"))

        self.step("investigator: the recommendation changed on the dashboard; confirm it with a signature")
        b.open(f"/trials/{TRIAL}")
        after = self.recommendation_text("A")
        log(f"recommendation after the adjudications: {after!r}")
        if not after or after == before:
            fail(f"/trials/{TRIAL}: the recommendation did not change after the cohort completed: "
                 f"before {before!r}, after {after!r}")
        level_table = b.driver.find_element(By.CSS_SELECTOR, "#group-A table").text
        if not re.search(r"\b3\s+1\b", level_table):
            fail(f"/trials/{TRIAL}: the dose-level table does not show 3 patients with 1 DLT:\n{level_table}")
        if self.shots:
            b.screenshot(os.path.join(self.shots, "dashboard.png"), max_height=1500)
        self.confirm_by_keyboard(self.passwords["hchen"])
        confirmed = self.recommendation_text("A") or ""
        log(f"after confirming, the recommendation reads {confirmed!r}")
        if "confirm" not in confirmed.lower():
            fail(f"/trials/{TRIAL}: the recommendation is not shown confirmed after the signature: {confirmed!r}")
        if "Dr H. Chen" not in confirmed:
            b.warnings.append(f"/trials/{TRIAL}: the confirmed recommendation does not show the signer's "
                              f"printed name, time and meaning (21 CFR 11.50): {confirmed!r}")

        self.step("everyone's steps in the audit page")
        self.audit(subjects)
        b.open("/todo")
        self.sign_out()

        self.step("administrator: the accounts log on the audit page, and the report")
        self.sign_in("admin", self.passwords["admin"])
        b.open(f"/trials/{TRIAL}/audit")
        tables = b.driver.find_elements(By.CSS_SELECTOR, "table.audit")
        if len(tables) < 2:
            fail(f"/trials/{TRIAL}/audit: no accounts log for the administrator")
        accounts = tables[1].text
        for needle in ["clopez", "hchen"]:
            if needle not in accounts:
                fail(f"/trials/{TRIAL}/audit: the accounts log does not name {needle}:\n{accounts[:2000]}")
        for needle in [r"sign(ed)? ?in|login", r"password", rf"contact request \S+ about {TRIAL} received for site S01"]:
            if not re.search(needle, accounts, re.I):
                fail(f"/trials/{TRIAL}/audit: the accounts log has no {needle!r} entry:\n{accounts[:2000]}")
        b.open(f"/trials/{TRIAL}")
        for link in b.driver.find_elements(By.CSS_SELECTOR, "p.actions a"):
            if link.text.strip() == "Report":
                b.open(f"/trials/{TRIAL}/report")
                break
        else:
            b.warnings.append(f"/trials/{TRIAL}: no Report link for the administrator")
        self.design_page()
        b.open("/todo")
        self.sign_out()

    def contact_request(self):
        b = self.b
        self.step(f"a patient, not signed in: ask the study team of site S01 to contact them about {TRIAL}")
        b.open(f"/registry/{TRIAL}")
        b.driver.find_element(By.ID, "contact-link").click()
        b.wait_loaded()
        b.check_page()
        if not self.has_option("contact-site", "S02"):
            fail(f"{b.path()}: the contact form does not offer site S02")
        b.submit("form-contact", {
            "site": "S01", "name": CONTACT_NAME, "contact": CONTACT_PHONE,
            "message": "I was told about this trial by my haematologist.", "consent": True,
        }, expect="Your request was sent to the study team of Union Hospital (S01)")

    def design_page(self):
        """The design page of group A (linked from the dashboard): its decision table, exact operating
        characteristics, and a simulation whose job page shows its progress and then its figures."""
        b = self.b
        self.step("the design page: decision table, exact and simulated operating characteristics")
        page = f"/trials/{TRIAL}/groups/A/design"
        b.open(f"/trials/{TRIAL}")
        links = [a.get_attribute("href") for a in b.driver.find_elements(By.CSS_SELECTOR, "a")]
        if not any((href or "").endswith(page) for href in links):
            fail(f"/trials/{TRIAL}: no link to {page}")
        b.open(page)
        if not b.driver.find_elements(By.ID, "decision-table"):
            fail(f"{page}: no decision table\n{b.main_text()[:1500]}")
        scenario = {"truth-1": "0.05", "truth1": "0.1", "truth2": "0.3", "truth3": "0.5"}
        b.submit("form-oc", {**scenario, "method": "exact"}, expect="Selected as MTD")
        b.submit("form-oc", {**scenario, "method": "simulation", "trials": "20000", "seed": "5"},
                 expect="Simulation of")
        if not b.path().startswith("/jobs/"):
            fail(f"a simulation did not open its job page: {b.path()}")
        b.wait_for("the simulation to finish (its page reloads itself)",
                   lambda: "simulation of 20000 trials, seed 5" in b.main_text(), timeout=120)
        b.wait_loaded()
        b.check_page()

    # Helpers of the flow

    def fact(self, name):
        for dt in self.b.driver.find_elements(By.CSS_SELECTOR, "dl.facts dt"):
            if dt.text.strip() == name:
                return dt.find_element(By.XPATH, "following-sibling::dd[1]").text.strip()
        return None

    def has_option(self, select_id, value):
        return bool(self.b.driver.find_elements(By.CSS_SELECTOR, f"#{select_id} option[value='{value}']"))

    def graded_rows(self):
        rows = []
        for tr in self.b.driver.find_elements(By.CSS_SELECTOR, "section[aria-labelledby=grades-title] tbody tr"):
            cells = [td.text for td in tr.find_elements(By.TAG_NAME, "td")]
            m = re.search(r"(\d)", cells[2] if len(cells) > 2 else "")
            rows.append({"day": cells[0], "term": cells[1], "grade": int(m.group(1)) if m else None})
        return rows

    def recommendation_text(self, group):
        found = self.b.driver.find_elements(By.ID, f"recommendation-{group}")
        return found[0].text.strip() if found else None

    def crs_by_keyboard(self):
        """The CRS form of day 1, typed with keys alone: Tab from the top of the page to the day,
        the values typed, Space for the hypotension box, Enter to submit. The live grade must say
        grade 3 before it is submitted."""
        b = self.b
        b.tab_to("crs-day")
        b.keys("1")
        b.keys(Keys.TAB)  # the date (left empty: the day is given)
        if b.focused() != "crs-date":
            fail(f"CRS form: Tab from the day went to #{b.focused()}, not #crs-date")
        for _ in range(6):  # a date input's month, day and year are Tab stops of their own in Chromium
            b.keys(Keys.TAB)
            if b.focused() != "crs-date":
                break
        if b.focused() != "crs-temperatureCelsius":
            fail(f"CRS form: Tab from the date went to #{b.focused()}, not to the temperature")
        b.keys("39.4")
        b.keys(Keys.TAB)
        if b.focused() != "crs-hypotension":
            fail(f"CRS form: Tab from the temperature went to #{b.focused()}, not to hypotension")
        b.keys(Keys.SPACE)
        if not b.driver.find_element(By.ID, "crs-hypotension").is_selected():
            fail("CRS form: Space did not tick the hypotension box")
        b.keys(Keys.TAB)
        b.keys("1")  # one vasopressor
        b.keys(Keys.TAB)
        if b.focused() != "crs-oxygenDevice":
            fail(f"CRS form: Tab from the vasopressors went to #{b.focused()}, not to the oxygen")
        options = [o.get_attribute("value") for o in b.driver.find_elements(By.CSS_SELECTOR, "#crs-oxygenDevice option")]
        target = next((o for o in options if "nasal" in o.lower() or "lowflow" in o.lower()), None)
        if target:
            while b.driver.find_element(By.ID, "crs-oxygenDevice").get_attribute("value") != target:
                before = b.driver.find_element(By.ID, "crs-oxygenDevice").get_attribute("value")
                b.keys(Keys.ARROW_DOWN)
                if b.driver.find_element(By.ID, "crs-oxygenDevice").get_attribute("value") == before:
                    fail(f"CRS form: the arrow keys do not move the oxygen choice past {before!r}")
            b.keys(Keys.TAB)
            b.keys("4")  # 4 L/min
        live = b.wait_for(
            "the live grade to say grade 3",
            lambda: (lambda t: t if re.search(r"grade\s*3", t, re.I) else None)(
                b.driver.find_element(By.ID, "form-crs-grade").text),
            timeout=10)
        log(f"live grade: {live!r}")
        page = b.driver.find_element(By.TAG_NAME, "html")
        b.keys(Keys.ENTER)
        b.wait_for("the page after submitting the CRS form with Enter", lambda: b._stale(page))
        b.wait_loaded()
        b.check_page()
        if "Recorded (event #" not in b.main_text():
            errors = [e.text for e in b.driver.find_elements(By.CSS_SELECTOR, ".notice.error, .field-error")]
            fail(f"CRS form by keyboard: not recorded: {errors}")

    def bad_input(self, base):
        """Bad form input (a consent date after today) returns the form with the field's error,
        tied to the field for assistive technology, and records nothing."""
        b = self.b
        before = len(b.driver.find_elements(By.CSS_SELECTOR, "section[aria-labelledby=timeline-title] tbody tr"))
        form = b.form("form-consent")
        b.fill(form, {"date": self.day(3)})
        page = b.driver.find_element(By.TAG_NAME, "html")
        form.find_element(By.CSS_SELECTOR, "button").click()
        b.wait_for("the consent form answered with its error", lambda: b._stale(page))
        b.wait_loaded()
        statuses = sorted({m.group(1) for e in b.driver.get_log("browser")
                           for m in [re.search(r"status of (\d{3})", e["message"])] if m})
        if "Recorded (event #" in b.main_text():
            fail(f"{b.path()}: a consent date after today was recorded")
        field = b.driver.find_element(By.ID, "consent-date")
        errors = b.driver.find_elements(By.CSS_SELECTOR, "#form-consent .notice.error, #form-consent .field-error")
        if not errors:
            fail(f"{b.path()}: a consent date after today: no error shown in the form:\n{b.main_text()[:1500]}")
        described = field.get_attribute("aria-describedby")
        if field.get_attribute("aria-invalid") != "true" or not described:
            b.warnings.append(f"{b.path()}: the consent date's error is not tied to the field "
                              f"(aria-invalid={field.get_attribute('aria-invalid')!r}, "
                              f"aria-describedby={described!r}); errors: {[e.text for e in errors]}")
        log(f"bad input answered {statuses or '(no status logged)'}: {[e.text for e in errors]}")
        b.check_page(expected_status=statuses[0] if statuses else None)
        b.open(base)
        after = len(b.driver.find_elements(By.CSS_SELECTOR, "section[aria-labelledby=timeline-title] tbody tr"))
        if after != before:
            fail(f"{base}: the refused consent changed the timeline ({before} rows, then {after})")

    def confirm_by_keyboard(self, password):
        """The signature with keys alone: Tab to the confirm form's password, type it, Enter."""
        b = self.b
        b.tab_to("confirm-password")
        b.keys(password)
        page = b.driver.find_element(By.TAG_NAME, "html")
        b.keys(Keys.ENTER)
        b.wait_for("the dashboard after confirming with Enter", lambda: b._stale(page))
        b.wait_loaded()
        if "Recorded (event #" not in b.main_text():
            errors = [e.text for e in b.driver.find_elements(By.CSS_SELECTOR, ".notice.error, .field-error")]
            fail(f"{b.path()}: the confirmation typed with the keyboard was not recorded: {errors}")
        b.check_page()

    def audit(self, subjects):
        b = self.b
        b.open(f"/trials/{TRIAL}/audit")
        chain = b.driver.find_element(By.CSS_SELECTOR, "main .notice").text
        if "intact" not in chain.lower():
            fail(f"/trials/{TRIAL}/audit: the chain is not intact: {chain}")
        rows = []
        for tr in b.driver.find_elements(By.CSS_SELECTOR, "table.audit")[0].find_elements(By.CSS_SELECTOR, "tbody tr"):
            cells = [td.text for td in tr.find_elements(By.TAG_NAME, "td")]
            rows.append({"seq": cells[0], "actor": cells[3], "role": cells[4], "kind": cells[6], "what": cells[7]})
        def count(kind, subject=None, actor=None):
            return sum(1 for r in rows if r["kind"] == kind
                       and (subject is None or subject in r["what"])
                       and (actor is None or actor in r["actor"]))
        expected = [("trialOpened", None, None, 1), ("siteActivated", None, None, 1),
                    ("recommendationMade", None, None, 1), ("recommendationConfirmed", None, "Dr H. Chen", 1),
                    ("signature", None, "Dr H. Chen", 1)]  # the confirmation's signature (approval)
        for s in subjects:
            expected += [("subjectScreened", s, "C. Lopez", 1), ("consentSigned", s, "C. Lopez", 1),
                         ("enrolled", s, "C. Lopez", 1), ("lymphodepletionGiven", s, "C. Lopez", 1),
                         ("infused", s, "C. Lopez", 1), ("assessmentRecorded", s, "C. Lopez", 4),
                         ("dltAdjudicated", s, "Dr H. Chen", 1)]
        missing = [(k, s, a, n, count(k, s, a)) for k, s, a, n in expected if count(k, s, a) < n]
        if missing:
            fail(f"/trials/{TRIAL}/audit: steps missing from the log (kind, subject, actor, expected, found): "
                 f"{missing}\nkinds seen: {sorted(set(r['kind'] for r in rows))}")
        # The filter: the subject's events only.
        form = b.driver.find_element(By.CSS_SELECTOR, "form.filters")
        b.fill(form, {"subject": subjects[0]})
        page = b.driver.find_element(By.TAG_NAME, "html")
        form.find_element(By.TAG_NAME, "button").click()
        b.wait_for("the filtered audit page", lambda: b._stale(page))
        b.wait_loaded()
        b.check_page()
        shown = b.driver.find_element(By.CSS_SELECTOR, "table.audit caption").text
        log(f"audit filtered by {subjects[0]}: {shown}")
        kinds = {tr.find_elements(By.TAG_NAME, "td")[6].text
                 for tr in b.driver.find_elements(By.CSS_SELECTOR, "table.audit tbody tr")}
        for kind in ["subjectScreened", "consentSigned", "enrolled", "infused", "assessmentRecorded", "dltAdjudicated"]:
            if kind not in kinds:
                fail(f"/trials/{TRIAL}/audit filtered by {subjects[0]}: no {kind} event (kinds: {sorted(kinds)})")
        self.audit_rows = len(rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bin", default=os.environ.get("CARTRIAL_BIN"),
                        help="the cartrial executable (default $CARTRIAL_BIN)")
    parser.add_argument("--screenshots", default=os.environ.get(
        "CARTRIAL_SCREENSHOTS", os.path.join(REPO, "docs", "screenshots")),
        help="where dashboard.png and subject.png go ('' for none)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = parser.parse_args()

    if not args.bin:
        print("flow.py: give the cartrial executable with --bin or CARTRIAL_BIN", file=sys.stderr)
        return 2
    binary = os.path.abspath(args.bin)
    for path, what in [(binary, "the cartrial executable"), (CHROMIUM, "Debian's chromium"),
                       (CHROMEDRIVER, "Debian's chromium-driver")]:
        if not os.access(path, os.X_OK):
            print(f"flow.py: {what} is not at {path}", file=sys.stderr)
            return 2

    def deadline(signum, frame):
        raise Failure(f"the whole run took longer than {TOTAL_SECONDS} s")

    signal.signal(signal.SIGALRM, deadline)
    signal.alarm(TOTAL_SECONDS)
    started = time.monotonic()
    workdir = tempfile.mkdtemp(prefix="cartrial-browser.")
    server = Server(binary, workdir, "first-Admin-pw-1")
    browser = None
    status = 1
    try:
        # The trial finder's registry: the seed trials' records, imported as an administrator would.
        imported = subprocess.run(
            [binary, "registry", "import", os.path.join(REPO, "Tests", "Fixtures", "registry"),
             "--db", os.path.join(workdir, "t.sqlite")],
            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)
        if imported.returncode != 0:
            fail(f"cartrial registry import: exit {imported.returncode}: {imported.stderr}")
        base = server.start()
        browser = Browser(base, workdir)
        flow = Flow(browser, args.screenshots)
        flow.run(server.admin_password)
        if not server.alive():
            fail("the server exited during the run")
        for w in sorted(set(browser.warnings)):
            log(f"warning (not serious): {w}")
        log(f"{len(browser.pages_checked)} pages checked (console, labels, colour, axe-core); "
            f"{getattr(flow, 'audit_rows', 0)} events on the audit page")
        print(f"browser flow: 1 passed, 0 failed ({time.monotonic() - started:.0f} s)")
        status = 0
    except Failure as error:
        args.keep = True  # the server log, chromedriver log and database, for the message's detail
        print(f"\nFAILED: {error}", file=sys.stderr)
        if browser is not None:
            try:
                shot = os.path.join(workdir, "failure.png")
                browser.driver.save_screenshot(shot)
                print(f"(a screenshot of the page is at {shot})", file=sys.stderr)
            except Exception:  # noqa: BLE001
                pass
        print("browser flow: 0 passed, 1 failed", file=sys.stderr)
    except Exception as error:  # noqa: BLE001 - any other error is a failure too, with its trace
        args.keep = True
        traceback.print_exc()
        print(f"\nFAILED: {type(error).__name__}: {error}", file=sys.stderr)
        print("browser flow: 0 passed, 1 failed", file=sys.stderr)
    finally:
        signal.alarm(0)
        if browser is not None:
            if status:
                for w in sorted(set(browser.warnings)):
                    log(f"warning (not serious): {w}")
                log(f"{len(browser.pages_checked)} pages checked before the failure")
            browser.quit()
        server.stop()
        tail = open(os.path.join(workdir, "server.stderr.log")).read().splitlines()[-5:] if status else []
        if tail:
            print("server log (last lines):\n  " + "\n  ".join(tail), file=sys.stderr)
        if args.keep:
            print(f"(the run's files are in {workdir})", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
