"""Settings > Hardware providers, the header's theme picker and "New" menu, and the header at phone width."""

from tests_browser.test_journeys import publish_circuit

IBM_TOKEN = "ibm-browser-token-1234567890"
PHONE = {"width": 375, "height": 800}
# What the page's own stylesheet makes of a highlighted keyword and of the page background.
COLOURS = """() => {
  const probe = document.createElement("div");
  probe.className = "highlight";
  probe.innerHTML = '<span class="k">def</span>';
  document.body.append(probe);
  const colours = {
    keyword: getComputedStyle(probe.firstChild).color,
    background: getComputedStyle(document.body).backgroundColor,
    theme: document.documentElement.getAttribute("data-theme"),
  };
  probe.remove();
  return colours;
}"""
DARK_BG, LIGHT_BG = "rgb(13, 17, 23)", "rgb(255, 255, 255)"
DARK_KEYWORD, LIGHT_KEYWORD = "rgb(210, 168, 255)", "rgb(166, 38, 164)"
# Records data-theme when <body> is first inserted, i.e. before anything can be painted.
THEME_AT_BODY = """
new MutationObserver((changes, observer) => {
  if (document.body) { window.__themeAtBody = document.documentElement.getAttribute("data-theme"); observer.disconnect(); }
}).observe(document, { childList: true, subtree: true });
"""


def test_set_and_remove_hardware_credentials(visitor):
    visitor.sign_up()
    page = visitor.go("/settings")
    page.click("nav.tabs >> text=Hardware providers")
    page.wait_for_url("**/settings/providers")
    ibm = page.locator("[data-testid=provider-ibm]")
    assert ibm.locator("[data-testid=credentials-mine]").inner_text().endswith("not set")

    braket = page.locator("[data-testid=provider-braket]")
    braket.locator("summary").click()
    braket.locator("#id_braket-token").fill("missing-the-colon")
    braket.locator("button[type=submit]").click()
    error = page.locator("[data-testid=provider-braket] [role=alert]")
    assert "access key id" in error.inner_text()
    assert page.locator("#id_braket-token").input_value() == ""  # the secret is not sent back

    ibm = page.locator("[data-testid=provider-ibm]")
    ibm.locator("summary").click()
    ibm.locator("#id_ibm-token").fill(IBM_TOKEN)
    ibm.locator("#id_ibm-instance").fill("crn:v1:browser")
    ibm.locator("button[type=submit]").click()
    page.locator("text=IBM Quantum credentials saved for your account.").wait_for()
    assert "set" in page.locator("[data-testid=provider-ibm] [data-testid=credentials-mine]").inner_text()
    assert IBM_TOKEN not in page.content() and "crn:v1:browser" not in page.content()
    visitor.shot("settings-providers-set")

    page.click("[data-testid=provider-ibm] [data-testid=credentials-mine] a")
    page.wait_for_url("**/settings/providers/ibm/remove")
    assert "Remove the IBM Quantum credentials of your account?" in page.content()
    visitor.shot("settings-providers-remove-confirmation")
    page.click("main button.danger")
    page.locator("text=Removed the IBM Quantum credentials of your account.").wait_for()
    assert page.locator("[data-testid=provider-ibm] [data-testid=credentials-mine]").inner_text().endswith("not set")
    # the invalid form's own 400 status, which Chromium logs as a console error; nothing else
    assert len(visitor.errors) == 1 and "status of 400" in visitor.errors[0], visitor.errors


def test_the_theme_picker_overrides_the_system_and_is_applied_before_first_paint(visitor):
    visitor.context.add_init_script(THEME_AT_BODY)
    page = visitor.go("/")
    assert page.evaluate(COLOURS) == {"keyword": LIGHT_KEYWORD, "background": LIGHT_BG, "theme": None}

    picker = page.locator("[data-testid=theme-picker]")
    assert picker.is_visible() and picker.input_value() == "system"
    assert page.locator("label.theme-picker").inner_text().strip().startswith("Colour theme")
    picker.focus()
    page.keyboard.press("ArrowDown")  # keyboard: system -> light
    page.keyboard.press("ArrowDown")  # light -> dark
    assert picker.input_value() == "dark"
    assert page.evaluate(COLOURS) == {"keyword": DARK_KEYWORD, "background": DARK_BG, "theme": "dark"}
    visitor.shot("theme-dark-on-a-light-system")

    page.reload()
    assert page.evaluate("window.__themeAtBody") == "dark"  # no flash of the light theme
    assert page.locator("[data-testid=theme-picker]").input_value() == "dark"

    visitor.page.emulate_media(color_scheme="dark")
    page.select_option("[data-testid=theme-picker]", "light")
    assert page.evaluate(COLOURS) == {"keyword": LIGHT_KEYWORD, "background": LIGHT_BG, "theme": "light"}
    page.select_option("[data-testid=theme-picker]", "system")  # follows the (dark) system again
    assert page.evaluate(COLOURS) == {"keyword": DARK_KEYWORD, "background": DARK_BG, "theme": None}
    page.reload()
    assert page.evaluate("window.__themeAtBody") is None
    visitor.shot("theme-system-dark")
    assert visitor.errors == []


