"""An invited staff member in a real browser (PRODUCT.md A1): `portal-admin staff invite` queues the
mail, the running server delivers it to the real SMTP server, and the link in it lets the member
choose a password and land in the workspace; opened again, the link says it has been used."""
import email
import os
import re

from email import policy
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import admin, screenshot, submit, type_into


def test_invited_member_chooses_a_password(portal, browser):
    printed = admin("staff", "invite", portal["slug"], "minh", "--role", "agent", "--email", "minh@anphat.test", "--name", "Lê Văn Minh",
                    env=dict(os.environ, PUBLIC_BASE_URL=portal["base"]))
    raw = portal["inbox"].wait_for(lambda recipients, raw: "minh@anphat.test" in recipients)
    message = email.message_from_string(raw, policy=policy.default)
    text = message.get_body(preferencelist=("plain",)).get_content()
    link = re.search(r"(http://\S+/staff/invitation\?k=\S+)", text).group(1)
    assert link == printed[-1]

    browser.get(link)
    assert "minh" in browser.find_element(By.TAG_NAME, "main").text
    type_into(browser, "new-password", "mat-khau-cua-minh-1")
    type_into(browser, "repeat-password", "mat-khau-khac-han-1")
    submit(browser, "form button")
    assert "không giống nhau" in browser.find_element(By.ID, "repeat-password-error").text
    screenshot(browser, "invitation-refused")
    type_into(browser, "new-password", "mat-khau-cua-minh-1")
    type_into(browser, "repeat-password", "mat-khau-cua-minh-1")
    submit(browser, "form button")
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, "nav.sections")))
    assert browser.current_url.endswith("/staff/")

    browser.get(link)
    assert "đã được dùng" in browser.find_element(By.TAG_NAME, "main").text
