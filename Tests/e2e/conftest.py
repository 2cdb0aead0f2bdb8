"""Fixtures for the browser tests (issue 5): a tenant with a customer token and a staff member made
with portal-admin, a real SMTP server (aiosmtpd) in this process, `portal-admin serve` on a free
loopback port, and headless Chromium drivers. Run by scripts/e2e, which sets E2E_ADMIN (the
portal-admin binary) and the database URLs."""
import os
import secrets
import socket
import subprocess
import threading
import time
import urllib.request

import pytest
from aiosmtpd.controller import Controller
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ADMIN = os.environ["E2E_ADMIN"]
SCREENSHOTS = os.environ.get("E2E_SCREENSHOTS", ".local/screenshots")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def admin(*args, stdin=None, env=None):
    done = subprocess.run([ADMIN, *args], input=stdin, capture_output=True, text=True, check=True, env=env)
    return done.stdout.strip().splitlines()


class Inbox:
    """What the SMTP server received: raw messages, in arrival order."""

    def __init__(self):
        self.messages = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.messages.append((envelope.rcpt_tos, envelope.content.decode("utf-8", "replace")))
        return "250 OK"

    def wait_for(self, predicate, timeout=20):
        deadline = time.time() + timeout
        while time.time() < deadline:
            with self.lock:
                for recipients, raw in self.messages:
                    if predicate(recipients, raw):
                        return raw
            time.sleep(0.2)
        raise AssertionError("no such mail arrived within %s s" % timeout)


# A tenant and a server per test, so that no test sees another's customers, contacts or tickets.
@pytest.fixture
def portal():
    slug = "e2e-" + secrets.token_hex(4)
    admin("tenant", "create", slug, "--name", "Công ty Phần mềm An Phát", "--modules", "it")
    token = admin("token", "issue", slug, "--customer", "Công ty Bia Sài Gòn", "--warranty-until", "2099-12-31")[-1]
    admin("staff", "create", slug, "hoa", "--role", "admin", "--name", "Trần Thị Hoa", "--team", "ho-tro", stdin="mat-khau-dai-1\n")
    inbox = Inbox()
    smtp = Controller(inbox, hostname="127.0.0.1", port=free_port())
    smtp.start()
    port = free_port()
    base = "http://127.0.0.1:%d" % port
    env = dict(os.environ, SMTP_HOST="127.0.0.1", SMTP_PORT=str(smtp.port), SMTP_STARTTLS="false", MAIL_FROM="portal@anphat.test",
               PUBLIC_BASE_URL=base, LINK_SECRET=secrets.token_urlsafe(48), LOG_LEVEL="info")
    os.makedirs(SCREENSHOTS, exist_ok=True)
    log = open(os.path.join(SCREENSHOTS, "server.log"), "w")
    server = subprocess.Popen([ADMIN, "serve", "--host", "127.0.0.1", "--port", str(port)], env=env, stderr=log)
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        yield {"base": base, "slug": slug, "token": token, "inbox": inbox, "portal": "%s/t/%s/" % (base, slug)}
    finally:
        server.terminate()
        server.wait(timeout=20)
        smtp.stop()
        log.close()
        subprocess.run([ADMIN, "tenant", "suspend", slug], capture_output=True)
        subprocess.run([ADMIN, "tenant", "delete", slug, "--confirm", slug], capture_output=True)


def make_driver():
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=vi"):
        options.add_argument(argument)
    # A Vietnamese visitor, as the portal's users are: Accept-Language asks for Vietnamese first.
    options.add_experimental_option("prefs", {"intl.accept_languages": "vi,en"})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


@pytest.fixture
def browser():
    driver = make_driver()
    yield driver
    driver.quit()


@pytest.fixture
def second_browser():
    driver = make_driver()
    yield driver
    driver.quit()


def screenshot(driver, name):
    """The page at 1280 px and at 360 px wide, for review (git-ignored folder). At either width
    the page must not be wider than the window: nobody should have to scroll sideways."""
    for width in (1280, 360):
        driver.set_window_size(width, 900)
        driver.save_screenshot(os.path.join(SCREENSHOTS, "%s-%d.png" % (name, width)))
        overflow = driver.execute_script(
            "const e = document.documentElement; return [e.scrollWidth, e.clientWidth, "
            "[...document.body.querySelectorAll('*')].filter(n => n.getBoundingClientRect().right > e.clientWidth + 1)"
            ".slice(0, 3).map(n => n.tagName + '.' + n.className)]")
        assert overflow[0] <= overflow[1], "%s at %d px is %d px wide (%s)" % (name, width, overflow[0], overflow[2])
    driver.set_window_size(1280, 900)


def submit(driver, selector, timeout=10):
    """Clicks the form's button and waits until the next page has replaced this one (its window
    no longer carries the mark set here) and has loaded."""
    driver.execute_script("window.beforeSubmit = true")
    driver.find_element(By.CSS_SELECTOR, selector).click()
    WebDriverWait(driver, timeout).until(
        lambda d: d.execute_script("return window.beforeSubmit === undefined && document.readyState === 'complete'"))


def sign_in_with_token(driver, portal, token):
    driver.get(portal["portal"])
    driver.find_element(By.ID, "token").send_keys(token)
    submit(driver, "form[action='sign-in'] button")


def type_into(driver, element_id, text):
    """Replaces the field's value with `text`, whatever the page put there: focusing the field first
    lets the one left fire its change (a known contact's name fills in the email) before clearing."""
    field = driver.find_element(By.ID, element_id)
    field.click()
    field.clear()
    field.send_keys(text)
