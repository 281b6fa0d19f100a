using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Widget.Browser.Tests.Infrastructure;

/// <summary>The widget as a visitor sees it, inside the iframe of a webmaster's page.</summary>
public sealed class EmbeddedWidget(IPage page, ILocator iframe)
{
    private readonly IFrameLocator frame = iframe.ContentFrame;

    /// <summary>The widget in the iframe that <see cref="HostPages.IframeSnippet"/> pastes.</summary>
    public EmbeddedWidget(IPage page)
        : this(page, page.Locator("iframe[title=\"Chat\"]"))
    {
    }

    /// <summary>The webmaster's page around the widget.</summary>
    public IPage HostPage => page;

    public ILocator Iframe => iframe;

    public ILocator Title => frame.Locator(".widget-title");

    public ILocator Root => frame.Locator(".widget");

    public ILocator SignInButton => frame.Locator(".signin-button");

    /// <summary>"Continue with your account" or "Continue as NAME": sign-in through storage access.</summary>
    public ILocator ContinueButton => frame.Locator(".continue-button");

    public ILocator Compose => frame.Locator("form.compose");

    public ILocator ComposeUser => Compose.Locator(".compose-user");

    public ILocator MessageBox => Compose.Locator("textarea[name=text]");

    /// <summary>The line above the message box that says what a send will do besides posting: "Replying to NAME", "Editing your post".</summary>
    public ILocator ComposeContext => Compose.Locator(".compose-context");

    /// <summary>Every post's text, in the order shown.</summary>
    public ILocator PostTexts => frame.Locator(".post .post-text");

    /// <summary>The posts whose text contains <paramref name="text"/>.</summary>
    public ILocator Post(string text) =>
        frame.Locator(".post").Filter(new() { Has = frame.Locator(".post-text", new() { HasText = text }) });

    /// <summary>Taps the post's own text, which opens its action bar, and clicks the action named <paramref name="action"/>.</summary>
    public async Task ActOnPostAsync(string text, string action)
    {
        var post = Post(text);
        // Its own text, not a reply's: a thread's root holds its replies.
        await post.Locator(":scope > .post-text").ClickAsync();
        await post.Locator(":scope > .post-actions").GetByRole(AriaRole.Button, new() { Name = action, Exact = true }).ClickAsync();
    }

    /// <summary>Runs <paramref name="script"/>, a function of the widget's root element, inside the iframe.</summary>
    public Task<T> EvaluateAsync<T>(string script) => Root.EvaluateAsync<T>(script);

    /// <summary>As above, with <paramref name="argument"/> as the function's second parameter.</summary>
    public Task<T> EvaluateAsync<T>(string script, object argument) => Root.EvaluateAsync<T>(script, argument);

    /// <summary>Types a message and sends it with Enter, as a visitor would.</summary>
    public async Task SendAsync(string text)
    {
        await MessageBox.FillAsync(text);
        await MessageBox.PressAsync("Enter");
        // The box empties once the server has taken the post.
        await Expect(MessageBox).ToHaveValueAsync("");
    }

    /// <summary>Clicks sign-in and returns the popup the widget opens on its own domain.</summary>
    public Task<IPage> ClickSignInAsync() => page.RunAndWaitForPopupAsync(() => SignInButton.ClickAsync());

    /// <summary>
    /// The whole first sign-in: popup, the provider's login and consent pages, back to a compose form, and live again
    /// as the signed-in visitor. Until then the widget is between connections, and what is never stored, typing, passes it by.
    /// </summary>
    public async Task SignInThroughPopupAsync(string login)
    {
        var popup = await ClickSignInAsync();
        await SignInPopup.SignInAsync(popup, login);
        await SignInPopup.WaitUntilClosedAsync(popup);
        await Expect(Compose).ToBeVisibleAsync();
        await Expect(Root).Not.ToHaveAttributeAsync("data-offline", "");
    }
}
