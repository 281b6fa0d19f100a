using Widget.Core.Text;

namespace Widget.Core.Tests;

public sealed class SignInLinksTests
{
    [Theory]
    [InlineData("https://chat.example/auth/popup?provider=dev&nonce=abc")]
    [InlineData("https://chat.example:8443/auth/challenge")]
    [InlineData("https://CHAT.example/AUTH/popup")]
    [InlineData("https://chat.example//auth/popup")]
    [InlineData("https://chat.example/%61uth/popup")]
    [InlineData("https://chat.example/account/signout")]
    [InlineData("https://chat.example/signin-oidc/dev?code=x")]
    public void Targets_OwnSignInAndAccountPages_IsTrue(string url) =>
        Assert.True(SignInLinks.Targets(url, "chat.example"));

    [Theory]
    [InlineData("https://chat.example/t/demo")]
    [InlineData("https://chat.example/authors")]
    [InlineData("https://elsewhere.example/auth/popup")]
    [InlineData("https://chat.example.evil/account/")]
    [InlineData("not a url")]
    public void Targets_AnythingElse_IsFalse(string url) =>
        Assert.False(SignInLinks.Targets(url, "chat.example"));

    [Fact]
    public void Targets_WithoutAKnownOwnHost_TakesEveryHostForOurs()
    {
        Assert.True(SignInLinks.Targets("https://elsewhere.example/auth/popup", ownHost: null));
        Assert.False(SignInLinks.Targets("https://elsewhere.example/t/demo", ownHost: null));
    }
}
