using Microsoft.Extensions.DependencyInjection;
using Widget.Browser.Tests.Infrastructure;
using Widget.Core.Sites;
using Widget.Testing;
using Widget.Web.Moderation;
using static Microsoft.Playwright.Assertions;

namespace Widget.Browser.Tests;

/// <summary>A site set to Russian: its visitor reads the server's refusals in Russian, with times on their own clock.</summary>
public sealed class RussianWidgetTests(WidgetApp app, HostPages hostPages, Browsers browsers)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SlowModeAndABan_AreSaidInRussian_WithTheBansEndInTheVisitorsTimeZone()
    {
        var tag = TestTags.New();
        var hostPage = hostPages.Add(HostPages.IframeSnippet(app.WidgetUri(tag)));
        using var owner = await ApiAuthor.SignInAsync(app, TestTags.NewLogin(), Ct);
        await SiteSeeder.ClaimAsync(app.Services, tag, owner.UserId, new SiteSettings { Language = WidgetLanguage.Ru }, Ct);
        await ModerateAsync(m => m.SetSlowModeAsync(owner.UserId, tag, 30, Ct));
        await using var anna = await browsers.NewVisitorAsync("anna", new() { TimezoneId = "Asia/Tokyo" });
        var annas = await anna.OpenAsync(hostPage);
        await Expect(annas.Root.Locator(".presence")).ToHaveTextAsync("Сейчас здесь 1 человек");
        await annas.SignInThroughPopupAsync(TestTags.NewLogin());

        await annas.SendAsync("привет");
        await annas.MessageBox.FillAsync("ещё раз");
        await annas.MessageBox.PressAsync("Enter");
        await Expect(annas.Root.Locator(".status")).ToContainTextAsync($"В #{tag} медленный режим: одно сообщение в 30 секунд. Попробуйте через");

        var annaId = long.Parse((await annas.Post("привет").GetAttributeAsync("data-author-id"))!, System.Globalization.CultureInfo.InvariantCulture);
        // 15:30 UTC is half past midnight the next day in Tokyo.
        var until = new DateTimeOffset(2099, 12, 1, 15, 30, 0, TimeSpan.Zero);
        await ModerateAsync(m => m.BanAsync(owner.UserId, tag, annaId, until, "спам", shadow: false, Ct));

        var status = annas.Root.Locator(".status");
        await Expect(status).ToContainTextAsync($"Вы заблокированы в #{tag} до 2 дек. 2099");
        await Expect(status).ToContainTextAsync("00:30");
        await Expect(status).ToContainTextAsync("Причина: спам");
        Assert.DoesNotContain("2099-12-01T", await status.TextContentAsync() ?? "", StringComparison.Ordinal);
    }

    private async Task ModerateAsync(Func<ModerationService, Task<ModerationOutcome>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var outcome = await action(scope.ServiceProvider.GetRequiredService<ModerationService>());
        Assert.True(outcome.Done, outcome.Message);
    }
}
