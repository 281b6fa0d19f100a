using Widget.Data.Accounts;

namespace Widget.Data.Tests;

public sealed class AccountStoreTests(PostgresFixture postgres)
{
    [Fact]
    public async Task SignIn_WhenSameAccountSignsInTwice_KeepsTheUserAndOpensASecondSession()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(postgres, ct);

        var first = await db.SignInAsync("https://a.example", "42", "Ann", ct);
        var second = await db.SignInAsync("https://a.example", "42", "Ann Renamed", ct);

        Assert.Equal(first.UserId, second.UserId);
        Assert.NotEqual(first.SessionId, second.SessionId);
        Assert.Equal("Ann Renamed", second.DisplayName);
        // The new name is stored, so the older session shows it too.
        var older = await FindActiveSessionAsync(db, first.SessionId, ct);
        Assert.Equal(new SessionUser(first.SessionId, first.UserId, "Ann Renamed"), older);
        Assert.Equal(1, await db.ScalarAsync("SELECT count(*) FROM users", ct));
    }

    [Fact]
    public async Task SignIn_WithANameCutInsideAnEmojiOrHoldingNul_StoresItCleaned()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(postgres, ct);

        var user = await db.SignInAsync("https://a.example", "7", new string('a', 99) + "😀\0", ct);

        Assert.Equal(new string('a', 99), user.DisplayName);
        Assert.Equal(new string('a', 99), (await FindActiveSessionAsync(db, user.SessionId, ct))!.DisplayName);
    }

    [Fact]
    public async Task SignIn_WhenSameAccountSignsInTenTimesAtOnce_CreatesOneUser()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(postgres, ct);

        var sessions = await Task.WhenAll(Enumerable.Range(0, 10)
            .Select(_ => Task.Run(() => db.SignInAsync("https://a.example", "42", "Ann", ct), ct)));

        Assert.Single(sessions.Select(s => s.UserId).Distinct());
        Assert.Equal(10, sessions.Select(s => s.SessionId).Distinct().Count());
        Assert.Equal(1, await db.ScalarAsync("SELECT count(*) FROM users", ct));
        Assert.Equal(10, await db.ScalarAsync("SELECT count(*) FROM sessions", ct));
    }

    [Fact]
    public async Task SignIn_WhenSubjectIsFromAnotherIssuer_IsAnotherUser()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(postgres, ct);

        var atA = await db.SignInAsync("https://a.example", "42", "Ann", ct);
        var atB = await db.SignInAsync("https://b.example", "42", "Ann", ct);

        Assert.NotEqual(atA.UserId, atB.UserId);
    }

    [Fact]
    public async Task SignIn_WhenSameEmailIsTheNameAtTwoIssuers_NeverMergesAccounts()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(postgres, ct);

        var atA = await db.SignInAsync("https://a.example", "a-1", "ann@example.com", ct);
        var atB = await db.SignInAsync("https://b.example", "b-7", "ann@example.com", ct);
        var atAAgain = await db.SignInAsync("https://a.example", "a-1", "ann@example.com", ct);

        Assert.NotEqual(atA.UserId, atB.UserId);
        Assert.Equal(atA.UserId, atAAgain.UserId);
        Assert.Equal(2, await db.ScalarAsync("SELECT count(*) FROM users", ct));
    }

    [Fact]
    public async Task FindActiveSession_WhenSessionIsRevoked_ReturnsNull()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(postgres, ct);
        var laptop = await db.SignInAsync("https://a.example", "42", "Ann", ct);
        var phone = await db.SignInAsync("https://a.example", "42", "Ann", ct);
        Assert.Equal(laptop, await FindActiveSessionAsync(db, laptop.SessionId, ct));

        await db.InScopeAsync<AccountStore>(accounts => accounts.RevokeSessionAsync(laptop.SessionId, ct));

        Assert.Null(await FindActiveSessionAsync(db, laptop.SessionId, ct));
        Assert.Equal(phone, await FindActiveSessionAsync(db, phone.SessionId, ct));
    }

    [Fact]
    public async Task FindActiveSession_WhenSessionIsUnknown_ReturnsNull()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(postgres, ct);
        await db.SignInAsync("https://a.example", "42", "Ann", ct);

        Assert.Null(await FindActiveSessionAsync(db, Guid.NewGuid(), ct));
    }

    private static Task<SessionUser?> FindActiveSessionAsync(TestDatabase db, Guid sessionId, CancellationToken ct) =>
        db.InScopeAsync<AccountStore, SessionUser?>(accounts => accounts.FindActiveSessionAsync(sessionId, ct));
}
