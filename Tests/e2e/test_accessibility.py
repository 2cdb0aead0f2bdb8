"""Every key page checked by axe-core (bundled by axe-selenium-python, no network) against WCAG 2
A and AA: contrast, labels, names, landmarks, language. A violation fails the test with axe's
report of what and where."""
from axe_selenium_python import Axe
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import screenshot, sign_in_with_token, submit, type_into


def violations(driver):
    axe = Axe(driver)
    axe.inject()
    results = axe.run(options='{"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa"]}}')
    # A page axe found nothing to check on means axe did not really run.
    assert any(rule["id"] == "color-contrast" for rule in results["passes"]), "axe did not check contrast on " + driver.current_url
    return results["violations"], axe.report(results["violations"])


def check(driver, url, pages):
    driver.get(url)
    found, report = violations(driver)
    pages.append((url, [violation["id"] for violation in found], report))


def test_key_pages_meet_wcag_aa(portal, browser, second_browser):
    customer, staff = browser, second_browser
    pages = []
    base = portal["portal"]
    check(customer, base, pages)
    check(customer, base + "track", pages)
    sign_in_with_token(customer, portal, portal["token"])
    check(customer, base, pages)
    customer.get(base + "requests/new")
    submit(customer, "form[action='new'] button")
    found, report = violations(customer)
    pages.append(("new request refused", [violation["id"] for violation in found], report))
    type_into(customer, "title", "Máy in không in được")
    type_into(customer, "content", "Kẹt giấy.")
    type_into(customer, "contact-name", "Nguyễn Thị Lan")
    type_into(customer, "contact-email", "lan@bia-saigon.test")
    type_into(customer, "contact-phone", "0912 345 678")
    submit(customer, "form[action='new'] button")
    code = customer.current_url.rsplit("/", 1)[1]
    check(customer, base + "requests/" + code, pages)
    check(customer, base + "requests", pages)
    check(customer, base + "track?code=%s&phone=5678" % code, pages)

    staff.get(base + "staff/login")
    check(staff, base + "staff/login", pages)
    type_into(staff, "username", "hoa")
    type_into(staff, "password", "mat-khau-dai-1")
    submit(staff, "form button")
    WebDriverWait(staff, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, "nav.sections")))
    for path in ("staff/", "staff/tickets", "staff/customers/KH0001", "staff/tickets?q=may+in&sort=-updated", "staff/tickets/" + code, "staff/customers", "staff/members", "staff/workflows", "staff/workflows/support",
                 "staff/settings/introduction", "staff/settings/service-levels", "staff/password", "staff/?lang=en"):
        check(staff, base + path, pages)
    staff.get(base + "staff/members")
    screenshot(staff, "staff-members")

    failing = [(url, ids, report) for url, ids, report in pages if ids]
    assert not failing, "\n\n".join("%s: %s\n%s" % page for page in failing)
