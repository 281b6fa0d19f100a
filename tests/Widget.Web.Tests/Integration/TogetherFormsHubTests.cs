using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Widget.Core.Sites;
using Widget.Testing;
using Widget.Web.Tests.Infrastructure;
using Widget.Web.Together;

namespace Widget.Web.Tests.Integration;

/// <summary>Forms filled in together on the real service: only participants relay form state, within size and rate.</summary>
public sealed class TogetherFormsHubTests(WidgetApp app)
{
    private static readonly FormUpdate Typed = new("/book", "AQLs7/zZDwAEAXR3aXNoZXMBYQA=", 0, 1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SendForm_FromAParticipant_ReachesTheOthersUnchanged_WithTheSender()
    {
        var (anna, boris, session) = await TwoInASessionAsync();
        await using var annaConnection = anna;
        await using var borisConnection = boris;

        await anna.SendFormAsync(session.SessionId, Typed, Ct);

        Assert.Equal(new FormRelay(session.SessionId, anna.User.User.Id, Typed), await NextAsync(boris.FormChanges));
        await AssertNothingAsync(anna.FormChanges);
    }

    [Fact]
    public async Task SendForm_FromSomeoneOutsideTheSession_IsRefusedAndReachesNobody()
    {
        var (anna, boris, session) = await TwoInASessionAsync();
        await using var annaConnection = anna;
        await using var borisConnection = boris;
        await using var stranger = await TogetherClient.ConnectNewAsync(app, Ct);

        var refusal = await Assert.ThrowsAsync<HubException>(() => stranger.SendFormAsync(session.SessionId, Typed, Ct));

        Assert.Contains("not in this session", refusal.Message, StringComparison.Ordinal);
        await AssertNothingAsync(anna.FormChanges);
        await AssertNothingAsync(boris.FormChanges);
    }

    [Fact]
    public async Task SendForm_OverThePieceSize_OrNotBase64_OrOffAPage_IsRefused()
    {
        var (anna, boris, session) = await TwoInASessionAsync();
        await using var annaConnection = anna;
        await using var borisConnection = boris;

        foreach (var bad in new[]
        {
            Typed with { Data = new string('A', FormUpdate.MaxDataLength + 4) },
            Typed with { Data = "not base64!" },
            Typed with { Page = "https://elsewhere.example/book" },
            Typed with { Part = 3, Parts = 2 },
            Typed with { Parts = FormUpdate.MaxParts + 1 },
        })
        {
            var refusal = await Assert.ThrowsAsync<HubException>(() => anna.SendFormAsync(session.SessionId, bad, Ct));
            Assert.Contains("form change cannot be passed on", refusal.Message, StringComparison.Ordinal);
        }

        await AssertNothingAsync(boris.FormChanges);
    }

    [Fact]
    public async Task SendForm_PastTheByteBudget_IsRefused_TheRestPassesOn()
    {
        var (anna, boris, session) = await TwoInASessionAsync();
        await using var annaConnection = anna;
        await using var borisConnection = boris;
        var largest = Typed with { Data = new string('A', FormUpdate.MaxDataLength) };
        var burst = new TogetherFormOptions().ByteBurst / (FormUpdate.MaxDataLength + largest.Page.Length);

        var passed = 0;
        var refused = 0;
        for (var i = 0; i < burst + 8; i++)
        {
            try
            {
                await anna.SendFormAsync(session.SessionId, largest, Ct);
                passed++;
            }
            catch (HubException e) when (e.Message.Contains("Too many", StringComparison.Ordinal))
            {
                refused++;
            }
        }

        Assert.InRange(passed, burst, burst + 4);
        Assert.True(refused >= 5, $"Only {refused} of {burst + 8} were refused.");
        for (var i = 0; i < passed; i++)
        {
            await NextAsync(boris.FormChanges);
        }

        await AssertNothingAsync(boris.FormChanges);
    }

    private async Task<(TogetherClient Creator, TogetherClient Joiner, SessionView Session)> TwoInASessionAsync()
    {
        var tag = TestTags.New();
        var owner = await Users.NewAsync(app, Ct);
        await SiteSeeder.ClaimAsync(app.Services, tag, owner.User.Id, new SiteSettings { BrowseTogether = true }, Ct);
        var creator = await TogetherClient.ConnectNewAsync(app, Ct);
        var session = await creator.StartAsync(tag, Ct);
        var joiner = await TogetherClient.ConnectNewAsync(app, Ct);
        await joiner.KnockAsync(session.SessionId, Ct);
        await creator.AdmitAsync(session.SessionId, (await NextAsync(creator.Knocks)).UserId, Ct);
        await NextAsync(joiner.Admissions);
        return (creator, joiner, session);
    }

    private static async Task<T> NextAsync<T>(ChannelReader<T> reader)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        return await reader.ReadAsync(timeout.Token);
    }

    private static async Task AssertNothingAsync<T>(ChannelReader<T> reader)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(600), Ct);
        Assert.False(reader.TryRead(out var item), $"Expected nothing, got {item}.");
    }
}
