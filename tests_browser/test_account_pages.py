"""Settings > API keys (shown once, reload-safe), avatars under the CSP, the skip link and the header's user menu."""

import base64

PHONE = {"width": 375, "height": 800}
# a 1x1 PNG, served in place of a third-party avatar host (the browser has no network)
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)
AVATAR = "https://avatars.example.test/ada.png"


def overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def test_a_new_key_is_shown_once_and_reloading_creates_no_second_key(visitor):
    visitor.sign_up()
    page = visitor.go("/settings/keys")
    page.fill("#id_name", "laptop")
    scopes = page.get_by_role("group", name="Scopes")
    scopes.get_by_label("runs:submit").check()
    page.get_by_role("button", name="Create key").click()
    secret = page.locator("[data-testid=new-key]").inner_text()
    assert secret.startswith("qh_") and secret not in page.url
    assert page.locator("[data-testid=key-row]").count() == 1
    visitor.shot("keys-new-key-shown-once")
    page.reload()
    assert page.locator("[data-testid=new-key]").count() == 0
    assert page.locator("[data-testid=key-row]").count() == 1

    page.set_viewport_size(PHONE)
    assert overflow(page) <= 0, f"/settings/keys scrolls sideways by {overflow(page)} px at 375 px"
    visitor.shot("keys-phone")
    assert visitor.errors == [], visitor.errors


def test_an_avatar_url_shows_on_the_profile_under_the_csp(visitor):
    visitor.context.route(
        "https://avatars.example.test/**", lambda route: route.fulfill(body=PNG, content_type="image/png")
    )
    username = visitor.sign_up()
    page = visitor.go("/settings")
    page.get_by_label("Avatar URL").fill(AVATAR)
    page.get_by_role("button", name="Save profile").click()
    page.get_by_text("Profile saved.").wait_for()
    page = visitor.go(f"/{username}")
    avatar = page.locator("[data-testid=avatar]")
    assert avatar.get_attribute("src") == AVATAR
    page.wait_for_function("document.querySelector('[data-testid=avatar]').complete")
    assert avatar.evaluate("img => img.naturalWidth") == 1  # loaded, not blocked by the Content-Security-Policy
    visitor.shot("profile-with-avatar")
    assert visitor.errors == [], visitor.errors


def test_skip_to_content_moves_the_keyboard_focus_into_main(visitor):
    page = visitor.go("/explore")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")  # the next stop is inside main, not the header
    assert page.evaluate("document.getElementById('main').contains(document.activeElement)")


def test_on_a_phone_the_signed_in_header_takes_three_lines_at_most_and_its_user_menu_works(visitor):
    username = visitor.sign_up("menu" + "x" * 30)
    visitor.page.set_viewport_size(PHONE)
    page = visitor.go("/")
    header = page.locator("header.site-header").bounding_box()
    visitor.shot("phone-header-signed-in")
    assert header["height"] <= 115, f"the header is {header['height']} px tall at 375 px"
    menu = page.locator("[data-testid=user-menu]")
    assert not menu.get_by_role("link", name="Settings").is_visible()
    menu.locator("summary").click()
    assert overflow(page) <= 0
    visitor.shot("phone-user-menu-open")
    assert menu.get_by_role("link", name="Your profile").get_attribute("href") == f"/{username}"
    menu.get_by_role("link", name="Settings").click()
    page.wait_for_url("**/settings")
    page.locator("[data-testid=user-menu] summary").click()
    page.get_by_role("button", name="Log out").click()
    page.get_by_role("link", name="Log in").wait_for()
    assert visitor.errors == [], visitor.errors
