using Microsoft.AspNetCore.SignalR;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

/// <summary>A widget in Russian hears the hub's refusals and notices in Russian; one in English, in English.</summary>
public sealed class VisitorLanguageTests(WidgetApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SlowModeAndBlockedWords_RefuseARussianWidgetInRussian()
    {
        var tag = TestTags.New();
        var owner = await Users.OwnerOfAsync(app, tag, Ct);
        var author = await Users.NewAsync(app, Ct);
        await using var writer = await LiveViewer.ConnectAsync(app, author.AccessToken, Ct, "ru");
        await ModerationDesk.RunAsync(app, m => m.SetBlockedWordsAsync(owner.User.Id, tag, "casino", Ct));
        await ModerationDesk.RunAsync(app, m => m.SetSlowModeAsync(owner.User.Id, tag, 21, Ct));

        var blocked = await Assert.ThrowsAsync<HubException>(() => writer.PostAsync(tag, "best casino", Ct));
        await writer.PostAsync(tag, "один", Ct);
        var slow = await Assert.ThrowsAsync<HubException>(() => writer.PostAsync(tag, "два", Ct));

        Assert.Contains($"Сообщения в #{tag} не могут содержать слово «casino»", blocked.Message, StringComparison.Ordinal);
        Assert.Contains($"В #{tag} медленный режим: одно сообщение в 21 секунду. Попробуйте через", slow.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ban_ReachesEachWidgetOfTheUserInItsOwnLanguage_WithItsEndAsAnInstant()
    {
        var tag = TestTags.New();
        var owner = await Users.OwnerOfAsync(app, tag, Ct);
        var troll = await Users.NewAsync(app, Ct);
        await using var russian = await LiveViewer.ConnectAsync(app, troll.AccessToken, Ct, "ru");
        await using var english = await LiveViewer.ConnectAsync(app, troll.AccessToken, Ct, "en");
        var until = new DateTimeOffset(2099, 12, 1, 9, 30, 0, TimeSpan.Zero);

        await ModerationDesk.RunAsync(app, m => m.BanAsync(owner.User.Id, tag, troll.User.Id, until, "оскорбления", shadow: false, Ct));
        var toRussian = await russian.NextBanAsync(Ct);
        var toEnglish = await english.NextBanAsync(Ct);
        var refused = await Assert.ThrowsAsync<HubException>(() => russian.PostAsync(tag, "снова", Ct));
        var mine = await russian.MineAsync(tag, 0, Ct);
        await ModerationDesk.RunAsync(app, m => m.LiftBanAsync(owner.User.Id, tag, troll.User.Id, Ct));
        var over = await russian.NextUnbanAsync(Ct);

        Assert.Equal($"Вы заблокированы в #{tag} до 2099-12-01T09:30:00Z. Причина: оскорбления", toRussian.Message);
        Assert.Equal($"You are banned from #{tag} until 2099-12-01T09:30:00Z. Reason: оскорбления", toEnglish.Message);
        Assert.Contains(toRussian.Message, refused.Message, StringComparison.Ordinal);
        Assert.Equal(toRussian.Message, mine.Ban?.Message);
        Assert.Equal($"Блокировка в #{tag} закончилась: можно снова писать.", over.Message);
    }

    [Fact]
    public async Task Report_ThanksARussianWidgetInRussian_AndSignedOutCallsAreAskedToSignInInRussian()
    {
        var tag = TestTags.New();
        var author = await Users.NewAsync(app, Ct);
        var reader = await Users.NewAsync(app, Ct);
        await using var writer = await LiveViewer.ConnectAsync(app, author.AccessToken, Ct, "ru");
        await using var reporter = await LiveViewer.ConnectAsync(app, reader.AccessToken, Ct, "ru");
        await using var anonymous = await LiveViewer.ConnectAsync(app, token: null, Ct, "ru");
        var post = (await writer.PostAsync(tag, "спам", Ct)).Post;

        var thanks = await reporter.ReportAsync(tag, post.Id, "Спам", Ct);
        var signIn = await Assert.ThrowsAsync<HubException>(() => anonymous.PostAsync(tag, "привет", Ct));
        var tooLong = await Assert.ThrowsAsync<HubException>(() => writer.PostAsync(tag, new string('я', 2001), Ct));

        Assert.Equal("Спасибо: модераторы посмотрят.", thanks);
        Assert.Contains("Войдите, чтобы писать.", signIn.Message, StringComparison.Ordinal);
        Assert.Contains("не длиннее 2000 символов", tooLong.Message, StringComparison.Ordinal);
    }
}
