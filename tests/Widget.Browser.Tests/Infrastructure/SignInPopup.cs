using Microsoft.Playwright;

namespace Widget.Browser.Tests.Infrastructure;

/// <summary>The sign-in popup, driven through the development provider's pages as a visitor would.</summary>
internal static class SignInPopup
{
    /// <summary>Fills the provider's login form (any password signs in) and confirms its consent page.</summary>
    public static async Task SignInAsync(IPage popup, string login)
    {
        await popup.Locator("input[name=login]").FillAsync(login);
        await popup.Locator("input[name=password]").FillAsync("any password");
        await popup.GetByRole(AriaRole.Button, new() { Name = "Sign-in" }).ClickAsync();
        await popup.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
    }

    /// <summary>Waits for the popup to close itself, failing with the page it is stuck on if it does not.</summary>
    public static async Task WaitUntilClosedAsync(IPage popup)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        popup.Close += (_, _) => closed.TrySetResult();
        if (popup.IsClosed)
        {
            return;
        }

        try
        {
            await closed.Task.WaitAsync(TimeSpan.FromMilliseconds(Browsers.StepTimeoutMs), TestContext.Current.CancellationToken);
        }
        catch (TimeoutException)
        {
            var text = popup.IsClosed ? "" : await popup.Locator("body").InnerTextAsync();
            throw new TimeoutException($"The sign-in popup did not close itself; it shows {popup.Url}: {text}");
        }
    }
}
