"""The administrators' pages in a real browser (issue 5): signing in by keyboard alone, the
service introduction the customers then see, a customer's token issued, used, rotated and revoked,
a stage added to a workflow, and the business hours with a refusal shown next to its field."""
from selenium.webdriver.common.alert import Alert
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import screenshot, sign_in_with_token, submit, type_into


def sign_in_by_keyboard(driver, portal):
    """Tab from the top of the page: the skip link, the language switch, then the form's fields."""
    driver.get(portal["portal"] + "staff/login")
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    assert driver.switch_to.active_element.get_attribute("class") == "skip"
    for _ in range(6):
        if driver.switch_to.active_element.get_attribute("id") == "username":
            break
        driver.switch_to.active_element.send_keys(Keys.TAB)
    assert driver.switch_to.active_element.get_attribute("id") == "username"
    driver.switch_to.active_element.send_keys("hoa", Keys.TAB)
    assert driver.switch_to.active_element.get_attribute("id") == "password"
    driver.execute_script("window.beforeSubmit = true")
    driver.switch_to.active_element.send_keys("mat-khau-dai-1", Keys.ENTER)
    WebDriverWait(driver, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, "nav.sections")))


def accept_confirmation(driver):
    WebDriverWait(driver, 5).until(EC.alert_is_present())
    Alert(driver).accept()


def issued_token(driver):
    return WebDriverWait(driver, 10).until(EC.presence_of_element_located((By.ID, "issued-token"))).text


def test_administrator_settings(portal, browser, second_browser):
    staff, customer = browser, second_browser
    sign_in_by_keyboard(staff, portal)

    # The service introduction: a bad email is refused next to its field, the rest kept.
    staff.find_element(By.LINK_TEXT, "Giới thiệu dịch vụ").click()
    type_into(staff, "delivery-vi", "Hỗ trợ từ xa qua portal và điện thoại; đến tận nơi khi cần.")
    type_into(staff, "hours-vi", "8:00-17:30, thứ Hai đến thứ Sáu")
    type_into(staff, "hotline", "1900 6868")
    type_into(staff, "email", "hotro-khong-hop-le")
    staff.execute_script("document.querySelector('form.editor').noValidate = true")
    submit(staff, "form.editor button[type=submit]")
    assert staff.find_element(By.ID, "email-error").is_displayed()
    assert staff.find_element(By.ID, "hotline").get_attribute("value") == "1900 6868"
    type_into(staff, "email", "HoTro@AnPhat.vn")
    submit(staff, "form.editor button[type=submit]")
    assert staff.find_element(By.CSS_SELECTOR, "p.saved").is_displayed()
    assert staff.find_element(By.ID, "email").get_attribute("value") == "hotro@anphat.vn"
    screenshot(staff, "staff-introduction")

    customer.get(portal["portal"])
    introduction = customer.find_element(By.CSS_SELECTOR, "section.introduction")
    assert "Hỗ trợ từ xa qua portal" in introduction.text
    assert introduction.find_element(By.CSS_SELECTOR, "a[href='tel:19006868']").text == "1900 6868"
    screenshot(customer, "landing-introduction")

    # A new customer's token, shown once, signs the customer in; rotating and revoking end it.
    staff.find_element(By.LINK_TEXT, "Khách hàng và mã truy cập").click()
    type_into(staff, "customer-name", "Gara Minh Long")
    # A date field's typing order follows the browser's locale; its value is always YYYY-MM-DD.
    staff.execute_script("document.getElementById('warranty-until').value = '2027-06-30'")
    submit(staff, "form.stack button[type=submit]")
    first = issued_token(staff)
    screenshot(staff, "staff-customers")
    sign_in_with_token(customer, portal, first)
    assert "Xin chào, Gara Minh Long" in customer.page_source
    assert "30/06/2027" in customer.page_source

    staff.get(portal["portal"] + "staff/customers")
    row = staff.find_element(By.XPATH, "//tr[td[2]='Gara Minh Long']")
    assert "30/06/2027" in row.text
    staff.execute_script("window.beforeSubmit = true")
    row.find_element(By.CSS_SELECTOR, "form[action$='/rotate'] button").click()
    accept_confirmation(staff)
    second = issued_token(staff)
    assert second != first
    customer.get(portal["portal"])
    assert customer.find_elements(By.ID, "token"), "the old token's session ended with the rotation"

    sign_in_with_token(customer, portal, second)
    assert "Xin chào, Gara Minh Long" in customer.page_source
    row = staff.find_element(By.XPATH, "//tr[td[2]='Gara Minh Long']")
    staff.execute_script("window.beforeSubmit = true")
    row.find_element(By.CSS_SELECTOR, "form[action$='/revoke'] button").click()
    accept_confirmation(staff)
    WebDriverWait(staff, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, "p.saved")))
    customer.get(portal["portal"])
    assert customer.find_elements(By.ID, "token")

    # A stage joins the support workflow, reachable from "in progress" and back.
    staff.find_element(By.LINK_TEXT, "Quy trình").click()
    staff.find_element(By.LINK_TEXT, "Yêu cầu hỗ trợ").click()
    type_into(staff, "new-key", "cho_linh_kien")
    type_into(staff, "position-new-stage", "3")
    type_into(staff, "name-vi-new-stage", "Chờ linh kiện")
    type_into(staff, "name-en-new-stage", "Waiting for parts")
    staff.find_element(By.CSS_SELECTOR, "#stage-in_progress input[name='moves.in_progress'][value='+new']").click()
    staff.find_element(By.CSS_SELECTOR, "#stage-new-stage input[value='in_progress']").click()
    submit(staff, "form.editor > button[type=submit]")
    assert staff.find_element(By.CSS_SELECTOR, "p.saved").is_displayed()
    legends = [element.text for element in staff.find_elements(By.CSS_SELECTOR, "fieldset.stage-card > legend")]
    assert legends[2] == "Chờ linh kiện (cho_linh_kien)"
    screenshot(staff, "staff-workflow")

    # Business hours: hours that end before they start are refused next to the field.
    staff.find_element(By.LINK_TEXT, "Giờ làm việc và thời hạn xử lý").click()
    type_into(staff, "weekly-hours", "mon-fri 17:00-08:00")
    submit(staff, "form.editor > button[type=submit]")
    assert staff.find_element(By.ID, "weekly-hours-error").is_displayed()
    type_into(staff, "weekly-hours", "mon-fri 08:00-12:00,13:30-17:30; sat 08:00-12:00")
    type_into(staff, "holidays", "2026-09-02 Quốc khánh")
    submit(staff, "form.editor > button[type=submit]")
    assert staff.find_element(By.CSS_SELECTOR, "p.saved").is_displayed()
    assert staff.find_element(By.ID, "holidays").get_attribute("value") == "2026-09-02 Quốc khánh"
    screenshot(staff, "staff-service-levels")
