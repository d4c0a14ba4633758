"""An owner edits an organization's profile, then deletes it from the danger zone (with what it owns)."""

import uuid


def only_document_statuses(errors: list[str], *statuses: int) -> bool:
    """The console errors are exactly the documents' own statuses we caused (Chromium logs 4xx pages)."""
    return len(errors) == len(statuses) and all(f"status of {s}" in e for e, s in zip(errors, statuses, strict=True))


def create_org(visitor) -> str:
    slug = f"lab{uuid.uuid4().hex[:8]}"
    page = visitor.go("/orgs/new")
    page.fill("#id_name", "Photonics Lab")
    page.fill("#id_slug", slug)
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{visitor.base}/{slug}")
    return slug


def create_circuit_in(visitor, slug: str, name: str) -> None:
    page = visitor.go("/new")
    page.select_option("#id_organization_name", slug)
    page.fill("#id_name", name)
    page.fill("#id_title", "Hidden work")
    page.select_option("#id_framework", "qiskit")
    page.uncheck("#id_is_public")
    page.click("main form button[type=submit]")
    page.wait_for_url(f"**/{slug}/{name}/edit")


def test_an_owner_edits_the_profile_then_deletes_the_organization_with_what_it_owns(visitor):
    username = visitor.sign_up()
    slug = create_org(visitor)
    page = visitor.page
    page.click(f"a[href='/orgs/{slug}/settings']")
    page.fill("#id_org-name", "Photonics Lab II")
    page.fill("#id_org-description", "We *squeeze* light.")
    page.get_by_role("button", name="Save profile").click()
    page.get_by_text("Saved the organization's profile.").wait_for()
    assert page.input_value("#id_org-name") == "Photonics Lab II"
    visitor.shot("orgs-01-settings-saved")
    profile = visitor.go(f"/{slug}")
    assert profile.locator("h1", has_text="Photonics Lab II").count() == 1
    assert profile.locator("em", has_text="squeeze").count() == 1

    create_circuit_in(visitor, slug, "hidden")
    page = visitor.go(f"/orgs/{slug}/settings")
    page.get_by_role("link", name="Delete this organization…").click()
    page.wait_for_url(f"**/orgs/{slug}/delete")
    owned = page.locator("[data-testid=owned]")
    assert "1 circuit" in owned.inner_text() and "0 datasets" in owned.inner_text()
    assert page.get_by_text("It still owns 1 resource.").count() == 1

    page.get_by_label("Type the organization's name to confirm").fill("wrong")
    page.get_by_role("button", name=f"Delete {slug}").click()
    page.get_by_text(f"Type the organization's name, {slug}, exactly.").wait_for()
    page.get_by_label("Type the organization's name to confirm").fill(slug)
    page.get_by_role("button", name=f"Delete {slug}").click()  # without force: refused, nothing deleted
    page.get_by_text("tick this to delete them with it").wait_for()
    visitor.shot("orgs-02-delete-refused-without-force")

    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    visitor.shot("orgs-03-delete-page-phone")
    page.set_viewport_size({"width": 1280, "height": 900})

    page.get_by_label("Type the organization's name to confirm").fill(slug)
    page.get_by_label("Also delete everything it owns, with their files").check()
    page.get_by_role("button", name=f"Delete {slug}").click()
    page.wait_for_url(f"{visitor.base}/{username}")
    page.get_by_text(f"Deleted the organization {slug}.").wait_for()
    visitor.shot("orgs-04-deleted")
    assert visitor.go(f"/{slug}/hidden").locator("h1", has_text="Page not found").count() == 1
    assert only_document_statuses(visitor.errors, 400, 400, 404), visitor.errors


def test_a_member_reads_the_settings_and_leaves_while_the_last_owner_cannot(chromium, live_site, visitor):
    from tests_browser.conftest import Watched

    member = Watched(chromium, live_site)
    try:
        member_name = member.sign_up()
        visitor.sign_up()
        slug = create_org(visitor)
        page = visitor.go(f"/orgs/{slug}")  # where people guess the page is: redirected to /<slug>
        assert page.url == f"{visitor.base}/{slug}"

        page = visitor.go(f"/orgs/{slug}/settings")
        page.get_by_label("Email of the user to add").fill("nobody-here@example.com")
        page.get_by_role("button", name="Add member").click()
        page.get_by_text("Could not add 'nobody-here@example.com'.").wait_for()
        page.get_by_label("Email of the user to add").fill(f"{member_name}@example.com")
        page.get_by_role("button", name="Add member").click()
        page.get_by_text(f"Added {member_name} as member.").wait_for()

        page = member.go(f"/{slug}")
        page.get_by_role("link", name="Settings").click()
        page.wait_for_url(f"**/orgs/{slug}/settings")
        assert page.locator("[data-testid=read-only]").is_visible()
        assert page.locator("[data-testid=member-row]").count() == 2
        assert page.get_by_role("button", name="Add member").count() == 0
        assert page.get_by_role("button", name="Create key").count() == 0
        member.shot("orgs-05-member-read-only-settings")
        page.get_by_role("link", name="Leave this organization…").click()
        page.wait_for_url(f"**/orgs/{slug}/leave")
        member.shot("orgs-06-leave-confirmation")
        page.get_by_role("button", name=f"Leave {slug}").click()
        page.wait_for_url(f"{member.base}/{member_name}")
        page.get_by_text(f"You left the organization {slug}.").wait_for()
        assert member.errors == [], member.errors

        page = visitor.go(f"/orgs/{slug}/leave")
        assert f"You are the last owner of {slug}" in page.locator("[data-testid=leave-refused]").inner_text()
        assert page.get_by_role("button", name=f"Leave {slug}").count() == 0
        visitor.shot("orgs-07-last-owner-cannot-leave")
        assert only_document_statuses(visitor.errors, 400), visitor.errors  # the unknown email's form
    finally:
        member.context.close()
