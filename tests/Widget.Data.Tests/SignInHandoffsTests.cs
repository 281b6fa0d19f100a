using System.Security.Cryptography;
using System.Text;
using Widget.Data.Accounts;

namespace Widget.Data.Tests;

public sealed class SignInHandoffsTests(PostgresFixture postgres)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);
    private static readonly byte[] NonceHash = Hash("nonce chosen by the iframe");
    private static readonly byte[] OtherNonceHash = Hash("another iframe's nonce");
    private const string Code = "one-time-code";

    [Fact]
    public async Task Redeem_WhenCodeAndNonceMatch_ReturnsTheSessionOnlyOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(postgres, ct);
        var session = await CreateHandoffAsync(db, ct);

        var first = await RedeemAsync(db, NonceHash, Code, ct);
        var second = await RedeemAsync(db, NonceHash, Code, ct);

        Assert.Equal(session, first);
        Assert.Null(second);
    }

    [Fact]
    public async Task Redeem_WhenCodeOrNonceIsWrong_ReturnsNullAndLeavesTheCodeRedeemable()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(postgres, ct);
        var session = await CreateHandoffAsync(db, ct);

        Assert.Null(await RedeemAsync(db, NonceHash, "wrong-code", ct));
        Assert.Null(await RedeemAsync(db, OtherNonceHash, Code, ct));
        Assert.Equal(session, await RedeemAsync(db, NonceHash, Code, ct));
    }

    [Fact]
    public async Task FindCodeAndRedeem_WhenCodeHasExpired_ReturnNull()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(postgres, ct);
        await CreateHandoffAsync(db, ct);
        db.Time.Advance(Lifetime - TimeSpan.FromSeconds(1));
        Assert.Equal(Code, await FindCodeAsync(db, NonceHash, ct));

        db.Time.Advance(TimeSpan.FromSeconds(2));

        Assert.Null(await FindCodeAsync(db, NonceHash, ct));
        Assert.Null(await RedeemAsync(db, NonceHash, Code, ct));
    }

    [Fact]
    public async Task FindCode_ReturnsTheCodeForItsNonceUntilItIsRedeemed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(postgres, ct);
        await CreateHandoffAsync(db, ct);

        Assert.Equal(Code, await FindCodeAsync(db, NonceHash, ct));
        Assert.Null(await FindCodeAsync(db, OtherNonceHash, ct));
        Assert.NotNull(await RedeemAsync(db, NonceHash, Code, ct));
        Assert.Null(await FindCodeAsync(db, NonceHash, ct));
    }

    [Fact]
    public async Task Redeem_WhenTenRedeemTheSameCodeAtOnce_OnlyOneSucceeds()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(postgres, ct);
        var session = await CreateHandoffAsync(db, ct);

        var results = await Task.WhenAll(Enumerable.Range(0, 10)
            .Select(_ => Task.Run(() => RedeemAsync(db, NonceHash, Code, ct), ct)));

        Assert.Equal(session, Assert.Single(results, r => r is not null));
    }

    [Fact]
    public async Task Create_WhenNonceIsUsedAgain_ReplacesTheEarlierCode()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(postgres, ct);
        await CreateHandoffAsync(db, ct);
        var later = await db.SignInAsync("Ann", ct);

        await db.InScopeAsync<SignInHandoffs>(
            handoffs => handoffs.CreateAsync(NonceHash, "newer-code", later.SessionId, Lifetime, ct));

        Assert.Equal("newer-code", await FindCodeAsync(db, NonceHash, ct));
        Assert.Null(await RedeemAsync(db, NonceHash, Code, ct));
        Assert.Equal(later.SessionId, await RedeemAsync(db, NonceHash, "newer-code", ct));
    }

    private static byte[] Hash(string nonce) => SHA256.HashData(Encoding.UTF8.GetBytes(nonce));

    private static async Task<Guid> CreateHandoffAsync(TestDatabase db, CancellationToken ct)
    {
        var user = await db.SignInAsync("Ann", ct);
        await db.InScopeAsync<SignInHandoffs>(
            handoffs => handoffs.CreateAsync(NonceHash, Code, user.SessionId, Lifetime, ct));
        return user.SessionId;
    }

    private static Task<string?> FindCodeAsync(TestDatabase db, byte[] nonceHash, CancellationToken ct) =>
        db.InScopeAsync<SignInHandoffs, string?>(handoffs => handoffs.FindCodeAsync(nonceHash, ct));

    private static Task<Guid?> RedeemAsync(TestDatabase db, byte[] nonceHash, string code, CancellationToken ct) =>
        db.InScopeAsync<SignInHandoffs, Guid?>(handoffs => handoffs.RedeemAsync(nonceHash, code, ct));
}
