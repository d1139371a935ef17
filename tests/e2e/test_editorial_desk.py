"""A reporter writes and submits a story in the admin; an editor previews and publishes
it; the public API serves it. In headless Chromium, the way the newsroom works."""

import re

import pytest
from playwright.sync_api import expect

from articles.models import Article, ArticleStatus
from media.models import Agency, AgencyCategory
from tests.desk import make_user
from tests.e2e.conftest import watch_policy
from tests.factories import SectionFactory
from tests.images import image_bytes

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "correct horse battery staple"


def log_in(browser, site, username, violations):
    context = watch_policy(
        browser.new_context(viewport={"width": 1280, "height": 900}), violations
    )
    page = context.new_page()
    # A dialog (the unsaved-changes warning) would mean the page misjudged the form.
    page.on("dialog", lambda dialog: pytest.fail(f"unexpected dialog: {dialog.message}"))
    page.goto(f"{site.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("#user-tools")).to_contain_text("Log out")
    return page


def choose(page, container, text):
    """Pick ``text`` in the autocomplete (select2) inside ``container``.

    Select2 queries once on opening and again on typing; a late answer can redraw the
    list under the click, so check the choice took and try again if it did not.
    """
    chosen = page.locator(f"{container} .select2-selection__rendered").first
    for _attempt in range(3):
        page.locator(f"{container} .select2-selection").first.click()
        page.locator(".select2-container--open .select2-search__field").fill(text)
        option = page.locator(
            ".select2-container--open .select2-results__option[aria-selected]", has_text=text
        ).first
        option.click()
        if text in (chosen.text_content() or ""):
            return
    expect(chosen).to_contain_text(text)


def save_popup(popup, artifacts):
    """Save an add-related pop-up; saving closes it and picks the new row in the page."""
    try:
        with popup.expect_event("close", timeout=15_000):
            popup.locator("input[name=_save]").click()
    except Exception:
        popup.screenshot(path=str(artifacts / "popup-failure.png"), full_page=True)
        raise


def add_block(page, index, kind):
    page.locator("#blocks-group .add-row a").click()
    expect(page.locator(f"#blocks-{index} .desk-move")).to_be_visible()
    page.select_option(f"select[name='blocks-{index}-kind']", kind)


def test_reporter_writes_and_submits_editor_previews_and_publishes(
    browser, site, artifacts, tmp_path, api_client, policy_violations
):
    make_user("reporter", username="rita", first_name="Rita", last_name="Reporter")
    make_user("editor", username="eddie", first_name="Eddie", last_name="Editor")
    SectionFactory(name="World", slug="world")
    Agency.objects.create(name="AFP", slug="afp", category=AgencyCategory.WIRE)
    photo_file = tmp_path / "doha.jpg"
    photo_file.write_bytes(image_bytes(width=1200, height=800, color=(40, 90, 140)))

    # --- The reporter writes the story -------------------------------------------------
    page = log_in(browser, site, "rita", policy_violations)
    page.goto(f"{site.url}/admin/articles/article/add/")
    page.fill("#id_headline", "Ceasefire talks resume in Doha")
    page.fill("#id_dek", "Negotiators meet again as aid groups warn of famine.")
    expect(page.locator("#id_slug")).to_have_value("ceasefire-talks-resume-in-doha")
    choose(page, ".field-section", "World")

    add_block(page, 0, "paragraph")
    page.fill(
        "textarea[name='blocks-0-text']",
        "Talks resumed on Wednesday, <b>officials said</b>.<script>alert(1)</script>",
    )
    add_block(page, 1, "heading")
    page.fill("textarea[name='blocks-1-text']", "Children in fear")
    expect(page.locator("#blocks-1 .field-photo")).to_be_hidden()

    add_block(page, 2, "photo")
    with page.expect_popup() as popup_info:
        page.locator("#add_id_blocks-2-photo").click()
    popup = popup_info.value
    popup.set_input_files("#id_image", str(photo_file))
    popup.fill("#id_title", "Doha talks")
    popup.fill("#id_credit_creator", "Karim Jaafar")
    popup.select_option("#id_credit_agency", label="AFP")
    popup.fill("#id_caption", "Delegates arrive for the talks in Doha.")
    popup.fill("#id_alt_text", "Men in suits walk past flags into a conference hall.")
    save_popup(popup, artifacts)
    expect(page.locator("#blocks-2 .desk-photo")).to_contain_text("PHOTO/Karim Jaafar/AFP")

    add_block(page, 3, "paragraph")
    page.fill(
        "textarea[name='blocks-3-text']",
        "“We are running out of time,” said Jens Laerke of the UN humanitarian office.",
    )
    # The body can be rearranged: move the heading down below the photo, then back.
    page.locator("#blocks-1 .desk-move button[title='Move down']").click()
    page.locator("#blocks-1 .desk-move button[title='Move up']").click()

    page.locator("#quotes-group .add-row a").click()
    page.fill("textarea[name='quotes-0-text']", "We are running out of time")
    with page.expect_popup() as popup_info:
        page.locator("#add_id_quotes-0-speaker").click()
    popup = popup_info.value
    popup.fill("#id_name", "Jens Laerke")
    popup.fill("#id_description", "Spokesman for OCHA")
    save_popup(popup, artifacts)
    page.fill("input[name='quotes-0-speaker_role']", "spokesman for the UN humanitarian office")

    page.locator("input[name=_submit_for_review]").click()
    expect(page.locator(".messagelist")).to_contain_text("Submitted for review")
    expect(page.locator(".desk-state")).to_have_text("In review")
    page.screenshot(path=str(artifacts / "article-change-page-reporter.png"), full_page=True)
    page.context.close()

    article = Article.objects.get(slug="ceasefire-talks-resume-in-doha")
    assert article.status == ArticleStatus.IN_REVIEW
    assert [block.kind for block in article.blocks.all()] == [
        "paragraph",
        "heading",
        "photo",
        "paragraph",
    ]
    assert "<script" not in article.blocks.first().text
    assert api_client.get(f"/api/v1/articles/{article.pk}/").status_code == 404

    # --- The editor previews and publishes ---------------------------------------------
    page = log_in(browser, site, "eddie", policy_violations)
    page.goto(f"{site.url}/admin/articles/article/")
    page.locator("#changelist-filter a", has_text="In review").click()
    page.locator("#result_list a", has_text="Ceasefire talks resume in Doha").click()
    expect(page.locator(".desk-state")).to_have_text("In review")
    page.screenshot(path=str(artifacts / "article-change-page.png"), full_page=True)

    preview_url = page.locator(".desk-preview-button").get_attribute("href")
    preview = page.context.new_page()
    preview.goto(f"{site.url}{preview_url}")
    expect(preview.locator("h1")).to_have_text("Ceasefire talks resume in Doha")
    expect(preview.locator("nav.toc")).to_contain_text("Children in fear")
    expect(preview.locator("figure figcaption")).to_contain_text(
        "Delegates arrive for the talks in Doha."
    )
    expect(preview.locator("figure .credit")).to_have_text("PHOTO/Karim Jaafar/AFP")
    expect(preview.locator(".quote-list")).to_contain_text("Jens Laerke")
    preview.screenshot(path=str(artifacts / "article-preview.png"), full_page=True)
    preview.close()

    page.locator(".desk-action button.desk-publish").click()
    expect(page.locator(".messagelist")).to_contain_text("Published")
    expect(page.locator(".desk-state")).to_have_text("Published")

    # --- The public API serves it ------------------------------------------------------
    response = page.request.get(f"{site.url}/api/v1/articles/{article.pk}/")
    assert response.status == 200
    document = response.json()
    assert document["headline"] == "Ceasefire talks resume in Doha"
    assert [block["type"] for block in document["body"]] == [
        "paragraph",
        "heading",
        "photo",
        "paragraph",
    ]
    photo = document["body"][2]["photo"]
    assert photo["credit_line"] == "PHOTO/Karim Jaafar/AFP"
    assert photo["alt_text"] == "Men in suits walk past flags into a conference hall."
    assert document["table_of_contents"][0]["text"] == "Children in fear"
    quote = document["quotes"][0]
    assert (quote["speaker"]["name"], quote["speaker_role"]) == (
        "Jens Laerke",
        "spokesman for the UN humanitarian office",
    )
    assert re.search(r"<b>officials said</b>", document["body"][0]["html"])
    page.context.close()