def test_the_new_menu_offers_datasets_and_organizations(visitor):
    visitor.sign_up()
    page = visitor.go("/")
    menu = page.locator("[data-testid=new-menu]")
    assert not menu.locator("a", has_text="New organization").is_visible()
    menu.locator("summary").click()
    links = {a.inner_text(): a.get_attribute("href") for a in menu.locator("a").all()}
    assert links["New dataset"] == "/datasets/new" and links["New organization"] == "/orgs/new"
    visitor.shot("new-menu-open")
    page.keyboard.press("Escape")
    assert menu.get_attribute("open") is None
    menu.locator("summary").press("Enter")  # keyboard opens it too
    last = menu.locator("a").last
    last.focus()
    page.keyboard.press("Tab")  # past its last item: the menu closes
    assert menu.get_attribute("open") is None
    menu.locator("summary").press("Enter")
    menu.locator("a", has_text="New organization").click()
    page.wait_for_url("**/orgs/new")
    assert visitor.errors == []


def overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def create_pages(visitor, tmp_path) -> dict[str, str]:
    """A circuit, one of its runs, a dataset and a space of a new user; their paths by kind."""
    circuit = publish_circuit(visitor, tmp_path, "phone-bell")
    page = visitor.go(circuit)
    page.select_option("#id_backend_name", "qiskit_aer")
    page.click("[data-testid=run]")
    page.wait_for_url("**/runs/*")
    run = page.url.removeprefix(visitor.base)
    page = visitor.go("/datasets/new")
    page.fill("#id_name", "phone-data")
    page.fill("#id_title", "A dataset with a title long enough to need wrapping on a phone screen")
    page.select_option("#id_format", "csv")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/datasets/*/phone-data")
    dataset = page.url.removeprefix(visitor.base)
    page = visitor.go("/spaces/new")
    page.fill("#id_name", "phone-space")
    page.fill("#id_title", "Phone space")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/phone-space**")
    space = page.url.removeprefix(visitor.base).split("?")[0]
    return {"home": "/", "circuit": circuit, "run": run, "dataset": dataset, "space": space}


def test_nothing_overflows_at_phone_width(visitor, tmp_path):
    visitor.sign_up("phone" + "x" * 30)  # a long username in the header
    pages = create_pages(visitor, tmp_path)
    visitor.page.set_viewport_size(PHONE)
    for kind, path in [*pages.items(), ("settings", "/settings/providers")]:
        page = visitor.go(path)
        page.wait_for_load_state("load")
        assert overflow(page) <= 0, f"the {kind} page ({path}) scrolls sideways by {overflow(page)} px"
        page.locator("[data-testid=new-menu] summary").click()
        assert overflow(page) <= 0, f"the open New menu on the {kind} page scrolls sideways"
        if kind in ("home", "circuit"):
            visitor.shot(f"phone-{kind}")
    assert visitor.errors == []


THEME_VARIABLES = """() => Object.fromEntries(["--bg", "--card", "--code", "--fg", "--muted", "--accent", "--accent-fg", "--bad",
  "--bad-fg", "--ok", "--warn", "--syn-kw", "--syn-str", "--syn-num", "--syn-fn"].map(
    (name) => [name, getComputedStyle(document.documentElement).getPropertyValue(name).trim()]))"""
# (text, background) pairs the stylesheet draws: body text, links, buttons, statuses, highlighted code
TEXT_PAIRS = [
    *[
        (text, ground)
        for text in ("--fg", "--muted", "--accent", "--bad", "--ok", "--warn")
        for ground in ("--bg", "--card")
    ],
    ("--accent-fg", "--accent"),
    ("--bad-fg", "--bad"),
    *[(syntax, "--code") for syntax in ("--syn-kw", "--syn-str", "--syn-num", "--syn-fn", "--muted")],
]


def contrast(first: str, second: str) -> float:
    def luminance(colour: str) -> float:
        channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_text_meets_wcag_aa_contrast_in_both_themes(visitor):
    page = visitor.go("/")
    for theme in ("light", "dark"):
        page.evaluate(f"document.documentElement.setAttribute('data-theme', '{theme}')")
        colours = page.evaluate(THEME_VARIABLES)
        failing = {
            f"{text} on {ground}": round(contrast(colours[text], colours[ground]), 2)
            for text, ground in TEXT_PAIRS
            if contrast(colours[text], colours[ground]) < 4.5
        }
        assert failing == {}, f"{theme} theme below 4.5:1: {failing}"


def test_without_javascript_the_new_and_user_menus_work_and_the_theme_picker_is_hidden(chromium, live_site, visitor):
    username = visitor.sign_up()
    cookies = visitor.context.cookies()
    context = chromium.new_context(java_script_enabled=False)
    try:
        context.add_cookies(cookies)
        page = context.new_page()
        page.goto(live_site + "/")
        assert page.locator("a.who", has_text=username).count() == 1
        assert not page.locator("[data-testid=theme-picker]").is_visible()
        page.click("[data-testid=new-menu] summary")
        page.click("[data-testid=new-menu] >> text=New dataset")
        page.wait_for_url("**/datasets/new")
        page.click("[data-testid=user-menu] summary")  # the user menu is a <details> too
        page.click("[data-testid=user-menu] >> text=Settings")
        page.wait_for_url("**/settings")
    finally:
        context.close()
