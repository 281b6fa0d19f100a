using Widget.Core.Moderation;
using Widget.Data.Moderation;

namespace Widget.Data.Tests;

public sealed class PostingChecksTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Read_WhenManyAttemptsAreMadeAtOnce_GivesEachTheBansRulesAndQueueOfItsOwnUserAndTags()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(postgres, ct);
        var (ann, bob, cat, dan) = (await db.SignInAsync("Ann", ct), await db.SignInAsync("Bob", ct),
            await db.SignInAsync("Cat", ct), await db.SignInAsync("Dan", ct));
        var now = db.Time.GetUtcNow();
        await db.InScopeAsync<ModerationStore>(async m =>
        {
            await m.BanAsync("news", ann.UserId, now.AddHours(1), "spam", shadow: false, dan.UserId, ct);
            await m.BanAsync("mysite", bob.UserId, null, "trolling", shadow: true, dan.UserId, ct);
            await m.BanAsync("mysite", cat.UserId, now.AddMinutes(-1), "heat", shadow: false, dan.UserId, ct);
        });
        await db.InScopeAsync<ChannelRulesStore>(async r =>
        {
            await r.SetSlowModeAsync("slow", 60, ann.UserId, ct);
            await r.SetBlockedWordsAsync("slow", ["spoiler"], ann.UserId, ct);
            await r.SetPremoderationAsync("held", PremoderationMode.EveryPost, ann.UserId, ct);
            await r.SetPremoderationAsync("first", PremoderationMode.FirstPost, ann.UserId, ct);
        });
        await db.PostAsync(dan.UserId, "slow", "an earlier post", ct);
        await db.PostAsync(dan.UserId, "first", "shown already", ct);

        // Each attempt, and what it must find: the ban in force (tag, shadow), the tags whose ban ran out,
        // the channel's rules (slow mode, words, the user's last post there) and the tag that holds it.
        (long User, string Channel, string[] Tags, string Expected)[] cases =
        [
            (ann.UserId, "mysite", ["mysite", "news"], "news False||||"),
            (bob.UserId, "mysite", ["mysite"], "mysite True||||"),
            (cat.UserId, "mysite", ["mysite"], "|mysite|||"),
            (dan.UserId, "slow", ["slow"], $"||60 spoiler {now:O}||"),
            (ann.UserId, "slow", ["slow"], "||60 spoiler ||"),
            (dan.UserId, "first", ["first", "held"], "|||held|"),
            (ann.UserId, "first", ["first", "held"], "|||first|"),
            (dan.UserId, "mysite", ["mysite"], "||||"),
        ];
        var attempts = Enumerable.Range(0, 80).Select(i => cases[i % cases.Length]).ToArray();

        var found = await Task.WhenAll(attempts.Select(a => Task.Run(
            () => db.InScopeAsync<PostingChecks, PostingCheck>(checks => checks.ReadAsync(a.User, a.Channel, a.Tags, ct)), ct)));

        Assert.Equal(attempts.Select(a => a.Expected), found.Select(Describe));
    }

    private static string Describe(PostingCheck check) =>
        $"{check.Bans.InForce?.Tag} {check.Bans.InForce?.Shadow}".Trim() + "|" + string.Join(",", check.Bans.RunOut) + "|"
        + (check.Rules is { } r ? $"{r.SlowModeSeconds} {string.Join(",", r.BlockedWords)} {r.LastPostAt:O}" : "") + "|"
        + check.HoldingTag + "|";
}
