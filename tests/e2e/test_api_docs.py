"""Swagger UI and Redoc render in Chromium under the Content-Security-Policy."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import watch_policy

pytestmark = pytest.mark.django_db(transaction=True)


def test_swagger_ui_renders_under_the_content_security_policy(browser, site, policy_violations):
    page = watch_policy(browser.new_context(), policy_violations).new_page()
    response = page.goto(f"{site.url}/api/docs/")
    assert "nonce-" in response.headers["content-security-policy"]
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Newsroom API")
    expect(page.locator(".opblock-tag-section").first).to_be_visible()
    # Its start-up script ran: the operations are listed, and one opens.
    page.locator(".opblock-summary").first.click()
    expect(page.locator(".opblock-body").first).to_be_visible()
    assert policy_violations == []


def test_redoc_renders_under_the_content_security_policy(browser, site, policy_violations):
    page = watch_policy(browser.new_context(), policy_violations).new_page()
    response = page.goto(f"{site.url}/api/redoc/")
    assert "content-security-policy" in response.headers
    expect(page.locator("h1").first).to_contain_text("Newsroom API")
    expect(
        page.locator("[role=search] input, input[placeholder='Search...']").first
    ).to_be_visible()
    assert policy_violations == []
